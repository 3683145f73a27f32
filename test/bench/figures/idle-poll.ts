// Figure 2: a poll that finds nothing new. The engine polls an owner whose 5,000-row inbox is
// already stored: the stored keys are read and reconciled against the snapshot, and nothing
// may be written. The snapshot is parsed once up front (its parse time is reported beside the
// figure); what is timed is engine.syncNow, i.e. storedKeys + reconcile + status bookkeeping.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../../db';
import { readInboxSnapshot } from '../../../main/clubos/inbox-snapshot';
import { ingestPoll } from '../../../main/ingest/ingest-poll';
import { dbSyncStore } from '../../../main/services/db-sync-store';
import { createEventBus } from '../../../common/event-bus';
import { silentLogger } from '../../../common/log/logger';
import { reconcile } from '../../../main/sync/reconcile';
import { createSyncEngine } from '../../../main/sync/sync-engine';
import { manualClock } from '../../../common/time/manual-clock';
import { benchPeople } from '../data/bench-people';
import { inboxHtml } from '../data/inbox-html';
import { generateTraffic } from '../data/inbox-traffic';
import { BENCH_NOW, BENCH_OWNER_ID, BENCH_SEED, BENCH_TIME_ZONE } from '../harness/bench-constants';
import { timeIdlePolls } from '../harness/idle-polls';
import { summarize, type LatencySummary } from '../harness/latency';
import { progress } from '../harness/progress';
import { BENCH_CLUB_CONTEXT, snapshotClient } from '../harness/snapshot-client';
import { withTempDir } from '../harness/temp-dir';

export const IDLE_POLL_TARGET_MS = 20;

export interface IdlePollFigure extends LatencySummary {
  snapshotRows: number;
  storedMessages: number;
  rowsWritten: number;
  commitsSeen: number;
  parsePageMs: number;
  target: string;
  met: boolean;
}

export async function measureIdlePoll(size: { rows: number; members: number; days: number; runs: number }): Promise<IdlePollFigure> {
  return withTempDir('idle', async (dir) => {
    progress(`idle poll: storing a ${size.rows}-row inbox`);
    const people = benchPeople(size.members, BENCH_SEED + 2);
    const traffic = generateTraffic({ seed: BENCH_SEED + 2, messages: size.rows, members: size.members, days: size.days, end: BENCH_NOW, timeZone: BENCH_TIME_ZONE });
    const html = inboxHtml(traffic, people, { ownerId: BENCH_OWNER_ID, now: BENCH_NOW, timeZone: BENCH_TIME_ZONE });
    const path = join(dir, 'idle.sqlite');
    const clock = manualClock(BENCH_NOW);
    const { db } = openDatabase(path, { logger: silentLogger, clock });
    const watcher = new Database(path, { readonly: true });
    try {
      db.owners.upsert({ ownerId: BENCH_OWNER_ID, name: 'My Messages' });
      const at = { ownerId: BENCH_OWNER_ID, fetchedAt: BENCH_NOW, timeZone: BENCH_TIME_ZONE };
      const parseSamples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        readInboxSnapshot(html, at);
        parseSamples.push(performance.now() - started);
      }
      const snapshot = readInboxSnapshot(html, at);
      await ingestPoll(
        { db, staffNameKeys: () => new Set<string>(), historyAsRead: () => true },
        { ownerId: BENCH_OWNER_ID, rows: [], history: { recent: [], older: reconcile(BENCH_OWNER_ID, snapshot.rows, []) }, timeZone: BENCH_TIME_ZONE, at: BENCH_NOW },
      );

      const engine = createSyncEngine({
        client: snapshotClient(snapshot),
        store: dbSyncStore({ db, clubContext: () => Promise.resolve(BENCH_CLUB_CONTEXT), historyAsRead: () => true, clock }),
        events: createEventBus(),
        clock,
        logger: silentLogger,
      });
      const count = (table: string): number => Number(watcher.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
      const dataVersion = (): number => Number(watcher.pragma('data_version', { simple: true }));
      const before = { messages: count('messages'), conversations: count('conversations'), version: dataVersion() };
      if (before.messages !== size.rows) throw new Error(`stored ${before.messages} of ${size.rows} rows`);

      progress(`idle poll: ${size.runs} polls`);
      const samples = await timeIdlePolls(engine, size.runs);
      const after = { messages: count('messages'), conversations: count('conversations'), version: dataVersion() };
      const rowsWritten = after.messages - before.messages + (after.conversations - before.conversations);
      const commitsSeen = after.version === before.version ? 0 : 1;
      const summary = summarize(samples);
      return {
        ...summary,
        snapshotRows: size.rows,
        storedMessages: before.messages,
        rowsWritten,
        commitsSeen,
        parsePageMs: summarize(parseSamples).p50Ms,
        target: `p95 < ${IDLE_POLL_TARGET_MS} ms and 0 rows written`,
        met: summary.p95Ms < IDLE_POLL_TARGET_MS && rowsWritten === 0 && commitsSeen === 0,
      };
    } finally {
      watcher.close();
      db.close();
    }
  });
}
