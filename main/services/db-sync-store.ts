// The sync engine's storage over one account's database: reconciliation keys from db/, each
// poll's new rows through the ingest, and what they changed for the `messagesAdded` event. A
// function of its own so the app's sessions and the soak test run exactly the same store.
import type { FrontdeskDb } from '../../db';
import type { ClubContext } from '../clubos/types';
import type { Clock } from '../../common/time/clock';
import { ingestPoll } from '../ingest/ingest-poll';
import { messageChanges } from './change-feed';
import { normalizeForKey } from '../sync/message-key';
import type { SyncStore } from '../sync/sync-store';

export interface DbSyncStoreDeps {
  db: FrontdeskDb;
  /** The session's club context: its staff list tells outbound rows from member texts. */
  clubContext(): Promise<ClubContext>;
  /** The user's choice: is an owner's imported history already read? */
  historyAsRead(): boolean;
  clock: Clock;
}

export function dbSyncStore(deps: DbSyncStoreDeps): SyncStore {
  const { db } = deps;
  return {
    listOwners: () => db.owners.list(),
    storedKeys: (ownerId, from, to) => db.messages.storedKeys(ownerId, from, to),
    async writePoll(write, onHistory) {
      // Staff names tell outbound rows from member texts: never store a poll without them.
      const ctx = await deps.clubContext();
      const staffNameKeys = new Set(ctx.staff.map((s) => normalizeForKey(s.name)));
      const stored = await ingestPoll({ db, staffNameKeys: () => staffNameKeys, historyAsRead: () => deps.historyAsRead() }, write, (part) =>
        onHistory({ added: part.insertedIds.length, conversationIds: part.conversationIds, changes: messageChanges(db, write.ownerId, part, deps.clock.now()) }),
      );
      return {
        added: stored.insertedIds.length,
        conversationIds: stored.conversationIds,
        historyAdded: stored.historyInsertedIds.length,
        historyConversationIds: stored.historyConversationIds,
        changes: stored.insertedIds.length > 0 ? messageChanges(db, write.ownerId, stored, deps.clock.now()) : null,
      };
    },
    recordFailure: (ownerId, error, failures) => db.owners.recordSyncFailure(ownerId, error, failures),
    beginImport(ownerId, at) {
      const owner = db.owners.beginImport(ownerId, at);
      return { startedAt: Date.parse(owner.importStartedAt ?? new Date(at).toISOString()), recentStored: owner.importRecentStored };
    },
  };
}
