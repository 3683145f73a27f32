// Sync status for the header, and the Sync now / Pause / Resume controls.
import type { ApiError, SyncStatus } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import type { AppDeps } from './app-deps';
import type { GetState, SetState } from './store-types';

export type SyncRequest = 'sync' | 'pause' | 'resume';

export interface SyncState {
  status: SyncStatus | null;
  /** The last failed request from this window (loading the status, Sync now, Pause, Resume). */
  error: ApiError | null;
  pending: SyncRequest | null;
}

export interface SyncActions {
  loadSyncStatus: () => Promise<void>;
  applySyncStatus: (status: SyncStatus) => void;
  syncNow: (ownerId?: string) => Promise<void>;
  pausePolling: () => Promise<void>;
  resumePolling: () => Promise<void>;
}

export const initialSyncState: SyncState = { status: null, error: null, pending: null };

export function createSyncActions(deps: AppDeps, set: SetState, get: GetState): SyncActions {
  const { api } = deps;
  const patch = (p: Partial<SyncState>): void => set((s) => ({ sync: { ...s.sync, ...p } }));

  const request = async (kind: SyncRequest, call: () => Promise<SyncStatus>): Promise<void> => {
    if (get().sync.pending !== null) return;
    patch({ pending: kind, error: null });
    try {
      const status = await call();
      patch({ status, pending: null });
    } catch (error) {
      const apiError = toApiError(error);
      patch({ pending: null, error: apiError });
      get().alert(apiError.message);
    }
  };

  return {
    async loadSyncStatus() {
      try {
        patch({ status: await unwrap(api.getSyncStatus()), error: null });
      } catch (error) {
        patch({ error: toApiError(error) });
      }
    },
    applySyncStatus(status) {
      patch({ status });
    },
    syncNow(ownerId) {
      return request('sync', () => unwrap(api.syncNow(ownerId !== undefined ? { ownerId } : {})));
    },
    pausePolling() {
      return request('pause', () => unwrap(api.stopPolling()));
    },
    resumePolling() {
      return request('resume', () => unwrap(api.startPolling()));
    },
  };
}
