// Reports in team mode are as exact as a desk's own: the same history, read once from the desk's
// SQLite and once through the team store (a real PostgreSQL), gives the same report and CSV. The
// history has what the team store used to lose: a first import already stale when stored (starts
// no request), a text ClubOS dated without a minute (counted, not timed), replies named as ClubOS
// names them, and a resolve timed and credited by the desk that made it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService } from '../../main/services/reports/report-service';
import { localReportSource } from '../../main/services/reports/report-source';
import { teamReportSource } from '../../main/services/reports/team-report-source';
import { conversation, msg, T0 } from '../db/helpers';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster';
import { openDesk, settle, type TestDesk } from './team-desks';

const run = pgAvailable('team-mode reports (test/team/team-reports.test.ts)');
const ALEX = { id: 'alex', name: 'Alex' };
const JORDAN = { id: 'jordan', name: 'Jordan' };
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const ZONE = 'America/New_York';

describe.skipIf(!run)('team-mode reports', () => {
  let cluster: PgCluster;
  const open: TestDesk[] = [];
  beforeAll(async () => {
    cluster = await startPgCluster();
    cluster.createDatabase('reports');
  }, 120_000);
  afterAll(async () => {
    for (const d of open) await d.close().catch(() => undefined);
    cluster?.destroy();
  });

  it('computes the same report from the team store as from the desk’s own data', async () => {
    const a = await openDesk(cluster.url('reports'), ALEX);
    open.push(a);
    const b = await openDesk(cluster.url('reports'), JORDAN);
    open.push(b);

    // Weeks-old texts, stored when they were fresh: one never answered (still open when the
    // period begins, so a text in the period joins it), one resolved without a reply.
    const lou = conversation(a.db, 'Lou Park', '888');
    const kim = conversation(a.db, 'Kim Ode', '999');
    a.clock.set(T0 - 20 * DAY);
    a.db.messages.insert([msg(lou, -20 * 24 * 60, { body: 'Anyone there?' }), msg(kim, -20 * 24 * 60, { body: 'Locker broken' })]);
    a.clock.set(T0 - 19 * DAY);
    a.db.conversations.setStatus(kim, { status: 'resolved', actor: 'Alex M.' });
    // A first import of older history, stored now: stale when stored, so it starts no request.
    const jane = conversation(a.db, 'Jane Doe', '555');
    a.clock.set(T0 + 5 * DAY);
    a.db.messages.insert([msg(jane, 0, { source: 'history', body: 'Old question?' }), msg(jane, 30, { direction: 'outbound', senderName: 'Alex M.', source: 'history' })]);
    // A text ClubOS dated without a minute: counted, but its response time is unknown.
    const tom = conversation(a.db, 'Tom Lee', '777');
    a.db.messages.insert([msg(tom, 5 * 24 * 60 - 300, { localTime: null, body: 'Untimed?' })]);
    a.clock.set(T0 + 5 * DAY + 10 * MIN);
    a.db.messages.insert([msg(tom, 5 * 24 * 60 + 5, { direction: 'outbound', senderName: 'Alex M.', body: 'Answered' })]);
    // A live request answered by ClubOS's "Sam K.", then resolved at this desk by "Alex M.".
    a.clock.set(T0 + 5 * DAY + 20 * MIN);
    a.db.messages.insert([msg(jane, 5 * 24 * 60 + 20, { body: 'Is the pool open?' })]);
    a.clock.set(T0 + 5 * DAY + 27 * MIN);
    a.db.messages.insert([msg(jane, 5 * 24 * 60 + 27, { direction: 'outbound', senderName: 'Sam K.', body: 'Yes until 9' })]);
    a.clock.set(T0 + 5 * DAY + 95 * MIN);
    a.db.conversations.setStatus(jane, { status: 'resolved', actor: 'Alex M.' });
    // Lou and Kim text again; Kim is answered within the same minute (a tie the store must keep in order).
    a.clock.set(T0 + 5 * DAY + 60 * MIN);
    a.db.messages.insert([msg(lou, 5 * 24 * 60 + 60, { body: 'Hello??' })]);
    a.db.messages.insert([msg(kim, 5 * 24 * 60 + 60, { body: 'Still broken' })]);
    a.db.messages.insert([msg(kim, 5 * 24 * 60 + 60, { direction: 'outbound', senderName: 'Sam K.', body: 'On it' })]);
    a.clock.set(T0 + 5 * DAY + 70 * MIN);
    a.db.messages.insert([msg(lou, 5 * 24 * 60 + 70, { direction: 'outbound', senderName: 'Alex M.', body: 'Sorry!' })]);
    // Still waiting at the end.
    a.clock.set(T0 + 5 * DAY + 120 * MIN);
    a.db.messages.insert([msg(tom, 5 * 24 * 60 + 118, { body: 'And the sauna?' })]);
    await settle(a, b);
    await settle(a, b);

    const now = () => a.clock.now();
    const local = localReportSource(() => a.db);
    const service = (source: ReturnType<typeof localReportSource>) =>
      createReportService({ source: () => source, timeZone: () => Promise.resolve(ZONE), clock: a.clock });
    const alone = service(local);
    const team = service(teamReportSource({ team: { responseEvents: (r) => a.link.responseEvents(r) }, db: () => a.db, local, now }));

    const expected = await alone.report(7);
    // Replaying the team's changes here left the history as it happened: Kim's one resolve, no
    // flicker through the store's older states recorded as another.
    const history = a.db.reports.timeline({ from: new Date(T0 - 30 * DAY).toISOString(), to: new Date(T0 + 6 * DAY).toISOString() });
    expect(history.conversations.find((c) => c.memberName === 'Kim Ode')!.resolves).toEqual([{ at: new Date(T0 - 19 * DAY).toISOString(), actor: 'Alex M.' }]);
    // The history is what we think it is (otherwise the comparison below proves little).
    expect(expected.totals).toMatchObject({ answered: 3, untimed: 1, stillWaiting: 1 });
    expect(expected.byStaff.map((s) => s.staff)).toContain('Sam K.');
    expect(await team.report(7)).toEqual(expected);
    expect(await team.exportCsv(7)).toEqual(await alone.exportCsv(7));

    // The colleague's desk reads the same from the team store (its own row ids differ: compare the CSV).
    const fromB = createReportService({
      source: () => teamReportSource({ team: { responseEvents: (r) => b.link.responseEvents(r) }, db: () => b.db, local: localReportSource(() => b.db), now }),
      timeZone: () => Promise.resolve(ZONE),
      clock: a.clock,
    });
    expect(await fromB.exportCsv(7)).toEqual(await alone.exportCsv(7));
  }, 60_000);
});
