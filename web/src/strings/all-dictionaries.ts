/**
 * Every language's whole dictionary at once, for tests and harnesses. The app itself loads only its
 * language, and the first screen's strings before it (lazy-dictionaries.ts).
 */
import type { DictionarySource } from './create-i18n.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export const allDictionaries: DictionarySource = { initial: { en, fr } };
