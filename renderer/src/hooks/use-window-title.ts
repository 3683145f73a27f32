// The window title carries the unread count ("(3) Frontdesk"), as mail apps do: the task bar and
// the window switcher show it even when the tray is hidden.
import { useEffect } from 'react';
import { useAppStore } from '../store/store-context';

export const APP_TITLE = 'Frontdesk';

export function windowTitle(unread: number): string {
  return unread > 0 ? `(${unread > 999 ? '999+' : unread}) ${APP_TITLE}` : APP_TITLE;
}

export function useWindowTitle(): void {
  const unread = useAppStore((s) => s.list.counts?.unreadTotal ?? 0);
  useEffect(() => {
    document.title = windowTitle(unread);
  }, [unread]);
}
