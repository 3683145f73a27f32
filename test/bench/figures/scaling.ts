// Figure 7: how cost grows with the inbox. One idle poll's whole time — the page fetched over
// HTTP from a server on 127.0.0.1, read (with the engine's row memo, as the app reads a poll's
// page), keyed and reconciled against what is stored, nothing written — at four inbox sizes,
// with the growth from one size to the next beside the growth of the rows (near-linear means
// the time grows no faster than 1.5× the rows). The inboxes are the
// newest N texts of one stored history, so every size is fully stored. Beside it, the peak
// resident memory of the 100,000-text first import (measured by figure 5, in the app as it ships:
// a child process running the bundled core and sync worker).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openDatabase } from '../../../db';
import { readInboxSnapshot } from '../../../main/clubos/inbox-snapshot';
import type { ClubOSClient } from '../../../main/clubos/types';
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
import { summarize } from '../harness/latency';
import { progress } from '../harness/progress';
import { BENCH_CLUB_CONTEXT, benchClient } from '../harness/snapshot-client';
import { withTempDir } from '../harness/temp-dir';

export const GROWTH_TARGET = 1.5;
export const IMPORT_RSS_TARGET_MB = 300;

export interface ScalingSize {
  rows: number;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  /** p50 at this size ÷ p50 at the previous one (null for the first). */
  growth: number | null;
  /** rows at this size ÷ rows at the previous one. */
  rowsGrowth: number | null;
}

export interface ScalingFigure {
  idlePoll: ScalingSize[];
  /** The largest time growth per step divided by the rows' growth in that step. */
  worstGrowthPerRowsGrowth: number;
  peakImportRssMb: number;
  importMessages: number;
  verdicts: { growth: { target: string; met: boolean }; importRss: { target: string; met: boolean } };
  target: string;
  met: boolean;
}

export async function measureScaling(
  size: { sizes: number[]; members: number; days: number; runs: number },
  importRss: { peakRssMb: number; messages: number },
): Promise<ScalingFigure> {
  return withTempDir('scaling', async (dir) => {
    const largest = Math.max(...size.sizes);
    progress(`scaling: storing a ${largest}-text history`);
    const people = benchPeople(size.members, BENCH_SEED + 7);
    const traffic = generateTraffic({ seed: BENCH_SEED + 7, messages: largest, members: size.members, days: size.days, end: BENCH_NOW, timeZone: BENCH_TIME_ZONE });
    const at = { ownerId: BENCH_OWNER_ID, now: BENCH_NOW, timeZone: BENCH_TIME_ZONE };
    const pages = new Map(size.sizes.map((n) => [n, Buffer.from(inboxHtml(traffic.slice(traffic.length - n), people, at))]));
    const clock = manualClock(BENCH_NOW);
    const { db } = openDatabase(join(dir, 'scaling.sqlite'), { logger: silentLogger, clock });
    const server = await serve(pages);
    try {
      db.owners.upsert({ ownerId: BENCH_OWNER_ID, name: 'My Messages' });
      const whole = readInboxSnapshot(pages.get(largest)!.toString('utf8'), { ownerId: BENCH_OWNER_ID, fetchedAt: BENCH_NOW, timeZone: BENCH_TIME_ZONE });
      await ingestPoll(
        { db, staffNameKeys: () => new Set<string>(), historyAsRead: () => true },
        { ownerId: BENCH_OWNER_ID, rows: [], history: { recent: [], older: reconcile(BENCH_OWNER_ID, whole.rows, []) }, timeZone: BENCH_TIME_ZONE, at: BENCH_NOW },
      );

      const results: ScalingSize[] = [];
      for (const rows of [...size.sizes].sort((a, b) => a - b)) {
        progress(`scaling: ${size.runs} idle polls of a ${rows}-row inbox`);
        const url = `${server.base}/inbox/${rows}`;
        const engine = createSyncEngine({
          client: httpInboxClient(url),
          store: dbSyncStore({ db, clubContext: () => Promise.resolve(BENCH_CLUB_CONTEXT), historyAsRead: () => true, clock }),
          events: createEventBus(),
          clock,
          logger: silentLogger,
        });
        const samples = await timeIdlePolls(engine, size.runs);
        await engine.stop();
        const summary = summarize(samples);
        const previous = results[results.length - 1];
        results.push({
          rows,
          runs: summary.runs,
          p50Ms: summary.p50Ms,
          p95Ms: summary.p95Ms,
          growth: previous ? Math.round((summary.p50Ms / previous.p50Ms) * 100) / 100 : null,
          rowsGrowth: previous ? Math.round((rows / previous.rows) * 100) / 100 : null,
        });
      }
      const ratios = results.flatMap((r) => (r.growth !== null && r.rowsGrowth !== null ? [r.growth / r.rowsGrowth] : []));
      const worst = Math.round(Math.max(...ratios) * 100) / 100;
      const verdicts = {
        growth: { target: `each step's time growth <= ${GROWTH_TARGET} x its rows' growth`, met: worst <= GROWTH_TARGET },
        importRss: { target: `peak RSS < ${IMPORT_RSS_TARGET_MB} MB (the main process's resident set and the sync worker's own pages)`, met: importRss.peakRssMb < IMPORT_RSS_TARGET_MB },
      };
      return {
        idlePoll: results,
        worstGrowthPerRowsGrowth: worst,
        peakImportRssMb: importRss.peakRssMb,
        importMessages: importRss.messages,
        verdicts,
        target: `${verdicts.growth.target}; ${verdicts.importRss.target} during the ${importRss.messages}-text import`,
        met: verdicts.growth.met && verdicts.importRss.met,
      };
    } finally {
      await server.close();
      db.close();
    }
  });
}

/** The engine's client: the page over HTTP, read as the sync worker reads it. */
function httpInboxClient(url: string): ClubOSClient {
  return benchClient(async (ownerId, signal, memo) => {
    const response = await fetch(url, signal ? { signal } : {});
    const html = new TextDecoder().decode(await response.arrayBuffer());
    // With the engine's row memo, as the app's client reads a poll's page.
    return readInboxSnapshot(html, { ownerId, fetchedAt: BENCH_NOW, timeZone: BENCH_TIME_ZONE }, memo ?? null);
  });
}

async function serve(pages: Map<number, Buffer>): Promise<{ base: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const page = pages.get(Number(req.url?.split('/').pop()));
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.byteLength }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
