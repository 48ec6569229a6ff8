import { createContext, type ParentProps, useContext } from 'solid-js';
import type { I18n } from '../strings/create-i18n.ts';

const I18nContext = createContext<I18n>();

export function I18nProvider(props: ParentProps<{ i18n: I18n }>) {
  return <I18nContext.Provider value={props.i18n}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it');
  return i18n;
}
