import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/app-error.ts';
import { memoryLocaleStorage } from '../../i18n/locale-storage.ts';
import { allDictionaries } from '../../strings/all-dictionaries.ts';
import { createI18n } from '../../strings/create-i18n.ts';
import { callErrorText } from './call-error-text.ts';

describe('callErrorText', () => {
  it('says the room is open elsewhere for PeerJS unavailable-id, in English and French', () =>
    createRoot((dispose) => {
      const i18n = createI18n({
        storage: memoryLocaleStorage('en'),
        preferred: ['en-US'],
        dictionaries: allDictionaries,
      });
      const inUse = new AppError('sync-failed', 'signaling: unavailable-id', { peerError: 'unavailable-id' });
      expect(callErrorText(i18n.t, inUse)).toBe(
        'This waiting room is open elsewhere (another tab or device). Close it there or try again in a minute.',
      );
      i18n.setLocale('fr');
      expect(callErrorText(i18n.t, inUse)).toMatch(/^Cette salle d’attente est ouverte ailleurs/);
      // Other signaling errors keep the general message.
      const other = new AppError('sync-failed', 'signaling: network', { peerError: 'network' });
      expect(callErrorText(i18n.t, other)).not.toBe(callErrorText(i18n.t, inUse));
      expect(callErrorText(i18n.t, other)).toBe(i18n.t('errors.sync-failed'));
      dispose();
    }));
});
