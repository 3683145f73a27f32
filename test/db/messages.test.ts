import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { DbError, openConnection, openDatabase } from '../../db';
import { conversation, memoryDb, msg, OTHER_OWNER, OWNER, T0, tempDir, withOwners } from './helpers';

function setup() {
  const t = memoryDb();
  withOwners(t.db, OWNER);
  return { ...t, c: conversation(t.db, 'Jane Doe') };
}

const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

describe('messages.insert', () => {
  it('stores a batch and keeps the conversation’s cached columns equal to its messages', () => {
    const { db, c } = setup();
    const result = db.messages.insert([
      msg(c, 1, { body: 'Hi, is the pool open today?' }),
      msg(c, 2, { direction: 'outbound', body: 'Yes until 9pm', senderName: 'Alex M.' }),
      msg(c, 5, { body: 'Great, thanks' }),
      msg(c, 6, { body: 'And the sauna?' }),
    ]);
    expect(result.insertedIds).toHaveLength(4);
    expect(result.conversationIds).toEqual([c]);
    expect(db.conversations.get(c)).toMatchObject({
      lastMessageAt: at(6),
      lastMessagePreview: 'And the sauna?',
      unreadCount: 3,
      requiresResponse: true,
      // the oldest inbound message after the last outbound one
      waitingSince: at(5),
      status: 'open',
    });
    expect(db.conversations.audit(c)).toEqual([]);
  });

  it('waits since the first inbound message when nothing was ever sent, and not at all after a reply', () => {
    const { db, c } = setup();
    db.messages.insert([msg(c, 1), msg(c, 2)]);
    expect(db.conversations.get(c)?.waitingSince).toBe(at(1));
    db.messages.insert([msg(c, 3, { direction: 'outbound', source: 'sent' })]);
    expect(db.conversations.get(c)).toMatchObject({ requiresResponse: false, waitingSince: null, unreadCount: 2 });
  });

  it('orders by sent time, not by insertion: an older row arriving late does not become the newest', () => {
    const { db, c } = setup();
    db.messages.insert([msg(c, 10, { body: 'newer' })]);
    db.messages.insert([msg(c, 1, { body: 'older, from history', source: 'history', readAt: at(20) })]);
    expect(db.conversations.get(c)).toMatchObject({ lastMessageAt: at(10), lastMessagePreview: 'newer', unreadCount: 1 });
    // Same instant (day-only rows at the club's midnight): the later id is the newer one.
    db.messages.insert([msg(c, 10, { body: 'same minute, inserted later' })]);
    expect(db.conversations.get(c)?.lastMessagePreview).toBe('same minute, inserted later');
  });

  it('previews the first 140 characters without splitting an emoji', () => {
    const { db, c } = setup();
    const body = `${'a'.repeat(139)}👍 and more`;
    db.messages.insert([msg(c, 1, { body })]);
    expect(db.conversations.get(c)?.lastMessagePreview).toBe(`${'a'.repeat(139)}👍`);
  });

  it('reopens a resolved or snoozed conversation on a new inbound message, but not an archived one or on quiet history', () => {
    const { db, c } = setup();
    db.messages.insert([msg(c, 1)]);
    db.conversations.setStatus(c, { status: 'resolved' });
    db.messages.insert([msg(c, 2, { direction: 'outbound', source: 'sent' })]);
    expect(db.conversations.get(c)?.status).toBe('resolved');
    db.messages.insert([msg(c, 3)], { quiet: true });
    expect(db.conversations.get(c)?.status).toBe('resolved');
    db.messages.insert([msg(c, 4, { source: 'history' })]);
    expect(db.conversations.get(c)?.status).toBe('resolved');
    db.messages.insert([msg(c, 5)]);
    expect(db.conversations.get(c)).toMatchObject({ status: 'open', snoozedUntil: null });

    db.conversations.setStatus(c, { status: 'snoozed', snoozedUntil: at(600) });
    db.messages.insert([msg(c, 6)]);
    expect(db.conversations.get(c)).toMatchObject({ status: 'open', snoozedUntil: null });

    db.conversations.setStatus(c, { status: 'archived' });
    db.messages.insert([msg(c, 7)]);
    expect(db.conversations.get(c)).toMatchObject({ status: 'archived', unreadCount: 6 });
  });

  it('stores times in one UTC form and rejects malformed rows with the field’s name', () => {
    const { db, c } = setup();
    const [id] = db.messages.insert([msg(c, 0, { sentAt: '2026-11-25T07:00:00-06:00' })]).insertedIds;
    expect(db.messages.get(id!)?.sentAt).toBe('2026-11-25T13:00:00.000Z');
    expect(() => db.messages.insert([msg(c, 1, { localDate: '11/25/2026' })])).toThrow(/messages\[0\]\.localDate/);
    expect(() => db.messages.insert([msg(c, 1, { sentAt: 'yesterday' })])).toThrow(/messages\[0\]\.sentAt/);
    expect(() => db.messages.insert([msg(c, 1), msg(c, 2, { confidence: 2 })])).toThrow(/messages\[1\]\.confidence/);
    // Nothing of a refused batch is stored.
    expect(db.messages.page({ conversationId: c }).items).toHaveLength(1);
  });

  it('stores any text exactly (quotes, backslashes, newlines, emoji), lone surrogates as U+FFFD', () => {
    const { db, c } = setup();
    const tricky = 'He said "hi" \\ back\nslash \u0000 nul, tab\t, 👍🏽 and \'quotes\' [1, {"a": 2}]';
    const [a, b] = db.messages.insert([msg(c, 1, { body: tricky, senderName: 'Zoë "Z" O\'Neil' }), msg(c, 2, { body: 'broken \ud800 half' })]).insertedIds;
    expect(db.messages.get(a!)).toMatchObject({ body: tricky, senderName: 'Zoë "Z" O\'Neil' });
    expect(db.messages.get(b!)?.body).toBe('broken \ufffd half');
  });

  it('stores the first of two rows with one key in one batch and reports the second as skipped', () => {
    const { db, c } = setup();
    const row = msg(c, 1, { dedupeKey: 'same', body: 'first' });
    const result = db.messages.insert([row, { ...row, body: 'second' }, msg(c, 2)]);
    expect(result.insertedIds).toHaveLength(2);
    expect(result.skipped).toBe(1);
    expect(db.messages.get(result.insertedIds[0]!)?.body).toBe('first');
  });

  it('is all-or-nothing, also inside an outer transaction with other writes', () => {
    const { db, c } = setup();
    expect(() =>
      db.transaction(() => {
        db.messages.insert([msg(c, 1)]);
        db.owners.recordSyncSuccess(OWNER, T0, { historyImported: true });
        throw new Error('crash after the writes');
      }),
    ).toThrow('crash after the writes');
    expect(db.messages.page({ conversationId: c }).items).toEqual([]);
    expect(db.owners.get(OWNER)).toMatchObject({ lastSuccessAt: null, historyImported: false });
    expect(db.conversations.get(c)?.unreadCount).toBe(0);

    db.transaction(() => {
      db.messages.insert([msg(c, 1)]);
      db.owners.recordSyncSuccess(OWNER, T0, { historyImported: true });
    });
    expect(db.messages.page({ conversationId: c }).items).toHaveLength(1);
    expect(db.owners.get(OWNER)).toMatchObject({ lastSuccessAt: at(0), historyImported: true });
  });
});

describe('messages.storedKeys', () => {
  it('returns the owner’s keys whose club-local date is in range', () => {
    const { db, c } = setup();
    db.messages.insert([
      msg(c, 0, { localDate: '2026-11-23', localTime: null, dedupeKey: '2026-11-23|a', occurrence: 0 }),
      msg(c, 0, { localDate: '2026-11-24', localTime: '09:10', dedupeKey: '2026-11-24|b', occurrence: 0 }),
      msg(c, 0, { localDate: '2026-11-24', localTime: '09:12', dedupeKey: '2026-11-24|b', occurrence: 1 }),
      msg(c, 0, { localDate: '2026-11-25', localTime: '07:00', dedupeKey: '2026-11-25|c', occurrence: 0 }),
    ]);
    const keys = db.messages.storedKeys(OWNER, '2026-11-24', '2026-11-25');
    expect(keys.every((k) => typeof k.senderName === 'string' && typeof k.body === 'string')).toBe(true);
    const sorted = [...keys].sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey) || a.occurrence - b.occurrence);
    expect(sorted.map(({ dedupeKey, localTime, occurrence }) => ({ dedupeKey, localTime, occurrence }))).toEqual([
      { dedupeKey: '2026-11-24|b', localTime: '09:10', occurrence: 0 },
      { dedupeKey: '2026-11-24|b', localTime: '09:12', occurrence: 1 },
      { dedupeKey: '2026-11-25|c', localTime: '07:00', occurrence: 0 },
    ]);
    expect(db.messages.storedKeys('2002', '2026-11-01', '2026-11-30')).toEqual([]);
  });

  const keysOf = (keys: ReadonlyArray<{ dedupeKey: string; occurrence: number }>): string[] => keys.map((k) => `${k.dedupeKey}#${k.occurrence}`).sort();

  it('reads the rows again only when this connection changed a row or another committed, never keeping what a rolled-back transaction showed', () => {
    const { dir, cleanup } = tempDir();
    const path = join(dir, 'keys.sqlite');
    const { db } = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger('test') });
    try {
      withOwners(db, OWNER, OTHER_OWNER);
      const c = conversation(db, 'Jane Doe');
      const other = conversation(db, 'Sam Roe', null, OTHER_OWNER);
      db.messages.insert([msg(c, 0, { dedupeKey: 'a', occurrence: 0 })]);
      const first = db.messages.storedKeys(OWNER, '2026-11-01', '2026-11-30');
      // Nothing changed: the same rows, not read again.
      expect(db.messages.storedKeys(OWNER, '2026-11-01', '2026-11-30')).toBe(first);
      // Another range or another owner is its own read.
      expect(keysOf(db.messages.storedKeys(OWNER, '2026-11-26', '2026-11-30'))).toEqual([]);
      expect(keysOf(db.messages.storedKeys(OTHER_OWNER, '2026-11-01', '2026-11-30'))).toEqual([]);

      // This connection adds a row: read again.
      db.messages.insert([msg(c, 1, { dedupeKey: 'b', occurrence: 0 })]);
      expect(keysOf(db.messages.storedKeys(OWNER, '2026-11-01', '2026-11-30'))).toEqual(['a#0', 'b#0']);

      // Another connection (the sync worker's, another process) commits a row: read again.
      const peer = openConnection(path, { clock: manualClock(T0), logger: memoryLogger('peer') });
      try {
        peer.messages.insert([msg(c, 2, { dedupeKey: 'c', occurrence: 0 })]);
        expect(keysOf(db.messages.storedKeys(OWNER, '2026-11-01', '2026-11-30'))).toEqual(['a#0', 'b#0', 'c#0']);
        peer.messages.insert([msg(other, 3, { ownerId: OTHER_OWNER, dedupeKey: 'x', occurrence: 0 })]);
        expect(keysOf(db.messages.storedKeys(OTHER_OWNER, '2026-11-01', '2026-11-30'))).toEqual(['x#0']);
      } finally {
        peer.close();
      }

      // Inside a transaction the uncommitted row shows; after the rollback it is gone.
      expect(() =>
        db.transaction(() => {
          db.messages.insert([msg(c, 4, { dedupeKey: 'd', occurrence: 0 })]);
          expect(keysOf(db.messages.storedKeys(OWNER, '2026-11-01', '2026-11-30'))).toEqual(['a#0', 'b#0', 'c#0', 'd#0']);
          throw new Error('rolled back');
        }),
      ).toThrow('rolled back');
      expect(keysOf(db.messages.storedKeys(OWNER, '2026-11-01', '2026-11-30'))).toEqual(['a#0', 'b#0', 'c#0']);
    } finally {
      db.close();
      cleanup();
    }
  });
});

describe('messages.page', () => {
  it('pages newest first, each page oldest→newest, without gaps or repeats', () => {
    const { db, c } = setup();
    // Three rows share one instant: the id breaks the tie.
    db.messages.insert(Array.from({ length: 23 }, (_, i) => msg(c, i < 3 ? 0 : i, { body: `m${i}` })));
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const page = db.messages.page({ conversationId: c, before, limit: 5 });
      expect(page.items.map((m) => m.sentAt)).toEqual([...page.items.map((m) => m.sentAt)].sort());
      seen.unshift(...page.items.map((m) => m.body));
      before = page.prevCursor;
      pages++;
    } while (before !== null);
    expect(pages).toBe(5);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `m${i}`));
  });

  it('refuses a cursor from another list', () => {
    const { db, c } = setup();
    db.messages.insert([msg(c, 1)]);
    const conversationCursor = Buffer.from(JSON.stringify(['c', at(1), 1])).toString('base64url');
    expect(() => db.messages.page({ conversationId: c, before: conversationCursor })).toThrow(DbError);
    expect(() => db.messages.page({ conversationId: c, before: 'garbage!' })).toThrow(/cursor/);
  });
});

describe('classifier and sender updates', () => {
  it('sets intent, confidence and requires_response, and mirrors the intent as an automatic tag', () => {
    const { db, c } = setup();
    const [first, second] = db.messages.insert([msg(c, 1), msg(c, 2)]).insertedIds;
    let conv = db.messages.setClassification(first!, { intent: 'question_about_billing', confidence: 0.9, requiresResponse: true });
    expect(conv).toMatchObject({ intent: 'question_about_billing', tags: ['question_about_billing'] });
    conv = db.messages.setClassification(second!, { intent: 'spam', confidence: 0.8, requiresResponse: false });
    expect(conv).toMatchObject({ intent: 'spam', tags: ['spam'], requiresResponse: false, waitingSince: null });
    expect(db.messages.get(second!)).toMatchObject({ intent: 'spam', confidence: 0.8 });
    expect(() => db.messages.setClassification(999, { intent: null, confidence: null, requiresResponse: false })).toThrow(/does not exist/);
    expect(db.conversations.audit(c)).toEqual([]);
  });

  it('records a reply sent for a message', () => {
    const { db, c } = setup();
    const [id] = db.messages.insert([msg(c, 1)]).insertedIds;
    db.messages.markResponded(id!, at(3));
    expect(() => db.messages.markResponded(999, at(3))).toThrow(/does not exist/);
  });
});
