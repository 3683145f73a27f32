// The sync engine's storage over one account's database: reconciliation keys from db/, each
// poll's new rows through the conversations ingest. A function of its own so the app's sessions
// and the soak test run exactly the same store.
import type { FrontdeskDb } from '../../db';
import type { ClubContext } from '../clubos/types';
import { ingestPoll } from '../ingest/ingest-poll';
import { normalizeForKey } from '../sync/message-key';
import type { SyncStore } from '../sync/sync-store';

export interface DbSyncStoreDeps {
  db: FrontdeskDb;
  /** The session's club context: its staff list tells outbound rows from member texts. */
  clubContext(): Promise<ClubContext>;
  /** The user's choice: is an owner's imported history already read? */
  historyAsRead(): boolean;
}

export function dbSyncStore(deps: DbSyncStoreDeps): SyncStore {
  const { db } = deps;
  return {
    listOwners: () => db.owners.list(),
    storedKeys: (ownerId, from, to) => db.messages.storedKeys(ownerId, from, to),
    async writePoll(write) {
      // Staff names tell outbound rows from member texts: never store a poll without them.
      const ctx = await deps.clubContext();
      const staffNameKeys = new Set(ctx.staff.map((s) => normalizeForKey(s.name)));
      return ingestPoll({ db, staffNameKeys: () => staffNameKeys, historyAsRead: () => deps.historyAsRead() }, write);
    },
    recordFailure: (ownerId, error, failures) => db.owners.recordSyncFailure(ownerId, error, failures),
    beginImport(ownerId, at) {
      const owner = db.owners.beginImport(ownerId, at);
      return { startedAt: Date.parse(owner.importStartedAt ?? new Date(at).toISOString()), recentStored: owner.importRecentStored };
    },
  };
}
