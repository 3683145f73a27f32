// The client end to end against a local ClubOS stand-in. The club is in Chicago and the test
// process in Tokyo, so any use of the host zone shows up as a wrong date.
process.env.TZ = 'Asia/Tokyo';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClubOSClient, type ClubOSClientOptions } from '../../../main/clubos/client';
import type { ClubOSError } from '../../../common/errors/clubos-error';
import { clubosFailure as failure } from './clubos-failure';
import type { ClubOSClient } from '../../../main/clubos/types';
import { toApiError } from '../../../common/errors/app-error';
import { memoryLogger, type LogLine } from '../../../common/log/logger';
import { zonedToEpoch } from '../../../common/time/club-time';
import { manualClock, type ManualClock } from '../../../common/time/manual-clock';
import { fixture } from './fixtures';
import { hang, reply, startStubClubOS, type StubClubOS, type StubMember } from './stub-clubos';

const CHI = 'America/Chicago';
const STAFF = '187032782';
const chicago = (y: number, mo: number, d: number, h: number, mi: number): number => zonedToEpoch({ year: y, month: mo, day: d, hour: h, minute: mi }, CHI);

const jane = (): StubMember => ({
  id: '123456789',
  first: 'Jane',
  last: 'Doe',
  canText: true,
  log: [
    ['12/8/26 @ 09:31 AM by Alex M.', 'Text - See you then'],
    ['12/8/26 @ 09:30 AM by Jane D.', 'Text - See you at 10\nThanks!'],
    ['12\\7\\26 @ 11:58 PM by Jane D.', 'Text - <script>alert(1)</script> 😀'],
  ],
});
const marcus = (): StubMember => ({ id: '223344556', first: 'Marcus', last: 'Lee', canText: false, log: [['12/8/26 @ 12:05 AM by Marcus L.', 'Text - STOP']] });
const priya = (): StubMember => ({ id: '998877665', first: 'Priya', last: 'Natarajan', canText: true, log: [] });

let stub: StubClubOS;
let clock: ManualClock;
let lines: LogLine[];
let sleeps: number[];

function client(options: Partial<ClubOSClientOptions> = {}): ClubOSClient {
  return createClubOSClient({
    baseUrl: stub.baseUrl,
    username: 'alex',
    password: 'correct horse',
    clock,
    logger: memoryLogger('test', lines),
    sleep: (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
      return Promise.resolve();
    },
    ...options,
  });
}

beforeEach(async () => {
  stub = await startStubClubOS({ members: [jane(), marcus(), priya()] });
  clock = manualClock(chicago(2026, 12, 8, 10, 0));
  lines = [];
  sleeps = [];
});

afterEach(async () => {
  await stub.close();
});

describe('signing in', () => {
  it('signs in lazily with the five fields, Origin and Referer and no XHR header, then reads the club context', async () => {
    const c = client();
    expect(stub.requests).toHaveLength(0);
    const context = await c.signIn();
    expect(context).toMatchObject({ loggedInUserId: STAFF, loggedInUserName: 'Alex Morgan', timeZone: CHI, clubId: '512', clubLocationId: '3586' });
    expect(context.owners.map((o) => [o.id, o.kind])).toEqual([
      ['3586', 'location'],
      [STAFF, 'employee'],
      ['187032790', 'employee'],
    ]);
    expect(stub.requests.map((r) => r.route)).toEqual(['GET /action/Login/view', 'POST /action/Login', 'GET /action/Dashboard/view']);
    const post = stub.requests[1]!;
    expect([...post.form.keys()].sort()).toEqual(['__fp', '_sourcePage', 'login', 'password', 'username']);
    expect(post.headers.origin).toBe(stub.baseUrl);
    expect(post.headers.referer).toBe(`${stub.baseUrl}/action/Login/view`);
    expect(post.headers['x-requested-with']).toBeUndefined();
    // The session is reused: no second sign-in for the next calls.
    await c.getClubContext();
    await c.getInbox(STAFF);
    expect(stub.count('POST /action/Login')).toBe(1);
  });

  it('stops for good after a wrong password: a credentials error and no further sign-in attempts', async () => {
    const c = client({ password: 'wrong' });
    const error = await failure(c.getInbox(STAFF));
    expect(error.kind).toBe('credentials');
    expect(error.retryable).toBe(false);
    const before = stub.requests.length;
    expect((await failure(c.signIn())).kind).toBe('credentials');
    expect((await failure(c.getInbox(STAFF))).kind).toBe('credentials');
    expect((await failure(c.send({ memberId: '123456789', channel: 'sms', body: 'hi' }))).kind).toBe('credentials');
    expect(stub.requests.length).toBe(before);
    expect(stub.count('POST /action/Login')).toBe(1);
  });

  it('calls a login answer without session cookies a missing session, not a wrong password, and tries again', async () => {
    stub.override('POST /action/Login', reply(302, '', { Location: '/action/Dashboard/view' }));
    const c = client();
    const error = await failure(c.signIn());
    expect(error.kind).toBe('no_session');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('loggedInUserId');
    expect(error.message).not.toMatch(/password/i);
    expect((await c.signIn()).loggedInUserId).toBe(STAFF);
    expect(stub.count('POST /action/Login')).toBe(2);
  });

  it('calls a dashboard that sends a fresh session back to the login page a redirect loop, and tries again', async () => {
    stub.override('GET /action/Dashboard/view', reply(302, '', { Location: '/action/Login/view?__fsk=7' }));
    const c = client();
    const error = await failure(c.signIn());
    expect(error.kind).toBe('redirect_loop');
    expect(error.retryable).toBe(true);
    expect((await c.signIn()).loggedInUserId).toBe(STAFF);
  });

  it('follows the login page to its own ?__fsk= address once, but calls a login page that redirects to itself a loop', async () => {
    stub.override('GET /action/Login/view', reply(302, '', { Location: '/action/Login/view?__fsk=-123' }));
    expect((await client().signIn()).loggedInUserId).toBe(STAFF);
    expect(stub.count('GET /action/Login/view')).toBe(2);

    const before = stub.count('GET /action/Login/view');
    stub.override('GET /action/Login/view', reply(302, '', { Location: '/action/Login/view' }), 100);
    const error = await failure(client().signIn());
    expect(error.kind).toBe('redirect_loop');
    expect(stub.count('GET /action/Login/view') - before).toBeLessThanOrEqual(4);
  });

  it('calls a sign-in sent to another host an answer from the wrong host, and never follows it', async () => {
    stub.override('POST /action/Login', reply(302, '', { Location: 'https://wifi-portal.example.test/login?continue=club-os' }));
    const error = await failure(client().signIn());
    expect(error.kind).toBe('wrong_host');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('wifi-portal.example.test');
  });

  it('calls a failed TLS handshake a TLS failure', async () => {
    const error = await failure(client({ baseUrl: stub.baseUrl.replace('http:', 'https:') }).signIn());
    expect(error.kind).toBe('tls');
    expect(error.retryable).toBe(true);
  });

  it('gives every way a sign-in fails its own code and its own message, and only a refused password stops retrying', async () => {
    const outcomes: ClubOSError[] = [];
    stub.override('POST /action/Login', reply(302, '', { Location: '/action/Dashboard/view' }));
    outcomes.push(await failure(client().signIn()));
    stub.override('GET /action/Dashboard/view', reply(302, '', { Location: '/action/Login/view' }));
    outcomes.push(await failure(client().signIn()));
    stub.override('POST /action/Login', reply(302, '', { Location: 'https://sso.example.test/' }));
    outcomes.push(await failure(client().signIn()));
    outcomes.push(await failure(client({ baseUrl: stub.baseUrl.replace('http:', 'https:') }).signIn()));
    outcomes.push(await failure(client({ password: 'wrong' }).signIn()));
    expect(outcomes.map((e) => e.kind)).toEqual(['no_session', 'redirect_loop', 'wrong_host', 'tls', 'credentials']);
    expect(new Set(outcomes.map((e) => toApiError(e).code)).size).toBe(outcomes.length);
    expect(new Set(outcomes.map((e) => e.message)).size).toBe(outcomes.length);
    expect(outcomes.map((e) => e.retryable)).toEqual([true, true, true, true, false]);
    expect(outcomes[4]?.message).toMatch(/refused the username or password/);
  });

  it('treats a refused form token as a session problem and tries again later, throttled', async () => {
    stub.override('POST /action/Login', reply(200, fixture('login-page-token-error.html')));
    const c = client();
    expect((await failure(c.signIn())).kind).toBe('session');
    expect((await c.signIn()).loggedInUserId).toBe(STAFF);
    expect(sleeps).toEqual([5000]);
    expect(stub.count('POST /action/Login')).toBe(2);
  });
});

describe('the inbox', () => {
  it('posts the owner with XHR headers and returns typed rows dated in the club zone', async () => {
    stub.setInbox(STAFF, [
      { name: 'Jane Doe', memberId: '123456789', body: 'See you at 10\nThanks!', label: '9:30 AM' },
      { name: 'Marcus Lee', body: 'STOP - OPT OUT message received.  Texting has been disabled.', label: '12:05 AM' },
      { name: 'Jane Doe', memberId: '123456789', body: 'Ok', label: 'Dec 7' },
      { name: 'Jane Doe', memberId: '123456789', body: 'Ok', label: 'Dec 7' },
    ]);
    const snapshot = await client().getInbox(STAFF);
    expect(snapshot).toMatchObject({ ownerId: STAFF, fetchedAt: clock.now(), timeZone: CHI });
    expect(snapshot.rows.map((r) => [r.senderName, r.memberId, r.body, r.label, r.localDate, r.localTime, r.position])).toEqual([
      ['Jane Doe', '123456789', 'See you at 10\nThanks!', '9:30 AM', '2026-12-08', '09:30', 0],
      ['Marcus Lee', null, 'STOP - OPT OUT message received.  Texting has been disabled.', '12:05 AM', '2026-12-08', '00:05', 1],
      ['Jane Doe', '123456789', 'Ok', 'Dec 7', '2026-12-07', null, 2],
      ['Jane Doe', '123456789', 'Ok', 'Dec 7', '2026-12-07', null, 3],
    ]);
    const post = stub.requests.find((r) => r.route === 'POST /action/Dashboard/messages')!;
    expect(post.form.get('userId')).toBe(STAFF);
    expect(post.headers['x-requested-with']).toBe('XMLHttpRequest');
    expect(post.headers.origin).toBe(stub.baseUrl);
    expect(post.headers.referer).toBe(`${stub.baseUrl}/action/Dashboard/view`);
  });

  it('keeps hostile bodies as text', async () => {
    const long = 'x'.repeat(899) + '!';
    stub.setInbox(STAFF, [
      { name: 'Mallory <b>', body: '<script>alert("x")</script>', label: '10:41 AM' },
      { name: 'Zoë', body: '&lt;img onerror&gt; &amp; 😀 ¿Mañana?', label: '10:40 AM' },
      { name: 'Zoë', body: long, label: '10:39 AM' },
    ]);
    const rows = (await client().getInbox(STAFF)).rows;
    expect(rows.map((r) => r.body)).toEqual(['<script>alert("x")</script>', '&lt;img onerror&gt; &amp; 😀 ¿Mañana?', long]);
    expect(rows[0]?.senderName).toBe('Mallory <b>');
  });

  it('follows a row across midnight: 11:58 PM on Dec 8, then Dec 8 after midnight', async () => {
    const c = client();
    clock.set(chicago(2026, 12, 8, 23, 58));
    stub.setInbox(STAFF, [{ name: 'Jane Doe', body: 'Night owl', label: '11:58 PM' }]);
    expect((await c.getInbox(STAFF)).rows[0]).toMatchObject({ localDate: '2026-12-08', localTime: '23:58' });
    // The page was rendered just before midnight but read just after: still Dec 8.
    clock.set(chicago(2026, 12, 9, 0, 1));
    expect((await c.getInbox(STAFF)).rows[0]).toMatchObject({ localDate: '2026-12-08', localTime: '23:58' });
    clock.set(chicago(2026, 12, 9, 0, 3));
    stub.setInbox(STAFF, [
      { name: 'Jane Doe', body: 'Morning', label: '12:02 AM' },
      { name: 'Jane Doe', body: 'Night owl', label: 'Dec 8' },
    ]);
    expect((await c.getInbox(STAFF)).rows.map((r) => [r.localDate, r.localTime])).toEqual([
      ['2026-12-09', '00:02'],
      ['2026-12-08', null],
    ]);
  });

  it('returns an empty inbox only with the marker, and fails garbled or truncated pages with parse', async () => {
    const c = client();
    stub.setInbox(STAFF, []);
    expect((await c.getInbox(STAFF)).rows).toEqual([]);
    for (const name of ['inbox-truncated.html', 'inbox-garbled.html', 'inbox-missing-label.html', 'inbox-missing-name.html', 'inbox-empty-without-marker.html']) {
      stub.setInboxHtml(STAFF, fixture(name));
      expect((await failure(c.getInbox(STAFF))).kind, name).toBe('parse');
    }
  });

  it('refuses an owner that is not a ClubOS id without a request', async () => {
    expect((await failure(client().getInbox('../Logout'))).kind).toBe('rejected');
    expect(stub.requests).toHaveLength(0);
  });
});

describe('a lost session', () => {
  it('signs in again once for concurrent calls that all find the session expired (Session Expired body)', async () => {
    const c = client();
    await c.signIn();
    clock.advance(60_000);
    stub.expireSessions();
    stub.setInbox(STAFF, [{ name: 'Jane Doe', body: 'Hi', label: '9:00 AM' }]);
    const [a, b, d, history] = await Promise.all([c.getInbox(STAFF), c.getInbox(STAFF), c.getInbox(STAFF), c.getHistory('123456789')]);
    expect([a.rows.length, b.rows.length, d.rows.length]).toEqual([1, 1, 1]);
    expect(history.memberName).toBe('Jane Doe');
    expect(stub.count('POST /action/Login')).toBe(2);
    expect(sleeps).toEqual([]);
    expect(lines.some((l) => l.message === 'ClubOS session expired; signing in again')).toBe(true);
  });

  it.each([
    ['a redirect to the login view', reply(302, '', { Location: '/action/Login/view?__fsk=-77' })],
    ['a 403', reply(403, 'Forbidden')],
    ['a 401', reply(401, 'Unauthorized')],
    ['the login page in place of the fragment', reply(200, fixture('login-page.html'))],
  ])('treats %s as a lost session: one shared sign-in, then the calls are retried', async (_name, responder) => {
    const c = client();
    await c.signIn();
    clock.advance(60_000);
    stub.override('POST /action/Dashboard/messages', responder, 3);
    const results = await Promise.all([c.getInbox(STAFF), c.getInbox(STAFF), c.getInbox(STAFF)]);
    expect(results).toHaveLength(3);
    expect(stub.count('POST /action/Login')).toBe(2);
    expect(stub.count('POST /action/Dashboard/messages')).toBe(6);
  });

  it('waits out the sign-in throttle with the injected sleep', async () => {
    const c = client();
    await c.signIn();
    clock.advance(1_500);
    stub.expireSessions();
    await c.getInbox(STAFF);
    expect(sleeps).toEqual([3_500]);
    expect(stub.count('POST /action/Login')).toBe(2);
  });

  it('fails with session when the new session is refused too, and signs in at most once per interval', async () => {
    const c = client({ loginMinIntervalMs: 10_000 });
    await c.signIn();
    stub.override('POST /action/Dashboard/messages', reply(200, 'Session Expired'), 2);
    const error = await failure(c.getInbox(STAFF));
    expect(error.kind).toBe('session');
    expect(error.retryable).toBe(true);
    expect(stub.count('POST /action/Login')).toBe(2);
    expect(sleeps).toEqual([10_000]);
    // The next call signs in again, after the interval.
    await c.getInbox(STAFF);
    expect(stub.count('POST /action/Login')).toBe(3);
    expect(sleeps).toEqual([10_000, 10_000]);
  });
});

describe('failures are typed', () => {
  it('turns a 5xx into http, with the status', async () => {
    const c = client();
    stub.override('POST /action/Dashboard/messages', reply(503, 'Service Unavailable'));
    const error = await failure(c.getInbox(STAFF));
    expect([error.kind, error.status, error.retryable]).toEqual(['http', 503, true]);
    stub.override('GET /action/Login/view', reply(500, 'boom'));
    expect((await failure(client().signIn())).kind).toBe('http');
  });

  it('turns a hung request into timeout at the deadline', async () => {
    const c = client({ timeoutMs: 250 });
    await c.signIn();
    stub.override('POST /action/Dashboard/messages', hang);
    const error = await failure(c.getInbox(STAFF));
    expect(error.kind).toBe('timeout');
    stub.override('GET /action/Login/view', hang);
    expect((await failure(client({ timeoutMs: 250 }).signIn())).kind).toBe('timeout');
  });

  it('stops waiting when the caller aborts', async () => {
    const c = client();
    await c.signIn();
    stub.override('POST /action/Dashboard/messages', hang);
    const controller = new AbortController();
    const pending = c.getInbox(STAFF, controller.signal);
    setImmediate(() => controller.abort());
    expect((await failure(pending)).kind).toBe('timeout');
    expect((await failure(c.getInbox(STAFF, AbortSignal.abort()))).kind).toBe('timeout');
  });

  it('turns a refused connection into network', async () => {
    const closed = await startStubClubOS();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await failure(client({ baseUrl }).signIn());
    expect(error.kind).toBe('network');
  });

  it('turns an unexpected status into http and a broken dashboard into parse', async () => {
    stub.override('POST /action/Dashboard/messages', reply(404, 'Not found'));
    expect((await failure(client().getInbox(STAFF))).kind).toBe('http');
    stub.override('GET /action/Dashboard/view', reply(200, '<html><body>Maintenance</body></html>'));
    expect((await failure(client().signIn())).kind).toBe('parse');
  });
});

describe('history', () => {
  it('delegates, opens the popup and returns exact instants, authors and directions', async () => {
    const history = await client().getHistory('123456789');
    expect(history).toEqual({
      memberId: '123456789',
      memberName: 'Jane Doe',
      canText: true,
      entries: [
        { at: Date.parse('2026-12-08T15:31:00Z'), localDate: '2026-12-08', localTime: '09:31', author: 'Alex M.', direction: 'outbound', kind: 'text', body: 'See you then' },
        { at: Date.parse('2026-12-08T15:30:00Z'), localDate: '2026-12-08', localTime: '09:30', author: 'Jane D.', direction: 'inbound', kind: 'text', body: 'See you at 10\nThanks!' },
        { at: Date.parse('2026-12-08T05:58:00Z'), localDate: '2026-12-07', localTime: '23:58', author: 'Jane D.', direction: 'inbound', kind: 'text', body: '<script>alert(1)</script> 😀' },
      ],
    });
    const routes = stub.requests.map((r) => r.route).slice(3);
    expect(routes).toEqual(['GET /action/Delegate', 'POST /action/FollowUp']);
    const delegate = stub.requests[3]!;
    expect(delegate.path).toBe('/action/Delegate/123456789/url=false');
    expect(delegate.headers['x-requested-with']).toBe('XMLHttpRequest');
    expect(stub.requests[4]!.form.get('followUpUserId')).toBe('123456789');
    expect(stub.requests[4]!.form.get('followUpType')).toBe('3');
  });

  it('says a member who opted out cannot be texted', async () => {
    const history = await client().getHistory('223344556');
    expect(history.canText).toBe(false);
    expect(history.entries[0]).toMatchObject({ author: 'Marcus L.', direction: 'inbound', body: 'STOP' });
  });

  it('refuses a popup for another member than the one asked for', async () => {
    const c = client();
    await c.signIn();
    // ClubOS confirms the delegation but the popup comes back for someone else (another tab).
    stub.override('GET /action/Delegate', (req, res) => {
      res.writeHead(200, { 'Set-Cookie': 'delegatedUserId=123456789; Path=/' });
      res.end('');
    });
    stub.override('POST /action/FollowUp', (req, res) => {
      res.writeHead(200);
      res.end(fixture('followup-popup-opted-out.html'));
    });
    expect((await failure(c.getHistory('123456789'))).kind).toBe('rejected');
  });

  it('fails a truncated popup with parse', async () => {
    stub.override('POST /action/FollowUp', reply(200, fixture('followup-popup-truncated.html')));
    expect((await failure(client().getHistory('123456789'))).kind).toBe('parse');
  });
});

describe('sending', () => {
  it('texts a member: delegate, popup, then the popup form posted back with the SMS overrides', async () => {
    const result = await client().send({ memberId: '123456789', channel: 'sms', body: 'See you at 10 😀 & <bring> water' });
    expect(result).toEqual({ sentAt: clock.now(), memberName: 'Jane Doe' });
    expect(stub.requests.map((r) => r.route).slice(3)).toEqual(['GET /action/Delegate', 'POST /action/FollowUp', 'POST /action/FollowUp/save']);
    const save = stub.requests[5]!;
    expect(save.form.get('textMessage')).toBe('See you at 10 😀 & <bring> water');
    expect(save.form.get('followUpLog.followUpAction')).toBe('3');
    expect(save.form.get('followUpUser.tfoUserId')).toBe('123456789');
    expect(save.headers['x-requested-with']).toBe('XMLHttpRequest');
    expect(stub.members.get('123456789')?.log[0]?.[1]).toBe('Text - See you at 10 😀 & <bring> water');
  });

  it('emails a member', async () => {
    const result = await client().send({ memberId: '223344556', channel: 'email', body: 'Your plan', subject: 'Plan' });
    expect(result.memberName).toBe('Marcus Lee');
    const save = stub.requests.find((r) => r.route === 'POST /action/FollowUp/save')!;
    expect([save.form.get('followUpLog.followUpAction'), save.form.get('emailMessage'), save.form.get('emailSubject')]).toEqual(['2', '<p>Your plan</p>', 'Plan']);
  });

  it('fails with opted_out, without posting, when the popup has no text field', async () => {
    const error = await failure(client().send({ memberId: '223344556', channel: 'sms', body: 'Hi' }));
    expect(error.kind).toBe('opted_out');
    expect(stub.count('POST /action/FollowUp/save')).toBe(0);
  });

  it('maps ClubOS refusals: opted out, "Something isn\'t right", and any unknown answer', async () => {
    const c = client();
    stub.override('POST /action/FollowUp/save', reply(200, fixture('send-opted-out.html')));
    expect((await failure(c.send({ memberId: '123456789', channel: 'sms', body: 'a' }))).kind).toBe('opted_out');
    stub.override('POST /action/FollowUp/save', reply(200, fixture('send-something-not-right.html')));
    expect((await failure(c.send({ memberId: '123456789', channel: 'sms', body: 'b' }))).kind).toBe('rejected');
    stub.override('POST /action/FollowUp/save', reply(200, fixture('send-unknown.html')));
    expect((await failure(c.send({ memberId: '123456789', channel: 'sms', body: 'c' }))).kind).toBe('rejected');
    expect((await failure(c.send({ memberId: '123456789', channel: 'sms', body: '   ' }))).kind).toBe('rejected');
  });

  it('retries a send once on a fresh session when the save finds the session expired', async () => {
    const c = client();
    await c.signIn();
    clock.advance(10_000);
    stub.override('POST /action/FollowUp/save', reply(200, 'Session Expired'));
    await c.send({ memberId: '123456789', channel: 'sms', body: 'once' });
    expect(stub.count('POST /action/Login')).toBe(2);
    expect(stub.count('POST /action/FollowUp/save')).toBe(2);
    expect(stub.members.get('123456789')?.log.filter(([, note]) => note === 'Text - once')).toHaveLength(1);
  });

  it('never interleaves the delegate/popup/save steps of concurrent calls', async () => {
    const c = client();
    await c.signIn();
    const results = await Promise.all([
      c.send({ memberId: '123456789', channel: 'sms', body: 'to Jane' }),
      c.send({ memberId: '998877665', channel: 'sms', body: 'to Priya' }),
      c.getHistory('223344556'),
      c.send({ memberId: '223344556', channel: 'email', body: 'to Marcus' }),
    ]);
    expect(results.map((r) => ('memberName' in r ? r.memberName : ''))).toEqual(['Jane Doe', 'Priya Natarajan', 'Marcus Lee', 'Marcus Lee']);
    const steps = stub.requests
      .filter((r) => r.route === 'GET /action/Delegate' || r.route === 'POST /action/FollowUp' || r.route === 'POST /action/FollowUp/save')
      .map((r) => `${r.route.split('/').pop() ?? ''}:${r.route === 'GET /action/Delegate' ? r.path.split('/')[3] : r.delegated}`);
    expect(steps).toEqual([
      'Delegate:123456789',
      'FollowUp:123456789',
      'save:123456789',
      'Delegate:998877665',
      'FollowUp:998877665',
      'save:998877665',
      'Delegate:223344556',
      'FollowUp:223344556',
      'Delegate:223344556',
      'FollowUp:223344556',
      'save:223344556',
    ]);
  });
});

describe('member search', () => {
  it('on the real page shapes: takes the quick search form from the captured dashboard when the search page has none', async () => {
    const { readCapture } = await import('../captures/capture-files');
    const c = client();
    await c.signIn();
    stub.override('GET /action/Dashboard/search', (_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><body><h1>HTTP Status 404 - Not Found</h1></body></html>');
    });
    stub.override('GET /action/Dashboard/view', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8' });
      res.end(readCapture('dashboard-after-delegate.html'));
    });
    stub.override('POST /action/UserSearch/', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8' });
      res.end(readCapture('user-search-results.html'));
    });
    expect(await c.searchMember('Quinn Foster')).toMatchObject({ id: '107443035', fullName: 'Quinn Foster', role: { id: '3', name: 'Location Manager' } });
    const post = stub.requests.filter((r) => r.route === 'POST /action/UserSearch/').at(-1)!;
    // The quick search form's own pair, not the e-mail form's that comes first on the page.
    expect([post.form.get('_sourcePage'), post.form.get('__fp'), post.form.get('actAs'), post.form.get('filter.keyword')]).toEqual([
      'EB5O6DebvDem8JqlRUS_rxLVOOOAa2EBgxvY0iH-xZzWzjNAkawzEw==',
      'sLwhWWg9mdI=',
      'loggedIn',
      'Quinn Foster',
    ]);
  });

  it('finds a member by first and last name with the search page tokens', async () => {
    const c = client();
    expect(await c.searchMember('priya natarajan')).toMatchObject({ id: '998877665', fullName: 'Priya Natarajan' });
    const post = stub.requests.find((r) => r.route === 'POST /action/UserSearch/')!;
    expect([post.form.get('filter.keyword'), post.form.get('actAs')]).toEqual(['priya natarajan', 'loggedIn']);
    expect(await c.searchMember('Jane Smith')).toBeNull();
  });
});

describe('signing out and secrecy', () => {
  it('signs out, and the next call signs in again', async () => {
    const c = client();
    await c.signIn();
    await c.signOut();
    expect(stub.count('GET /action/Logout')).toBe(1);
    clock.advance(10_000);
    await c.getInbox(STAFF);
    expect(stub.count('POST /action/Login')).toBe(2);
    // Signing out without a session sends nothing.
    const fresh = client();
    await fresh.signOut();
    expect(stub.count('GET /action/Logout')).toBe(1);
  });

  it('lets a sign-in under way finish before signing out, so it is not mistaken for refused credentials', async () => {
    const c = client();
    const signingIn = c.signIn();
    await c.signOut();
    expect((await signingIn).loggedInUserId).toBe(STAFF);
    expect(stub.count('GET /action/Logout')).toBe(1);
    clock.advance(10_000);
    await c.getInbox(STAFF);
    expect(stub.count('POST /action/Login')).toBe(2);
  });

  it('never logs the password, cookies, tokens or message bodies', async () => {
    const c = client();
    stub.setInbox(STAFF, [{ name: 'Jane Doe', body: 'secret body 4711', label: '9:00 AM' }]);
    await c.getInbox(STAFF);
    await c.getHistory('123456789');
    await c.send({ memberId: '123456789', channel: 'sms', body: 'reply body 0815' });
    stub.expireSessions();
    clock.advance(10_000);
    await c.getInbox(STAFF);
    await failure(client({ password: 'wrong-password-xyz' }).signIn());
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((l) => l.level === 'debug' && l.fields.path === '/action/Dashboard/messages')).toBe(true);
    const logged = JSON.stringify(lines);
    for (const secret of [...stub.secrets, 'wrong-password-xyz', 'secret body 4711', 'reply body 0815', 'See you at 10']) {
      expect(logged).not.toContain(secret);
    }
  });
});
