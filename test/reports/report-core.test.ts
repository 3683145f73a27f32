// Reports through the real core and the IPC dispatcher, as the window asks for them: a member
// texts, the signed-in staff member replies 12 minutes later and resolves 30 minutes after that,
// and the report and its CSV say so under that staff member's name, on the club's clock.
import { afterEach, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Args, ChannelName, Result } from '../../common/contract';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { startSimulator } from '../../main/clubos-simulator';
import { staffShortName } from '../../main/clubos/staff-short-name';
import type { Core } from '../../main/core/core';
import { createCore } from '../../main/core/create-core';
import { dispatch } from '../../main/ipc/dispatch';
import { memoryCredentialStore } from '../../main/services/credential-store';
import { chicago, tempDir } from '../sync/sync-rig';

const MIN = 60_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function call<K extends ChannelName>(core: Core, name: K, args: Args<K>): Promise<Result<K>> {
  const outcome = await dispatch(core.handlers, name, args, memoryLogger('t'));
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

it('a reply and a resolve show up in the report and the CSV under the signed-in staff member', async () => {
  const clock = manualClock(chicago(2026, 12, 7, 9, 0));
  const credentials = { username: 'desk', password: 'pw-Desk-1' };
  const sim = await startSimulator({ clock, seed: 7, members: 12, staff: 2, credentials, history: { days: 1 } });
  cleanups.push(() => sim.close());
  const store = memoryCredentialStore();
  await store.save({ ...credentials, baseUrl: sim.baseUrl });
  const data = tempDir('frontdesk-reports-');
  cleanups.push(() => data.remove());
  const core = await createCore({ dataDir: data.dir, clock, logger: memoryLogger('core'), credentials: store, historyRefresh: false });
  cleanups.push(() => core.close());
  await core.start();
  await call(core, 'syncNow', {});

  const member = sim.members[0]!;
  clock.advance(5 * MIN);
  sim.addInbound({ memberId: member.id, body: 'Can I bring a guest on Saturday?' });
  await call(core, 'syncNow', {});
  const asked = (await call(core, 'listConversations', { filter: 'needs_reply' })).items.find((c) => c.memberId === member.id);
  expect(asked, 'the member is waiting').toBeDefined();

  clock.advance(12 * MIN);
  await call(core, 'sendReply', { conversationId: asked!.id, channel: 'sms', body: 'Yes, guests are welcome on Saturdays.' });
  clock.advance(30 * MIN);
  await call(core, 'setStatus', { conversationId: asked!.id, status: 'resolved' });

  const me = staffShortName(sim.staff.find((s) => s.id === sim.loggedInUserId)!.name);
  const report = await call(core, 'getReport', { days: 1 });
  expect(report).toMatchObject({ timeZone: 'America/Chicago', fromDate: '2026-12-07', toDate: '2026-12-07' });
  const mine = report.byStaff.find((s) => s.staff === me);
  expect(mine?.firstResponse.count).toBeGreaterThanOrEqual(1);
  expect(mine?.resolution).toEqual({ count: 1, medianMs: 42 * MIN, p90Ms: 42 * MIN });
  expect(report.byHour[9]!.requests).toBeGreaterThanOrEqual(1); // 9:05 on the club's clock

  const csv = await call(core, 'exportReportCsv', { days: 1 });
  expect(csv.fileName).toBe('frontdesk-response-times-2026-12-07-to-2026-12-07.csv');
  const rows = parse<Record<string, string>>(csv.content, { columns: true }).filter((r) => r.conversation_id === String(asked!.id));
  expect(rows).toEqual([
    expect.objectContaining({ kind: 'request', started_club_time: '2026-12-07 09:05', outcome: 'answered', ended_club_time: '2026-12-07 09:17', minutes: '12.0', staff: me, time_zone: 'America/Chicago' }),
    expect.objectContaining({ kind: 'resolution', started_club_time: '2026-12-07 09:05', ended_club_time: '2026-12-07 09:47', minutes: '42.0', staff: me }),
  ]);

  // The edge refuses a period the contract does not allow.
  await expect(call(core, 'getReport', { days: 0 })).rejects.toThrow(/invalid_argument/);
  await expect(call(core, 'exportReportCsv', { days: 400 })).rejects.toThrow(/invalid_argument/);
});
