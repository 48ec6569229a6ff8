/** The field errors of an "email + passphrase" form (turn on sync, sign in), in the UI's language. */
import type { I18n } from '../../strings/create-i18n.ts';
import { checkEmail } from './email-check.ts';

export interface CredentialErrors {
  email: string | null;
  passphrase: string | null;
}

export function credentialErrors(t: I18n['t'], email: string, passphrase: string): CredentialErrors {
  const problem = checkEmail(email);
  return {
    email: problem
      ? t(problem === 'empty' ? 'sync.settings.emailEmpty' : 'sync.settings.emailInvalid')
      : null,
    passphrase: passphrase === '' ? t('sync.settings.passphraseEmpty') : null,
  };
}
