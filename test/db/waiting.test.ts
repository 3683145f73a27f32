// "Needs reply" means a member is waiting now: old imported texts never wait, a staff reply or a
// handled mark closes the wait, and the clock starts at the first unanswered text after the reply.
import { describe, expect, it } from 'vitest';
import { conversation, memoryDb, msg, OWNER, T0, withOwners } from './helpers';

const MIN = 60_000;
const DAY = 24 * 3600_000;
const at = (minutes: number): string => new Date(T0 + minutes * MIN).toISOString();

function setup() {
  const t = memoryDb();
  withOwners(t.db, OWNER);
  return { ...t, c: conversation(t.db, 'Jane Doe') };
}

describe('waiting', () => {
  it('never counts texts that were already older than the threshold when first stored', () => {
    const { db, c, clock } = setup();
    clock.set(T0 + 10 * DAY);
    db.messages.insert([msg(c, 0, { body: 'Old question from the import?' })]);
    expect(db.conversations.get(c)).toMatchObject({ requiresResponse: false, waitingSince: null });
    // Two days old at import: inside the default three days, so the member may still be waiting.
    db.messages.insert([msg(c, 8 * 24 * 60, { body: 'Still there?' })]);
    expect(db.conversations.get(c)).toMatchObject({ requiresResponse: true, waitingSince: at(8 * 24 * 60) });
    expect(db.conversations.audit(c)).toEqual([]);
  });

  it('keeps waiting for a text that arrived live, however long ago that was', () => {
    const { db, c, clock } = setup();
    db.messages.insert([msg(c, 0, { body: 'Can I freeze?' })]);
    clock.set(T0 + 20 * DAY);
    db.messages.insert([msg(c, 1, { direction: 'system', body: 'CONFIRM - nothing', requiresResponse: false })]);
    expect(db.conversations.get(c)).toMatchObject({ requiresResponse: true, waitingSince: at(0) });
  });

  it('starts the clock at the first unanswered text after the last staff reply, including replies seen in history', () => {
    const { db, c, clock } = setup();
    clock.set(T0 + 60 * MIN);
    db.messages.insert([msg(c, 1, { body: 'Hi?' }), msg(c, 5, { body: 'Do you have towels?' }), msg(c, 9, { body: 'And a sauna?' })]);
    expect(db.conversations.get(c)?.waitingSince).toBe(at(1));
    // Staff answered in ClubOS at minute 6: that reply arrives later, from the member's history.
    db.messages.insert([msg(c, 6, { direction: 'outbound', source: 'history', senderName: 'Alex M.', requiresResponse: false })]);
    expect(db.conversations.get(c)).toMatchObject({ requiresResponse: true, waitingSince: at(9) });
    db.messages.insert([msg(c, 10, { direction: 'outbound', source: 'history', senderName: 'Alex M.', requiresResponse: false })]);
    expect(db.conversations.get(c)).toMatchObject({ requiresResponse: false, waitingSince: null });
    expect(db.conversations.audit(c)).toEqual([]);
  });

  it('a handled mark closes the wait until the member texts again, and undo restores it', () => {
    const { db, c, clock } = setup();
    clock.set(T0 + 5 * MIN);
    db.messages.insert([msg(c, 1, { body: 'Is the gym open on holidays?' })]);
    clock.set(T0 + 30 * MIN);
    const handled = db.conversations.markHandled(c);
    expect(handled).toMatchObject({ requiresResponse: false, waitingSince: null, handledAt: at(30) });
    clock.set(T0 + 40 * MIN);
    db.messages.insert([msg(c, 39, { body: 'One more question?' })]);
    expect(db.conversations.get(c)).toMatchObject({ requiresResponse: true, waitingSince: at(39) });
    expect(db.conversations.audit(c)).toEqual([]);
    expect(db.conversations.restoreHandled(c, null)).toMatchObject({ requiresResponse: true, waitingSince: at(1), handledAt: null });
  });

  it('re-judges every conversation when the threshold changes', () => {
    const { db, c, clock } = setup();
    clock.set(T0 + 5 * DAY);
    db.messages.insert([msg(c, 0, { body: 'Five days old at import?' })]);
    expect(db.conversations.get(c)?.requiresResponse).toBe(false);
    expect(db.conversations.setStaleImportThreshold(7 * DAY)).toBe(1);
    expect(db.conversations.get(c)).toMatchObject({ requiresResponse: true, waitingSince: at(0) });
    expect(db.conversations.counts({ now: clock.now() }).filters.needs_reply).toBe(1);
    expect(db.conversations.setStaleImportThreshold(7 * DAY)).toBe(0);
    expect(() => db.conversations.setStaleImportThreshold(-1)).toThrow(/threshold/);
  });
});
