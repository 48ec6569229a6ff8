import { createContext, type ParentProps, useContext } from 'solid-js';
import type { AppStore } from './app-store.ts';

const AppContext = createContext<AppStore>();

export function AppProvider(props: ParentProps<{ store: AppStore }>) {
  return <AppContext.Provider value={props.store}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppStore {
  const store = useContext(AppContext);
  if (!store) throw new Error('useApp() needs an <AppProvider> above it');
  return store;
}
