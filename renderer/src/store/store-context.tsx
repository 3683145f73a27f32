// How components reach the store and the injected environment.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppDeps } from './app-deps';
import type { AppState, AppStore } from './app-store';

interface AppContextValue {
  store: AppStore;
  deps: AppDeps;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider({ store, deps, children }: { store: AppStore; deps: AppDeps; children: ReactNode }) {
  return <AppContext.Provider value={{ store, deps }}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppProvider is missing above this component');
  return value;
}

/** Selects from the store; the selector must return a stable value (use useShallow for objects). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}

export function useAppDeps(): AppDeps {
  return useAppContext().deps;
}

/** The store itself, for event handlers that read the latest state without subscribing. */
export function useAppStoreApi(): AppStore {
  return useAppContext().store;
}

/**
 * Locale and time zone for showing times: the club's zone once the core knows it (ClubOS shows
 * every time on the club's clock, and so must we), else the computer's.
 */
export function useTimeOptions(): { locale: string | undefined; timeZone: string | undefined } {
  const deps = useAppDeps();
  const clubTimeZone = useAppStore((s) => s.session.account?.clubTimeZone ?? null);
  return { locale: deps.locale, timeZone: clubTimeZone ?? deps.timeZone };
}
