// What the header says about syncing, reduced from the per-owner status to one state.
import type { ApiError, SyncStatus } from '../../../common/contract';

export type SyncSummary =
  | { kind: 'loading' }
  | { kind: 'no_inboxes' }
  | { kind: 'syncing' }
  | { kind: 'error'; reason: string; code: ApiError['code'] | null; ownerId: string | null; needsSignIn: boolean }
  | { kind: 'paused' }
  /** `lastSuccessAt` is the least recent success over every inbox, null before the first. */
  | { kind: 'synced'; lastSuccessAt: string | null };

export function summarizeSync(status: SyncStatus | null): SyncSummary {
  if (!status) return { kind: 'loading' };
  if (status.owners.some((o) => o.state === 'syncing')) return { kind: 'syncing' };
  const failing = status.owners.find((o) => o.state === 'auth_failed' || o.state === 'backing_off' || o.lastError);
  if (failing) {
    const message = failing.lastError?.message ?? (failing.state === 'auth_failed' ? 'ClubOS refused the sign-in.' : 'ClubOS could not be reached.');
    const who = status.owners.length > 1 ? `${failing.ownerName}: ` : '';
    return {
      kind: 'error',
      reason: `${who}${message}`,
      code: failing.lastError?.code ?? null,
      ownerId: failing.ownerId,
      needsSignIn: failing.state === 'auth_failed' || failing.lastError?.code === 'clubos_credentials',
    };
  }
  if (!status.polling) return { kind: 'paused' };
  if (status.owners.length === 0) return { kind: 'no_inboxes' };
  let oldest: string | null = null;
  for (const owner of status.owners) {
    if (owner.lastSuccessAt === null) return { kind: 'synced', lastSuccessAt: null };
    if (oldest === null || Date.parse(owner.lastSuccessAt) < Date.parse(oldest)) oldest = owner.lastSuccessAt;
  }
  return { kind: 'synced', lastSuccessAt: oldest };
}
