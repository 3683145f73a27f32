// Figure 5: how long the main process stops answering while a long history is imported. The
// core (signed in to the simulator, which runs in its own process; polls run in the core's sync
// worker) makes its first sync of an inbox listing 100,000 texts: fetch, parse, reconcile, store.
// monitorEventLoopDelay samples the main event loop meanwhile; its max is the longest stretch the
// window would have gone unanswered. Meanwhile the window's requests are made as the window makes
// them (list 50 conversations, open one: its newest 100 messages), one every 20 ms, and timed; a
// mark-read (a write on the main connection while the worker writes) is timed beside them. The
// process's resident memory (main thread and worker) is sampled every 50 ms for its peak.
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
import { percentile, roundMs } from '../harness/latency';
import type { Core } from '../../../main/core/core';
import { progress } from '../harness/progress';
import { startSimulatorProcess } from '../harness/simulator-process';
import { withTempDir } from '../harness/temp-dir';

export const LAG_TARGET_MS = 16;
export const WINDOW_P99_TARGET_MS = 50;
export const IMPORT_WALL_TARGET_MS = 20_000;
const REQUEST_EVERY_MS = 20;
const RSS_EVERY_MS = 50;

export interface EventLoopLagFigure {
  historyMessages: number;
  importMs: number;
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  /** The window's requests while the import runs: list 50 conversations, open one. */
  windowRequests: WindowLatency;
  /** Mark read (a write on the main thread's connection) while the worker writes. */
  markRead: WindowLatency;
  /** Largest resident set of the process (main thread and sync worker) during the import. */
  peakRssMb: number;
  verdicts: { stall: Verdict; windowP99: Verdict; importWall: Verdict };
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

interface Verdict {
  target: string;
  met: boolean;
}

interface WindowLatency {
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function windowLatency(samples: number[]): WindowLatency {
  if (samples.length === 0) return { runs: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, p50Ms: roundMs(percentile(sorted, 50)), p99Ms: roundMs(percentile(sorted, 99)), maxMs: roundMs(sorted[sorted.length - 1]!) };
}

/** Makes the window's requests every REQUEST_EVERY_MS until stopped; one mark-read every tenth turn. */
function windowTraffic(core: Core): { stop(): Promise<{ requests: number[]; markRead: number[] }> } {
  const requests: number[] = [];
  const markRead: number[] = [];
  let running = true;
  let turn = 0;
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, REQUEST_EVERY_MS));
      const started = performance.now();
      const list = await core.handlers.listConversations({ filter: 'all', limit: 50 });
      const first = list.items[0];
      if (first) await core.handlers.listMessages({ conversationId: first.id, limit: 100 });
      requests.push(performance.now() - started);
      if (first && ++turn % 10 === 0) {
        const at = performance.now();
        await core.handlers.markRead({ conversationId: first.id });
        markRead.push(performance.now() - at);
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { requests, markRead };
    },
  };
}

function rssPeak(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, RSS_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      return Math.round((Math.max(peak, process.memoryUsage.rss()) / 1024 ** 2) * 10) / 10;
    },
  };
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
    let traffic: { requests: number[]; markRead: number[] };
    let peakRssMb: number;
    try {
      const core = await signedInCore(join(dir, 'core'), sim.baseUrl);
      try {
        await core.handlers.addOwner({ ownerId: sim.loggedInUserId });
        progress('event-loop lag: first sync of the whole history');
        const started = performance.now();
        const rss = rssPeak();
        const window = windowTraffic(core);
        const measured = await withLagMonitor(() => core.handlers.syncNow({ ownerId: sim.loggedInUserId }));
        importMs = roundMs(performance.now() - started);
        traffic = await window.stop();
        peakRssMb = rss.stop();
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
    const windowRequests = windowLatency(traffic.requests);
    const verdicts = {
      stall: { target: `max < ${LAG_TARGET_MS} ms`, met: lag.maxMs < LAG_TARGET_MS },
      windowP99: { target: `p99 < ${WINDOW_P99_TARGET_MS} ms`, met: windowRequests.runs > 0 && windowRequests.p99Ms < WINDOW_P99_TARGET_MS },
      importWall: { target: `import < ${IMPORT_WALL_TARGET_MS / 1000} s`, met: importMs < IMPORT_WALL_TARGET_MS },
    };
    return {
      historyMessages: size.messages,
      importMs,
      ...lag,
      windowRequests,
      markRead: windowLatency(traffic.markRead),
      peakRssMb,
      verdicts,
      stagesMaxBlockMs,
      target: `stall max < ${LAG_TARGET_MS} ms, window requests p99 < ${WINDOW_P99_TARGET_MS} ms, import < ${IMPORT_WALL_TARGET_MS / 1000} s`,
      met: verdicts.stall.met && verdicts.windowP99.met && verdicts.importWall.met,
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
