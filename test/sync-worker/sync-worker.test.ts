// The core as the app runs it: polls in the sync worker (a process of its own with its own
// database connection), against the simulator on 127.0.0.1. A first import lands whole and its
// event reaches the main event bus with its data; a worker killed (SIGKILL) in the middle of an
// import is noticed, logged and restarted, and the import ends with every text stored exactly once.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../common/contract';
import { memoryLogger, type LogLine } from '../../common/log/logger';
import { systemClock } from '../../common/time/clock';
import { startSimulator, type ClubOSSimulator } from '../../main/clubos-simulator';
import type { Core } from '../../main/core/core';
import { createCore } from '../../main/core/create-core';
import { memoryCredentialStore } from '../../main/services/credential-store';
import { openConnection } from '../../db';
import { forkWorkerProcess, type WorkerProcess } from '../../main/sync-worker/worker-process';
import type { FromWorker } from '../../main/sync-worker/protocol';
import { generateTraffic } from '../bench/data/inbox-traffic';
import { tempDir } from '../sync/sync-rig';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

interface Rig {
  sim: ClubOSSimulator;
  core: Core;
  dbPath: string;
  workers: WorkerProcess[];
  events: AppEvent[];
  lines: LogLine[];
}

/** `seen` hears each message of a worker before the main process's host does. */
async function rig(texts: number, seen: (message: FromWorker) => void = () => {}): Promise<Rig> {
  const sim = await startSimulator({ seed: 41, members: 120, history: false });
  cleanups.push(() => sim.close());
  const ids = sim.members.map((m) => m.id);
  for (const t of generateTraffic({ seed: 41, messages: texts, members: ids.length, days: 200, end: Date.now(), timeZone: sim.timeZone })) {
    sim.addInbound({ memberId: ids[t.member]!, body: t.body, at: t.at });
  }
  const dir = tempDir('frontdesk-sync-worker-');
  cleanups.push(() => dir.remove());
  const credentials = memoryCredentialStore('os');
  await credentials.save({ username: 'demo', password: 'demo', baseUrl: sim.baseUrl });
  const lines: LogLine[] = [];
  const workers: WorkerProcess[] = [];
  const core = await createCore({
    dataDir: dir.dir,
    clock: systemClock,
    logger: memoryLogger('test', lines),
    credentials,
    historyRefresh: false,
    launchSyncWorker: (launch) => {
      const worker = forkWorkerProcess(launch);
      return {
        ...worker,
        get pid() {
          return worker.pid;
        },
        onMessage: (listener) =>
          worker.onMessage((message) => {
            seen(message);
            listener(message);
          }),
      };
    },
    onSyncWorker: (worker) => workers.push(worker),
  });
  cleanups.push(() => core.close());
  const events: AppEvent[] = [];
  core.events.subscribe((e) => events.push(e));
  await core.handlers.addOwner({ ownerId: sim.loggedInUserId });
  return { sim, core, dbPath: join(dir.dir, 'frontdesk.sqlite'), workers, events, lines };
}

/** What is stored, as a sorted list of sender + body + occurrence identities, read through a connection of the test's own. */
function stored(dbPath: string): { rows: string[]; identities: number } {
  const conn = new Database(dbPath, { readonly: true });
  try {
    const rows = (conn.prepare('SELECT sender_name, body FROM messages').raw().all() as Array<[string, string]>).map(([s, b]) => `${s}\n${b}`).sort();
    const identities = Number(conn.prepare('SELECT count(DISTINCT owner_id || dedupe_key || occurrence) FROM messages').pluck().get());
    return { rows, identities };
  } finally {
    conn.close();
  }
}

function sent(sim: ClubOSSimulator): string[] {
  return sim
    .messages()
    .map((m) => `${m.senderName}\n${m.body}`)
    .sort();
}

const count = (dbPath: string): number => {
  const conn = new Database(dbPath, { readonly: true });
  try {
    return Number(conn.prepare('SELECT count(*) FROM messages').pluck().get());
  } finally {
    conn.close();
  }
};

describe('the sync worker', () => {
  it('imports an inbox off the main process and announces it on the main event bus with its data', { timeout: 60_000 }, async () => {
    const { sim, core, dbPath, workers, events } = await rig(1_500);
    const status = await core.handlers.syncNow({ ownerId: sim.loggedInUserId });

    expect(workers).toHaveLength(1);
    expect(status.owners[0]).toMatchObject({ addedLastPoll: 1_500, lastError: null, historyImported: true });
    const added = events.filter((e): e is Extract<AppEvent, { type: 'messagesAdded' }> => e.type === 'messagesAdded');
    // Announced quietly as its transactions committed: the parts add up to the whole import, each
    // with the conversations it changed, and the last one carries the counts as they are.
    expect(added.length).toBeGreaterThan(0);
    for (const part of added) {
      expect(part).toMatchObject({ quiet: true, ownerId: sim.loggedInUserId });
      expect(part.conversations.map((c) => c.id)).toEqual(part.conversationIds);
    }
    expect(added.reduce((sum, part) => sum + part.count, 0)).toBe(1_500);
    const announced = new Set(added.flatMap((part) => part.conversationIds));
    const everyConversation = await core.handlers.listConversations({ filter: 'all', limit: 200 });
    expect(everyConversation.items.every((c) => announced.has(c.id))).toBe(true);
    expect(added.at(-1)!.counts).toEqual(await core.handlers.getCounts({}));
    // Sequence numbers are the main bus's own, without gaps.
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => events[0]!.seq + i));
    const { rows, identities } = stored(dbPath);
    expect(rows).toEqual(sent(sim));
    expect(identities).toBe(1_500);

    // The window's reads see what the worker wrote.
    const list = await core.handlers.listConversations({ filter: 'all', limit: 50 });
    expect(list.items.length).toBeGreaterThan(0);

    // A later poll finds nothing new and writes nothing.
    const again = await core.handlers.syncNow({ ownerId: sim.loggedInUserId });
    expect(again.owners[0]).toMatchObject({ addedLastPoll: 0, lastError: null });
    expect(count(dbPath)).toBe(1_500);
  });

  it('notices a worker killed in the middle of an import, logs it, restarts it, and loses or doubles nothing', { timeout: 120_000 }, async () => {
    const texts = 6_000;
    const { sim, core, dbPath, workers, lines } = await rig(texts);
    const importing = core.handlers.syncNow({ ownerId: sim.loggedInUserId });

    // Kill it once some of the history is committed, and not all.
    const deadline = Date.now() + 60_000;
    let atKill = 0;
    while (Date.now() < deadline) {
      atKill = count(dbPath);
      if (atKill > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(atKill).toBeGreaterThan(0);
    workers[0]!.kill();

    const status = await importing;
    expect(atKill).toBeLessThan(texts);
    expect(workers).toHaveLength(2);
    expect(lines.some((l) => l.level === 'error' && l.message === 'the sync worker stopped unexpectedly')).toBe(true);
    expect(status.owners[0]).toMatchObject({ lastError: null, historyImported: true });
    const { rows, identities } = stored(dbPath);
    expect(rows).toEqual(sent(sim));
    expect(identities).toBe(texts);
  });

  it('a poll\'s event emitted after a main-process write carries the counts and conversations as they are then, not as the worker read them', { timeout: 60_000 }, async () => {
    let onEvent: (message: FromWorker) => void = () => {};
    const { sim, core, dbPath, events } = await rig(120, (message) => onEvent(message));
    const owner = sim.loggedInUserId;
    await core.handlers.syncNow({ ownerId: owner });
    const [first, second] = sim.members.slice(-2);
    sim.addInbound({ memberId: first!.id, body: 'Is the pool open on Sunday?' });
    await core.handlers.syncNow({ ownerId: owner });
    const waiting = await core.handlers.listConversations({ filter: 'needs_reply', limit: 10 });
    const handled = waiting.items.find((c) => c.memberId === first!.id)!;
    expect(handled.requiresResponse).toBe(true);

    // The interleaving: the worker commits the next poll and posts its event; before the main
    // thread relays it, a write of its own (here a connection of the test's: any commit the
    // relay has not seen) marks the first conversation handled.
    const other = openConnection(dbPath, { logger: memoryLogger('test'), clock: systemClock });
    cleanups.push(() => other.close());
    let wrote = false;
    onEvent = (message) => {
      if (wrote || message.type !== 'event' || message.event.type !== 'messagesAdded') return;
      wrote = true;
      other.conversations.markHandled(handled.id);
    };
    sim.addInbound({ memberId: second!.id, body: 'Can I freeze my membership for a month?' });
    const from = events.length;
    await core.handlers.syncNow({ ownerId: owner });
    expect(wrote).toBe(true);

    const relayed = events.slice(from).find((e): e is Extract<AppEvent, { type: 'messagesAdded' }> => e.type === 'messagesAdded')!;
    const now = await core.handlers.getCounts({});
    // Only the second member waits now; the worker had counted both.
    expect(now.filters.needs_reply).toBe(waiting.items.length);
    expect(relayed.counts).toEqual(now);
    expect(relayed.ownerCounts).toEqual(await core.handlers.getCounts({ ownerId: owner }));
    expect(relayed.conversations.map((c) => c.memberId)).toEqual([second!.id]);
    expect(relayed.messages?.map((m) => m.body)).toEqual(['Can I freeze my membership for a month?']);
  });
});
