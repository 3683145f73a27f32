// The cached conversation columns against a from-scratch recomputation, after many random
// operations of every kind that writes messages or read state.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../common/intent-catalog';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import type { ConversationStatus } from '../../common/contract';
import { openDatabase, type FrontdeskDb, type NewMessage } from '../../db';
import { mulberry32 as prng } from '../../main/clubos-simulator/mulberry32';
import { conversation, memoryDb, msg, OTHER_OWNER, OWNER, T0, tempDir, withOwners } from './helpers';

const STATUSES: ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved', 'archived'];

function run(seed: number, steps: number): { db: FrontdeskDb; operations: Record<string, number> } {
  const random = prng(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const { db, clock } = memoryDb();
  withOwners(db, OWNER, OTHER_OWNER);
  const operations: Record<string, number> = {};
  const stored: NewMessage[] = [];
  const live = (): Array<{ id: number; ownerId: string; memberId: string | null }> =>
    (['all', 'snoozed', 'resolved', 'archived'] as const).flatMap((filter) =>
      db.conversations.list({ filter, limit: 500, now: 0 }).items.map((c) => ({ id: c.id, ownerId: c.ownerId, memberId: c.memberId })),
    );
  const someConversation = (): { id: number; ownerId: string; memberId: string | null } => {
    const existing = live();
    if (existing.length > 3 && random() < 0.85) return pick(existing);
    const ownerId = pick([OWNER, OTHER_OWNER]);
    const name = `Member ${int(12)}`;
    const memberId = random() < 0.5 ? String(100 + int(12)) : null;
    const id = conversation(db, name, memberId, ownerId);
    return { id, ownerId, memberId: db.conversations.get(id)!.memberId };
  };

  for (let step = 0; step < steps; step++) {
    clock.advance(int(90_000));
    const op = pick(['insert', 'insert', 'insert', 'duplicate', 'read', 'unread', 'unreadOne', 'status', 'classify', 'tags', 'merge', 'attach']);
    operations[op] = (operations[op] ?? 0) + 1;
    switch (op) {
      case 'insert': {
        const batch: NewMessage[] = [];
        const n = 1 + int(6);
        for (let i = 0; i < n; i++) {
          const c = someConversation();
          // Few distinct minutes, so equal sent times (and the id tie-break) are common.
          const direction = pick(['inbound', 'inbound', 'outbound', 'system'] as const);
          batch.push(
            msg(c.id, int(40), {
              ownerId: c.ownerId,
              direction,
              channel: direction === 'system' ? 'system' : pick(['sms', 'email'] as const),
              source: direction === 'outbound' ? 'sent' : pick(['inbox', 'inbox', 'history'] as const),
              body: `body ${step}-${i} ${'x'.repeat(int(200))}`,
              readAt: random() < 0.3 ? new Date(clock.now()).toISOString() : null,
              requiresResponse: random() < 0.7,
              intent: random() < 0.4 ? pick(INTENTS) : null,
            }),
          );
        }
        db.messages.insert(batch, { quiet: random() < 0.2 });
        stored.push(...batch);
        break;
      }
      case 'duplicate': {
        if (stored.length === 0) break;
        const again = pick(stored);
        // Its conversation may have been merged away; the key is unique per owner regardless.
        const target = live().find((c) => c.ownerId === again.ownerId);
        if (!target) break;
        const result = db.messages.insert([{ ...again, conversationId: target.id, body: 'a replacement that must not land' }]);
        expect(result.insertedIds).toEqual([]);
        break;
      }
      case 'read':
        db.conversations.markRead(someConversation().id);
        break;
      case 'unread':
        db.conversations.markUnread(someConversation().id);
        break;
      case 'unreadOne': {
        const c = someConversation();
        const candidates = db.messages.page({ conversationId: c.id, limit: 500 }).items.filter((m) => m.direction !== 'outbound');
        if (candidates.length > 0) db.conversations.markUnread(c.id, pick(candidates).id);
        break;
      }
      case 'status': {
        const status = pick(STATUSES);
        db.conversations.setStatus(someConversation().id, {
          status,
          snoozedUntil: status === 'snoozed' ? new Date(clock.now() + int(3_600_000)).toISOString() : null,
        });
        break;
      }
      case 'classify': {
        const c = someConversation();
        const items = db.messages.page({ conversationId: c.id, limit: 500 }).items;
        if (items.length === 0) break;
        db.messages.setClassification(pick(items).id, {
          intent: random() < 0.8 ? pick(INTENTS) : null,
          confidence: random(),
          requiresResponse: random() < 0.5,
        });
        break;
      }
      case 'tags':
        db.conversations.setTags(someConversation().id, [pick(['vip', 'billing', 'follow-up']), pick(['vip', 'late'])]);
        break;
      case 'merge': {
        const a = someConversation();
        const candidates = live().filter(
          (c) => c.id !== a.id && c.ownerId === a.ownerId && (c.memberId === null || a.memberId === null || c.memberId === a.memberId),
        );
        const b = candidates.length > 0 ? pick(candidates) : undefined;
        if (b) db.conversations.merge(a.id, b.id);
        break;
      }
      case 'attach': {
        const unattached = live().filter((c) => c.memberId === null);
        if (unattached.length > 0) db.conversations.attachMemberId(pick(unattached).id, String(100 + int(12)));
        break;
      }
    }
    if (step % 25 === 0) expect(db.conversations.audit(), `seed ${seed}, step ${step} (${op})`).toEqual([]);
  }
  return { db, operations };
}

describe('cached conversation columns', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`always equal what the messages say (random operations, seed ${seed})`, () => {
      const { db, operations } = run(seed, 400);
      expect(db.conversations.audit()).toEqual([]);
      // The run exercised every kind of operation.
      expect(Object.keys(operations).sort()).toEqual(
        ['attach', 'classify', 'duplicate', 'insert', 'merge', 'read', 'status', 'tags', 'unread', 'unreadOne'].sort(),
      );
      // Counts agree with the lists, and the badge with the unread filter.
      const counts = db.conversations.counts({ now: T0 + 10 * 86_400_000 });
      const unread = db.conversations.list({ filter: 'unread', limit: 500, now: T0 + 10 * 86_400_000 }).items;
      expect(counts.filters.unread).toBe(unread.length);
      expect(counts.unreadTotal).toBe(unread.reduce((sum, c) => sum + c.unreadCount, 0));
      expect(db.conversations.unreadTotals(T0 + 10 * 86_400_000).total).toBe(counts.unreadTotal);
    });
  }

  it('the audit does catch a cached column that drifted', () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'frontdesk.db');
      const { db } = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
      withOwners(db, OWNER);
      const c = conversation(db, 'Jane Doe');
      db.messages.insert([msg(c, 1), msg(c, 2)]);
      expect(db.conversations.audit(c)).toEqual([]);
      const raw = new Database(path);
      raw.prepare('UPDATE conversations SET unread_count = 5, last_message_preview = ? WHERE id = ?').run('stale', c);
      raw.close();
      expect(db.conversations.audit().map((m) => m.column).sort()).toEqual(['last_message_preview', 'unread_count']);
      expect(db.conversations.expectedCachedColumns(c)).toMatchObject({ unreadCount: 2, lastMessagePreview: 'message at 2' });
      db.close();
    } finally {
      t.cleanup();
    }
  });
});
