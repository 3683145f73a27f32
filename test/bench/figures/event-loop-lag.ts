// Figure 5: how long the main process stops answering while a long history is imported. The
// core (signed in to the simulator, which runs in its own process) makes its first sync of an
// inbox listing 100,000 texts: fetch, parse, reconcile, store. monitorEventLoopDelay samples
// the event loop meanwhile; its max is the longest stretch the window would have gone
// unanswered.
//
// The breakdown runs each stage alone on a page of the same size rendered in this process,
// and reports the longest time that stage holds the event loop, so a miss can be pinned on
// the stage that causes it.
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../../../db';
import { readInboxSnapshot, readInboxSnapshotInSlices } from '../../../main/clubos/inbox-snapshot';
import { ingestPoll } from '../../../main/ingest/ingest-poll';
import { silentLogger } from '../../../common/log/logger';
import { reconcile } from '../../../main/sync/reconcile';
import { manualClock } from '../../../common/time/manual-clock';
import { benchPeople } from '../data/bench-people';
import { inboxHtml } from '../data/inbox-html';
import { generateTraffic } from '../data/inbox-traffic';
import { signedInCore } from '../harness/bench-core';
import { BENCH_NOW, BENCH_OWNER_ID, BENCH_SEED, BENCH_TIME_ZONE } from '../harness/bench-constants';
import { roundMs } from '../harness/latency';
import { progress } from '../harness/progress';
import { startSimulatorProcess } from '../harness/simulator-process';
import { withTempDir } from '../harness/temp-dir';

export const LAG_TARGET_MS = 50;

export interface EventLoopLagFigure {
  historyMessages: number;
  importMs: number;
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  /** The longest time each stage, run alone, holds the event loop. */
  stagesMaxBlockMs: {
    parseWhole: number;
    parseInSlices: number;
    reconcile: number;
    ingest: number;
  };
  target: string;
  met: boolean;
}

interface Lag {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

/** Runs `work` with the event loop sampled every millisecond. */
async function withLagMonitor<T>(work: () => Promise<T>): Promise<{ result: T; lag: Lag }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  try {
    const result = await work();
    // One more turn so a block at the very end is sampled too.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { result, lag: { maxMs: roundMs(histogram.max / 1e6), p99Ms: roundMs(histogram.percentile(99) / 1e6), meanMs: roundMs(histogram.mean / 1e6) } };
  } finally {
    histogram.disable();
  }
}

function timeBlock(work: () => void): number {
  const started = performance.now();
  work();
  return roundMs(performance.now() - started);
}

export async function measureEventLoopLag(size: { messages: number; members: number; days: number }): Promise<EventLoopLagFigure> {
  return withTempDir('lag', async (dir) => {
    progress(`event-loop lag: simulator with a ${size.messages}-row inbox`);
    const sim = await startSimulatorProcess({ seed: BENCH_SEED + 5, members: size.members, messages: size.messages, days: size.days });
    let importMs: number;
    let lag: Lag;
    try {
      const core = await signedInCore(join(dir, 'core'), sim.baseUrl);
      try {
        await core.handlers.addOwner({ ownerId: sim.loggedInUserId });
        progress('event-loop lag: first sync of the whole history');
        const started = performance.now();
        const measured = await withLagMonitor(() => core.handlers.syncNow({ ownerId: sim.loggedInUserId }));
        importMs = roundMs(performance.now() - started);
        lag = measured.lag;
        const added = measured.result.owners[0]?.addedLastPoll ?? 0;
        if (added !== size.messages) throw new Error(`the import stored ${added} of ${size.messages} texts (${JSON.stringify(measured.result.owners[0]?.lastError)})`);
      } finally {
        await core.close();
      }
    } finally {
      await sim.close();
    }

    progress('event-loop lag: each stage alone');
    const stagesMaxBlockMs = await stageBlocks(dir, size);
    return {
      historyMessages: size.messages,
      importMs,
      ...lag,
      stagesMaxBlockMs,
      target: `max < ${LAG_TARGET_MS} ms`,
      met: lag.maxMs < LAG_TARGET_MS,
    };
  });
}

async function stageBlocks(dir: string, size: { messages: number; members: number; days: number }): Promise<EventLoopLagFigure['stagesMaxBlockMs']> {
  const people = benchPeople(size.members, BENCH_SEED + 5);
  const traffic = generateTraffic({ seed: BENCH_SEED + 5, messages: size.messages, members: size.members, days: size.days, end: BENCH_NOW, timeZone: BENCH_TIME_ZONE });
  const html = inboxHtml(traffic, people, { ownerId: BENCH_OWNER_ID, now: BENCH_NOW, timeZone: BENCH_TIME_ZONE });
  const at = { ownerId: BENCH_OWNER_ID, fetchedAt: BENCH_NOW, timeZone: BENCH_TIME_ZONE };

  const parseWhole = timeBlock(() => readInboxSnapshot(html, at));
  const sliced = await withLagMonitor(() => readInboxSnapshotInSlices(html, at));
  let fresh: ReturnType<typeof reconcile> = [];
  const reconcileMs = timeBlock(() => {
    fresh = reconcile(BENCH_OWNER_ID, sliced.result.rows, []);
  });

  const { db } = openDatabase(join(dir, 'stages.sqlite'), { logger: silentLogger, clock: manualClock(BENCH_NOW) });
  try {
    db.owners.upsert({ ownerId: BENCH_OWNER_ID, name: 'My Messages' });
    const ingest = await withLagMonitor(() =>
      ingestPoll(
        { db, staffNameKeys: () => new Set<string>(), historyAsRead: () => true },
        { ownerId: BENCH_OWNER_ID, rows: [], history: { recent: [], older: fresh }, timeZone: BENCH_TIME_ZONE, at: BENCH_NOW },
      ),
    );
    return { parseWhole, parseInSlices: sliced.lag.maxMs, reconcile: reconcileMs, ingest: ingest.lag.maxMs };
  } finally {
    db.close();
  }
}
