/**
 * `virtual:first-screen-strings`: the strings of FIRST_SCREEN_KEYS in every language, picked at build
 * time from the whole dictionaries, so the entry chunk carries a few kilobytes of strings instead of
 * every feature's dictionary in both languages (web/src/strings/first-screen-keys.ts). Plural forms
 * are functions in the dictionaries: they are written out as their source. In `vite dev`, a changed
 * string shows here after a restart (the dictionaries are read when the config loads).
 */
import type { Plugin } from 'vite';
import { en } from '../web/src/strings/en.ts';
import { FIRST_SCREEN_KEYS, pickKeys } from '../web/src/strings/first-screen-keys.ts';
import { fr } from '../web/src/strings/fr.ts';

const ID = 'virtual:first-screen-strings';
const RESOLVED = `\0${ID}`;

function literal(value: unknown): string {
  if (typeof value === 'function') return `(${value.toString()})`;
  if (Array.isArray(value)) return `[${value.map(literal).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([key, child]) => `${JSON.stringify(key)}:${literal(child)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The module's source: `firstScreen`, the picked strings by locale. */
export function firstScreenModule(): string {
  const picked = { en: pickKeys(en, FIRST_SCREEN_KEYS), fr: pickKeys(fr, FIRST_SCREEN_KEYS) };
  return `export const firstScreen = ${literal(picked)};\n`;
}

export function firstScreenStrings(): Plugin {
  return {
    name: 'carnet-first-screen-strings',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? firstScreenModule() : null),
  };
}
