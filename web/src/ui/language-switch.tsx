import { For } from 'solid-js';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LOCALE_NAMES, LOCALES } from '../i18n/locales.ts';

/**
 * Two toggle buttons rather than a <select>: one keystroke to switch, and each language name is
 * marked up in its own language so screen readers pronounce it correctly.
 */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <fieldset class="language-switch">
      <legend class="visually-hidden">{t('language.label')}</legend>
      <For each={LOCALES}>
        {(option) => (
          <button
            type="button"
            class="language-switch__option"
            lang={option}
            aria-pressed={locale() === option}
            onClick={() => setLocale(option)}
          >
            {LOCALE_NAMES[option]}
          </button>
        )}
      </For>
    </fieldset>
  );
}
