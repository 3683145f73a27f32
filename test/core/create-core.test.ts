// The core as the shell builds it: demo mode against the built-in simulator, every handler end to
// end through dispatch (argument parsing included), signing in to another ClubOS (a second
// simulator) and out again, closing, and a damaged database file at start.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent, ChannelName, Result, ArgsInput } from '../../common/contract';
import { startSimulator, type ClubOSSimulator } from '../../main/clubos-simulator';
import type { Core } from '../../main/core/core';
import { createCore } from '../../main/core/create-core';
import { memoryCredentialStore, type CredentialStore } from '../../main/services/credential-store';
import { dispatch } from '../../main/ipc/dispatch';
import { createStartupFailureCore } from '../../main/core/startup-failure-core';
import { noticeForStartupFailure } from '../../main/services/startup-notice';
import { DbError } from '../../db';
import { CONVERSATIONS, MESSAGES, PAGE_SIZE, pagesOf, populate, rowidsOnPage } from '../db/damage-fixture';
import { makeReadOnly } from '../db/fs-faults';
import { memoryLogger, type LogLine } from '../../common/log/logger';
import { manualClock, type ManualClock } from '../../common/time/manual-clock';
import { chicago, tempDir, type TempDir } from '../sync/sync-rig';
import { SAMPLE_KNOWLEDGE } from '../assistant/sample-knowledge';

interface Harness {
  core: Core;
  clock: ManualClock;
  credentials: CredentialStore;
  events: AppEvent[];
  lines: LogLine[];
  dataDir: string;
  call<K extends ChannelName>(name: K, args?: ArgsInput<K>): Promise<Result<K>>;
  /** Resolves with the first event (already seen or to come) that `match` accepts. */
  until(match: (e: AppEvent) => boolean): Promise<AppEvent>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function dir(): TempDir {
  const t = tempDir('frontdesk-core-');
  cleanups.push(() => t.remove());
  return t;
}

async function harness(dataDir = dir().dir, credentials: CredentialStore = memoryCredentialStore()): Promise<Harness> {
  const clock = manualClock(chicago(2026, 12, 7, 11, 0));
  const lines: LogLine[] = [];
  const logger = memoryLogger('test', lines);
  // The manual clock drives sync too, so polls run on this thread (syncIn: 'main'); the sync worker
  // keeps the system clock and has tests of its own (test/sync-worker/).
  const core = await createCore({ dataDir, clock, logger, credentials, demo: { seed: 3, historyDays: 14 }, syncIn: 'main' });
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await core.close();
  });
  const events: AppEvent[] = [];
  const waiters: Array<{ match: (e: AppEvent) => boolean; resolve: (e: AppEvent) => void }> = [];
  core.events.subscribe((e) => {
    events.push(e);
    for (const w of [...waiters]) {
      if (w.match(e)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    }
  });
  const originalClose = core.close.bind(core);
  core.close = async () => {
    closed = true;
    await originalClose();
  };
  return {
    core,
    clock,
    credentials,
    events,
    lines,
    dataDir,
    async call(name, args) {
      const outcome = await dispatch(core.handlers, name, args ?? {}, logger);
      if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.code}: ${outcome.error.message}`);
      return outcome.value;
    },
    until(match) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

const synced = (e: AppEvent): boolean =>
  e.type === 'syncStatusChanged' && e.status.owners.length > 0 && e.status.owners.every((o) => o.historyImported && o.state !== 'syncing');

async function secondClub(credentials = { username: 'manager', password: 'pw-Club-2' }): Promise<ClubOSSimulator> {
  const sim = await startSimulator({ clock: manualClock(chicago(2026, 12, 7, 11, 0)), seed: 99, members: 20, staff: 3, credentials });
  cleanups.push(() => sim.close());
  return sim;
}

describe('createCore in demo mode', () => {
  it('hands new texts to the assistant: queued, approved by staff, sent once, every step logged', async () => {
    const h = await harness();
    const { core, call } = h;
    await call('saveKnowledge', { knowledge: SAMPLE_KNOWLEDGE });
    const state = await call('getAssistant');
    const policy = Object.fromEntries(Object.keys(state.settings.policy).map((i) => [i, 'queue']));
    await call('setAssistant', { settings: { ...state.settings, policy } });
    await core.start();
    await h.until(synced);
    expect(core.services.assistant.pendingCount()).toBe(0); // the first import is history: nothing is assessed

    // A poll brings texts in (as the engine announces them): the assistant drafts and queues.
    const waiting = (await call('listConversations', { filter: 'needs_reply', limit: 30 })).items.filter((c) => !c.optedOut);
    const counts = await call('getCounts', {});
    core.events.emit({
      type: 'messagesAdded',
      ownerId: waiting[0]!.ownerId,
      conversationIds: waiting.map((c) => c.id),
      count: waiting.length,
      quiet: false,
      conversations: waiting,
      counts,
      ownerCounts: counts,
      messages: null,
    });
    await h.until((e) => e.type === 'approvalQueueChanged');
    const { items } = await call('listApprovalQueue');
    expect(items.length).toBeGreaterThan(0);
    const draft = items[0]!;
    expect(draft.body).not.toBe('');

    const sent = await call('decideDraft', { draftId: draft.id, decision: 'approve' });
    expect(sent.status).toBe('sent');
    const thread = await call('listMessages', { conversationId: draft.conversationId });
    expect(thread.items.filter((m) => m.direction === 'outbound' && m.body === draft.body)).toHaveLength(1);
    const kinds = (await call('listActions', { conversationId: draft.conversationId })).items.map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['assessed', 'drafted', 'queued', 'approved', 'sent']));
    expect(core.services.assistant.pendingCount()).toBe(items.length - 1);
    const csv = (await call('exportActionLog')).content;
    expect(csv.split('\r\n')[0]).toBe('id,at,kind,actor,conversation_id,message_id,draft_id,member_name,intent,confidence,reason,detail');
  });

  it('starts, imports the demo history quietly and serves every handler end to end', async () => {
    const h = await harness();
    const { core, call } = h;
    expect(await call('getAccount')).toMatchObject({ mode: 'demo', username: null });
    await core.start();
    await h.until(synced);

    // The first poll is history: counted, never announced as new, stored as read.
    const added = h.events.filter((e) => e.type === 'messagesAdded');
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((e) => e.type === 'messagesAdded' && e.quiet)).toBe(true);
    expect(core.unreadTotal()).toBe(0);
    const seqs = h.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    expect(await call('appInfo')).toMatchObject({ name: 'Frontdesk' });
    const list = await call('listConversations', { filter: 'all', limit: 20 });
    expect(list.items.length).toBe(20);
    expect(list.nextCursor).not.toBeNull();
    const counts = await call('getCounts');
    expect(counts.unreadTotal).toBe(0);
    expect(counts.filters.all).toBeGreaterThan(20);

    // A member who can still be texted and who asked something.
    const target = list.items.find((c) => !c.optedOut && c.memberId !== null)!;
    expect(await call('getConversation', { conversationId: target.id })).toEqual(target);
    const messages = await call('listMessages', { conversationId: target.id });
    expect(messages.items.length).toBeGreaterThan(0);

    const unread = await call('markUnread', { conversationId: target.id });
    expect(unread.unreadCount).toBe(1);
    expect(core.unreadTotal()).toBe(1);
    expect((await call('markRead', { conversationId: target.id })).unreadCount).toBe(0);
    expect(h.events.some((e) => e.type === 'conversationUpdated' && e.conversation.id === target.id)).toBe(true);

    const tagged = await call('setTags', { conversationId: target.id, tags: ['vip'] });
    expect(tagged.tags).toContain('vip');
    expect((await call('listConversations', { filter: 'all', tag: 'vip' })).items.map((c) => c.id)).toEqual([target.id]);
    expect((await call('setStatus', { conversationId: target.id, status: 'resolved' })).status).toBe('resolved');
    expect((await call('listConversations', { filter: 'resolved' })).items.map((c) => c.id)).toContain(target.id);

    const history = await call('fetchHistory', { conversationId: target.id });
    expect(history.added).toBeGreaterThanOrEqual(0);
    expect(await call('fetchHistory', { conversationId: target.id })).toEqual({ added: 0 });

    const { suggestions } = await call('suggestReplies', { conversationId: target.id });
    expect(suggestions.length).toBeGreaterThan(0);
    // Staff reword a template: the composer offers their wording, filled in; reset brings the default back.
    const firstId = suggestions[0]!.id;
    const edited = await call('setReplyTemplate', { id: firstId, text: 'Hey {firstName}, on it now.' });
    expect(edited.templates.find((t) => t.id === firstId)).toMatchObject({ edited: true, text: 'Hey {firstName}, on it now.' });
    const reworded = (await call('suggestReplies', { conversationId: target.id })).suggestions.find((x) => x.id === firstId)!;
    expect(reworded.text).toMatch(/^Hey \S+, on it now\.$/);
    expect(reworded.text).not.toContain('{firstName}');
    const reset = await call('setReplyTemplate', { id: firstId, text: null });
    expect(reset.templates.find((t) => t.id === firstId)).toMatchObject({ edited: false });
    expect((await call('listReplyTemplates')).templates.every((t) => !t.edited)).toBe(true);
    const unknown = await dispatch(core.handlers, 'setReplyTemplate', { id: 'no.such', text: 'x' }, memoryLogger());
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const sent = await call('sendReply', { conversationId: target.id, channel: 'sms', body: suggestions[0]!.text, suggestionId: suggestions[0]!.id });
    expect(sent).toMatchObject({ direction: 'outbound', channel: 'sms', conversationId: target.id });
    expect((await call('getConversation', { conversationId: target.id })).requiresResponse).toBe(false);
    await call('sendReply', { conversationId: target.id, channel: 'email', subject: 'Parking', body: 'Use the zebracrossing by the side door.' });
    const found = await call('search', { query: 'zebracrossing' });
    expect(found.hits.map((hit) => [hit.conversationId, hit.direction])).toEqual([[target.id, 'outbound']]);

    // Settings and polling controls.
    expect(await call('getSettings')).toMatchObject({ pollIntervalSeconds: 10, historyAsRead: true });
    expect((await call('setSettings', { notifications: 'name_only' })).notifications).toBe('name_only');
    expect((await call('setPollInterval', { seconds: 30 })).intervalSeconds).toBe(30);
    expect((await call('getSettings')).pollIntervalSeconds).toBe(30);
    expect((await call('stopPolling')).polling).toBe(false);
    expect((await call('getSyncStatus')).owners.every((o) => o.state === 'stopped')).toBe(true);
    const now = await call('syncNow');
    expect(now.owners.every((o) => o.lastError === null)).toBe(true);
    expect((await call('startPolling')).polling).toBe(true);

    // Owners: another staff member's inbox is added, synced and removed.
    const owners = await call('listOwners');
    expect(owners.owners).toHaveLength(1);
    const other = owners.available.find((s) => s.id !== owners.owners[0]!.id)!;
    expect(await call('addOwner', { ownerId: other.id })).toEqual({ id: other.id, name: other.name, enabled: true });
    await call('syncNow', { ownerId: other.id });
    expect((await call('getSyncStatus')).owners.map((o) => o.ownerId)).toContain(other.id);
    expect(await call('removeOwner', { ownerId: other.id })).toEqual({ ok: true });
    expect((await call('listOwners')).owners.map((o) => o.id)).not.toContain(other.id);

    // Errors cross as { code, message }.
    expect(await dispatch(core.handlers, 'getConversation', { conversationId: 999_999 }, memoryLogger())).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch(core.handlers, 'removeOwner', { ownerId: '123' }, memoryLogger())).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a wrong password with clubos_credentials and stores nothing', async () => {
    const h = await harness();
    await h.core.start();
    const club = await secondClub();
    const error = await h.core.handlers.signIn({ username: 'manager', password: 'wrong', baseUrl: club.baseUrl }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'clubos_credentials' });
    expect(await h.credentials.load()).toBeNull();
    expect(await h.call('getAccount')).toMatchObject({ mode: 'demo' });
    // Over IPC a plain-http ClubOS is refused before anything is tried.
    expect(await dispatch(h.core.handlers, 'signIn', { username: 'manager', password: 'pw-Club-2', baseUrl: club.baseUrl }, memoryLogger())).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(club.requestCount('/action/Login')).toBe(2); // the one refused attempt: view and post
  });

  it('signs in to another ClubOS, syncs that account, and signs out back to demo', async () => {
    const h = await harness();
    const { core } = h;
    await core.start();
    await h.until(synced);
    const club = await secondClub();
    const member = club.members[0]!;
    club.addInbound({ memberId: member.id, body: 'Hello from the second club', at: chicago(2026, 12, 7, 10, 30) });

    const account = await core.handlers.signIn({ username: 'manager', password: 'pw-Club-2', baseUrl: club.baseUrl });
    expect(account).toMatchObject({ mode: 'signed_in', username: 'manager', baseUrl: club.baseUrl });
    expect(await h.credentials.load()).toEqual({ username: 'manager', password: 'pw-Club-2', baseUrl: club.baseUrl });
    expect(h.events.some((e) => e.type === 'accountChanged' && e.account.mode === 'signed_in')).toBe(true);
    const mark = h.events.length;
    await h.until((e) => h.events.indexOf(e) >= mark && synced(e));
    const list = await h.call('listConversations', { filter: 'all' });
    expect(list.items.map((c) => c.memberName)).toEqual([`${member.firstName} ${member.lastName}`]);
    expect((await h.call('listOwners')).owners.map((o) => o.id)).toEqual([club.loggedInUserId]);
    // No password in any log line.
    expect(JSON.stringify(h.lines)).not.toContain('pw-Club-2');

    const back = await core.handlers.signOut({});
    expect(back).toMatchObject({ mode: 'demo', username: null });
    expect(await h.credentials.load()).toBeNull();
    expect((await h.call('listConversations', { filter: 'all' })).items.map((c) => c.memberName)).not.toContain(
      `${member.firstName} ${member.lastName}`,
    );
  });

  it('closes everything: no timer or socket is left to keep the process alive', async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const h = await harness();
    await h.core.start();
    await h.until(synced);
    // The engine schedules its next poll just after it reports the sync: wait for that turn.
    await vi.waitFor(() => expect(timers()).toBeGreaterThan(before)); // the poll timer
    await h.core.close();
    expect((await h.core.handlers.getSyncStatus({})).polling).toBe(false);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('starts with a fresh database when the file in the data folder is damaged', async () => {
    const { dir: dataDir } = dir();
    writeFileSync(join(dataDir, 'frontdesk.sqlite'), Buffer.from('not a database at all; '.repeat(300)));
    const h = await harness(dataDir);
    expect(h.lines.some((l) => l.level === 'warn' && /damaged/.test(l.message))).toBe(true);
    expect(readdirSync(dataDir).some((f) => f.startsWith('frontdesk.sqlite.corrupt-'))).toBe(true);
    expect(existsSync(join(dataDir, 'frontdesk.sqlite'))).toBe(true);
    const { notice } = await h.call('getStartupNotice');
    expect(notice).toMatchObject({ level: 'warning', title: 'Frontdesk started a new database', messagesKept: 0 });
    expect(notice?.message).toMatch(/frontdesk\.sqlite\.corrupt-/);
    expect(await h.call('getSettings')).toMatchObject({ pollIntervalSeconds: 10 });
    await h.core.start();
    await h.until(synced);
    expect((await h.call('listConversations', { filter: 'all' })).items.length).toBeGreaterThan(0);
  });

  it('tells the window how many messages were kept from a damaged database, and keeps the settings that were in it', async () => {
    const { dir: dataDir } = dir();
    const path = join(dataDir, 'frontdesk.sqlite');
    populate(path);
    const victim = pagesOf(path, 'messages').filter((p) => p.pagetype === 'leaf')[3]!;
    const lost = rowidsOnPage(readFileSync(path), victim.pageno).length;
    const bytes = readFileSync(path);
    for (let i = (victim.pageno - 1) * PAGE_SIZE; i < victim.pageno * PAGE_SIZE; i++) bytes[i] = 0xa5;
    writeFileSync(path, bytes);

    const h = await harness(dataDir);
    const { notice } = await h.call('getStartupNotice');
    expect(notice).toMatchObject({ level: 'warning', title: 'Frontdesk repaired its database', messagesKept: MESSAGES - lost });
    expect(notice?.message).toContain(`${MESSAGES - lost} messages in ${CONVERSATIONS} conversations were kept`);
    expect(notice?.message).not.toMatch(/SQLITE|quick_check/);
    // The settings stored in the damaged file came through.
    expect(await h.call('getSettings')).toMatchObject({ pollIntervalSeconds: 45, notifications: 'name_only', historyAsRead: false });
  });

  it('says in plain words why it cannot start when the data folder is read-only, and the window can ask', async (ctx) => {
    const { dir: dataDir } = dir();
    const undo = makeReadOnly(dataDir);
    if (!undo) return ctx.skip();
    let error: unknown = null;
    try {
      await harness(dataDir);
    } catch (e) {
      error = e;
    } finally {
      undo();
    }
    expect(error).toBeInstanceOf(DbError);
    const notice = noticeForStartupFailure(error, '/logs');
    expect(notice).toMatchObject({ level: 'error', title: 'Frontdesk could not start' });
    expect(notice.message).toContain('the folder is read-only');
    expect(notice.message).not.toMatch(/SQLITE|EACCES|EPERM/);
    const failed = createStartupFailureCore(notice);
    expect(await dispatch(failed.handlers, 'getStartupNotice', {}, memoryLogger())).toEqual({ ok: true, value: { notice } });
    expect(await dispatch(failed.handlers, 'listConversations', {}, memoryLogger())).toEqual({
      ok: false,
      error: { code: 'unavailable', message: notice.message },
    });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('says in plain words why it cannot start when a folder stands where the database should be', async () => {
    const { dir: dataDir } = dir();
    mkdirSync(join(dataDir, 'frontdesk.sqlite'));
    const error = await harness(dataDir).then(
      () => null,
      (e: unknown) => e,
    );
    const notice = noticeForStartupFailure(error, '/logs');
    expect(notice.message).toContain('there is a folder with that name');
    expect(notice.message).not.toMatch(/SQLITE|EISDIR/);
  });
});
