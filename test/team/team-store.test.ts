// The team store against a real PostgreSQL (a throwaway cluster): its migrations, and each
// field's conflict rule as two or three desks see it after they exchange their changes.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_LATEST_VERSION } from '../../main/team/pg-migrations/list';
import { migrate } from '../../main/team/pg-store';
import { conversation, memoryDb, msg, OWNER, withOwners } from '../db/helpers';

const memoryDbWithOwner = (): ReturnType<typeof memoryDb> => {
  const t = memoryDb();
  withOwners(t.db, OWNER);
  return t;
};
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster';
import { openDesk, settle, waitFor, type TestDesk } from './team-desks';
import { startTcpProxy } from './tcp-proxy';

const run = pgAvailable('team store tests (test/team/team-store.test.ts)');
const ALEX = { id: 'alex', name: 'Alex' };
const JORDAN = { id: 'jordan', name: 'Jordan' };
const SAM = { id: 'sam', name: 'Sam' };

describe.skipIf(!run)('team store (PostgreSQL)', () => {
  let cluster: PgCluster;
  let dbCount = 0;
  const open: TestDesk[] = [];
  /** A fresh team database per test, so no test sees another's changes. */
  const freshTeam = (): string => {
    const name = `team_${++dbCount}`;
    cluster.createDatabase(name);
    return cluster.url(name);
  };
  const desk = async (url: string, staff: { id: string; name: string }, options?: Parameters<typeof openDesk>[2]): Promise<TestDesk> => {
    const d = await openDesk(url, staff, options);
    open.push(d);
    return d;
  };

  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 120_000);
  afterAll(async () => {
    for (const d of open) await d.close().catch(() => undefined);
    cluster?.destroy();
  });

  it('creates its schema once, records the version, and refuses a store from a newer Frontdesk', async () => {
    const client = new pg.Client({ connectionString: freshTeam() });
    await client.connect();
    try {
      expect(await migrate(client)).toBe(PG_LATEST_VERSION);
      expect(await migrate(client)).toBe(PG_LATEST_VERSION);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM frontdesk.migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: PG_LATEST_VERSION }, (_, i) => i + 1));
      await client.query("INSERT INTO frontdesk.migrations (version, name) VALUES (999, 'from the future')");
      await expect(migrate(client)).rejects.toThrow(/newer Frontdesk/);
    } finally {
      await client.end();
    }
  });

  it('shares messages by their stable key: each desk stores every message once, and its own again never', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const b = await desk(url, JORDAN);
    const ca = conversation(a.db, 'Jane Doe', '5001');
    a.db.messages.insert([msg(ca, 1, { dedupeKey: 'k1' }), msg(ca, 2, { dedupeKey: 'k2', body: 'second' })]);
    // B polled the same inbox too (while the store was away, say): the same identity.
    const cb = conversation(b.db, 'Jane Doe', '5001');
    b.db.messages.insert([msg(cb, 2, { dedupeKey: 'k2', body: 'second' })]);
    await settle(a, b);
    for (const d of [a, b]) {
      const c = d.db.team.conversationByKey(`${OWNER}/m/5001`)!;
      expect(d.db.messages.page({ conversationId: c.id, limit: 50 }).items.map((m) => m.body)).toEqual(['message at 1', 'second']);
    }
    // The desk that received them heard of them as remote messages.
    expect(b.applied.flatMap((e) => e.messagesAdded).reduce((n, m) => n + m.insertedIds.length, 0)).toBe(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query<{ count: string }>('SELECT count(*) FROM frontdesk.messages')).rows[0]?.count).toBe('2');
    await client.end();
  });

  it('status and snooze: the last writer at the store wins on every desk', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const b = await desk(url, JORDAN);
    const ca = conversation(a.db, 'Ana', '6001');
    a.db.messages.insert([msg(ca, 1)]);
    await settle(a, b);
    const cb = b.db.team.conversationByKey(`${OWNER}/m/6001`)!.id;
    a.db.conversations.setStatus(ca, { status: 'resolved' });
    await a.link.flush(); // A's resolve reaches the store first…
    b.db.conversations.setStatus(cb, { status: 'snoozed', snoozedUntil: '2026-12-01T15:00:00.000Z' });
    await settle(b, a); // …B's snooze after it: B's wins everywhere.
    expect(a.db.conversations.get(ca)).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-12-01T15:00:00.000Z' });
    expect(b.db.conversations.get(cb)).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-12-01T15:00:00.000Z' });
  });

  it('tags: concurrent adds unite, a removal removes only that tag, on every desk', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const b = await desk(url, JORDAN);
    const ca = conversation(a.db, 'Ben', '6002');
    a.db.messages.insert([msg(ca, 1)]);
    a.db.conversations.setTags(ca, ['vip']);
    await settle(a, b);
    const cb = b.db.team.conversationByKey(`${OWNER}/m/6002`)!.id;
    expect(b.db.conversations.get(cb)!.tags).toContain('vip');
    // Offline from each other: A adds billing, B adds callback and removes vip.
    a.db.conversations.setTags(ca, ['vip', 'billing']);
    b.db.conversations.setTags(cb, ['callback']);
    await settle(a, b);
    const manual = (tags: string[]): string[] => tags.filter((t) => ['vip', 'billing', 'callback'].includes(t)).sort();
    expect(manual(a.db.conversations.get(ca)!.tags)).toEqual(['billing', 'callback']);
    expect(manual(b.db.conversations.get(cb)!.tags)).toEqual(['billing', 'callback']);
  });

  it('assignment: the store refuses a silent steal; the desk that tried is told and shows the real assignee', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const b = await desk(url, JORDAN);
    const ca = conversation(a.db, 'Cy', '6003');
    a.db.messages.insert([msg(ca, 1)]);
    await settle(a, b);
    const cb = b.db.team.conversationByKey(`${OWNER}/m/6003`)!.id;
    // Both take the unassigned conversation before hearing of the other.
    a.db.team.assign(ca, ALEX);
    b.db.team.assign(cb, JORDAN);
    await a.link.flush();
    await settle(b, a);
    expect(a.db.conversations.get(ca)!.assignee).toEqual(ALEX);
    expect(b.db.conversations.get(cb)!.assignee).toEqual(ALEX);
    const conflicts = b.applied.flatMap((e) => e.conflicts);
    expect(conflicts).toEqual([expect.objectContaining({ conversationId: cb, assignee: ALEX })]);
    expect(a.applied.flatMap((e) => e.conflicts)).toEqual([]);
    // Taking over knowingly (B has seen Alex): accepted.
    b.db.team.assign(cb, JORDAN);
    await settle(b, a);
    expect(a.db.conversations.get(ca)!.assignee).toEqual(JORDAN);
    // Unassigning what one sees: accepted too.
    a.db.team.assign(ca, null);
    await settle(a, b);
    expect(b.db.conversations.get(cb)!.assignee).toBeNull();
  });

  it('notes: append-only, every desk gets every note once, in time order, and a repeated push adds nothing', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const b = await desk(url, JORDAN);
    const ca = conversation(a.db, 'Dee', '6004');
    a.db.messages.insert([msg(ca, 1)]);
    await settle(a, b);
    const cb = b.db.team.conversationByKey(`${OWNER}/m/6004`)!.id;
    a.db.team.notes.add({ conversationId: ca, uid: 'note-a-000001', author: ALEX, body: 'Called her, no answer', createdAt: '2026-11-25T14:00:00.000Z' });
    b.db.team.notes.add({ conversationId: cb, uid: 'note-b-000001', author: JORDAN, body: 'Billing says refund is fine', createdAt: '2026-11-25T14:05:00.000Z' });
    // A's outbox entries stay as if it crashed before deleting them: pushing them again changes nothing.
    const pending = a.db.team.outbox.peek(100);
    await settle(a, b);
    a.db.transaction(() => {
      for (const e of pending) a.db.team.outbox.enqueue(e.kind, e.payload);
    });
    await settle(a, b);
    for (const [d, id] of [[a, ca], [b, cb]] as const) {
      expect(d.db.team.notes.list(id).map((n) => [n.author.id, n.body])).toEqual([
        ['alex', 'Called her, no answer'],
        ['jordan', 'Billing says refund is fine'],
      ]);
      // Notes are never messages.
      expect(d.db.messages.page({ conversationId: id, limit: 50 }).items).toHaveLength(1);
      expect(d.db.conversations.get(id)!.unreadCount).toBe(1);
    }
    expect(() => a.db.transaction(() => a.db.team.notes.list(ca))).not.toThrow();
  });

  it('read marks are per staff member: mine moves with me to my other desk, a colleague’s is only shown', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const a2 = await desk(url, ALEX); // Alex at a second desk
    const b = await desk(url, JORDAN);
    const ca = conversation(a.db, 'Eve', '6005');
    a.db.messages.insert([msg(ca, 1), msg(ca, 2)]);
    await settle(a, a2, b);
    const id = (d: TestDesk): number => d.db.team.conversationByKey(`${OWNER}/m/6005`)!.id;
    expect(a2.db.conversations.get(id(a2))!.unreadCount).toBe(2);
    a.db.conversations.markRead(ca);
    await settle(a, a2, b);
    expect(a2.db.conversations.get(id(a2))!.unreadCount).toBe(0);
    expect(b.db.conversations.get(id(b))!.unreadCount).toBe(2);
    expect(b.db.team.reads.list(id(b))).toEqual([expect.objectContaining({ staff: ALEX, readThrough: '2026-11-25T13:02:00.000Z' })]);
    // Marked unread at the second desk: back at the first.
    a2.db.conversations.markUnread(id(a2));
    await settle(a2, a);
    expect(a.db.conversations.get(ca)!.unreadCount).toBe(1);
  });

  it('handled: the last mark wins; draft decisions: the first decision wins', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const b = await desk(url, SAM);
    const ca = conversation(a.db, 'Flo', '6006');
    const [messageId] = a.db.messages.insert([msg(ca, 1, { dedupeKey: 'flo-1' })]).insertedIds;
    await settle(a, b);
    const cb = b.db.team.conversationByKey(`${OWNER}/m/6006`)!.id;
    a.db.conversations.markHandled(ca);
    await settle(a, b);
    expect(b.db.conversations.get(cb)!.handledAt).toBe(a.db.conversations.get(ca)!.handledAt);
    // Each desk drafted for the same text; A approves and sends, B rejects before hearing of it.
    const draft = (d: TestDesk, conversationId: number, mId: number) =>
      d.db.drafts.insert({ conversationId, messageId: mId, intent: null, confidence: null, body: 'Hi!', facts: [], notes: [], status: 'pending' })!;
    const da = draft(a, ca, messageId!);
    const db_ = draft(b, cb, b.db.team.messageId(OWNER, 'flo-1', 0)!);
    a.db.drafts.decide(da.id, 'sent', 'Alex');
    b.db.drafts.decide(db_.id, 'rejected', 'Sam');
    await a.link.flush();
    await settle(b, a);
    expect(a.db.drafts.get(da.id)!.status).toBe('sent');
    expect(b.db.drafts.pendingCount()).toBe(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query('SELECT status, decided_by FROM frontdesk.draft_decisions')).rows).toEqual([{ status: 'sent', decided_by: 'Alex' }]);
    await client.end();
  });

  it('a desk queued for a pending decision sees it leave its queue when another desk decides', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const b = await desk(url, SAM);
    const ca = conversation(a.db, 'Gus', '6007');
    const [mA] = a.db.messages.insert([msg(ca, 1, { dedupeKey: 'gus-1' })]).insertedIds;
    await settle(a, b);
    const cb = b.db.team.conversationByKey(`${OWNER}/m/6007`)!.id;
    const mB = b.db.team.messageId(OWNER, 'gus-1', 0)!;
    const da = a.db.drafts.insert({ conversationId: ca, messageId: mA!, intent: null, confidence: null, body: 'Hi!', facts: [], notes: [], status: 'pending' })!;
    const dbDraft = b.db.drafts.insert({ conversationId: cb, messageId: mB, intent: null, confidence: null, body: 'Hi!', facts: [], notes: [], status: 'pending' })!;
    expect(b.db.drafts.pendingCount()).toBe(1);
    a.db.drafts.decide(da.id, 'sent', 'Alex');
    await settle(a, b);
    expect(b.db.drafts.get(dbDraft.id)!.status).toBe('superseded');
    expect(b.db.drafts.pendingCount()).toBe(0);
  });

  it("a member's new text reopens a resolved conversation in the store's order, on every desk alike", async () => {
    const url = freshTeam();
    const poller = await desk(url, ALEX);
    const other = await desk(url, JORDAN);
    const c = conversation(poller.db, 'Ivy', '6009');
    poller.db.messages.insert([msg(c, 1, { dedupeKey: 'ivy-1' })]);
    await settle(poller, other);
    const co = other.db.team.conversationByKey(`${OWNER}/m/6009`)!.id;
    // Jordan resolves it; the poller, not yet told, stores a new text (still open there: no reopen of its own).
    other.db.conversations.setStatus(co, { status: 'resolved' });
    await other.link.flush();
    const later = new Date(Date.now() + 60_000).toISOString();
    poller.db.messages.insert([msg(c, 0, { dedupeKey: 'ivy-2', body: 'one more thing', sentAt: later, localDate: later.slice(0, 10), localTime: later.slice(11, 16) })]);
    await settle(poller, other);
    expect(poller.db.conversations.get(c)!.status).toBe('open');
    expect(other.db.conversations.get(co)!.status).toBe('open');
    // A text sent before the resolve and stored quietly (history a desk imports) reopens nothing.
    other.db.conversations.setStatus(co, { status: 'resolved' });
    await settle(other, poller);
    const earlier = '2026-11-25T12:00:00.000Z';
    poller.db.messages.insert([msg(c, 0, { dedupeKey: 'ivy-0', body: 'old one', sentAt: earlier, localDate: '2026-11-25', localTime: '12:00' })], { quiet: true });
    await settle(poller, other);
    expect(poller.db.conversations.get(c)!.status).toBe('resolved');
    expect(other.db.conversations.get(co)!.status).toBe('resolved');
    expect(other.db.messages.page({ conversationId: co, limit: 10 }).items.map((m) => m.body)).toContain('old one');
  });

  it('a change a desk cannot read is skipped and logged; the rest of the stream applies; nothing received is sent back', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const c = conversation(a.db, 'Jo', '6010');
    a.db.messages.insert([msg(c, 1)]);
    await a.link.flush();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO frontdesk.changes (kind, entity, payload, desk_id) VALUES ('status', 'x', '{"key": 42}', 'hostile'), ('tag', $1, $2, 'other')`, [
      `${OWNER}/m/6010`,
      JSON.stringify({ key: `${OWNER}/m/6010`, ownerId: OWNER, memberId: '6010', memberName: 'Jo', nameKey: 'jo', tag: 'vip', present: true }),
    ]);
    await client.query(`SELECT pg_notify('frontdesk_changes', 'x')`);
    await client.end();
    await waitFor('the tag applies', () => a.db.conversations.get(c)!.tags.includes('vip'));
    expect(a.db.team.outbox.count()).toBe(0);
  });

  it('captures nothing while the desk is not in a team, and seeds what it knows when it joins', () => {
    const { db } = memoryDbWithOwner();
    const c = conversation(db, 'Kai', '6011');
    db.messages.insert([msg(c, 1)]);
    db.conversations.setStatus(c, { status: 'resolved' });
    db.conversations.setTags(c, ['vip']);
    expect(db.team.outbox.count()).toBe(0);
    db.team.setIdentity(ALEX);
    const { seeded } = db.team.setCapturing(true);
    expect(db.team.outbox.peek(10).map((e) => e.kind)).toEqual(['message', 'status', 'tag']);
    expect(seeded).toBe(3);
    db.team.setCapturing(false);
    db.conversations.setTags(c, []);
    expect(db.team.outbox.count()).toBe(3);
  });

  it('a store that lost changes (restored from an older backup) gets them back from the desks', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const c = conversation(a.db, 'Lou', '6012');
    a.db.messages.insert([msg(c, 1, { dedupeKey: 'lou-1' })]);
    a.db.team.notes.add({ conversationId: c, uid: 'note-lou-0001', author: ALEX, body: 'kept by the desk', createdAt: '2026-11-25T15:00:00.000Z' });
    a.db.conversations.setTags(c, ['vip']);
    await a.link.flush();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('TRUNCATE frontdesk.changes, frontdesk.pushes, frontdesk.messages, frontdesk.notes, frontdesk.conversation_tags, frontdesk.conversations');
    await client.end();
    // The next exchange notices, and the desk sends its state again.
    for (let i = 0; i < 5; i++) await a.link.flush();
    expect(a.db.team.outbox.count()).toBe(0);
    const b = await desk(url, JORDAN);
    await settle(a, b);
    const cb = b.db.team.conversationByKey(`${OWNER}/m/6012`)!;
    expect(b.db.messages.page({ conversationId: cb.id, limit: 10 }).items.map((m) => m.body)).toEqual(['message at 1']);
    expect(b.db.team.notes.list(cb.id).map((n) => n.body)).toEqual(['kept by the desk']);
    expect(b.db.conversations.get(cb.id)!.tags).toContain('vip');
  });

  it('cut off from the store: offline with the reason, changes wait in the outbox, the desk polls alone after a lease; back: all of it goes', async () => {
    const url = freshTeam();
    const proxy = await startTcpProxy(cluster.port);
    try {
      const viaProxy = url.replace(`:${cluster.port}/`, `:${proxy.port}/`);
      const a = await desk(viaProxy, ALEX, { leaseMs: 1500 });
      const b = await desk(url, JORDAN, { leaseMs: 1500 });
      await a.link.flush();
      await b.link.flush();
      expect(a.link.pollsOwner(OWNER)).toBe(true);
      expect(b.link.pollsOwner(OWNER)).toBe(false);
      proxy.cut();
      await waitFor('offline', () => a.state() === 'offline');
      expect(a.statuses.at(-1)!.lastError).toMatch(/./);
      const c = conversation(a.db, 'Max', '6013');
      a.db.messages.insert([msg(c, 1, { dedupeKey: 'max-1' })]);
      a.db.team.notes.add({ conversationId: c, uid: 'note-max-0001', author: ALEX, body: 'while offline', createdAt: '2026-11-25T15:00:00.000Z' });
      expect(a.db.team.outbox.count()).toBe(2);
      await expect(a.link.flush()).rejects.toThrow(/offline/);
      // B takes the inbox once A's lease runs out; A, offline longer than a lease, polls alone too.
      await waitFor('B polls', () => b.link.pollsOwner(OWNER), 5000);
      await waitFor('A polls alone', () => a.link.pollsOwner(OWNER), 5000);
      proxy.restore();
      await waitFor('online again', () => a.state() === 'online', 20_000);
      await settle(a, b);
      expect(a.db.team.outbox.count()).toBe(0);
      const cb = b.db.team.conversationByKey(`${OWNER}/m/6013`)!;
      expect(b.db.team.notes.list(cb.id).map((n) => n.body)).toEqual(['while offline']);
      // Back online, A leaves the inbox to B, which holds its lease now.
      await waitFor('A stops polling', () => !a.link.pollsOwner(OWNER), 5000);
      expect(b.link.pollsOwner(OWNER)).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('the reports port: every message the team knows (with who replied) and every resolve, in a time range', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const c = conversation(a.db, 'Nia', '6014');
    const t = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();
    const [, reply] = a.db.messages.insert([
      msg(c, 0, { dedupeKey: 'nia-1', sentAt: t(-10), localDate: t(-10).slice(0, 10), localTime: t(-10).slice(11, 16), intent: 'question_about_billing' }),
      msg(c, 0, { dedupeKey: 'nia-2', direction: 'outbound', body: 'Sorted!', sentAt: t(-5), localDate: t(-5).slice(0, 10), localTime: t(-5).slice(11, 16) }),
    ]).insertedIds;
    a.db.team.authors.set(reply!, ALEX);
    a.db.conversations.setStatus(c, { status: 'resolved' });
    await a.link.flush();
    const events = await a.link.responseEvents({ from: t(-60), to: t(60) });
    expect(events.map((e) => [e.kind, e.direction, e.staff?.name ?? null, e.intent])).toEqual([
      ['message', 'inbound', null, 'question_about_billing'],
      ['message', 'outbound', 'Alex', null],
      ['resolved', null, 'Alex', null],
    ]);
    expect(new Set(events.map((e) => e.key))).toEqual(new Set([`${OWNER}/m/6014`]));
    expect(await a.link.responseEvents({ from: t(-4), to: t(-3) })).toEqual([]);
  });

  it('presence travels by NOTIFY to the other desks, never back to its own', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX);
    const b = await desk(url, JORDAN);
    a.link.publishPresence({ key: `${OWNER}/m/7001`, state: 'replying', ttlMs: 15_000 });
    await waitFor('presence at B', () => b.presence.length > 0);
    expect(b.presence[0]).toMatchObject({ staff: ALEX, key: `${OWNER}/m/7001`, state: 'replying', deskId: a.deskId });
    expect(a.presence).toEqual([]);
  });

  it('one desk holds each inbox; when it closes another takes over', async () => {
    const url = freshTeam();
    const a = await desk(url, ALEX, { leaseMs: 2000 });
    await a.link.flush();
    const b = await desk(url, JORDAN, { leaseMs: 2000 });
    await b.link.flush();
    expect(a.link.pollsOwner(OWNER)).toBe(true);
    expect(b.link.pollsOwner(OWNER)).toBe(false);
    await a.close();
    open.splice(open.indexOf(a), 1);
    await waitFor('B takes over', () => b.link.pollsOwner(OWNER), 5000);
  });

  it('a desk that cannot reach the store says so, keeps its changes in the outbox, and polls alone after a lease', async () => {
    const d = await openDesk(cluster.url('frontdesk'), ALEX, { leaseMs: 1000 }).catch((e: unknown) => {
      throw e;
    });
    open.push(d);
    const c = conversation(d.db, 'Hal', '6008');
    d.db.messages.insert([msg(c, 1)]);
    await d.link.flush();
    expect(d.db.team.outbox.count()).toBe(0);
    // Wrong port: never reachable.
    const lonely = await import('../../main/team/pg-link').then(({ pgTeamLink }) => pgTeamLink);
    const probe = await lonely.probe(`postgres://frontdesk:nope@127.0.0.1:1/frontdesk`, (await import('../../common/log/logger')).memoryLogger('t'));
    expect(probe.ok).toBe(false);
    expect(probe.message).toMatch(/refused/);
    const wrongPassword = await lonely.probe(cluster.url().replace(/:[^:@]+@/, ':wrong@'), (await import('../../common/log/logger')).memoryLogger('t'));
    expect(wrongPassword).toMatchObject({ ok: false, message: 'The team server refused the user name or password.' });
  });
});
