// The client against servers that answer in ClubOS's place and misbehave: an endless fast body,
// gzip/deflate/br bombs, a slow drip, redirect loops, answers that are not pages. Each call must
// end in its typed error, and the client's process must stay under 400 MB resident throughout.
// The client runs in a child process (hostile-probe.ts) so that its peak RSS is its own; the
// servers run here, on 127.0.0.1.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RESPONSE_LIMITS } from '../../../main/clubos/response-limits';
import { compressionBomb, endlessBody, jsonInsteadOfHtml, redirectToSelf, slowDrip, wrongType } from './hostile-answers';
import { hostileProbeResultSchema, type HostileProbeInput, type HostileProbeResult } from './hostile-probe-messages';
import { startStubClubOS, type Responder, type Route, type StubClubOS } from './stub-clubos';

const PROBE = fileURLToPath(new URL('./hostile-probe.ts', import.meta.url));
const RSS_LIMIT_MB = 400;
const STAFF_ID = '187032782';
/** Long enough that only the byte cap can end a fast answer. */
const GENEROUS_MS = 60_000;
const DRIP_DEADLINE_MS = 1_500;

interface HostileCase {
  name: string;
  route: Route;
  respond: Responder;
  call: 'signIn' | 'inbox';
  timeoutMs: number;
  expectedKind: string;
  /** Most requests the stub may see on `route` for the one call. */
  maxRequests: number;
}

const CASES: HostileCase[] = [
  { name: 'endless inbox body', route: 'POST /action/Dashboard/messages', respond: endlessBody, call: 'inbox', timeoutMs: GENEROUS_MS, expectedKind: 'too_large', maxRequests: 1 },
  { name: 'endless login page', route: 'GET /action/Login/view', respond: endlessBody, call: 'signIn', timeoutMs: GENEROUS_MS, expectedKind: 'too_large', maxRequests: 1 },
  { name: 'gzip bomb', route: 'POST /action/Dashboard/messages', respond: compressionBomb('gzip'), call: 'inbox', timeoutMs: GENEROUS_MS, expectedKind: 'too_large', maxRequests: 1 },
  { name: 'deflate bomb', route: 'POST /action/Dashboard/messages', respond: compressionBomb('deflate'), call: 'inbox', timeoutMs: GENEROUS_MS, expectedKind: 'too_large', maxRequests: 1 },
  { name: 'brotli bomb', route: 'POST /action/Dashboard/messages', respond: compressionBomb('br'), call: 'inbox', timeoutMs: GENEROUS_MS, expectedKind: 'too_large', maxRequests: 1 },
  { name: 'gzip bomb on the dashboard', route: 'GET /action/Dashboard/view', respond: compressionBomb('gzip'), call: 'signIn', timeoutMs: GENEROUS_MS, expectedKind: 'too_large', maxRequests: 1 },
  { name: 'slow drip', route: 'POST /action/Dashboard/messages', respond: slowDrip(20), call: 'inbox', timeoutMs: DRIP_DEADLINE_MS, expectedKind: 'timeout', maxRequests: 1 },
  { name: 'inbox redirects to itself', route: 'POST /action/Dashboard/messages', respond: redirectToSelf, call: 'inbox', timeoutMs: GENEROUS_MS, expectedKind: 'http', maxRequests: 1 },
  { name: 'login page redirects to itself', route: 'GET /action/Login/view', respond: redirectToSelf, call: 'signIn', timeoutMs: GENEROUS_MS, expectedKind: 'redirect_loop', maxRequests: 4 },
  { name: 'binary instead of the inbox', route: 'POST /action/Dashboard/messages', respond: wrongType('application/octet-stream'), call: 'inbox', timeoutMs: GENEROUS_MS, expectedKind: 'parse', maxRequests: 1 },
  { name: 'image instead of the login page', route: 'GET /action/Login/view', respond: wrongType('image/png'), call: 'signIn', timeoutMs: GENEROUS_MS, expectedKind: 'parse', maxRequests: 1 },
  { name: 'JSON instead of the inbox', route: 'POST /action/Dashboard/messages', respond: jsonInsteadOfHtml, call: 'inbox', timeoutMs: GENEROUS_MS, expectedKind: 'parse', maxRequests: 1 },
];
// The same attacks again: a backing-off poll meets them over and over, so memory must level off.
for (const again of ['endless inbox body', 'gzip bomb', 'brotli bomb']) {
  const c = CASES.find((x) => x.name === again);
  if (c) CASES.push({ ...c, name: `${again}, again` }, { ...c, name: `${again}, a third time` });
}

const stubs: StubClubOS[] = [];
let result: HostileProbeResult;

function runProbe(input: HostileProbeInput): Promise<HostileProbeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(PROBE, [JSON.stringify(input)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let answer: HostileProbeResult | null = null;
    child.on('message', (raw: unknown) => {
      answer = hostileProbeResultSchema.parse(raw);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (answer && code === 0 ? resolve(answer) : reject(new Error(`the probe exited with ${code ?? signal}`))));
  });
}

beforeAll(async () => {
  const cases: HostileProbeInput['cases'] = [];
  for (const c of CASES) {
    const stub = await startStubClubOS({ staffId: STAFF_ID });
    stubs.push(stub);
    stub.override(c.route, c.respond, 1_000);
    cases.push({ name: c.name, baseUrl: stub.baseUrl, username: 'alex', password: 'correct horse', call: c.call, ownerId: STAFF_ID, timeoutMs: c.timeoutMs });
  }
  result = await runProbe({ cases });
}, 120_000);

afterAll(async () => {
  await Promise.all(stubs.map((s) => s.close()));
});

describe('the client against hostile servers', () => {
  it.each(CASES.map((c, i) => [c.name, i] as const))('%s: a typed error after a bounded number of requests', (_name, i) => {
    const c = CASES[i];
    const outcome = result.cases[i];
    expect(c && outcome).toBeTruthy();
    if (!c || !outcome) return;
    expect({ name: outcome.name, kind: outcome.kind }).toEqual({ name: c.name, kind: c.expectedKind });
    expect(stubs[i]?.count(c.route)).toBeLessThanOrEqual(c.maxRequests);
  });

  it(`keeps the client process under ${RSS_LIMIT_MB} MB resident while hostile servers stream garbage`, () => {
    const peak = Math.max(...result.cases.map((c) => Math.max(c.maxRssMb, c.sampledPeakMb)));
    console.info(`hostile servers: baseline ${result.baselineMb.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`, result.cases.map((c) => `${c.name} ${c.kind} ${c.maxRssMb.toFixed(0)} MB`));
    expect(peak).toBeLessThan(RSS_LIMIT_MB);
  });

  it('says what the cap is, in words a user can act on', () => {
    const message = result.cases.find((c) => c.kind === 'too_large' && c.name === 'endless inbox body')?.message ?? '';
    expect(message).toContain(`${DEFAULT_RESPONSE_LIMITS.inboxMaxBytes / 1024 / 1024} MB`);
    expect(message).toMatch(/try again later/);
  });
});
