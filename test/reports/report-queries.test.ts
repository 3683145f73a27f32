// The data reports read from the desk's own database: resolves recorded with their time and who,
// moved by a merge, and the timeline of a period with what was open when it began.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { openDatabase } from '../../db';
import { conversation, memoryDb, msg, OWNER, T0, tempDir, withOwners } from '../db/helpers';

const MIN = 60_000;
const at = (minutes: number): string => new Date(T0 + minutes * MIN).toISOString();

function setup() {
  const t = memoryDb();
  withOwners(t.db, OWNER);
  return t;
}

describe('report queries', () => {
  it('records each status change with its time and actor, and only real changes', () => {
    const { db, clock } = setup();
    const c = conversation(db, 'Jane Doe');
    db.messages.insert([msg(c, 0, { body: 'Can I freeze?' })]);
    clock.set(T0 + 30 * MIN);
    db.conversations.setStatus(c, { status: 'resolved', actor: 'Alex M.' });
    db.conversations.setStatus(c, { status: 'resolved', actor: 'Alex M.' }); // no change, no row
    const timeline = db.reports.timeline({ from: at(-60), to: at(60) });
    expect(timeline.resolvesRecordedSince).toBe(at(0));
    expect(timeline.conversations).toEqual([
      {
        conversationId: c,
        memberName: 'Jane Doe',
        handledAt: null,
        openRequestSince: null,
        openResolutionSince: null,
        messages: [{ direction: 'inbound', sentAt: at(0), timed: true, asksForReply: true, intent: null, senderName: 'Jane Doe' }],
        resolves: [{ at: at(30), actor: 'Alex M.' }],
      },
    ]);
  });

  it('knows which request and resolution were open when the period began', () => {
    const { db, clock } = setup();
    const c = conversation(db, 'Jane Doe');
    clock.set(T0 + 200 * MIN);
    db.messages.insert([
      msg(c, 0, { body: 'First?' }),
      msg(c, 10, { direction: 'outbound', senderName: 'Alex M.', source: 'history', requiresResponse: false }),
      msg(c, 100, { body: 'Second?' }),
      msg(c, 150, { body: 'Third, in the period?' }),
      msg(c, 160, { direction: 'outbound', senderName: 'Alex M.', source: 'history', requiresResponse: false }),
    ]);
    const timeline = db.reports.timeline({ from: at(120), to: at(240) });
    const [record] = timeline.conversations;
    expect(record?.openRequestSince).toBe(at(100));
    // Resolves are recorded since the database was opened (T0), so the resolution began at the first text.
    expect(record?.openResolutionSince).toBe(at(0));
    expect(record?.messages.map((m) => [m.direction, m.sentAt])).toEqual([
      ['inbound', at(150)],
      ['outbound', at(160)],
    ]);
  });

  it('old imported texts do not ask for a reply; system texts are left out', () => {
    const { db, clock } = setup();
    const c = conversation(db, 'Jane Doe');
    clock.set(T0 + 10 * 24 * 60 * MIN);
    db.messages.insert([msg(c, 0, { body: 'Old question?' }), msg(c, 1, { direction: 'system', body: 'CONFIRM', requiresResponse: false })]);
    const [record] = db.reports.timeline({ from: at(-60), to: at(60) }).conversations;
    expect(record?.messages).toEqual([expect.objectContaining({ direction: 'inbound', asksForReply: false })]);
  });

  it('a merge moves the recorded resolves with the messages', () => {
    const { db } = setup();
    const byName = conversation(db, 'Jane Doe');
    db.messages.insert([msg(byName, 0, { body: 'Hi?' })]);
    db.conversations.setStatus(byName, { status: 'resolved', actor: 'Alex M.' });
    const byId = db.conversations.findOrCreate({ ownerId: OWNER, memberId: '555', memberName: 'Jane Doe', nameKey: 'jane doe' }).id;
    const kept = db.conversations.merge(byName, byId);
    const [record] = db.reports.timeline({ from: at(-60), to: at(60) }).conversations;
    expect(record?.conversationId).toBe(kept.id);
    expect(record?.resolves).toEqual([{ at: at(0), actor: 'Alex M.' }]);
  });

  it('waiting now lists waiting conversations, longest first, and not resolved ones', () => {
    const { db, clock } = setup();
    const a = conversation(db, 'Ann');
    const b = conversation(db, 'Bob');
    const r = conversation(db, 'Rae');
    clock.set(T0 + 60 * MIN);
    db.messages.insert([msg(a, 30, { senderName: 'Ann' }), msg(b, 10, { senderName: 'Bob' }), msg(r, 5, { senderName: 'Rae' })]);
    db.conversations.setStatus(r, { status: 'resolved' });
    expect(db.reports.waitingNow().map((w) => [w.memberName, w.waitingSince])).toEqual([
      ['Bob', at(10)],
      ['Ann', at(30)],
    ]);
  });
});

describe('since when resolves are recorded', () => {
  it('is set at the first open, kept by later opens, and the earliest row wins after a salvage copied one in', () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'frontdesk.sqlite');
      const clock = manualClock(T0 + 30_000); // to the minute: texts are timed to the minute
      openDatabase(path, { clock, logger: memoryLogger('t') }).db.close();
      clock.set(T0 + 24 * 60 * MIN);
      const reopened = openDatabase(path, { clock, logger: memoryLogger('t') }).db;
      expect(reopened.reports.resolvesRecordedSince()).toBe(at(0));
      reopened.close();
      const raw = new Database(path);
      raw.prepare('INSERT INTO status_changes_recorded_since (at) VALUES (?)').run(at(-600));
      raw.close();
      const salvaged = openDatabase(path, { clock, logger: memoryLogger('t') }).db;
      expect(salvaged.reports.resolvesRecordedSince()).toBe(at(-600));
      salvaged.close();
    } finally {
      t.cleanup();
    }
  });
});
