/**
 * Wraps the display of a practitioner entry on the patient's side: the signature is checked every
 * time (entry-payload.ts). Verified: "From Dr X — verified", the self-declared ID, the signed
 * content only, and the prescription PDF. Invalid: a warning and no content at all (not even the
 * title, which is unverified too). The verdict is handed to `children` so it sits under the title.
 */
import { type JSX, Match, Show, Switch } from 'solid-js';
import type { PractitionerEntry } from '../../../../shared/schema/practitioner-entry.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { checkStoredEntry } from './entry-payload.ts';
import { downloadPrescription } from './pdf-download.ts';
import './shares.css';

export function EntryCheckView(props: {
  record: PractitionerEntry;
  children: (entry: PractitionerEntry, verdict: JSX.Element) => JSX.Element;
}) {
  const app = useApp();
  const { t, locale } = useI18n();
  const check = () => checkStoredEntry(props.record);
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
          return c.status === 'verified' ? c.payload : undefined;
        })()}
      >
        {(payload) => (
          <div class="stack">
            {props.children(
              payload().entry,
              <p class="message entry-check entry-check--verified">
                {t('shares.verify.verified', { name: payload().author.name })}
                <Show when={payload().author.professionalId}>
                  {(id) => <> — {t('shares.verify.selfDeclared', { id: id() })}</>}
                </Show>
              </p>,
            )}
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
                      });
                    }}
                  >
                    {t('shares.entry.pdf')}
                  </button>
                </div>
              )}
            </Show>
          </div>
        )}
      </Match>
    </Switch>
  );
}
