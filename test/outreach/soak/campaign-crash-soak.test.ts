// Exactly once across crashes. The real core runs in a child process against the ClubOS simulator
// (in this process, on 127.0.0.1) and works through two campaigns of 500 members each; the child is
// SIGKILLed at seeded random moments, at least 20 times, then started again over the same data
// folder. ClubOS sometimes carries out a send and loses the answer (with a delay, so kills land in
// that window too). At the end, the simulator's own record of what it accepted must show every
// member texted exactly once, with exactly their text.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type ClubOSSimulator, type SimMember } from '../../../main/clubos-simulator';
import { firstNameOf } from '../../../main/intents/first-name';
import { createRandom } from '../../../main/clubos-simulator/random';
import { fromChildSchema, type ChildConfig, type FromChild } from './soak-messages';

const CHILD_SOURCE = fileURLToPath(new URL('./core-child.ts', import.meta.url));
// Bundled once, inside the repository so its packages resolve from node_modules: each of the 20+
// restarts then loads one file instead of transpiling the core's modules again.
const CHILD_DIR = fileURLToPath(new URL('../../../node_modules/.cache/frontdesk-outreach-soak/', import.meta.url));
const CHILD = join(CHILD_DIR, 'core-child.mjs');
const SEED = 18;
const PER_CAMPAIGN = 500;
const MIN_KILLS = 20;
/** Hard bounds: the soak never runs away. */
const MAX_RUNS = 60;
const RUN_DEADLINE_MS = 60_000;
const BODY_A = 'Hi {firstName}, the club closes at 2 PM on Friday for the holiday.';
const BODY_B = 'Hi {firstName}, your free guest pass is waiting at the front desk!';

const fullName = (m: SimMember): string => `${m.firstName} ${m.lastName}`;
const merged = (body: string, m: SimMember): string => body.replace('{firstName}', firstNameOf(fullName(m)));

interface Run {
  child: ChildProcess;
  ready: Promise<void>;
  done: Promise<FromChild & { type: 'done' }>;
  exited: Promise<void>;
}

function startChild(config: ChildConfig): Run {
  const child = fork(CHILD, [JSON.stringify(config)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let readyResolve!: () => void;
  let doneResolve!: (m: FromChild & { type: 'done' }) => void;
  let fail!: (e: Error) => void;
  const ready = new Promise<void>((res, rej) => {
    readyResolve = res;
    fail = rej;
  });
  const done = new Promise<FromChild & { type: 'done' }>((res, rej) => {
    doneResolve = res;
    const prev = fail;
    fail = (e) => {
      prev(e);
      rej(e);
    };
  });
  // A killed run's pending promises are never awaited; keep them from reporting as unhandled.
  ready.catch(() => undefined);
  done.catch(() => undefined);
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  child.on('message', (raw: unknown) => {
    const m = fromChildSchema.parse(raw);
    if (m.type === 'ready') readyResolve();
    else if (m.type === 'done') doneResolve(m);
    else fail(new Error(`the core child failed: ${m.message}`));
  });
  child.once('exit', (code, signal) => fail(new Error(`the core child exited (${code ?? signal})`)));
  return { child, ready, done, exited };
}

const within = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error(`${what} took longer than ${ms} ms`)), ms).unref())]);

describe('campaigns under SIGKILL (seeded)', () => {
  let sim: ClubOSSimulator;
  let dataDir: string;
  let live: ChildProcess | null = null;

  beforeAll(async () => {
    mkdirSync(CHILD_DIR, { recursive: true });
    await build({ entryPoints: [CHILD_SOURCE], outfile: CHILD, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning' });
    sim = await startSimulator({ seed: SEED, members: 2 * PER_CAMPAIGN, history: false });
    dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-outreach-soak-'));
  });

  afterAll(async () => {
    if (live && live.exitCode === null && live.signalCode === null) live.kill('SIGKILL');
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`texts every one of ${2 * PER_CAMPAIGN} members exactly once across ${MIN_KILLS}+ kills`, async () => {
    const rng = createRandom(SEED);
    const a = sim.members.slice(0, PER_CAMPAIGN);
    const b = sim.members.slice(PER_CAMPAIGN, 2 * PER_CAMPAIGN);
    // Campaign A comes from a CSV (ids and names), campaign B from members picked in ClubOS search.
    const csv = ['ClubOS ID,First Name,Last Name', ...a.map((m) => `${m.id},${m.firstName},${m.lastName}`)].join('\n');
    // ClubOS sometimes carries out a send and loses the answer, now or a little later.
    sim.faults.set('answerLost', { probability: 0.04, delayMs: 40 });

    let kills = 0;
    let runs = 0;
    let result: (FromChild & { type: 'done' }) | null = null;
    const started = Date.now();
    while (result === null) {
      expect(runs, 'runs').toBeLessThan(MAX_RUNS);
      const run = startChild({
        dataDir,
        baseUrl: sim.baseUrl,
        ratePerMinute: 6000,
        ...(runs === 0
          ? {
              create: [
                { name: 'Holiday hours', body: BODY_A, csv },
                { name: 'Guest pass', body: BODY_B, members: b.map((m) => ({ id: m.id, name: fullName(m) })) },
              ],
            }
          : {}),
      });
      live = run.child;
      runs++;
      await within(run.ready, RUN_DEADLINE_MS, 'starting the core');
      if (kills < MIN_KILLS) {
        // Somewhere in the next second of sending, or just after the restart (while unknown sends are checked).
        const after = rng.int(0, 1_000);
        const finished = await Promise.race([run.done.then(() => true), new Promise<boolean>((res) => setTimeout(() => res(false), after))]);
        if (!finished) {
          run.child.kill('SIGKILL');
          await run.exited;
          kills++;
          continue;
        }
      }
      result = await within(run.done, RUN_DEADLINE_MS, 'finishing the campaigns');
      await run.exited;
    }
    live = null;
    const wallMs = Date.now() - started;

    // What ClubOS accepted, per member: exactly one text each, and exactly that member's text.
    const sent = sim.sentTexts();
    const byMember = new Map<string, string[]>();
    for (const s of sent) byMember.set(s.memberId, [...(byMember.get(s.memberId) ?? []), s.body]);
    const twice = [...byMember].filter(([, bodies]) => bodies.length > 1).map(([id]) => id);
    const missing = [...a, ...b].filter((m) => !byMember.has(m.id)).map((m) => m.id);
    const wrong = [...a.map((m) => [m, BODY_A] as const), ...b.map((m) => [m, BODY_B] as const)].filter(([m, body]) => byMember.get(m.id)?.[0] !== merged(body, m));

    const db = new Database(join(dataDir, 'frontdesk.sqlite'), { readonly: true });
    const outbox = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as Array<{ state: string; n: number }>;
    // The one action log (assistant_actions) holds outreach's record of every post and settlement.
    const verified = db.prepare(`SELECT count(*) FROM assistant_actions WHERE kind = 'text_settled_sent'`).pluck().get() as number;
    const loggedAbsent = db.prepare(`SELECT count(*) FROM assistant_actions WHERE kind = 'text_settled_absent'`).pluck().get() as number;
    const loggedSkips = db.prepare(`SELECT count(*) FROM assistant_actions WHERE kind IN ('text_skipped', 'text_blocked', 'text_failed')`).pluck().get() as number;
    const absent = db.prepare(`SELECT count(*) FROM outbox WHERE state = 'failed' AND error LIKE 'ClubOS history shows it never arrived%'`).pluck().get() as number;
    const logged = db.prepare(`SELECT count(*) FROM assistant_actions WHERE kind IN ('text_sent', 'text_settled_sent')`).pluck().get() as number;
    db.close();

    console.info(
      JSON.stringify({ kills, runs, wallMs, accepted: sent.length, answersLost: sim.faults.fired.answerLost, verifiedFromHistory: verified, verifiedAbsentThenResent: absent, outbox }),
    );
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(twice, 'members texted twice').toEqual([]);
    expect(missing, 'members never texted').toEqual([]);
    expect(wrong.map(([m]) => m.id), 'members who got another text').toEqual([]);
    expect(sent).toHaveLength(2 * PER_CAMPAIGN);
    expect(result).toEqual({ type: 'done', sent: 2 * PER_CAMPAIGN, skipped: 0, failed: 0 });
    expect(outbox.find((o) => o.state === 'sending'), 'unsettled outbox entries').toBeUndefined();
    expect(outbox.find((o) => o.state === 'sent')?.n).toBe(2 * PER_CAMPAIGN);
    // Lost answers happened and were settled from the ClubOS history, not by sending again.
    expect(sim.faults.fired.answerLost).toBeGreaterThan(0);
    expect(verified).toBeGreaterThan(0);
    // Every send is in the action log once, every "never arrived" settlement too, and nothing was skipped.
    expect(logged).toBe(2 * PER_CAMPAIGN);
    expect(loggedAbsent).toBe(absent);
    expect(loggedSkips).toBe(0);
  }, 180_000);
});
