/**
 * The app's dictionaries: the first screen's strings in both languages in the entry chunk, and the
 * whole dictionary of one language in its own chunk, loaded when asked (create-i18n.ts `loadAll`).
 */
import { firstScreen } from 'virtual:first-screen-strings';
import type { DictionarySource } from './create-i18n.ts';

export const lazyDictionaries: DictionarySource = {
  initial: firstScreen,
  load: (locale) =>
    locale === 'fr' ? import('./fr.ts').then((m) => m.fr) : import('./en.ts').then((m) => m.en),
};
