// The client against the project's ClubOS simulator: every flow and every fault mode. The club is
// in Chicago, the test process in Tokyo.
process.env.TZ = 'Asia/Tokyo';

import { afterEach, describe, expect, it } from 'vitest';
import { createClubOSClient, type ClubOSClientOptions } from '../../../main/clubos/client';
import { clubosFailure as failure } from './clubos-failure';
import { startSimulator, type ClubOSSimulator, type FaultMode, type SimulatorOptions } from '../../../main/clubos-simulator';
import type { ClubOSClient } from '../../../main/clubos/types';
import { memoryLogger, type LogLine } from '../../../common/log/logger';
import { localDate, localTime, zonedToEpoch } from '../../../common/time/club-time';
import { manualClock, type ManualClock } from '../../../common/time/manual-clock';

const CHI = 'America/Chicago';
const chicago = (y: number, mo: number, d: number, h: number, mi: number): number => zonedToEpoch({ year: y, month: mo, day: d, hour: h, minute: mi }, CHI);

interface Rig {
  sim: ClubOSSimulator;
  clock: ManualClock;
  lines: LogLine[];
  sleeps: number[];
  client(options?: Partial<ClubOSClientOptions>): ClubOSClient;
  /** Sign-in attempts the simulator saw (each is a login view and a login post). */
  logins(): number;
}

let open: ClubOSSimulator[] = [];

async function rig(options: Partial<SimulatorOptions> = {}): Promise<Rig> {
  const clock = manualClock(chicago(2026, 12, 8, 10, 0));
  const sim = await startSimulator({ clock, timeZone: CHI, seed: 11, members: 30, staff: 4, credentials: { username: 'alex', password: 'pw-Secret-1' }, ...options });
  open.push(sim);
  const lines: LogLine[] = [];
  const sleeps: number[] = [];
  return {
    sim,
    clock,
    lines,
    sleeps,
    client: (overrides = {}) =>
      createClubOSClient({
        baseUrl: sim.baseUrl,
        username: 'alex',
        password: 'pw-Secret-1',
        clock,
        logger: memoryLogger('sim-test', lines),
        sleep: (ms) => {
          sleeps.push(ms);
          clock.advance(ms);
          return Promise.resolve();
        },
        ...overrides,
      }),
    logins: () => sim.requestCount('/action/Login/view'),
  };
}

afterEach(async () => {
  await Promise.all(open.map((sim) => sim.close()));
  open = [];
});

describe('flows against the simulator', () => {
  it('signs in and reads the club context', async () => {
    const { sim, client } = await rig();
    const context = await client().signIn();
    expect(context.loggedInUserId).toBe(sim.loggedInUserId);
    expect(context.timeZone).toBe(CHI);
    expect(context.staff.map((s) => s.id).sort()).toEqual(sim.staff.map((s) => s.id).sort());
    expect(context.owners.some((o) => o.id === sim.loggedInUserId && o.kind === 'employee')).toBe(true);
    expect(context.owners.some((o) => o.kind === 'location')).toBe(true);
  });

  it('refuses a wrong password once and never tries again', async () => {
    const { client, logins } = await rig();
    const c = client({ password: 'nope' });
    expect((await failure(c.signIn())).kind).toBe('credentials');
    expect((await failure(c.getInbox('123456789'))).kind).toBe('credentials');
    expect(logins()).toBe(1);
  });

  it('reads hostile bodies exactly as members sent them, with member ids from the links', async () => {
    const { sim, client, clock } = await rig();
    const [a, b, c] = sim.members;
    const bodies = [
      '<script>alert("x")</script>',
      '&lt;img src=x onerror=alert(1)&gt; &amp; Tom & Jerry\'s',
      `${'Long text. '.repeat(82).slice(0, 899)}!`,
      'Línea uno 💪🏽\nlínea dos: ¿mañana? 🙏',
      'STOP - OPT OUT message received.  Texting has been disabled.',
    ];
    bodies.forEach((body, i) => {
      const member = [a, b, c][i % 3]!;
      sim.addInbound({ memberId: member.id, body, at: clock.now() - (bodies.length - i) * 60_000 });
    });
    const snapshot = await client().getInbox(sim.loggedInUserId);
    expect(snapshot.rows.map((r) => r.body)).toEqual([...bodies].reverse());
    expect(snapshot.rows.map((r) => [r.senderName, r.memberId, r.localDate, r.localTime])).toEqual(
      sim.messages().map((m) => [m.senderName, m.memberId, localDate(m.at, CHI), localTime(m.at, CHI)]),
    );
    expect([...(snapshot.rows[2]?.body ?? '')]).toHaveLength(900);
  });

  it('reads rows without member ids when the links carry none', async () => {
    const { sim, client } = await rig({ memberIdsInLinks: false });
    sim.addInbound({ memberId: sim.members[0]!.id, body: 'Hi there' });
    const rows = (await client().getInbox(sim.loggedInUserId)).rows;
    expect(rows.map((r) => [r.senderName, r.memberId, r.body])).toEqual([[`${sim.members[0]!.firstName} ${sim.members[0]!.lastName}`, null, 'Hi there']]);
  });

  it('dates a 400-day history right, years included', async () => {
    const { sim, client } = await rig({ history: { days: 400 } });
    const expected = sim.messages();
    const rows = (await client().getInbox(sim.loggedInUserId)).rows;
    expect(expected.length).toBeGreaterThan(500);
    expect(rows.map((r) => [r.senderName, r.body, r.localDate])).toEqual(expected.map((m) => [m.senderName, m.body, localDate(m.at, CHI)]));
    expect(new Set(rows.map((r) => r.localDate.slice(0, 4))).size).toBeGreaterThan(1);
  });

  it('follows a row across midnight: 11:58 PM, then Dec 8', async () => {
    const { sim, client, clock } = await rig();
    const c = client();
    clock.set(chicago(2026, 12, 8, 23, 58));
    sim.addInbound({ memberId: sim.members[0]!.id, body: 'Late one' });
    const before = (await c.getInbox(sim.loggedInUserId)).rows[0];
    expect(before).toMatchObject({ label: '11:58 PM', localDate: '2026-12-08', localTime: '23:58' });
    clock.set(chicago(2026, 12, 9, 0, 3));
    const after = (await c.getInbox(sim.loggedInUserId)).rows[0];
    expect(after).toMatchObject({ label: 'Dec 8', localDate: '2026-12-08', localTime: null, body: 'Late one' });
  });

  it('reads a member history with exact instants and directions', async () => {
    const { sim, client } = await rig({ history: { days: 30 } });
    const member = sim.members.find((m) => sim.followUpLog(m.id).length >= 3) ?? sim.members[0]!;
    const history = await client().getHistory(member.id);
    expect(history.memberId).toBe(member.id);
    expect(history.memberName).toBe(`${member.firstName} ${member.lastName}`);
    expect(history.canText).toBe(!sim.isOptedOut(member.id));
    const minute = (t: number): number => Math.floor(t / 60_000) * 60_000;
    expect(history.entries.map((e) => [e.at, e.author, e.kind, e.direction, e.body])).toEqual(
      sim.followUpLog(member.id).map((e) => [minute(e.at), e.author, e.kind, e.direction, e.body]),
    );
  });

  it('texts and emails a member, and the follow-up log shows it', async () => {
    const { sim, client, clock } = await rig();
    const member = sim.members[1]!;
    const c = client();
    const sent = await c.send({ memberId: member.id, channel: 'sms', body: 'See you at 6 😀 <b>&amp;</b>' });
    expect(sent).toEqual({ sentAt: clock.now(), memberName: `${member.firstName} ${member.lastName}` });
    expect(sim.followUpLog(member.id)[0]).toMatchObject({ kind: 'text', direction: 'outbound', body: 'See you at 6 😀 <b>&amp;</b>' });
    await c.send({ memberId: member.id, channel: 'email', body: 'Your plan', subject: 'Plan' });
    expect(sim.followUpLog(member.id)[0]).toMatchObject({ kind: 'email', direction: 'outbound' });
    const history = await c.getHistory(member.id);
    expect(history.entries[1]).toMatchObject({ direction: 'outbound', kind: 'text', body: 'See you at 6 😀 <b>&amp;</b>' });
  });

  it('fails a text to a member who texted STOP with opted_out, and still emails them', async () => {
    const { sim, client } = await rig();
    const member = sim.members[2]!;
    sim.addInbound({ memberId: member.id, body: 'STOP' });
    expect(sim.isOptedOut(member.id)).toBe(true);
    const c = client();
    expect((await failure(c.send({ memberId: member.id, channel: 'sms', body: 'Hi' }))).kind).toBe('opted_out');
    expect((await c.getHistory(member.id)).canText).toBe(false);
    await c.send({ memberId: member.id, channel: 'email', body: 'By email then' });
  });

  it('serializes concurrent sends and histories so none reaches the wrong member', async () => {
    const { sim, client } = await rig();
    const c = client();
    const targets = sim.members.slice(0, 4);
    const results = await Promise.all(targets.map((m, i) => (i % 2 === 0 ? c.send({ memberId: m.id, channel: 'sms', body: `for ${m.id}` }) : c.getHistory(m.id))));
    expect(results.map((r) => r.memberName)).toEqual(targets.map((m) => `${m.firstName} ${m.lastName}`));
    for (const [i, m] of targets.entries()) {
      if (i % 2 === 0) expect(sim.followUpLog(m.id)[0]?.body).toBe(`for ${m.id}`);
    }
  });

  it('reports a refused delegation (the captured "Something isn\'t right" body) as rejected, not as the wrong member', async () => {
    const { client } = await rig();
    const error = await failure(client().getHistory('123456789'));
    expect(error.kind).toBe('rejected');
    expect(error.message).toMatch(/refused to open member 123456789/);
  });

  it('finds a member by name', async () => {
    const { sim, client } = await rig();
    const member = sim.members[3]!;
    expect(await client().searchMember(`${member.firstName} ${member.lastName}`)).toMatchObject({
      id: member.id,
      fullName: `${member.firstName} ${member.lastName}`,
      email: member.email,
      phone: member.mobilePhone,
    });
    expect(await client().searchMember('Nobody Atall')).toBeNull();
  });

  it('signs in again after the simulator expires every session', async () => {
    const { sim, client, clock, logins } = await rig();
    const c = client();
    await c.getInbox(sim.loggedInUserId);
    clock.advance(60_000);
    sim.expireSessions();
    await Promise.all([c.getInbox(sim.loggedInUserId), c.getInbox(sim.loggedInUserId), c.getHistory(sim.members[0]!.id)]);
    expect(logins()).toBe(2);
  });

  it('signs out', async () => {
    const { sim, client, clock, logins } = await rig();
    const c = client();
    await c.signIn();
    await c.signOut();
    clock.advance(60_000);
    await c.getInbox(sim.loggedInUserId);
    expect(logins()).toBe(2);
  });

  it('never logs the password, cookies, form tokens or bodies', async () => {
    const { sim, client, clock, lines } = await rig();
    const c = client();
    sim.addInbound({ memberId: sim.members[0]!.id, body: 'private body 31337' });
    await c.getInbox(sim.loggedInUserId);
    await c.send({ memberId: sim.members[0]!.id, channel: 'sms', body: 'private reply 4242' });
    clock.advance(60_000);
    sim.expireSessions();
    await c.getInbox(sim.loggedInUserId);
    const logged = JSON.stringify(lines);
    for (const secret of ['pw-Secret-1', 'private body 31337', 'private reply 4242', 'JSESSIONID=', 'apiV3AccessToken']) expect(logged).not.toContain(secret);
  });
});

describe('fault modes of the simulator', () => {
  it.each<FaultMode>(['sessionExpiredBody', 'sessionExpiredRedirect', 'forbidden'])('%s: one shared sign-in, then every call succeeds', async (mode) => {
    const { sim, client, clock, logins } = await rig();
    sim.addInbound({ memberId: sim.members[0]!.id, body: 'hello' });
    const c = client();
    await c.signIn();
    clock.advance(60_000);
    sim.faults.set(mode, { times: 1, paths: ['/action/Dashboard/messages'] });
    const snapshots = await Promise.all([c.getInbox(sim.loggedInUserId), c.getInbox(sim.loggedInUserId), c.getInbox(sim.loggedInUserId)]);
    expect(snapshots.map((s) => s.rows.length)).toEqual([1, 1, 1]);
    expect(logins()).toBe(2);
    expect(sim.faults.fired[mode]).toBe(1);
  });

  it('sessionExpiredBody on every call: a session error after one new sign-in, within the throttle', async () => {
    const { sim, client, logins, sleeps } = await rig();
    const c = client();
    await c.signIn();
    sim.faults.set('sessionExpiredBody', { paths: ['/action/Dashboard/messages'] });
    expect((await failure(c.getInbox(sim.loggedInUserId))).kind).toBe('session');
    expect(logins()).toBe(2);
    expect(sleeps).toEqual([5_000]);
  });

  it('serverError: http', async () => {
    const { sim, client } = await rig();
    const c = client();
    await c.signIn();
    sim.faults.set('serverError', { times: 1 });
    const error = await failure(c.getInbox(sim.loggedInUserId));
    expect(error.kind).toBe('http');
    expect(error.status).toBeGreaterThanOrEqual(500);
    await c.getInbox(sim.loggedInUserId);
  });

  it('hang: timeout at the deadline', async () => {
    const { sim, client } = await rig();
    const c = client({ timeoutMs: 250 });
    await c.signIn();
    sim.faults.set('hang', { times: 1 });
    expect((await failure(c.getInbox(sim.loggedInUserId))).kind).toBe('timeout');
    await c.getInbox(sim.loggedInUserId);
  });

  it('slow: an answer within the deadline is fine', async () => {
    const { sim, client } = await rig();
    const c = client();
    await c.signIn();
    sim.faults.set('slow', { times: 1, delayMs: 20 });
    await c.getInbox(sim.loggedInUserId);
    expect(sim.faults.fired.slow).toBe(1);
  });

  it.each<FaultMode>(['truncatedHtml', 'garbledHtml', 'missingLabel', 'missingName'])('%s: a parse error, never a shorter inbox', async (mode) => {
    const { sim, client, clock } = await rig();
    for (let i = 0; i < 6; i++) sim.addInbound({ memberId: sim.members[i]!.id, body: `message ${i}`, at: clock.now() - (6 - i) * 60_000 });
    const c = client();
    await c.signIn();
    sim.faults.set(mode, { times: 8 });
    for (let i = 0; i < 8; i++) {
      const error = await failure(c.getInbox(sim.loggedInUserId));
      expect(error.kind).toBe('parse');
    }
    expect(sim.faults.fired[mode]).toBe(8);
    expect((await c.getInbox(sim.loggedInUserId)).rows).toHaveLength(6);
  });

  it('somethingNotRight: a send is rejected, a sign-in is a session error', async () => {
    const { sim, client, logins } = await rig();
    const c = client();
    sim.faults.set('somethingNotRight', { times: 1, paths: ['/action/FollowUp/save'] });
    expect((await failure(c.send({ memberId: sim.members[0]!.id, channel: 'sms', body: 'Hi' }))).kind).toBe('rejected');
    sim.faults.set('somethingNotRight', { times: 1, paths: ['/action/Login'] });
    const fresh = client();
    expect((await failure(fresh.signIn())).kind).toBe('session');
    expect(logins()).toBe(2);
  });

  it('duplicateMessages: both copies come back as rows', async () => {
    const { sim, client } = await rig();
    sim.faults.set('duplicateMessages', { times: 1 });
    sim.addInbound({ memberId: sim.members[0]!.id, body: 'Ok' });
    const rows = (await client().getInbox(sim.loggedInUserId)).rows;
    expect(rows.map((r) => [r.body, r.label])).toEqual([
      ['Ok', rows[0]!.label],
      ['Ok', rows[0]!.label],
    ]);
    expect(rows.map((r) => r.position)).toEqual([0, 1]);
  });
});
