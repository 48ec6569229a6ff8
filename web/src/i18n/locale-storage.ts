import type { Locale } from './locales.ts';

/**
 * Where the language choice is remembered. It is a UI preference, not health data, so plain
 * localStorage is fine; it stays outside the encrypted vault so the locked screen is translated too.
 */
export interface LocaleStorage {
  load(): string | null;
  save(locale: Locale): void;
}

const KEY = 'carnet.locale';

export function browserLocaleStorage(storage: Storage | undefined = globalThis.localStorage): LocaleStorage {
  // Storage access throws in some privacy modes: the choice then lasts for the session only.
  return {
    load() {
      try {
        return storage?.getItem(KEY) ?? null;
      } catch {
        return null;
      }
    },
    save(locale) {
      try {
        storage?.setItem(KEY, locale);
      } catch {
        // Not remembered across reloads; nothing else depends on it.
      }
    },
  };
}

export function memoryLocaleStorage(initial: string | null = null): LocaleStorage {
  let value = initial;
  return {
    load: () => value,
    save(locale) {
      value = locale;
    },
  };
}
