/**
 * The state every "choose a new passphrase" form shares (create, recover, change): the passphrase,
 * its confirmation, their errors, and one strength check at a time — the first check may wait for
 * the estimator's dictionaries to load, and a second press meanwhile must not start another.
 */
import { type Accessor, createSignal } from 'solid-js';
import type { Locale } from '../../i18n/locales.ts';
import { hasErrors, type NewPassphraseErrors } from './passphrase-rules.ts';
import { checkNewPassphrase } from './passphrase-strength.ts';

export interface NewPassphraseState {
  passphrase: Accessor<string>;
  setPassphrase(value: string): void;
  confirmation: Accessor<string>;
  setConfirmation(value: string): void;
  errors: Accessor<NewPassphraseErrors>;
  /** True while a check runs. */
  checking(): boolean;
  /** Checks and shows the errors; resolves true when the new passphrase is acceptable. */
  check(current?: string): Promise<boolean>;
  clear(): void;
}

export function createNewPassphrase(locale: Accessor<Locale>): NewPassphraseState {
  const [passphrase, setPassphrase] = createSignal('');
  const [confirmation, setConfirmation] = createSignal('');
  const [errors, setErrors] = createSignal<NewPassphraseErrors>({});
  let checking = false;
  return {
    passphrase,
    setPassphrase,
    confirmation,
    setConfirmation,
    errors,
    checking: () => checking,
    async check(current) {
      checking = true;
      try {
        const found = await checkNewPassphrase({
          passphrase: passphrase(),
          confirmation: confirmation(),
          locale: locale(),
          ...(current === undefined ? {} : { current }),
        });
        setErrors(found);
        return !hasErrors(found);
      } finally {
        checking = false;
      }
    },
    clear() {
      setPassphrase('');
      setConfirmation('');
    },
  };
}
