/**
 * Wraps the display of a practitioner entry on the patient's side: the signature is checked every
 * time (entry-payload.ts). Verified: "From Dr X — verified", the self-declared ID, the signed
 * content only, and the prescription PDF. Invalid: a warning and no content at all.
 */
import { type JSX, Match, Show, Switch } from 'solid-js';
import type { PractitionerEntry } from '../../../../shared/schema/practitioner-entry.ts';
import { useApp } from '../../app/app-context.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { checkStoredEntry } from './entry-payload.ts';
import { downloadPrescription } from './pdf-download.ts';
import './shares.css';

export function EntryCheckView(props: {
  record: PractitionerEntry;
  children: (entry: PractitionerEntry) => JSX.Element;
}) {
  const app = useApp();
  const { t, locale } = useI18n();
  const check = () => checkStoredEntry(props.record);
  return (
    <Switch>
      <Match when={check().status === 'invalid'}>
        <p class="message message--error entry-check entry-check--invalid" role="alert">
          {t('shares.verify.invalid')}
        </p>
      </Match>
      <Match when={check().status === 'unsigned'}>
        <p class="message entry-check">{t('shares.verify.unsigned')}</p>
        {props.children(props.record)}
      </Match>
      <Match
        when={(() => {
          const c = check();
          return c.status === 'verified' ? c.payload : undefined;
        })()}
      >
        {(payload) => (
          <>
            <p class="message entry-check entry-check--verified">
              {t('shares.verify.verified', { name: payload().author.name })}
              <Show when={payload().author.professionalId}>
                {(id) => <> — {t('shares.verify.selfDeclared', { id: id() })}</>}
              </Show>
            </p>
            {props.children(payload().entry)}
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
          </>
        )}
      </Match>
    </Switch>
  );
}
