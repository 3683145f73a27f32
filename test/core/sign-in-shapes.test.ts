// Sign-in end to end on the real page shapes, with the simulator serving each dashboard ClubOS
// may serve: the captured one (zone in the view data), one with a club id only (no zone on any
// page: the club zone is assumed, then confirmed), and another view-data object (zone only on the
// search page). Each signs in through the core, reads the inbox, opens a member's history (found by
// a member search, since the inbox links carry no ids), and sends a text.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type DashboardShape } from '../../main/clubos-simulator';
import { hostTimeZone } from '../../main/services/club-time-zone';
import { createCore } from '../../main/core/create-core';
import { memoryCredentialStore } from '../../main/services/credential-store';
import { memoryLogger, type LogLine } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { chicago, tempDir } from '../sync/sync-rig';

const CHI = 'America/Chicago';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function signedInCore(shape: DashboardShape) {
  const clock = manualClock(chicago(2026, 12, 7, 11, 0));
  const sim = await startSimulator({ clock, seed: 21, members: 30, staff: 4, timeZone: CHI, dashboardShape: shape, memberIdsInLinks: false });
  cleanups.push(() => sim.close());
  const dir = tempDir('frontdesk-shapes-');
  cleanups.push(() => dir.remove());
  const lines: LogLine[] = [];
  const core = await createCore({
    syncIn: 'main', // the manual clock drives sync too
    dataDir: dir.dir,
    clock,
    logger: memoryLogger('test', lines),
    credentials: memoryCredentialStore(),
    demo: { seed: 3, historyDays: 1 },
    clubosBaseUrl: sim.baseUrl,
  });
  cleanups.push(() => core.close());
  await core.start();
  return { sim, core, lines };
}

describe.each<[DashboardShape, 'clubos' | 'assumed']>([
  ['recent-leads', 'clubos'],
  ['no-time-zone', 'assumed'],
  ['other-view-data', 'clubos'],
])('sign-in with the %s dashboard', (shape, source) => {
  it('signs in, reads the inbox, opens the history, searches the member and sends a text', async () => {
    const { sim, core, lines } = await signedInCore(shape);
    const member = sim.members.find((m) => !sim.isOptedOut(m.id))!;
    const name = `${member.firstName} ${member.lastName}`;

    // No address typed: the core's configured ClubOS (the simulator).
    const account = await core.handlers.signIn({ username: 'demo', password: 'demo' });
    expect(account).toMatchObject({ mode: 'signed_in', username: 'demo', baseUrl: sim.baseUrl });
    const after = await core.handlers.getAccount({});
    const settled = after.clubTimeZoneSource === null ? await new Promise<typeof after>((resolve) => {
      const stop = core.events.subscribe((e) => {
        if (e.type === 'accountChanged' && e.account.clubTimeZoneSource !== null) {
          stop();
          resolve(e.account);
        }
      });
      void core.handlers.listOwners({}); // nothing asks for the context yet; the sync does
      void core.handlers.syncNow({});
    }) : after;
    expect(settled.clubTimeZoneSource).toBe(source);
    expect(settled.clubTimeZone).toBe(source === 'clubos' ? CHI : hostTimeZone());

    if (source === 'assumed') {
      // Confirmed once; stored for this account, and what is read from now on uses it.
      const confirmed = await core.handlers.setClubTimeZone({ timeZone: CHI });
      expect(confirmed).toMatchObject({ clubTimeZone: CHI, clubTimeZoneSource: 'confirmed' });
      await expect(core.handlers.setClubTimeZone({ timeZone: 'Mars/Olympus_Mons' })).rejects.toMatchObject({ code: 'invalid_argument' });
    } else {
      await expect(core.handlers.setClubTimeZone({ timeZone: 'Europe/Paris' })).rejects.toMatchObject({ code: 'invalid_argument' });
    }

    // The text arrives once the zone is settled: what was read before stays as it was read.
    sim.addInbound({ memberId: member.id, body: 'Can I move my session to 6?', at: chicago(2026, 12, 7, 10, 30) });
    await core.handlers.syncNow({ ownerId: sim.loggedInUserId });
    const list = await core.handlers.listConversations({ filter: 'all' });
    const conversation = list.items.find((c) => c.memberName === name);
    expect(conversation).toBeDefined();
    const messages = await core.handlers.listMessages({ conversationId: conversation!.id });
    const text = messages.items.find((m) => m.body === 'Can I move my session to 6?');
    // Read on the club's clock: 10:30 in Chicago, whatever zone this computer is in.
    expect(Date.parse(text!.sentAt)).toBe(chicago(2026, 12, 7, 10, 30));

    const searchesBefore = sim.requestCount('/action/UserSearch');
    const history = await core.handlers.fetchHistory({ conversationId: conversation!.id });
    expect(sim.requestCount('/action/UserSearch')).toBeGreaterThan(searchesBefore);
    expect(history.added).toBeGreaterThanOrEqual(0);
    expect((await core.handlers.getConversation({ conversationId: conversation!.id })).memberId).toBe(member.id);

    const sent = await core.handlers.sendReply({ conversationId: conversation!.id, channel: 'sms', body: 'Sure, 6 works.' });
    expect(sent.body).toBe('Sure, 6 works.');
    expect(sim.followUpLog(member.id)[0]).toMatchObject({ kind: 'text', body: 'Sure, 6 works.', direction: 'outbound' });
    expect(JSON.stringify(lines)).not.toMatch(/ZodError|invalid_type/);
  });
});

describe('club time zone when ClubOS names none', () => {
  it('is stored per account and found again by the next session of that account', async () => {
    const { sim, core } = await signedInCore('no-time-zone');
    await core.handlers.signIn({ username: 'demo', password: 'demo' });
    await core.handlers.setClubTimeZone({ timeZone: 'America/Denver' });
    // Signing in again (a new session of the same account) finds the confirmed zone.
    await core.handlers.signIn({ username: 'demo', password: 'demo' });
    await core.handlers.syncNow({ ownerId: sim.loggedInUserId });
    expect(await core.handlers.getAccount({})).toMatchObject({ clubTimeZone: 'America/Denver', clubTimeZoneSource: 'confirmed' });
  });
});

describe('demo mode with another dashboard shape', () => {
  it('serves a dashboard without a zone when the demo setting asks for it, and the window is told the zone is assumed', async () => {
    const clock = manualClock(chicago(2026, 12, 7, 11, 0));
    const dir = tempDir('frontdesk-demo-shape-');
    cleanups.push(() => dir.remove());
    const core = await createCore({
    syncIn: 'main', // the manual clock drives sync too
      dataDir: dir.dir,
      clock,
      logger: memoryLogger('test'),
      credentials: memoryCredentialStore(),
      demo: { seed: 3, historyDays: 2, dashboardShape: 'no-time-zone' },
    });
    cleanups.push(() => core.close());
    await core.start();
    await core.handlers.syncNow({});
    await expect.poll(async () => (await core.handlers.getAccount({})).clubTimeZoneSource).toBe('assumed');
    expect((await core.handlers.listConversations({ filter: 'all' })).items.length).toBeGreaterThan(0);
    expect(await core.handlers.setClubTimeZone({ timeZone: CHI })).toMatchObject({ mode: 'demo', clubTimeZone: CHI, clubTimeZoneSource: 'confirmed' });
  });
});
