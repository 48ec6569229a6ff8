import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';
import { KdfProgressBar } from '../../ui/kdf-progress-bar.tsx';
import type { TermsConsent } from '../../vault/terms-acceptance.ts';
import { type TermsChoice, TermsFields, termsComplete } from '../legal/terms-fields.tsx';
import { NewPassphraseFields } from './new-passphrase-fields.tsx';
import { createNewPassphrase } from './new-passphrase-state.ts';

export interface ChoosePassphraseFormProps {
  /** Creates the vault with the terms accepted; rejects with the error to show. */
  create: (passphrase: string, consent: TermsConsent) => Promise<void>;
}

/**
 * Step 1 of creating a vault: a strong passphrase, the plain warning acknowledged, the terms accepted
 * and the 18+ declaration (features/legal).
 */
export function ChoosePassphraseForm(props: ChoosePassphraseFormProps) {
  const { t, locale } = useI18n();
  const fresh = createNewPassphrase(locale);
  const [acknowledged, setAcknowledged] = createSignal(false);
  const [ackError, setAckError] = createSignal(false);
  const [terms, setTerms] = createSignal<TermsChoice>({ terms: false, adult: false });
  const [termsErrors, setTermsErrors] = createSignal(false);
  const [formError, setFormError] = createSignal<string | null>(null);
  const { busy, submit } = createSubmit({
    blocked: fresh.checking,
    clear: () => setFormError(null),
    validate: async () => {
      const acceptable = await fresh.check();
      setAckError(!acknowledged());
      setTermsErrors(true);
      return acceptable && acknowledged() && termsComplete(terms());
    },
    run: () => props.create(fresh.passphrase(), { terms: true, adult: true }),
    fail: (error) => setFormError(errorText(t, error)),
    // Step 2 replaces the form.
    keepBusy: true,
  });

  return (
    <form class="stack" onSubmit={submit} novalidate>
      <p>{t('vault.create.passphraseIntro')}</p>
      <FormError text={formError()} />
      <fieldset class="vault-fieldset stack" disabled={busy()}>
        <NewPassphraseFields
          idPrefix="create"
          label={t('vault.passphrase.label')}
          passphrase={fresh.passphrase()}
          onPassphrase={fresh.setPassphrase}
          confirmation={fresh.confirmation()}
          onConfirmation={fresh.setConfirmation}
          errors={fresh.errors()}
        />
        <div class="message vault-warning">
          <h3 class="vault-warning__title">{t('vault.create.warningTitle')}</h3>
          <p id="create-warning">{t('vault.create.warning')}</p>
          <div class="vault-checkbox">
            <input
              id="create-acknowledge"
              type="checkbox"
              checked={acknowledged()}
              onChange={(event) => {
                setAcknowledged(event.currentTarget.checked);
                if (event.currentTarget.checked) setAckError(false);
              }}
              aria-invalid={ackError() ? 'true' : undefined}
              aria-describedby={ackError() ? 'create-warning create-acknowledge-error' : 'create-warning'}
            />
            <label for="create-acknowledge">{t('vault.create.acknowledge')}</label>
          </div>
          <Show when={ackError()}>
            <p class="field__error" id="create-acknowledge-error">
              {t('vault.create.acknowledgeError')}
            </p>
          </Show>
        </div>
        <TermsFields idPrefix="create" value={terms()} onChange={setTerms} showErrors={termsErrors()} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('vault.create.submit')}
          </button>
        </div>
      </fieldset>
      <KdfProgressBar active={busy()} />
    </form>
  );
}
