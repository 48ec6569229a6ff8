/**
 * Wraps the display of a practitioner entry on the patient's side. It reads the verdict computed
 * when the entry's envelope was opened (shares/entry-payload.ts, kept with the record by the
 * store): no signature is checked here. Verified: "From Dr X", the key's fingerprint to compare with
 * the practitioner's own screen, the self-declared ID, the signed content only, and the
 * prescription PDF; when that practitioner's account had shown another key before, a warning says
 * so instead of "verified". Invalid: a warning and no content at all (not even the title, which is
 * unverified too). The verdict line is handed to `children` so it sits under the title.
 */
import { type JSX, Match, Show, Switch } from 'solid-js';
import type { PractitionerEntry } from '../../../../shared/schema/practitioner-entry.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { EntryVerdict } from '../../records/entry-verdict.ts';
import { downloadPrescription } from '../../shares/pdf-download.ts';
import { useApp } from '../../store/app-context.tsx';
import { formatFileSize } from '../documents/document-files.ts';

export function EntryVerdictView(props: {
  record: PractitionerEntry;
  verdict: EntryVerdict | undefined;
  children: (entry: PractitionerEntry, verdict: JSX.Element) => JSX.Element;
}) {
  const app = useApp();
  const { t, locale } = useI18n();
  const check = (): EntryVerdict => props.verdict ?? { status: 'invalid' };
  return (
    <Switch>
      <Match when={check().status === 'invalid'}>
        <section class="stack" aria-labelledby="entry-invalid-title">
          <h1 id="entry-invalid-title">{t('record.kinds.practitioner-entry')}</h1>
          <p class="message message--error entry-check entry-check--invalid" role="alert">
            {t('shares.verify.invalid')}
          </p>
        </section>
      </Match>
      <Match when={check().status === 'unsigned'}>
        {props.children(props.record, <p class="message entry-check">{t('shares.verify.unsigned')}</p>)}
      </Match>
      <Match
        when={(() => {
          const c = check();
          return c.status === 'verified' ? c : undefined;
        })()}
      >
        {(verified) => {
          const payload = () => verified().payload;
          return (
            <div class="stack">
              {props.children(
                payload().entry,
                <p
                  class={`message entry-check ${verified().keyChanged ? 'entry-check--changed' : 'entry-check--verified'}`}
                  role={verified().keyChanged ? 'alert' : undefined}
                >
                  {verified().keyChanged
                    ? t('shares.verify.keyChanged', { name: payload().author.name })
                    : t('shares.verify.verified', { name: payload().author.name })}
                  <Show when={payload().author.professionalId}>
                    {(id) => <> — {t('shares.verify.selfDeclared', { id: id() })}</>}
                  </Show>
                  <br />
                  {t('shares.verify.fingerprint')}{' '}
                  <span class="entry-check__fingerprint">{verified().fingerprint}</span>
                </p>,
              )}
              <Show when={payload().entry.attachment}>
                {(file) => (
                  <Show
                    when={props.record.received?.attachment === 'imported'}
                    fallback={
                      <p class="message message--error entry-attachment" role="alert">
                        {t('shares.verify.attachmentInvalid', { name: file().name })}
                      </p>
                    }
                  >
                    <p class="message entry-attachment">
                      {t('shares.verify.attachmentImported', {
                        name: file().name,
                        size: formatFileSize(file().size, locale()),
                      })}
                    </p>
                  </Show>
                )}
              </Show>
              <Show when={payload().entry.entryType === 'prescription' ? payload().entry : undefined}>
                {(rx) => (
                  <div class="form-actions">
                    <button
                      type="button"
                      class="button button--secondary"
                      onClick={() => {
                        const profile = app.profiles().find((p) => p.id === payload().profileId)?.profile;
                        void downloadPrescription({
                          entry: rx() as Extract<PractitionerEntry, { entryType: 'prescription' }>,
                          patientName: profile?.displayName ?? '',
                          dateOfBirth: profile?.dateOfBirth ?? null,
                          place: payload().author.city ?? '…',
                          locale: locale() === 'fr' ? 'fr' : 'en',
                        }).then(() => app.noteDeviceEvent('export-made', payload().profileId));
                      }}
                    >
                      {t('shares.entry.pdf')}
                    </button>
                  </div>
                )}
              </Show>
            </div>
          );
        }}
      </Match>
    </Switch>
  );
}
