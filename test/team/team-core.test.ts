// Team mode through the real core: a desk signed in to the simulator, first alone (notes,
// assignment, the mine list, the collision check), then joined to a team on a throwaway
// PostgreSQL with a colleague's desk beside it (Jordan): a take-over needs consent, presence and
// a colleague's reply ask before a send, leaving keeps everything local.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent, Conversation } from '../../common/contract';
import { silentLogger } from '../../common/log/logger';
import { systemClock } from '../../common/time/clock';
import { startSimulator, type ClubOSSimulator } from '../../main/clubos-simulator';
import { createCore } from '../../main/core/create-core';
import type { Core } from '../../main/core/core';
import { memoryCredentialStore } from '../../main/services/credential-store';
import { memorySecretStore } from '../../main/services/secret-store';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster';
import { openDesk, settle, waitFor, type TestDesk } from './team-desks';

const run = pgAvailable('team mode through the core (test/team/team-core.test.ts)');
const JORDAN = { id: 'jordan', name: 'Jordan' };

describe.skipIf(!run)('team mode through the core', () => {
  let cluster: PgCluster;
  let simulator: ClubOSSimulator;
  let core: Core;
  let dataDir: string;
  let jordan: TestDesk | null = null;
  const events: AppEvent[] = [];
  const teamSecret = memorySecretStore();
  let conversation: Conversation;

  const call = async <T>(work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: Record<string, unknown> }> => {
    try {
      return { ok: true, value: await work };
    } catch (error) {
      const { toApiError } = await import('../../common/errors/app-error');
      return { ok: false, error: toApiError(error) as unknown as Record<string, unknown> };
    }
  };

  beforeAll(async () => {
    cluster = await startPgCluster();
    simulator = await startSimulator({ seed: 19, history: { days: 3 }, members: 40 });
    dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-team-core-'));
    const credentials = memoryCredentialStore();
    await credentials.save({ username: 'demo', password: 'demo', baseUrl: simulator.baseUrl });
    core = await createCore({ dataDir, clock: systemClock, logger: silentLogger, credentials, teamSecret, historyRefresh: false });
    core.events.subscribe((e) => events.push(e));
    core.services.settings.update({ pollIntervalSeconds: 600 });
    for (const [i, member] of simulator.members.slice(0, 3).entries()) {
      simulator.addInbound({ memberId: member.id, body: `Hi, question ${i + 1} about my membership`, at: Date.now() - (10 - i) * 60_000 });
    }
    await core.start();
    await core.services.sync.syncNow();
    const list = core.services.conversations.list({ filter: 'all', limit: 5 });
    conversation = list.items[0]!;
  }, 120_000);

  afterAll(async () => {
    await jordan?.close().catch(() => undefined);
    await core?.close();
    await simulator?.close();
    cluster?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('alone: me is the ClubOS username; notes are not messages; assigning to me fills the mine list', async () => {
    const team = core.services.team;
    expect(team.status()).toMatchObject({ state: 'off', me: { id: 'demo', name: 'demo' }, pendingOutbox: 0, pollers: [] });
    expect(team.setStaffName('Dana at the desk').me).toEqual({ id: 'demo', name: 'Dana at the desk' });
    const before = core.services.conversations.get(conversation.id);
    const note = team.addNote(conversation.id, '  Called back, no answer  ');
    expect(note).toMatchObject({ body: 'Called back, no answer', author: { id: 'demo', name: 'Dana at the desk' } });
    expect(events.at(-1)).toMatchObject({ type: 'notesAdded', conversationId: conversation.id, notes: [note] });
    expect(team.notes(conversation.id)).toEqual([note]);
    const after = core.services.conversations.get(conversation.id);
    expect({ unread: after.unreadCount, preview: after.lastMessagePreview, last: after.lastMessageAt }).toEqual({
      unread: before.unreadCount,
      preview: before.lastMessagePreview,
      last: before.lastMessageAt,
    });
    expect(core.services.conversations.messages({ conversationId: conversation.id }).items.some((m) => m.body.includes('Called back'))).toBe(false);

    expect(core.services.conversations.list({ filter: 'mine' }).items).toEqual([]);
    const assigned = await team.assign(conversation.id, { kind: 'me' }, false);
    expect(assigned.assignee).toEqual({ id: 'demo', name: 'Dana at the desk' });
    expect(core.services.conversations.list({ filter: 'mine' }).items.map((c) => c.id)).toEqual([conversation.id]);
    expect(core.services.conversations.counts().filters.mine).toBe(1);
    expect(await call(team.assign(conversation.id, { kind: 'staff', staffId: 'nobody-here' }, false))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(team.collision(conversation.id)).toBeNull();
  });

  it('refuses a connection string it cannot use, and stores nothing', async () => {
    const team = core.services.team;
    expect(await call(team.configure('mysql://x@y/z'))).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const wrong = await call(team.configure(cluster.url().replace(/:[^:@]+@/, ':not-the-password@')));
    expect(wrong).toMatchObject({ ok: false, error: { code: 'team_unavailable', message: 'The team server refused the user name or password.' } });
    expect(await teamSecret.load()).toBeNull();
    expect(team.status().state).toBe('off');
  });

  it('joins a team: the string is kept as a secret and shown without its password; what the desk knew goes to the store', async () => {
    const team = core.services.team;
    const status = await team.configure(cluster.url());
    expect(await teamSecret.load()).toBe(cluster.url());
    expect(status.server).toBe(`frontdesk@127.0.0.1:${cluster.port}/frontdesk`);
    expect(JSON.stringify(status)).not.toContain('team-secret-pw');
    await waitFor('online', () => team.status().state === 'online');
    await team.flush();
    expect(team.status()).toMatchObject({ state: 'online', pendingOutbox: 0, lastError: null });
    // This desk is the only one: it polls its inbox.
    await waitFor('lease', () => team.status().pollers.some((p) => p.thisDesk && p.ownerId === simulator.loggedInUserId));
    expect(team.shouldPoll(simulator.loggedInUserId)).toBe(true);
    expect(core.services.sync.status().polling).toBe(true);
  });

  it("a colleague's desk receives the messages, the note and the assignment; a take-over needs consent", async () => {
    const team = core.services.team;
    jordan = await openDesk(cluster.url(), JORDAN, { ownerIds: [simulator.loggedInUserId] });
    await settle(jordan);
    const key = jordan.db.team.conversationByKey(core.services.team.conversationTeam(conversation.id) ? `${simulator.loggedInUserId}/m/${conversation.memberId}` : '')!;
    expect(key).not.toBeNull();
    expect(jordan.db.messages.page({ conversationId: key.id, limit: 500 }).items.length).toBe(
      core.services.conversations.messages({ conversationId: conversation.id, limit: 500 }).items.length,
    );
    expect(jordan.db.team.notes.list(key.id).map((n) => n.body)).toEqual(['Called back, no answer']);
    expect(jordan.db.conversations.get(key.id)!.assignee).toEqual({ id: 'demo', name: 'Dana at the desk' });
    // Jordan takes it over knowingly (saw Dana): accepted; this desk shows it.
    jordan.db.team.assign(key.id, JORDAN);
    await jordan.link.flush();
    await waitFor('assignment arrives', () => core.services.conversations.get(conversation.id).assignee?.id === 'jordan');
    expect(events.some((e) => e.type === 'conversationUpdated' && e.conversation.id === conversation.id && e.conversation.assignee?.id === 'jordan')).toBe(true);
    expect(core.services.conversations.list({ filter: 'mine' }).items).toEqual([]);
    // Here, taking it back without consent is refused with Jordan's name.
    const refused = await call(team.assign(conversation.id, { kind: 'me' }, false));
    expect(refused).toMatchObject({ ok: false, error: { code: 'already_assigned', assignee: JORDAN } });
    expect(refused.ok ? '' : String(refused.error.message)).toContain('Jordan');
    const unassign = await call(team.assign(conversation.id, { kind: 'nobody' }, false));
    expect(unassign).toMatchObject({ ok: false, error: { code: 'already_assigned' } });
    const taken = await team.assign(conversation.id, { kind: 'me' }, true);
    expect(taken.assignee?.id).toBe('demo');
    await team.flush();
    await jordan.link.flush();
    expect(jordan.db.conversations.get(key.id)!.assignee?.id).toBe('demo');
    expect((await team.staff()).map((s) => s.id)).toEqual(expect.arrayContaining(['demo', 'jordan']));
  });

  it("someone replying or who just replied makes a send ask first; confirmed, it goes", async () => {
    const team = core.services.team;
    const key = `${simulator.loggedInUserId}/m/${conversation.memberId}`;
    jordan!.link.publishPresence({ key, state: 'replying', ttlMs: 1000 });
    await waitFor('presence', () => team.presence(conversation.id).length === 1);
    expect(events.some((e) => e.type === 'presenceChanged' && e.conversationId === conversation.id && e.presence[0]?.staff.id === 'jordan')).toBe(true);
    expect(team.collision(conversation.id)).toMatchObject({ kind: 'replying', staff: JORDAN });
    const refused = await call(core.services.replies.send({ conversationId: conversation.id, channel: 'sms', body: 'On it!' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'confirm_needed', collision: { kind: 'replying', staff: JORDAN } } });
    expect(simulator.sentTexts(conversation.memberId!)).toEqual([]);
    // Presence without renewal runs out.
    await waitFor('presence expires', () => events.some((e) => e.type === 'presenceChanged' && e.conversationId === conversation.id && e.presence.length === 0), 6000);
    expect(team.presence(conversation.id)).toEqual([]);
    expect(team.collision(conversation.id)).toBeNull();

    // Jordan's reply (sent from Jordan's desk) reaches this desk with its author.
    const jc = jordan!.db.team.conversationByKey(key)!;
    const now = new Date();
    const [replyId] = jordan!.db.messages.insert([
      {
        ownerId: simulator.loggedInUserId,
        conversationId: jc.id,
        direction: 'outbound',
        channel: 'sms',
        senderName: 'Jordan',
        body: 'Hi! Jordan here, sorted.',
        localDate: now.toISOString().slice(0, 10),
        localTime: null,
        sentAt: now.toISOString(),
        source: 'sent',
        dedupeKey: 'jordan-reply-1',
        occurrence: 0,
      },
    ]).insertedIds;
    jordan!.db.team.authors.set(replyId!, JORDAN);
    await jordan!.link.flush();
    await waitFor('reply arrives', () => team.collision(conversation.id)?.kind === 'replied');
    expect(team.collision(conversation.id)).toMatchObject({ kind: 'replied', staff: JORDAN });
    expect(team.conversationTeam(conversation.id).authors.map((a) => a.staff)).toContainEqual(JORDAN);
    const sent = await core.services.replies.send({ conversationId: conversation.id, channel: 'sms', body: 'Following up too', confirmCollision: true });
    expect(sent.body).toBe('Following up too');
    expect(simulator.sentTexts(conversation.memberId!).map((t) => t.body)).toEqual(['Following up too']);
    // My own reply never counts against me, and Jordan sees who sent it.
    expect(team.conversationTeam(conversation.id).authors.find((a) => a.messageId === sent.id)?.staff.id).toBe('demo');
    await team.flush();
    await jordan!.link.flush();
    const mine = jordan!.db.messages.page({ conversationId: jc.id, limit: 500 }).items.find((m) => m.body === 'Following up too');
    expect(mine).toBeDefined();
    expect(jordan!.db.team.authors.list(jc.id).find((a) => a.messageId === mine!.id)?.staff.id).toBe('demo');
  });

  it('leaves the team: the secret is gone, local data stays, polling goes back to this desk alone', async () => {
    const team = core.services.team;
    const status = await team.configure(null);
    expect(status).toMatchObject({ state: 'off', server: null, pollers: [] });
    expect(await teamSecret.load()).toBeNull();
    expect(team.notes(conversation.id)).toHaveLength(1);
    expect(core.services.sync.status().polling).toBe(true);
    team.addNote(conversation.id, 'after leaving');
    expect(team.status().pendingOutbox).toBe(0);
  });
});
