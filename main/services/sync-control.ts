// Sync as staff control it: Sync now, pause and resume, the poll interval, and which inboxes
// (owners) are synced.
import type { Owner, Result, SyncStatus } from '../../common/contract';
import { AppError } from '../../common/errors/app-error';
import type { AccountService } from './account-service';
import { requireKnownOwner } from './known-owner';
import type { SettingsService } from './settings-service';

export interface SyncControl {
  syncNow(ownerId?: string): Promise<SyncStatus>;
  status(): SyncStatus;
  startPolling(): SyncStatus;
  stopPolling(): Promise<SyncStatus>;
  /** Stores the interval as a setting and applies it to the running loops. */
  setPollInterval(seconds: number): SyncStatus;
  owners(): Result<'listOwners'>;
  addOwner(input: { ownerId: string; name?: string | undefined }): Promise<Owner>;
  removeOwner(ownerId: string): void;
}

export function createSyncControl(deps: { account: AccountService; settings: SettingsService }): SyncControl {
  const session = () => deps.account.current();
  // However the interval is saved (here or with the other settings), the running loops follow it.
  deps.settings.onSaved((saved, change) => {
    if (change.pollIntervalSeconds !== undefined) session().engine.setIntervalSeconds(saved.pollIntervalSeconds);
  });
  return {
    syncNow: (ownerId) => session().engine.syncNow(requireKnownOwner(session().db, ownerId)),
    status: () => session().engine.status(),
    startPolling() {
      deps.account.wantPolling();
      session().engine.start();
      return session().engine.status();
    },
    async stopPolling() {
      await session().engine.stop();
      return session().engine.status();
    },
    setPollInterval(seconds) {
      deps.settings.update({ pollIntervalSeconds: seconds });
      return session().engine.status();
    },
    owners: () => ({
      owners: session().db.owners.list().map((o) => ({ id: o.ownerId, name: o.name, enabled: o.enabled })),
      available: session().knownContext()?.staff.map((s) => ({ id: s.id, name: s.name })) ?? [],
    }),
    async addOwner({ ownerId, name }) {
      const current = session();
      // Only an inbox ClubOS lists can be synced: an id it does not know would poll nothing
      // forever. When ClubOS cannot be reached, its error says so.
      const context = await current.clubContext();
      const known = context.staff.find((s) => s.id === ownerId) ?? context.owners.find((o) => o.id === ownerId);
      if (!known) throw new AppError('not_found', `ClubOS lists no staff member or location with id ${ownerId}.`);
      const owner = current.db.owners.upsert({ ownerId, name: name ?? known.name, enabled: true });
      current.engine.refreshOwners();
      return { id: owner.ownerId, name: owner.name, enabled: owner.enabled };
    },
    removeOwner(ownerId) {
      const current = session();
      if (!current.db.owners.remove(ownerId)) throw new AppError('not_found', `Inbox ${ownerId} is not synced.`);
      current.engine.refreshOwners();
    },
  };
}
