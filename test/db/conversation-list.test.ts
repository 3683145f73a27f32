import { describe, expect, it } from 'vitest';
import type { ListFilter } from '../../common/contract';
import type { FrontdeskDb } from '../../db';
import { conversation, memoryDb, msg, OTHER_OWNER, OWNER, T0, withOwners } from './helpers';

const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
const FILTERS: ListFilter[] = ['all', 'unread', 'needs_reply', 'snoozed', 'resolved', 'archived'];

/** Seven conversations, one per situation, with activity at minutes 1…7. */
function inbox() {
  const t = memoryDb();
  const { db } = t;
  withOwners(db, OWNER, OTHER_OWNER);
  const make = (name: string, minute: number, owner = OWNER, extra: Parameters<typeof msg>[2] = {}): number => {
    const c = conversation(db, name, null, owner);
    db.messages.insert([msg(c, minute, { ownerId: owner, senderName: name, body: `hello from ${name}`, ...extra })]);
    return c;
  };
  const ids = {
    unread: make('Una Read', 1),
    read: make('Rita Read', 2, OWNER, { readAt: at(2), requiresResponse: false }),
    replied: make('Rex Replied', 3, OWNER, { direction: 'outbound', source: 'sent' }),
    snoozed: make('Sue Snoozed', 4),
    resolved: make('Ron Resolved', 5),
    archived: make('Archie Ved', 6),
    other: make('Otto Other', 7, OTHER_OWNER),
  };
  db.conversations.setStatus(ids.snoozed, { status: 'snoozed', snoozedUntil: at(120) });
  db.conversations.setStatus(ids.resolved, { status: 'resolved' });
  db.conversations.setStatus(ids.archived, { status: 'archived' });
  db.conversations.findOrCreate({ ownerId: OWNER, memberId: null, memberName: 'Empty', nameKey: 'empty' });
  return { ...t, ids };
}

const names = (db: FrontdeskDb, query: Parameters<FrontdeskDb['conversations']['list']>[0]): string[] =>
  db.conversations.list(query).items.map((c) => c.memberName);

describe('conversations.list', () => {
  it('filters, newest activity first; all/unread/needs_reply leave out resolved, archived and sleeping snoozes', () => {
    const { db } = inbox();
    expect(names(db, { filter: 'all' })).toEqual(['Otto Other', 'Rex Replied', 'Rita Read', 'Una Read']);
    expect(names(db, { filter: 'unread' })).toEqual(['Otto Other', 'Una Read']);
    expect(names(db, { filter: 'needs_reply' })).toEqual(['Otto Other', 'Una Read']);
    expect(names(db, { filter: 'snoozed' })).toEqual(['Sue Snoozed']);
    expect(names(db, { filter: 'resolved' })).toEqual(['Ron Resolved']);
    expect(names(db, { filter: 'archived' })).toEqual(['Archie Ved']);
  });

  it('brings a snoozed conversation back once snoozed_until has passed (`now` is a parameter)', () => {
    const { db } = inbox();
    const later = T0 + 121 * 60_000;
    expect(names(db, { filter: 'all', now: later })).toContain('Sue Snoozed');
    expect(names(db, { filter: 'unread', now: later })).toContain('Sue Snoozed');
    expect(names(db, { filter: 'snoozed', now: later })).toEqual([]);
  });

  it('filters by owner with every filter', () => {
    const { db } = inbox();
    for (const filter of FILTERS) {
      const mine = db.conversations.list({ filter, ownerId: OWNER }).items;
      expect(mine.every((c) => c.ownerId === OWNER)).toBe(true);
      expect(db.conversations.list({ filter, ownerId: OTHER_OWNER }).items.every((c) => c.ownerId === OTHER_OWNER)).toBe(true);
    }
    expect(names(db, { filter: 'unread', ownerId: OWNER })).toEqual(['Una Read']);
    expect(names(db, { filter: 'all', ownerId: OTHER_OWNER })).toEqual(['Otto Other']);
  });

  it('filters by tag, manual or automatic', () => {
    const { db, ids } = inbox();
    db.conversations.setTags(ids.read, ['vip']);
    db.conversations.setTags(ids.unread, ['vip', 'billing']);
    db.conversations.setTags(ids.replied, ['vip']);
    const [inbound] = db.messages.page({ conversationId: ids.unread }).items;
    db.messages.setClassification(inbound!.id, { intent: 'question_about_billing', confidence: 1, requiresResponse: true });
    expect(names(db, { tag: 'vip' })).toEqual(['Rex Replied', 'Rita Read', 'Una Read']);
    expect(names(db, { tag: 'question_about_billing' })).toEqual(['Una Read']);
    expect(names(db, { tag: 'vip', filter: 'unread' })).toEqual(['Una Read']);
    expect(names(db, { tag: 'nope' })).toEqual([]);
  });

  it('filters by a tag too common to read first, walking the filter’s index instead', () => {
    const { db } = memoryDb();
    withOwners(db, OWNER);
    const ids = db.transaction(() => Array.from({ length: 2100 }, (_, i) => conversation(db, `Member ${i}`)));
    db.messages.insert(ids.map((c, i) => msg(c, i)));
    db.transaction(() => ids.forEach((c, i) => db.conversations.setTags(c, i % 2 === 0 ? ['even'] : ['odd'])));
    const page = db.conversations.list({ tag: 'even', limit: 3 });
    expect(page.items.map((c) => c.memberName)).toEqual(['Member 2098', 'Member 2096', 'Member 2094']);
    expect(page.nextCursor).not.toBeNull();
  });

  it('matches a text query against member names and message text, literally', () => {
    const { db, ids } = inbox();
    db.messages.insert([msg(ids.read, 8, { body: 'Can I freeze my membership?', readAt: at(8) })]);
    expect(names(db, { query: 'rita' })).toEqual(['Rita Read']);
    expect(names(db, { query: 'FREEZE' })).toEqual(['Rita Read']);
    expect(names(db, { query: 'memb' })).toEqual(['Rita Read']);
    expect(names(db, { query: 'hello from' })).toEqual(['Rita Read', 'Otto Other', 'Rex Replied', 'Una Read']);
    for (const hostile of ['"', 'AND(', 'NEAR', '*', '-', '%', '_', 'a"b OR c', '👍']) {
      expect(() => db.conversations.list({ query: hostile })).not.toThrow();
    }
    expect(names(db, { query: '%' })).toEqual([]);
    // Message text means bodies: a staff member's name on a reply does not match the conversation.
    db.messages.insert([msg(ids.unread, 9, { direction: 'outbound', source: 'sent', senderName: 'Alexandra Staff', body: 'ok' })]);
    expect(names(db, { query: 'alexandra' })).toEqual([]);
  });

  it('pages with a keyset cursor, without gaps or repeats, even when activity times tie', () => {
    const { db } = memoryDb();
    withOwners(db, OWNER);
    const ids: number[] = [];
    for (let i = 0; i < 37; i++) ids.push(conversation(db, `Member ${i}`));
    db.messages.insert(ids.map((c, i) => msg(c, Math.floor(i / 4))));
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = db.conversations.list({ cursor, limit: 5 });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(37);
    expect(new Set(seen).size).toBe(37);
    const expected = db.conversations.list({ limit: 500 }).items.map((c) => c.id);
    expect(seen).toEqual(expected);
    expect(() => db.conversations.list({ cursor: 'not-a-cursor' })).toThrow(/cursor/);
    expect(() => db.conversations.list({ limit: 0 })).toThrow(/limit/);
  });

  it('lists raised (overdue or reminded) conversations first, in every filter and sort, and pages across the two runs', () => {
    const { db } = memoryDb();
    withOwners(db, OWNER);
    const ids: number[] = [];
    for (let i = 0; i < 23; i++) ids.push(conversation(db, `Member ${i}`));
    db.messages.insert(ids.map((c, i) => msg(c, i)));
    // Three older conversations wait too long; one had a no-reply reminder.
    const raised = [ids[2]!, ids[5]!, ids[9]!, ids[13]!];
    raised.forEach((id, i) => db.outreach.attention.raise(id, i === 3 ? 'no_reply' : 'waiting', T0 + 100 * 60_000));
    const newestRaised = [...raised].reverse();
    const all = db.conversations.list({ limit: 500 }).items.map((c) => c.id);
    expect(all.slice(0, 4)).toEqual(newestRaised);
    expect(all.slice(4)).toEqual(ids.filter((id) => !raised.includes(id)).reverse());
    expect(db.conversations.list({ filter: 'needs_reply', limit: 2 }).items.map((c) => c.id)).toEqual(newestRaised.slice(0, 2));
    // Longest waiting first within the raised run too.
    expect(db.conversations.list({ sort: 'longest_waiting', limit: 4 }).items.map((c) => c.id)).toEqual(raised);
    // Every page size, including ones that end exactly where the raised run ends.
    for (const limit of [1, 2, 3, 4, 5, 7, 30]) {
      const seen: number[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 50; page++) {
        const result: { items: Array<{ id: number }>; nextCursor: string | null } = db.conversations.list({ cursor, limit });
        seen.push(...result.items.map((c) => c.id));
        cursor = result.nextCursor;
        if (cursor === null) break;
      }
      expect({ limit, seen }).toEqual({ limit, seen: all });
    }
    // Lowered between pages: it moves to its place in the rest run (the window drops a repeat when
    // it merges pages, and places it from its event anyway); no other conversation is skipped.
    const first = db.conversations.list({ limit: 2 });
    db.outreach.attention.clear(newestRaised[0]!);
    const rest: number[] = [];
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const page = db.conversations.list({ cursor, limit: 6 });
      rest.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    }
    const shown = [...first.items.map((c) => c.id), ...rest];
    expect(shown.filter((id) => id === newestRaised[0])).toHaveLength(2);
    expect(shown.filter((id) => id !== newestRaised[0]).sort((a, b) => a - b)).toEqual(ids.filter((id) => id !== newestRaised[0]));
  });
});

describe('counts', () => {
  it('counts every filter, the tags of the inbox and its unread messages, overall and per owner', () => {
    const { db, ids } = inbox();
    db.conversations.setTags(ids.unread, ['vip']);
    db.conversations.setTags(ids.other, ['vip', 'billing']);
    db.conversations.setTags(ids.resolved, ['vip']);
    expect(db.conversations.counts()).toEqual({
      filters: { all: 4, unread: 2, needs_reply: 2, snoozed: 1, resolved: 1, archived: 1, mine: 0 },
      tags: [
        { tag: 'billing', count: 1 },
        { tag: 'vip', count: 2 },
      ],
      unreadTotal: 2,
    });
    expect(db.conversations.counts({ ownerId: OWNER })).toEqual({
      filters: { all: 3, unread: 1, needs_reply: 1, snoozed: 1, resolved: 1, archived: 1, mine: 0 },
      tags: [{ tag: 'vip', count: 1 }],
      unreadTotal: 1,
    });
    // Every count agrees with its list.
    for (const filter of FILTERS) {
      expect(db.conversations.counts().filters[filter]).toBe(db.conversations.list({ filter, limit: 500 }).items.length);
    }
  });

  it('gives the counts overall and of one inbox together, the same as asked apart, with one inbox or several', () => {
    const { db, ids } = inbox();
    db.conversations.setTags(ids.other, ['vip']);
    const apart = (ownerId: string) => ({ counts: db.conversations.counts({ now: T0 }), ownerCounts: db.conversations.counts({ ownerId, now: T0 }) });
    // Two inboxes with conversations: the owner's counts differ from the overall ones.
    for (const owner of [OWNER, OTHER_OWNER]) expect(db.conversations.countsWithOwner(owner, T0)).toEqual(apart(owner));
    expect(db.conversations.countsWithOwner(OWNER, T0).ownerCounts).not.toEqual(db.conversations.countsWithOwner(OWNER, T0).counts);
    // One inbox left with conversations (on either side of the other's id): counted once, still right.
    const single = memoryDb().db;
    withOwners(single, OWNER, OTHER_OWNER);
    const c = conversation(single, 'Una Read', null, OTHER_OWNER);
    single.messages.insert([msg(c, 1, { ownerId: OTHER_OWNER, senderName: 'Una Read', body: 'hello' })]);
    const both = single.conversations.countsWithOwner(OTHER_OWNER, T0);
    expect(both.ownerCounts).toEqual(single.conversations.counts({ ownerId: OTHER_OWNER, now: T0 }));
    expect(both.counts).toEqual(single.conversations.counts({ now: T0 }));
    expect(both.counts.filters.all).toBe(1);
    // Asked for the inbox without conversations: its own counts are empty, not the overall ones.
    expect(single.conversations.countsWithOwner(OWNER, T0).ownerCounts.filters.all).toBe(0);
  });

  it('totals unread messages per owner for the tray, leaving out archived, resolved and snoozed conversations', () => {
    const { db, ids } = inbox();
    db.messages.insert([msg(ids.unread, 9), msg(ids.unread, 10)]);
    expect(db.conversations.unreadTotals()).toEqual({ total: 4, byOwner: { [OWNER]: 3, [OTHER_OWNER]: 1 } });
    expect(db.conversations.unreadTotals(T0 + 121 * 60_000).total).toBe(5); // the snooze ended
  });
});
