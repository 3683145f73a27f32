import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { openDatabase } from '../../db';
import { conversation, msg, OWNER, T0, tempDir, withOwners } from './helpers';

describe('WAL', () => {
  it('lets a second connection read, unblocked, while the first is inside a write transaction', () => {
    const t = tempDir();
    const path = join(t.dir, 'frontdesk.db');
    const writer = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() }).db;
    const reader = new Database(path, { readonly: true, timeout: 0 }); // would fail at once if blocked
    const second = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() }).db;
    try {
      withOwners(writer, OWNER);
      const c = conversation(writer, 'Jane Doe');
      writer.messages.insert([msg(c, 1)]);
      const count = (): unknown => reader.prepare('SELECT count(*) FROM messages').pluck().get();

      writer.transaction(() => {
        writer.messages.insert([msg(c, 2), msg(c, 3)]);
        // Readers see the last committed state, not the open transaction, and do not wait.
        expect(count()).toBe(1);
        expect(second.conversations.get(c)?.unreadCount).toBe(1);
        expect(second.search({ query: 'message' }).hits).toHaveLength(1);
      });
      expect(count()).toBe(3);
      expect(second.conversations.get(c)?.unreadCount).toBe(3);
    } finally {
      reader.close();
      second.close();
      writer.close();
      t.cleanup();
    }
  });
});
