import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { memoryLocaleStorage } from '../i18n/locale-storage.ts';
import { ServerError } from '../server/server-error.ts';
import { allDictionaries } from '../strings/all-dictionaries.ts';
import { createI18n } from '../strings/create-i18n.ts';
import { errorText } from './error-text.ts';

const at = (reason: ServerError['reason'], endpoint: string) =>
  new ServerError(reason, `${endpoint}: 400`, { endpoint });

describe('errorText', () => {
  it('explains every server error with the sentence its screen always showed, in both languages', () =>
    createRoot((dispose) => {
      const i18n = createI18n({
        storage: memoryLocaleStorage('en'),
        preferred: ['en-US'],
        dictionaries: allDictionaries,
      });
      const { t } = i18n;
      expect(errorText(t, at('forbidden', '/api/shares/:id/open'))).toBe(t('shares.errors.wrong-passcode'));
      expect(errorText(t, at('offline', '/api/shares'))).toBe(t('shares.errors.offline'));
      expect(errorText(t, at('offline', '/api/calls/token'))).toBe(t('errors.sync-offline'));
      expect(errorText(t, at('unauthorized', '/api/calls/token'))).toBe(t('errors.sync-failed'));
      expect(errorText(t, at('unauthorized', '/api/auth/login'))).toBe(t('errors.wrong-passphrase'));
      expect(errorText(t, new AppError('locked'))).toBe(t('errors.locked'));
      expect(errorText(t, at('share-expired', '/api/shares/:id/open'))).toBe(
        'This share has expired: ask the patient for a new one.',
      );
      i18n.setLocale('fr');
      expect(errorText(t, at('share-expired', '/api/shares/:id/open'))).toBe(
        t('shares.errors.share-expired'),
      );
      expect(errorText(t, at('offline', '/api/emergency/openings'))).toBe(t('errors.sync-offline'));
      dispose();
    }));
});
