// The window: header, three panes (filters, list, thread), dialogs and live regions.
import { useEffect } from 'react';
import { AppShell } from './components/app-shell';
import { StartupFailure } from './components/startup-notice';
import { useKeyboardShortcuts } from './keyboard/use-keyboard-shortcuts';
import type { AppDeps } from './store/app-deps';
import type { AppStore } from './store/app-store';
import { AppProvider, useAppStore } from './store/store-context';

function Running() {
  const start = useAppStore((s) => s.start);
  useEffect(() => start(), [start]);
  useKeyboardShortcuts();
  const failure = useAppStore((s) => (s.session.startupNotice?.level === 'error' ? s.session.startupNotice : null));
  // Frontdesk could not start (its database cannot be opened): say why instead of an empty inbox.
  if (failure) return <StartupFailure notice={failure} />;
  return <AppShell />;
}

export function App({ store, deps }: { store: AppStore; deps: AppDeps }) {
  return (
    <AppProvider store={store} deps={deps}>
      <Running />
    </AppProvider>
  );
}
