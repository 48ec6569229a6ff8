/** How the backup is opened: its passphrase or the recovery key, typed, with the error when it is wrong. */
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { PassphraseInput } from '../../ui/passphrase-input.tsx';

export type RestoreSecretKind = 'passphrase' | 'recovery-key';

export function RestoreSecretField(props: {
  kind: RestoreSecretKind;
  onKind: (kind: RestoreSecretKind) => void;
  secret: string;
  onSecret: (value: string) => void;
  error: string | null;
}) {
  const { t } = useI18n();
  return (
    <>
      <fieldset class="field">
        <legend>{t('backup.restore.secretLegend')}</legend>
        <label class="restore-choice">
          <input
            type="radio"
            name="restore-secret"
            checked={props.kind === 'passphrase'}
            onChange={() => props.onKind('passphrase')}
          />{' '}
          {t('backup.restore.usePassphrase')}
        </label>
        <label class="restore-choice">
          <input
            type="radio"
            name="restore-secret"
            checked={props.kind === 'recovery-key'}
            onChange={() => props.onKind('recovery-key')}
          />{' '}
          {t('backup.restore.useRecoveryKey')}
        </label>
      </fieldset>
      <div class="field">
        <Show
          when={props.kind === 'recovery-key'}
          fallback={
            <PassphraseInput
              id="restore-secret"
              label={t('backup.restore.passphrase')}
              value={props.secret}
              onInput={props.onSecret}
              autocomplete="current-password"
              invalid={props.error !== null}
              describedBy={props.error ? 'restore-secret-error' : undefined}
            />
          }
        >
          <label for="restore-secret">{t('backup.restore.recoveryKey')}</label>
          <textarea
            id="restore-secret"
            class="restore-key-input"
            rows="3"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            translate="no"
            value={props.secret}
            onInput={(event) => props.onSecret(event.currentTarget.value)}
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? 'restore-secret-error' : undefined}
          />
        </Show>
        <Show when={props.error}>
          <p class="field__error" id="restore-secret-error">
            {props.error}
          </p>
        </Show>
      </div>
    </>
  );
}
