// Texts that arrive while a first import is interrupted stay live (unread, notified): the real
// stack over a database file, crashed inside the import and booted again, before and after the
// club's midnight. The club is in Chicago, the process in Tokyo.
process.env.TZ = 'Asia/Tokyo';

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crashSwitch } from './crash-injection';
import { bootApp, chicago, startClub, storedRows, tempDir, type App, type Club, type TempDir } from './sync-rig';

const HOUR = 3_600_000;
let club: Club | null = null;
let tmp: TempDir | null = null;
let app: App | null = null;

afterEach(async () => {
  await app?.shutdown().catch(() => {});
  app = null;
  await club?.sim.close();
  club = null;
  tmp?.remove();
  tmp = null;
});

async function firstImportCrashes(crashAtInsert: number): Promise<{ club: Club; dbPath: string; owner: string; startedAt: number }> {
  club = await startClub(chicago(2026, 12, 7, 10, 0), { history: { days: 40 }, members: 80 });
  tmp = tempDir('frontdesk-import-');
  const dbPath = join(tmp.dir, 'frontdesk.sqlite');
  const owner = club.sim.loggedInUserId;
  expect(club.sim.messages(owner).length).toBeGreaterThan(300);
  const crash = crashSwitch();
  app = bootApp(club, { dbPath, wrapDb: (db) => crash.wrap(db) });
  app.db.owners.upsert({ ownerId: owner, name: 'Me' });
  let inserts = 0;
  crash.arm(() => ++inserts === crashAtInsert);
  const startedAt = club.clock.now();
  await app.engine.syncNow(owner);
  expect(crash.crashed).toBe(true);
  app.db.close(); // the process dies; its engine is dropped
  app = null;
  return { club, dbPath, owner, startedAt };
}

describe('an interrupted first import', () => {
  it('keeps texts live that arrive after it began and are first seen after midnight, once its first day is stored', async () => {
    // The first chunk (the import day's rows) commits; the process dies in the older history.
    const { club: c, dbPath, owner } = await firstImportCrashes(2);
    const partial = storedRows(dbPath, owner);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(c.sim.messages(owner).length);

    // Texts come in that afternoon while the app is down; it starts again the next morning,
    // when their labels read `Dec 7` without a minute.
    const member = c.sim.members[3]!;
    const late = [c.sim.addInbound({ memberId: member.id, body: 'Are you open late today?', at: chicago(2026, 12, 7, 14, 5) })];
    late.push(c.sim.addInbound({ memberId: c.sim.members[4]!.id, body: 'Ok', at: chicago(2026, 12, 7, 18, 30) }));
    c.clock.set(chicago(2026, 12, 8, 8, 0));
    app = bootApp(c, { dbPath });
    await app.engine.syncNow(owner);

    const stored = storedRows(dbPath, owner);
    expect(stored).toHaveLength(c.sim.messages(owner).length);
    const liveBodies = stored.filter((r) => r.readAt === null).map((r) => `${r.senderName}|${r.body}|${r.localDate}`);
    expect(liveBodies.sort()).toEqual(late.map((m) => `${m.senderName}|${m.body}|2026-12-07`).sort());
    expect(app.events.filter((e) => e.type === 'messagesAdded' && !e.quiet).map((e) => (e.type === 'messagesAdded' ? e.count : 0))).toEqual([2]);
  });

  it('keeps texts live that arrive after it began when it died before storing anything, by their minute', async () => {
    const { club: c, dbPath, owner, startedAt } = await firstImportCrashes(1);
    expect(storedRows(dbPath, owner)).toHaveLength(0);
    const late = c.sim.addInbound({ memberId: c.sim.members[5]!.id, body: 'Running 10 min late', at: startedAt + HOUR / 2 });
    c.clock.set(startedAt + HOUR);
    app = bootApp(c, { dbPath });
    await app.engine.syncNow(owner);
    const stored = storedRows(dbPath, owner);
    expect(stored).toHaveLength(c.sim.messages(owner).length);
    expect(stored.filter((r) => r.readAt === null).map((r) => r.body)).toEqual([late.body]);
    expect(app.db.owners.get(owner)).toMatchObject({ historyImported: true, importStartedAt: new Date(startedAt).toISOString() });
  });
});
