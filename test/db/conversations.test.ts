import { describe, expect, it } from 'vitest';
import { conversation, memoryDb, msg, OTHER_OWNER, OWNER, T0, withOwners } from './helpers';

function setup() {
  const t = memoryDb();
  withOwners(t.db, OWNER, OTHER_OWNER);
  return t;
}

const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
const key = (name: string, memberId: string | null = null, ownerId = OWNER) => ({
  ownerId,
  memberId,
  memberName: name,
  nameKey: name.toLowerCase(),
});

describe('finding and creating conversations', () => {
  it('finds or creates one conversation per member id, and per name key while the id is unknown', () => {
    const { db } = setup();
    const a = db.conversations.findOrCreate(key('Jane Doe', '77'));
    expect(a.created).toBe(true);
    expect(db.conversations.findOrCreate(key('Jane D.', '77'))).toEqual({ id: a.id, created: false });
    const byName = db.conversations.findOrCreate(key('Sam Lee'));
    expect(db.conversations.findOrCreate(key('Sam Lee'))).toEqual({ id: byName.id, created: false });
    // Another owner's inbox has its own conversations.
    expect(db.conversations.findOrCreate(key('Sam Lee', null, OTHER_OWNER)).created).toBe(true);
    expect(db.conversations.findByMemberId(OWNER, '77')?.memberName).toBe('Jane Doe');
    expect(db.conversations.get(byName.id)).toMatchObject({ memberId: null, memberName: 'Sam Lee', status: 'open', tags: [] });
  });

  it('finds a member-keyed conversation by name once, and only if the name is not ambiguous', () => {
    const { db } = setup();
    const jane = db.conversations.findOrCreate(key('Jane Doe', '77')).id;
    expect(db.conversations.findByNameKey(OWNER, 'jane doe')?.id).toBe(jane);
    db.conversations.findOrCreate(key('Jane Doe', '78'));
    expect(db.conversations.findByNameKey(OWNER, 'jane doe')).toBeNull();
    // An unattached conversation of that name always wins.
    const unattached = db.conversations.findOrCreate(key('Jane Doe')).id;
    expect(db.conversations.findByNameKey(OWNER, 'jane doe')?.id).toBe(unattached);
  });

  it('attaches a learnt member id; later rows without an id then find that conversation by name', () => {
    const { db } = setup();
    const byName = conversation(db, 'Sam Lee');
    expect(db.conversations.attachMemberId(byName, '55')).toBe(byName);
    expect(db.conversations.get(byName)?.memberId).toBe('55');
    expect(conversation(db, 'Sam Lee')).toBe(byName);
    expect(() => db.conversations.attachMemberId(byName, '56')).toThrow(/already belongs to member 55/);
  });

  it('attaching an id the member already has a conversation for merges the two', () => {
    const { db } = setup();
    const byName = conversation(db, 'Sam Lee');
    const byId = conversation(db, 'Sam Lee', '55');
    expect(byId).not.toBe(byName);
    db.messages.insert([msg(byName, 5, { body: 'later text' })]);
    db.messages.insert([msg(byId, 1, { body: 'earlier text', readAt: at(2) })]);
    expect(db.conversations.attachMemberId(byName, '55')).toBe(byId);
    expect(db.conversations.get(byName)).toBeNull();
    expect(db.conversations.get(byId)).toMatchObject({ lastMessagePreview: 'later text', unreadCount: 1 });
  });
});

describe('merge', () => {
  it('moves every message with its read state, unites tags, keeps the more active status and recomputes', () => {
    const { db } = setup();
    // The name-keyed conversation exists first (the inbox gave no id); then history gave the id.
    const from = conversation(db, 'Jane Doe');
    const into = conversation(db, 'Jane Doe', '77');
    db.messages.insert([msg(into, 1, { readAt: at(2) }), msg(into, 3, { direction: 'outbound', source: 'sent' })]);
    db.messages.insert([msg(from, 2, { body: 'read one', readAt: at(2) }), msg(from, 4, { body: 'unread newest' })]);
    db.conversations.setTags(into, ['vip']);
    db.conversations.setTags(from, ['billing', 'vip']);
    db.conversations.setStatus(into, { status: 'resolved' });
    db.conversations.setStatus(from, { status: 'snoozed', snoozedUntil: at(600) });
    db.conversations.setOptedOut(from, true);

    const merged = db.conversations.merge(from, into);
    expect(db.conversations.get(from)).toBeNull();
    expect(merged).toMatchObject({
      id: into,
      memberId: '77',
      status: 'snoozed',
      snoozedUntil: at(600),
      tags: ['billing', 'vip'],
      unreadCount: 1,
      lastMessagePreview: 'unread newest',
      requiresResponse: true,
      waitingSince: at(4),
      optedOut: true,
    });
    const page = db.messages.page({ conversationId: into });
    expect(page.items.map((m) => [m.sentAt, m.readAt !== null])).toEqual([
      [at(1), true],
      [at(2), true],
      [at(3), false], // outbound: never "read"
      [at(4), false],
    ]);
    expect(db.conversations.audit()).toEqual([]);
  });

  it('gives the survivor the member id of the absorbed conversation', () => {
    const { db } = setup();
    const into = conversation(db, 'Sam Lee');
    const from = conversation(db, 'Sam Lee', '55');
    expect(db.conversations.merge(from, into)).toMatchObject({ id: into, memberId: '55' });
    expect(db.conversations.findByMemberId(OWNER, '55')?.id).toBe(into);
  });

  it('refuses to merge across owners, two different members, or a conversation into itself', () => {
    const { db } = setup();
    const a = conversation(db, 'Jane Doe', '77');
    const b = conversation(db, 'Jane Doe', '78');
    const other = conversation(db, 'Jane Doe', null, OTHER_OWNER);
    expect(() => db.conversations.merge(a, b)).toThrow(/two different members/);
    expect(() => db.conversations.merge(a, other)).toThrow(/different owners/);
    expect(() => db.conversations.merge(a, a)).toThrow(/itself/);
    expect(() => db.conversations.merge(a, 999)).toThrow(/does not exist/);
  });
});

describe('read state, status, tags, opt-out', () => {
  it('marks a conversation read, and its newest inbound message (or a given one) unread', () => {
    const { db } = setup();
    const c = conversation(db, 'Jane Doe');
    const [m1, , m3] = db.messages.insert([
      msg(c, 1),
      msg(c, 2, { direction: 'system', channel: 'system', body: 'Reply STOP to opt out' }),
      msg(c, 3),
      msg(c, 4, { direction: 'outbound', source: 'sent' }),
    ]).insertedIds;
    expect(db.conversations.get(c)?.unreadCount).toBe(3);
    expect(db.conversations.markRead(c).unreadCount).toBe(0);
    const unread = db.conversations.markUnread(c);
    expect(unread.unreadCount).toBe(1);
    expect(db.messages.get(m3!)?.readAt).toBeNull();
    expect(db.messages.get(m1!)?.readAt).toBe(at(0));
    expect(db.conversations.markUnread(c, m1).unreadCount).toBe(2);
    const [outbound] = db.messages.page({ conversationId: c }).items.filter((m) => m.direction === 'outbound');
    expect(() => db.conversations.markUnread(c, outbound!.id)).toThrow(/outbound/);
    expect(() => db.conversations.markUnread(c, 999)).toThrow(/does not exist/);
    expect(() => db.conversations.markRead(999)).toThrow(/does not exist/);
    expect(db.conversations.audit(c)).toEqual([]);
  });

  it('sets a status, requiring snoozedUntil for (and only for) snoozed', () => {
    const { db } = setup();
    const c = conversation(db, 'Jane Doe');
    expect(db.conversations.setStatus(c, { status: 'snoozed', snoozedUntil: '2026-11-26T08:00:00-06:00' })).toMatchObject({
      status: 'snoozed',
      snoozedUntil: '2026-11-26T14:00:00.000Z',
    });
    expect(db.conversations.setStatus(c, { status: 'open' })).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(() => db.conversations.setStatus(c, { status: 'snoozed' })).toThrow(/snoozedUntil/);
    expect(() => db.conversations.setStatus(c, { status: 'resolved', snoozedUntil: at(5) })).toThrow(/snoozedUntil/);
  });

  it('keeps the user’s tags apart from the automatic intent tag', () => {
    const { db } = setup();
    const c = conversation(db, 'Jane Doe');
    const [id] = db.messages.insert([msg(c, 1)]).insertedIds;
    db.conversations.setTags(c, [' vip ', 'vip', 'follow-up']);
    db.messages.setClassification(id!, { intent: 'complaint', confidence: 0.9, requiresResponse: true });
    expect(db.conversations.get(c)?.tags).toEqual(['complaint', 'follow-up', 'vip']);
    // Reclassifying replaces the automatic tag only.
    db.messages.setClassification(id!, { intent: 'praise', confidence: 0.9, requiresResponse: false });
    expect(db.conversations.get(c)?.tags).toEqual(['follow-up', 'praise', 'vip']);
    // Setting tags replaces the user's tags only.
    expect(db.conversations.setTags(c, []).tags).toEqual(['praise']);
    expect(() => db.conversations.setTags(c, ['  '])).toThrow(/1–60/);
  });

  it('records an opt-out and an opt-in', () => {
    const { db } = setup();
    const c = conversation(db, 'Jane Doe');
    expect(db.conversations.setOptedOut(c, true).optedOut).toBe(true);
    expect(db.conversations.setOptedOut(c, false).optedOut).toBe(false);
  });
});
