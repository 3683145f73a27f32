// What the tray shows, as data: the badge on the icon, the tooltip and the menu. The shell turns
// it into a Tray, an image and a Menu; tests read it directly.
import type { SyncStatus } from '../../../common/contract';

export type TrayBadge = 'none' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '9+';

export type TrayAction = 'open' | 'syncNow' | 'togglePolling' | 'quit';

export type TrayMenuEntry =
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { kind: 'info'; label: string }
  | { kind: 'separator' };

export interface TrayModel {
  badge: TrayBadge;
  tooltip: string;
  menu: TrayMenuEntry[];
}

export interface TrayModelInput {
  unread: number;
  /** Null until the core reported its first status. */
  sync: SyncStatus | null;
  demo: boolean;
  /** Formats a UTC ISO instant for the user ("9:41 AM"); injected so tests fix locale and zone. */
  formatTime: (iso: string) => string;
}

export function trayBadge(unread: number): TrayBadge {
  if (!Number.isFinite(unread) || unread < 1) return 'none';
  if (unread > 9) return '9+';
  return String(Math.floor(unread)) as TrayBadge;
}

/** The latest successful poll over every owner, or null if none has succeeded yet. */
export function lastSyncedAt(sync: SyncStatus | null): string | null {
  let best: string | null = null;
  for (const owner of sync?.owners ?? []) {
    if (owner.lastSuccessAt !== null && (best === null || Date.parse(owner.lastSuccessAt) > Date.parse(best))) {
      best = owner.lastSuccessAt;
    }
  }
  return best;
}

function syncLine(sync: SyncStatus | null, formatTime: (iso: string) => string): string {
  if (sync === null) return 'Starting…';
  if (!sync.polling) return 'Polling paused';
  const states = new Set(sync.owners.map((o) => o.state));
  if (states.has('auth_failed')) return 'ClubOS sign-in failed';
  if (states.has('backing_off')) return 'Cannot reach ClubOS, retrying';
  if (states.has('syncing')) return 'Syncing…';
  const last = lastSyncedAt(sync);
  return last === null ? 'Not synced yet' : `Synced ${formatTime(last)}`;
}

function unreadLine(unread: number): string {
  if (unread < 1) return 'No unread messages';
  return unread === 1 ? '1 unread message' : `${unread} unread messages`;
}

export function buildTrayModel({ unread, sync, demo, formatTime }: TrayModelInput): TrayModel {
  const last = lastSyncedAt(sync);
  const polling = sync?.polling ?? false;
  return {
    badge: trayBadge(unread),
    tooltip: [demo ? 'Frontdesk (demo)' : 'Frontdesk', unreadLine(unread), syncLine(sync, formatTime)].join('\n'),
    menu: [
      { kind: 'action', action: 'open', label: 'Open Frontdesk', enabled: true },
      { kind: 'separator' },
      { kind: 'action', action: 'syncNow', label: 'Sync now', enabled: sync !== null },
      { kind: 'action', action: 'togglePolling', label: polling ? 'Pause polling' : 'Resume polling', enabled: sync !== null },
      { kind: 'info', label: last === null ? 'Not synced yet' : `Last synced ${formatTime(last)}` },
      { kind: 'separator' },
      { kind: 'action', action: 'quit', label: 'Quit Frontdesk', enabled: true },
    ],
  };
}
