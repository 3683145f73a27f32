// The multi-desk soak: three cores (child processes) on one team against the simulator, new
// member texts arriving all along, the desk that polls SIGKILLed again and again (and kept down
// long enough for another to take over), the poller closed cleanly, PostgreSQL stopped and started mid-run, the poller cut
// off from the team store for a while. Then every desk must hold every text exactly once, and
// all three the same shared state, row by row.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator, type ClubOSSimulator } from '../../../main/clubos-simulator';
import { startPgCluster, type PgCluster } from '../pg-cluster';
import { startTcpProxy, type TcpProxy } from '../tcp-proxy';
import { bundleChild } from '../../soak/bundle-child';
import { fromDeskSchema, type DeskConfig, type FromDesk, type SharedState } from './team-soak-messages';

const CHILD_SOURCE = fileURLToPath(new URL('./team-soak-child.ts', import.meta.url));
const CHILD_BUNDLE = fileURLToPath(new URL('../../../node_modules/.cache/frontdesk-team-soak/desk.mjs', import.meta.url));

export interface TeamSoakSettings {
  desks: number;
  pollIntervalSeconds: number;
  /** SIGKILLs of whichever desk polls. */
  pollerKills: number;
  /** A new member text this often. */
  textEveryMs: number;
  actionEveryMs: number;
  /** How long the store is down, and one desk cut off. */
  storeDownMs: number;
  deskOfflineMs: number;
  /** The whole run's deadline. */
  deadlineMs: number;
  seed: number;
}

export const CI_TEAM_SOAK: TeamSoakSettings = {
  desks: 3,
  pollIntervalSeconds: 5,
  pollerKills: 3,
  textEveryMs: 400,
  actionEveryMs: 250,
  storeDownMs: 7_000,
  deskOfflineMs: 12_000,
  deadlineMs: 200_000,
  seed: 19,
};

export interface TeamSoakReport {
  texts: number;
  kills: number;
  /** For each kill of the poller: ms until another desk polled that inbox. */
  takeoverMs: number[];
  /** The poller's desk closed cleanly (it lets go of its lease at once): ms until another desk polled. */
  closeTakeoverMs: number;
  /** The poller's desk lost its way to the store: ms from the cut until another desk polled. */
  cutTakeoverMs: number;
  storeRestarts: number;
  perDesk: Array<{ desk: number; messages: number; lost: number; duplicated: number; actions: number }>;
  /** Rows that differ between desk 0 and each other desk, by table. */
  differences: Array<{ desk: number; table: string; rows: number; example: string | null }>;
  sizes: { conversations: number; messages: number; notes: number; reads: number };
  durationMs: number;
}

interface Desk {
  index: number;
  config: DeskConfig;
  proxy: TcpProxy;
  child: ChildProcess | null;
  polling: string[];
  state: string;
  actions: number;
  waiters: Array<{ type: FromDesk['type']; resolve: (m: FromDesk) => void }>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runTeamSoak(settings: TeamSoakSettings, log: (line: string) => void): Promise<TeamSoakReport> {
  const started = Date.now();
  const deadline = started + settings.deadlineMs;
  const checkDeadline = (what: string): void => {
    if (Date.now() > deadline) throw new Error(`team soak ran past its deadline (${settings.deadlineMs} ms) while ${what}`);
  };
  await bundleChild(CHILD_SOURCE, CHILD_BUNDLE, ['better-sqlite3', 'pg']);
  let cluster: PgCluster | null = null;
  let simulator: ClubOSSimulator | null = null;
  const root = mkdtempSync(join(tmpdir(), 'frontdesk-team-soak-'));
  const desks: Desk[] = [];
  try {
    cluster = await startPgCluster();
    simulator = await startSimulator({ seed: settings.seed, history: false, members: 60 });
    const sim = simulator;
    const owner = sim.loggedInUserId;

    const spawnDesk = (desk: Desk): void => {
      const child = fork(CHILD_BUNDLE, [JSON.stringify(desk.config)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString()).slice(-4000);
      });
      child.on('message', (raw) => {
        const message = fromDeskSchema.parse(raw);
        if (message.type === 'status') {
          desk.polling = message.polling;
          desk.state = message.state;
          desk.actions = message.actions;
        }
        if (message.type === 'failed') log(`desk ${desk.index} failed: ${message.message}`);
        const waiting = desk.waiters.filter((w) => w.type === message.type || message.type === 'failed');
        desk.waiters = desk.waiters.filter((w) => !waiting.includes(w));
        for (const w of waiting) w.resolve(message);
      });
      child.on('exit', (code, signal) => {
        if (desk.child === child) desk.child = null;
        if (code !== 0 && signal !== 'SIGKILL') log(`desk ${desk.index} exited ${code ?? signal}: ${stderr}`);
        for (const w of desk.waiters) w.resolve({ type: 'failed', message: `desk ${desk.index} exited (${code ?? signal})` });
        desk.waiters = [];
      });
      desk.child = child;
      desk.polling = [];
      desk.state = 'starting';
    };
    const waitMessage = (desk: Desk, type: FromDesk['type'], timeoutMs: number): Promise<FromDesk> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`desk ${desk.index} did not say ${type} within ${timeoutMs} ms`)), timeoutMs);
        desk.waiters.push({
          type,
          resolve: (m) => {
            clearTimeout(timer);
            if (m.type === 'failed') reject(new Error(m.message));
            else resolve(m);
          },
        });
      });

    for (let index = 0; index < settings.desks; index++) {
      const proxy = await startTcpProxy(cluster.port);
      const dataDir = join(root, `desk-${index}`);
      mkdirSync(dataDir, { recursive: true });
      const teamUrl = cluster.url().replace(`:${cluster.port}/`, `:${proxy.port}/`);
      const desk: Desk = {
        index,
        proxy,
        child: null,
        polling: [],
        state: 'starting',
        actions: 0,
        waiters: [],
        config: { index, dataDir, baseUrl: sim.baseUrl, teamUrl, seed: settings.seed * 100 + index, actionEveryMs: settings.actionEveryMs, pollIntervalSeconds: settings.pollIntervalSeconds },
      };
      desks.push(desk);
      spawnDesk(desk);
      await waitMessage(desk, 'ready', 60_000);
    }
    log(`${settings.desks} desks up`);

    // Member texts all along: unique bodies, so lost and doubled texts can be counted.
    let texts = 0;
    let texting = true;
    const members = sim.members.slice(0, 40);
    const textLoop = (async () => {
      while (texting) {
        const member = members[texts % members.length]!;
        sim.addInbound({ memberId: member.id, body: `Soak text ${texts + 1}: can I book a session?` });
        texts++;
        await sleep(settings.textEveryMs);
      }
    })();

    const pollers = (): Desk[] => desks.filter((d) => d.child !== null && d.polling.includes(owner) && d.state === 'online');
    const waitUntil = async (what: string, check: () => boolean, timeoutMs: number): Promise<number> => {
      const from = Date.now();
      while (!check()) {
        checkDeadline(what);
        if (Date.now() - from > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await sleep(50);
      }
      return Date.now() - from;
    };

    await waitUntil('a first poller', () => pollers().length === 1, 30_000);
    const intervalMs = settings.pollIntervalSeconds * 1000;
    const takeoverMs: number[] = [];
    let kills = 0;
    const killPoller = async (): Promise<void> => {
      await waitUntil('one poller', () => pollers().length === 1 && desks.every((d) => d.child !== null), 4 * intervalMs);
      const victim = pollers()[0]!;
      victim.child!.kill('SIGKILL');
      victim.child = null;
      kills++;
      const killedAt = Date.now();
      // Kept down until another desk polls: the takeover must come within two poll intervals.
      await waitUntil('a takeover', () => desks.some((d) => d !== victim && d.child !== null && d.polling.includes(owner)), 4 * intervalMs);
      takeoverMs.push(Date.now() - killedAt);
      log(`killed desk ${victim.index} (poller); desk ${desks.find((d) => d !== victim && d.polling.includes(owner))?.index} took over in ${Date.now() - killedAt} ms`);
      spawnDesk(victim);
      await waitMessage(victim, 'ready', 60_000);
    };

    for (let k = 0; k < Math.ceil(settings.pollerKills / 2); k++) await killPoller();

    // The poller's desk is closed by its user: a clean shutdown lets go of the lease at once.
    await waitUntil('one poller', () => pollers().length === 1 && desks.every((d) => d.child !== null), 4 * intervalMs);
    const closing = pollers()[0]!;
    const closed = waitMessage(closing, 'state', 60_000);
    closing.child!.send({ type: 'dump' }); // pushes what it has, then closes the core and exits
    await closed;
    const closedAt = Date.now();
    closing.polling = [];
    const closeTakeoverMs = await waitUntil('a takeover after a clean close', () => desks.some((d) => d !== closing && d.child !== null && d.polling.includes(owner)), 4 * intervalMs);
    log(`closed desk ${closing.index} (poller); another took over in ${Date.now() - closedAt} ms`);
    await waitUntil('the closed desk gone', () => closing.child === null, 30_000);
    spawnDesk(closing);
    await waitMessage(closing, 'ready', 60_000);

    // The team store goes away (a crash) and comes back.
    log('stopping PostgreSQL');
    cluster.stopServer('immediate');
    await sleep(settings.storeDownMs);
    cluster.startServer();
    log('PostgreSQL back');
    await waitUntil('desks back online', () => desks.every((d) => d.state === 'online'), 60_000);

    // The poller's desk loses its way to the store for a while (it keeps ClubOS, and polls alone
    // meanwhile): another desk takes the inbox over when the lease runs out.
    await waitUntil('one poller', () => pollers().length === 1, 4 * intervalMs);
    const lonely = pollers()[0]!;
    lonely.proxy.cut();
    const cutAt = Date.now();
    log(`desk ${lonely.index} (poller) cut off from the team store`);
    const cutTakeoverMs = await waitUntil('a takeover after a cut', () => desks.some((d) => d !== lonely && d.child !== null && d.polling.includes(owner)), 4 * intervalMs);
    log(`another desk took over in ${cutTakeoverMs} ms`);
    await sleep(Math.max(0, settings.deskOfflineMs - (Date.now() - cutAt)));
    lonely.proxy.restore();
    log(`desk ${lonely.index} back`);
    await waitUntil('the desk back online', () => lonely.state === 'online', 60_000);

    for (let k = Math.ceil(settings.pollerKills / 2); k < settings.pollerKills; k++) await killPoller();

    // The last texts must be polled, then every desk pushes and pulls everything.
    texting = false;
    await textLoop;
    await sleep(2 * intervalMs + 1000);
    for (const d of desks) d.child!.send({ type: 'quiesce' });
    await Promise.all(desks.map((d) => waitMessage(d, 'flushed', 60_000)));
    const states = new Map<number, SharedState>();
    await Promise.all(
      desks.map(async (d) => {
        const m = await (() => {
          const p = waitMessage(d, 'state', 60_000);
          d.child!.send({ type: 'dump' });
          return p;
        })();
        if (m.type === 'state') states.set(d.index, m.state);
      }),
    );

    const expected = sim.messages(owner).map((m) => m.body);
    const perDesk = desks.map((d) => {
      const state = states.get(d.index)!;
      const bodies = new Map<string, number>();
      for (const m of state.messages) if (m.direction === 'inbound') bodies.set(m.body, (bodies.get(m.body) ?? 0) + 1);
      return {
        desk: d.index,
        messages: state.messages.length,
        lost: expected.filter((b) => !bodies.has(b)).length,
        duplicated: [...bodies.values()].reduce((n, count) => n + Math.max(0, count - 1), 0),
        actions: d.actions,
      };
    });
    const differences: TeamSoakReport['differences'] = [];
    const base = states.get(0)!;
    for (const d of desks.slice(1)) {
      const other = states.get(d.index)!;
      for (const table of ['conversations', 'messages', 'notes', 'reads'] as const) {
        const a = base[table].map((r) => JSON.stringify(r));
        const b = other[table].map((r) => JSON.stringify(r));
        const setB = new Set(b);
        const setA = new Set(a);
        const diff = [...a.filter((r) => !setB.has(r)), ...b.filter((r) => !setA.has(r))];
        differences.push({ desk: d.index, table, rows: diff.length, example: diff.length > 0 ? diff.slice(0, 4).join(' <> ') : null });
      }
    }
    return {
      texts,
      kills,
      takeoverMs,
      closeTakeoverMs,
      cutTakeoverMs,
      storeRestarts: 1,
      perDesk,
      differences,
      sizes: { conversations: base.conversations.length, messages: base.messages.length, notes: base.notes.length, reads: base.reads.length },
      durationMs: Date.now() - started,
    };
  } finally {
    for (const d of desks) {
      d.child?.kill('SIGKILL');
      await d.proxy.close();
    }
    await simulator?.close();
    cluster?.destroy();
    rmSync(root, { recursive: true, force: true });
  }
}
