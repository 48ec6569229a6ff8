/**
 * Every string the UI shows. English (`en.ts`) defines the shape; every other locale must provide
 * all of it (the compiler checks), and `t('a.b.c', args)` is typed by it. Features keep their
 * strings in their own folder (`features/<name>/strings.ts`) and are composed here.
 */
import type * as i18n from '@solid-primitives/i18n';
import type { en } from './en.ts';

export type RawDictionary = typeof en;
export type Dictionary = i18n.Flatten<RawDictionary>;

/** Part of a dictionary, nested like it (the first screen's strings, strings/first-screen-keys.ts). */
export type PartialDictionary = Readonly<Record<string, unknown>>;
