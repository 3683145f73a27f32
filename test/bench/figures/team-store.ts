// Team store throughput (issue 19): desks as separate processes, each with its own SQLite
// database and the real PostgreSQL link, on a throwaway cluster on this machine. Each desk writes
// staff changes as fast as it can; the figure is how many rows a second the store accepted from
// all of them together, how fast every desk had applied every row, and how long a change took
// from one desk to the others (timestamped notes, through NOTIFY).
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { findPgBinDir, startPgCluster } from '../../team/pg-cluster';
import { summarize, type LatencySummary } from '../harness/latency';
import { progress } from '../harness/progress';
import { withTempDir } from '../harness/temp-dir';
import { bundleChild } from '../../soak/bundle-child';
import { fromBenchDeskSchema, type FromBenchDesk, type ToBenchDesk } from '../team/team-bench-messages';

const DESK_SOURCE = fileURLToPath(new URL('../team/team-bench-desk.ts', import.meta.url));
const DESK_BUNDLE = fileURLToPath(new URL('../../../node_modules/.cache/frontdesk-team-bench/desk.mjs', import.meta.url));

export interface TeamStoreSize {
  desks: number;
  changesPerDesk: number;
  seedConversations: number;
  probeEveryMs: number;
  /** The latency phase: each desk's steady rate and how long it lasts. */
  pacedPerDeskPerSecond: number;
  pacedSeconds: number;
}

/** The chain of ARCHITECTURE.md's sizing (50 locations × 4 desks) peaks near 70 changes/s; the target leaves headroom. */
const TARGET_ROWS_PER_SECOND = 300;
const TARGET_P95_MS = 1000;

export type TeamStoreFigure =
  | {
      desks: number;
      changesPerDesk: number;
      storeRows: number;
      storeRowsPerSecond: number;
      appliedRowsPerSecond: number;
      pushSeconds: number;
      convergeSeconds: number;
      propagation: LatencySummary;
      target: string;
      met: boolean;
    }
  | { skipped: string; target: string; met: false };

const TARGET = `with the desks writing at once: the store accepts ≥ ${TARGET_ROWS_PER_SECOND} rows/s, and a change reaches the other desks within ${TARGET_P95_MS} ms at p95`;

interface Desk {
  child: ChildProcess;
  waiting: Array<{ type: FromBenchDesk['type']; resolve: (m: FromBenchDesk) => void; reject: (e: Error) => void }>;
  seq: number;
  rows: number;
  pushed: { written: number; ms: number } | null;
}

export async function measureTeamStore(size: TeamStoreSize): Promise<TeamStoreFigure> {
  if (findPgBinDir() === null) {
    const why = 'PostgreSQL binaries not found (apt-get install postgresql, or PG_BINDIR)';
    if (process.env.CI === 'true') throw new Error(`team store benchmark: ${why}`);
    progress(`*** team store: SKIPPED — ${why} ***`);
    return { skipped: why, target: TARGET, met: false };
  }
  progress(`team store: ${size.desks} desks × ${size.changesPerDesk} changes`);
  await bundleChild(DESK_SOURCE, DESK_BUNDLE, ['better-sqlite3', 'pg']);
  const cluster = await startPgCluster();
  const desks: Desk[] = [];
  const probes: number[] = [];
  try {
    return await withTempDir('team', async (dir) => {
      const expect = (desk: Desk, type: FromBenchDesk['type'], timeoutMs = 120_000): Promise<FromBenchDesk> =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`a bench desk did not say ${type} in time`)), timeoutMs);
          desk.waiting.push({
            type,
            resolve: (m) => {
              clearTimeout(timer);
              resolve(m);
            },
            reject: (e) => {
              clearTimeout(timer);
              reject(e);
            },
          });
        });
      const send = (desk: Desk, m: ToBenchDesk): void => {
        desk.child.send(m);
      };
      for (let index = 0; index < size.desks; index++) {
        const config = {
          index,
          dbPath: join(dir, `desk-${index}.sqlite`),
          teamUrl: cluster.url(),
          changes: size.changesPerDesk,
          seedConversations: index === 0 ? size.seedConversations : 0,
          probeEveryMs: size.probeEveryMs,
        };
        const child = fork(DESK_BUNDLE, [JSON.stringify(config)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
        const desk: Desk = { child, waiting: [], seq: 0, rows: 0, pushed: null };
        child.on('message', (raw) => {
          const m = fromBenchDeskSchema.parse(raw);
          if (m.type === 'applied') {
            desk.seq = m.seq;
            desk.rows = m.rows;
            probes.push(...m.probes);
          }
          if (m.type === 'pushed') desk.pushed = { written: m.written, ms: m.ms };
          for (const w of desk.waiting.filter((x) => x.type === m.type || m.type === 'failed')) {
            if (m.type === 'failed') w.reject(new Error(m.message));
            else w.resolve(m);
          }
          desk.waiting = desk.waiting.filter((x) => x.type !== m.type && m.type !== 'failed');
        });
        child.on('exit', (code) => {
          for (const w of desk.waiting) w.reject(new Error(`a bench desk exited (${code})`));
          desk.waiting = [];
        });
        desks.push(desk);
      }
      await Promise.all(desks.map((d) => expect(d, 'ready')));
      const first = desks[0]!;
      const seeded = expect(first, 'seeded');
      send(first, { type: 'seed' });
      await seeded;
      await Promise.all(
        desks.map((d) => {
          const p = expect(d, 'caughtUp');
          send(d, { type: 'catchUp', conversations: size.seedConversations });
          return p;
        }),
      );
      const client = new pg.Client({ connectionString: cluster.url() });
      await client.connect();
      const maxSeq = async (): Promise<number> => Number((await client.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM frontdesk.changes')).rows[0]?.seq ?? 0);
      const before = await maxSeq();
      const started = performance.now();
      const pushedAll = Promise.all(desks.map((d) => expect(d, 'pushed')));
      for (const d of desks) send(d, { type: 'go' });
      await pushedAll;
      const pushSeconds = (performance.now() - started) / 1000;
      const after = await maxSeq();
      // Until every desk has applied every row.
      const deadline = performance.now() + 300_000;
      while (desks.some((d) => d.seq < after)) {
        if (performance.now() > deadline) throw new Error('the desks did not catch up with the store in 5 minutes');
        await new Promise((r) => setTimeout(r, 50));
      }
      const convergeSeconds = (performance.now() - started) / 1000;
      // Then steady work at the rate of a busy chain (see ARCHITECTURE.md), while desk 0 sends
      // timestamped notes: how long a change takes from one desk to the others.
      probes.length = 0;
      const paced = Promise.all(desks.map((d) => expect(d, 'pacedDone')));
      for (const d of desks) send(d, { type: 'paced', perSecond: size.pacedPerDeskPerSecond, seconds: size.pacedSeconds });
      await paced;
      const end = await maxSeq();
      while (desks.some((d) => d.seq < end)) {
        if (performance.now() > deadline) throw new Error('the desks did not catch up with the store in 5 minutes');
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 300)); // the desks' last progress reports
      await client.end();
      const storeRows = after - before;
      const storeRowsPerSecond = Math.round(storeRows / pushSeconds);
      const propagation = summarize(probes.length > 0 ? probes : [0]);
      progress(`team store: ${storeRows} rows in ${pushSeconds.toFixed(1)} s (${storeRowsPerSecond}/s); all desks caught up at ${convergeSeconds.toFixed(1)} s; probe p95 ${propagation.p95Ms} ms`);
      return {
        desks: size.desks,
        changesPerDesk: size.changesPerDesk,
        storeRows,
        storeRowsPerSecond,
        appliedRowsPerSecond: Math.round((storeRows * size.desks) / convergeSeconds),
        pushSeconds: Math.round(pushSeconds * 100) / 100,
        convergeSeconds: Math.round(convergeSeconds * 100) / 100,
        propagation,
        target: TARGET,
        met: storeRowsPerSecond >= TARGET_ROWS_PER_SECOND && propagation.p95Ms <= TARGET_P95_MS,
      };
    });
  } finally {
    for (const d of desks) {
      if (d.child.exitCode === null) {
        d.child.send({ type: 'close' });
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const d of desks) if (d.child.exitCode === null) d.child.kill('SIGKILL');
    cluster.destroy();
  }
}
