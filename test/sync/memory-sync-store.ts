// An in-memory SyncStore for engine unit tests: what the engine asked to write, nothing more.
import type { ApiError } from '../../common/contract';
import type { NewInboxMessage } from '../../main/sync/reconcile';
import type { OwnerRecord, StoredKey } from '../../db/types';
import type { PollWrite, PollWriteResult, SyncStore } from '../../main/sync/sync-store';

export interface MemorySyncStore extends SyncStore {
  owners: OwnerRecord[];
  rows: Map<string, NewInboxMessage[]>;
  writes: PollWrite[];
  failures: Array<{ ownerId: string; error: ApiError; consecutiveFailures: number }>;
}

export function memorySyncStore(owners: Array<Pick<OwnerRecord, 'ownerId' | 'name'>>): MemorySyncStore {
  const store: MemorySyncStore = {
    owners: owners.map((o) => ({ ...o, enabled: true, lastSuccessAt: null, lastError: null, consecutiveFailures: 0, historyImported: false, importStartedAt: null, importRecentStored: false })),
    rows: new Map(),
    writes: [],
    failures: [],
    listOwners: () => store.owners.map((o) => ({ ...o })),
    storedKeys(ownerId, from, to): StoredKey[] {
      return (store.rows.get(ownerId) ?? [])
        .filter((r) => r.localDate >= from && r.localDate <= to)
        .map((r) => ({ dedupeKey: r.dedupeKey, localTime: r.localTime, occurrence: r.occurrence, senderName: r.senderName, body: r.body }));
    },
    writePoll(write, onHistory): Promise<PollWriteResult> {
      store.writes.push(write);
      const history = write.history ? [...write.history.recent, ...write.history.older] : [];
      const list = store.rows.get(write.ownerId) ?? [];
      list.push(...history, ...write.rows);
      store.rows.set(write.ownerId, list);
      const owner = store.owners.find((o) => o.ownerId === write.ownerId)!;
      Object.assign(owner, { historyImported: true, importRecentStored: write.history !== null || owner.importRecentStored, consecutiveFailures: 0, lastError: null, lastSuccessAt: new Date(write.at).toISOString() });
      // No conversations here: the engine passes on whatever the store says changed.
      const noCounts = { filters: { all: 0, unread: 0, needs_reply: 0, snoozed: 0, resolved: 0, archived: 0, mine: 0 }, tags: [], unreadTotal: 0 };
      const changes = (n: number) => (n > 0 ? { conversations: [], counts: noCounts, ownerCounts: noCounts, messages: [] } : null);
      const historyChanges = changes(history.length);
      if (historyChanges) onHistory({ added: history.length, conversationIds: [1], changes: historyChanges });
      return Promise.resolve({
        added: write.rows.length,
        conversationIds: write.rows.length ? [1] : [],
        historyAdded: history.length,
        historyConversationIds: history.length ? [1] : [],
        changes: changes(write.rows.length),
      });
    },
    beginImport(ownerId, at) {
      const owner = store.owners.find((o) => o.ownerId === ownerId)!;
      owner.importStartedAt ??= new Date(at).toISOString();
      return { startedAt: Date.parse(owner.importStartedAt), recentStored: owner.importRecentStored };
    },
    recordFailure(ownerId, error, consecutiveFailures) {
      store.failures.push({ ownerId, error, consecutiveFailures });
      Object.assign(store.owners.find((o) => o.ownerId === ownerId)!, { lastError: error, consecutiveFailures });
    },
  };
  return store;
}
