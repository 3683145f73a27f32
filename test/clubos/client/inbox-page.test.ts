// The inbox page as the sync worker gets it: bytes, undecoded, streamed from the main thread's
// session as they arrive; and when the worker finds ClubOS's login page in them, the next fetch
// signs in again first, as the client's own reading does inside its session.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClubOSClient } from '../../../main/clubos/client';
import { readInboxSnapshot } from '../../../main/clubos/inbox-snapshot';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { memoryLogger } from '../../../common/log/logger';
import { zonedToEpoch } from '../../../common/time/club-time';
import { manualClock, type ManualClock } from '../../../common/time/manual-clock';
import { fixture } from './fixtures';
import { reply, startStubClubOS, type StubClubOS } from './stub-clubos';

const CHI = 'America/Chicago';
const STAFF = '187032782';

let stub: StubClubOS;
let clock: ManualClock;

beforeEach(async () => {
  stub = await startStubClubOS({ members: [{ id: '123456789', first: 'Jane', last: 'Doe', canText: true, log: [] }] });
  clock = manualClock(zonedToEpoch({ year: 2026, month: 12, day: 8, hour: 10, minute: 0 }, CHI));
});
afterEach(async () => {
  await stub.close();
});

/** The page's bytes as the sink got them, joined. */
async function streamed(c: ReturnType<typeof client>, options?: { sessionLost?: boolean }) {
  const chunks: Uint8Array[] = [];
  const meta = await c.streamInboxPage(STAFF, (bytes) => void chunks.push(Uint8Array.from(bytes)), undefined, options);
  return { ...meta, html: Buffer.concat(chunks), chunks: chunks.length };
}

const client = () =>
  createClubOSClient({ baseUrl: stub.baseUrl, username: 'alex', password: 'correct horse', clock, logger: memoryLogger('test'), sleep: () => Promise.resolve() });

describe('the inbox page for the sync worker', () => {
  it('is the same page getInbox reads, its bytes handed to the sink as they arrive', async () => {
    const c = client();
    const page = await streamed(c);
    expect(page).toMatchObject({ ownerId: STAFF, timeZone: CHI, fetchedAt: clock.now() });
    expect(page.chunks).toBeGreaterThan(0);
    const fromBytes = readInboxSnapshot(new TextDecoder().decode(page.html), page);
    expect(fromBytes).toEqual(await c.getInbox(STAFF));
  });

  it('signs in again when the reader found the login page in place of the fragment', async () => {
    const c = client();
    await c.signIn();
    expect(stub.count('POST /action/Login')).toBe(1);
    stub.override('POST /action/Dashboard/messages', reply(200, fixture('login-page.html')), 1);
    const lost = await streamed(c);
    const error = (() => {
      try {
        readInboxSnapshot(new TextDecoder().decode(lost.html), lost);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ClubOSError);
    expect((error as ClubOSError).kind).toBe('session');

    const again = await streamed(c, { sessionLost: true });
    expect(stub.count('POST /action/Login')).toBe(2);
    expect(readInboxSnapshot(new TextDecoder().decode(again.html), again).rows.length).toBeGreaterThanOrEqual(0);
  });

  it('answers a session that expired (a redirect to the login view) by signing in and fetching again, like every call', async () => {
    const c = client();
    await c.signIn();
    stub.override('POST /action/Dashboard/messages', reply(302, '', { Location: '/action/Login/view?__fsk=-77' }), 1);
    const chunks: Uint8Array[] = [];
    await c.streamInboxPage(STAFF, (bytes) => void chunks.push(bytes));
    expect(chunks.length).toBeGreaterThan(0);
    expect(stub.count('POST /action/Login')).toBe(2);
  });

  it('takes a 200 "Session Expired" body for a lost session: signs in, fetches again, and the sink sees only the page', async () => {
    const c = client();
    await c.signIn();
    stub.override('POST /action/Dashboard/messages', reply(200, '  Session Expired\n'), 1);
    const page = await streamed(c);
    expect(stub.count('POST /action/Login')).toBe(2);
    expect(page.html.toString()).not.toMatch(/Session Expired/);
    expect(readInboxSnapshot(page.html.toString(), page)).toEqual(await c.getInbox(STAFF));
  });

  it('fails an HTTP error before any byte reaches the sink', async () => {
    const c = client();
    stub.override('POST /action/Dashboard/messages', reply(500, '<h1>HTTP Status 500</h1>'), 1);
    const chunks: Uint8Array[] = [];
    const error = await c.streamInboxPage(STAFF, (bytes) => void chunks.push(bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClubOSError);
    expect((error as ClubOSError).kind).toBe('http');
    expect(chunks).toHaveLength(0);
  });
});
