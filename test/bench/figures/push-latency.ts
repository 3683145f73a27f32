// Figure 4: a member's text to the window. The core is signed in to the simulator (in its own
// process) with the owner's inbox already imported; each run delivers one new text to the
// simulator, then times Sync now → the messagesAdded event reaching a subscriber: the inbox
// fetched over HTTP, parsed, reconciled, stored and announced. Beside it: the client's getInbox
// alone against the same simulator (the simulator rendering the page, the transfer, the reading
// with the last read's row memo, as a poll reads) and the parse alone of a page of the same size
// read afresh, so the share of each is visible.
// Unlike figure 5, the simulator runs at normal priority: its rendering of the page is on the
// measured path, where a server on another machine would render at full speed. (At a lower
// priority it lost the cores to the bench's own work and its getInbox alone took 6–14 ms longer.)
import { createClubOSClient } from '../../../main/clubos/client';
import { readInboxSnapshot } from '../../../main/clubos/inbox-snapshot';
import { createRowMemo } from '../../../main/clubos/parse/row-memo';
import { silentLogger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';
import { benchPeople } from '../data/bench-people';
import { inboxHtml } from '../data/inbox-html';
import { generateTraffic } from '../data/inbox-traffic';
import { nextMessagesAdded, signedInCore } from '../harness/bench-core';
import { BENCH_NOW, BENCH_OWNER_ID, BENCH_SEED, BENCH_TIME_ZONE } from '../harness/bench-constants';
import { summarize, timeRuns, type LatencySummary } from '../harness/latency';
import { progress } from '../harness/progress';
import { startSimulatorProcess } from '../harness/simulator-process';
import { withTempDir } from '../harness/temp-dir';

export const PUSH_TARGET_MS = 150;

export interface PushLatencyFigure extends LatencySummary {
  inboxRows: number;
  getInboxP50Ms: number;
  parseP50Ms: number;
  target: string;
  met: boolean;
}

export async function measurePushLatency(size: { inboxRows: number; members: number; days: number; runs: number }): Promise<PushLatencyFigure> {
  return withTempDir('push', async (dir) => {
    progress(`push latency: simulator with a ${size.inboxRows}-row inbox`);
    const sim = await startSimulatorProcess({ seed: BENCH_SEED + 4, members: size.members, messages: size.inboxRows, days: size.days });
    try {
      const core = await signedInCore(dir, sim.baseUrl);
      try {
        await core.handlers.addOwner({ ownerId: sim.loggedInUserId });
        const imported = await core.handlers.syncNow({ ownerId: sim.loggedInUserId });
        const added = imported.owners[0]?.addedLastPoll ?? 0;
        if (added !== size.inboxRows) throw new Error(`the first sync stored ${added} of ${size.inboxRows} rows`);

        progress(`push latency: ${size.runs} texts`);
        const samples: number[] = [];
        for (let run = -1; run < size.runs; run++) {
          await sim.addInbound(run + 1, `Running late, be there in ${run + 11} min`);
          const received = nextMessagesAdded(core);
          const started = performance.now();
          const status = await core.handlers.syncNow({ ownerId: sim.loggedInUserId });
          const at = await received;
          if (status.owners[0]?.addedLastPoll !== 1) throw new Error(`a sync stored ${status.owners[0]?.addedLastPoll} texts, expected 1`);
          if (run >= 0) samples.push(at - started);
        }
        const summary = summarize(samples);
        const getInboxP50Ms = await timeGetInbox(sim.baseUrl, sim.loggedInUserId, size.runs);
        return {
          ...summary,
          inboxRows: size.inboxRows,
          getInboxP50Ms,
          parseP50Ms: timeParse(size),
          target: `p95 < ${PUSH_TARGET_MS} ms`,
          met: summary.p95Ms < PUSH_TARGET_MS,
        };
      } finally {
        await core.close();
      }
    } finally {
      await sim.close();
    }
  });
}

async function timeGetInbox(baseUrl: string, ownerId: string, runs: number): Promise<number> {
  const client = createClubOSClient({ baseUrl, username: 'demo', password: 'demo', clock: systemClock, logger: silentLogger });
  try {
    // With a row memo, as a poll reads the page: the rows it listed last time are not read again.
    const memo = createRowMemo();
    await client.getInbox(ownerId, undefined, memo);
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      memo.nextPage();
      const started = performance.now();
      await client.getInbox(ownerId, undefined, memo);
      samples.push(performance.now() - started);
    }
    return summarize(samples).p50Ms;
  } finally {
    await client.signOut();
  }
}

function timeParse(size: { inboxRows: number; members: number; days: number; runs: number }): number {
  const people = benchPeople(size.members, BENCH_SEED + 4);
  const traffic = generateTraffic({ seed: BENCH_SEED + 4, messages: size.inboxRows, members: size.members, days: size.days, end: BENCH_NOW, timeZone: BENCH_TIME_ZONE });
  const html = inboxHtml(traffic, people, { ownerId: BENCH_OWNER_ID, now: BENCH_NOW, timeZone: BENCH_TIME_ZONE });
  const at = { ownerId: BENCH_OWNER_ID, fetchedAt: BENCH_NOW, timeZone: BENCH_TIME_ZONE };
  return timeRuns(size.runs, () => readInboxSnapshot(html, at)).p50Ms;
}
