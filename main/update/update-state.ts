// The auto-update state as the menu shows it, driven by electron-updater's events: checking,
// downloading with progress, ready to install ("Restart to update"), or idle with the last
// outcome. Plain data and a reducer, so the whole state machine is tested under Node.

export type UpdateOffReason = 'development' | 'demo';

export type UpdateState =
  | { kind: 'off'; reason: UpdateOffReason }
  | { kind: 'idle'; lastCheckedAt: number | null; lastError: string | null; upToDate: boolean }
  | { kind: 'checking' }
  | { kind: 'downloading'; version: string; percent: number }
  | { kind: 'ready'; version: string };

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export const initialUpdateState: UpdateState = { kind: 'idle', lastCheckedAt: null, lastError: null, upToDate: false };

export function nextUpdateState(state: UpdateState, event: UpdaterEvent, now: number): UpdateState {
  // Off stays off; a downloaded update stays ready until it is installed (a later check only
  // finds the same version, or a newer one that downloads over it).
  if (state.kind === 'off') return state;
  switch (event.type) {
    case 'checking':
      return state.kind === 'ready' || state.kind === 'downloading' ? state : { kind: 'checking' };
    case 'available':
      return state.kind === 'ready' && state.version === event.version ? state : { kind: 'downloading', version: event.version, percent: 0 };
    case 'not-available':
      return state.kind === 'ready' ? state : { kind: 'idle', lastCheckedAt: now, lastError: null, upToDate: true };
    case 'progress':
      if (state.kind !== 'downloading') return state;
      return { ...state, percent: Math.max(state.percent, Math.min(100, Math.max(0, Math.floor(event.percent)))) };
    case 'downloaded':
      return { kind: 'ready', version: event.version };
    case 'error':
      return state.kind === 'ready' ? state : { kind: 'idle', lastCheckedAt: now, lastError: event.message, upToDate: false };
  }
}

export interface UpdateMenuItem {
  label: string;
  enabled: boolean;
  action: 'check' | 'restart' | null;
}

/** The menu's update item, or null while updates are off. */
export function updateMenuItem(state: UpdateState): UpdateMenuItem | null {
  switch (state.kind) {
    case 'off':
      return null;
    case 'idle':
      return { label: 'Check for updates…', enabled: true, action: 'check' };
    case 'checking':
      return { label: 'Checking for updates…', enabled: false, action: null };
    case 'downloading':
      return { label: `Downloading update ${state.version}… ${state.percent}%`, enabled: false, action: null };
    case 'ready':
      return { label: `Restart to update to ${state.version}`, enabled: true, action: 'restart' };
  }
}
