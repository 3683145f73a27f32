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

/** Team mode's hold on polling (team-service.ts): which desk polls an inbox is the team's choice. */
export interface TeamPolling {
  drivesPolling(): boolean;
  setPaused(paused: boolean): void;
  paused(): boolean;
}

export function createSyncControl(deps: { account: AccountService; settings: SettingsService; team?: () => TeamPolling }): SyncControl {
  const session = () => deps.account.current();
  const teamDriven = (): TeamPolling | null => {
    const team = deps.team?.();
    return team?.drivesPolling() ? team : null;
  };
  const status = (): SyncStatus => {
    const engineStatus = session().engine.status();
    const team = teamDriven();
    return team ? { ...engineStatus, polling: !team.paused() } : engineStatus;
  };
  // However the interval is saved (here or with the other settings), the running loops follow it.
  deps.settings.onSaved((saved, change) => {
    if (change.pollIntervalSeconds !== undefined) session().engine.setIntervalSeconds(saved.pollIntervalSeconds);
  });
  return {
    async syncNow(ownerId) {
      await session().engine.syncNow(requireKnownOwner(session().db, ownerId));
      return status();
    },
    status,
    startPolling() {
      deps.account.wantPolling();
      const team = teamDriven();
      if (team) team.setPaused(false);
      else session().engine.start();
      return status();
    },
    async stopPolling() {
      teamDriven()?.setPaused(true);
      await session().engine.stop();
      return status();
    },
    setPollInterval(seconds) {
      deps.settings.update({ pollIntervalSeconds: seconds });
      return status();
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
