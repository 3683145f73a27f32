// Figure 5's process: the core as the app ships it. figures/event-loop-lag.ts bundles this file
// and the sync worker the way the production build bundles the main process (CommonJS, runtime
// dependencies from node_modules, sync-worker.js beside it) and runs it with plain Node, so what
// is measured here is the app's main process and its worker, not the bench process, its
// TypeScript loader or the figures it has loaded.
//
// The core, signed in to the simulator (its own process), makes its first sync of the whole
// inbox. Meanwhile the main event loop is sampled every millisecond (its max is the longest the
// window would have gone unanswered), the window's requests are made as the window makes them
// (list 50 conversations, open one: its newest 100 messages) one every 20 ms and timed, a
// mark-read (a write on the main connection while the worker writes) every tenth of them, and
// the resident sets of this process and of the sync worker's every 50 ms for their peak. The
// figures go back over the IPC channel.
import { basename, join } from 'node:path';
import type { Core } from '../../../main/core/core';
import { syncWorkerScript } from '../../../main/sync-worker/worker-script';
import { signedInCore } from './bench-core';
import { withLagMonitor } from './lag-monitor';
import { startStallLog } from './stall-log';
import { percentile, roundMs } from './latency';
import { appResident, processRss, toMb } from './process-memory';
import { importLagInputSchema, importLagResultSchema, type ImportLagResult, type WindowLatency } from './import-lag-messages';

const REQUEST_EVERY_MS = 20;
const LONGEST_STALLS = 8;
const RSS_EVERY_MS = 50;

const rssMb = (): number => toMb(process.memoryUsage.rss());

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

interface RssPeaks {
  appMb: number;
  sumMb: number;
  mainMb: number;
  workerMb: number;
}

/** The peaks of both processes' memory (sampled at the same moment) and of each one's resident set. */
function rssPeaks(workerPid: number): { stop(): RssPeaks } {
  const peak = { app: 0, sum: 0, main: 0, worker: 0 };
  const sample = (): void => {
    const main = process.memoryUsage.rss();
    const worker = processRss(workerPid);
    peak.app = Math.max(peak.app, appResident(main, worker));
    peak.sum = Math.max(peak.sum, main + worker.all);
    peak.main = Math.max(peak.main, main);
    peak.worker = Math.max(peak.worker, worker.all);
  };
  sample();
  const timer = setInterval(sample, RSS_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { appMb: toMb(peak.app), sumMb: toMb(peak.sum), mainMb: toMb(peak.main), workerMb: toMb(peak.worker) };
    },
  };
}

async function main(): Promise<ImportLagResult> {
  const startRssMb = rssMb();
  const input = importLagInputSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  // The worker the core will start, found as the app finds it: the bundle beside this one.
  const worker = syncWorkerScript();
  if (worker.execArgv.length > 0) throw new Error(`the sync worker would run from source (${worker.filename}), not bundled`);
  let workerPid: number | undefined;
  const core = await signedInCore(join(input.dataDir, 'core'), input.baseUrl, { onSyncWorker: (w) => (workerPid = w.pid) });
  try {
    await core.handlers.addOwner({ ownerId: input.ownerId });
    // Answered by the sync worker (polling is off: the bench never starts the core's loops), so
    // the worker is loaded and idle when the baseline is read.
    await core.services.sync.stopPolling();
    if (workerPid === undefined) throw new Error('the sync worker did not start');
    const baselineRssMb = toMb(appResident(process.memoryUsage.rss(), processRss(workerPid)));
    const started = performance.now();
    const rss = rssPeaks(workerPid);
    const window = windowTraffic(core);
    const stallLog = startStallLog();
    const measured = await withLagMonitor(() => core.handlers.syncNow({ ownerId: input.ownerId }));
    const importMs = roundMs(performance.now() - started);
    const stalls = stallLog.stop(LONGEST_STALLS);
    const traffic = await window.stop();
    const peaks = rss.stop();
    const added = measured.result.owners[0]?.addedLastPoll ?? 0;
    if (added !== input.messages) throw new Error(`the import stored ${added} of ${input.messages} texts (${JSON.stringify(measured.result.owners[0]?.lastError)})`);
    return {
      importMs,
      ...measured.lag,
      longestStalls: stalls.longest,
      stallOwnWorkMaxMs: stalls.ownWorkMaxMs,
      windowRequests: windowLatency(traffic.requests),
      markRead: windowLatency(traffic.markRead),
      startRssMb,
      baselineRssMb,
      peakRssMb: peaks.appMb,
      peakRssSumMb: peaks.sumMb,
      peakMainRssMb: peaks.mainMb,
      peakWorkerRssMb: peaks.workerMb,
      node: process.version,
      // NODE_OPTIONS would reach the child too (a loader given there, say): it is reported with the flags.
      nodeFlags: process.env.NODE_OPTIONS ? [...process.execArgv, `NODE_OPTIONS=${process.env.NODE_OPTIONS}`] : process.execArgv,
      syncWorkerFile: basename(worker.filename),
    };
  } finally {
    await core.close();
  }
}

// A bench that has gone (stopped, crashed) reads nothing more: its child stops with it.
process.once('disconnect', () => process.exit(1));

main().then(
  (result) => process.send?.(importLagResultSchema.parse(result), () => process.exit(0)),
  (error: unknown) => {
    console.error('the import-lag child failed:', error);
    process.exit(1);
  },
);
