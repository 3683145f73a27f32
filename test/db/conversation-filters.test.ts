// The window places pushed conversations with common/conversation-filters.ts; the database lists
// them with SQL over partial indexes. Both must put every conversation in the same lists, or a
// pushed change would show a row the next refetch takes away (or hide one it brings back).
import { describe, expect, it } from 'vitest';
import type { Conversation, ListFilter } from '../../common/contract';
import { inView, listOrder } from '../../common/conversation-filters';
import { conversation, memoryDb, msg, OTHER_OWNER, OWNER, T0, withOwners } from './helpers';

const FILTERS: ListFilter[] = ['all', 'unread', 'needs_reply', 'snoozed', 'resolved', 'archived', 'mine'];
const ME = { id: 'alex', name: 'Alex' };
const COLLEAGUE = { id: 'jordan', name: 'Jordan' };

describe('conversation filters: the predicate agrees with the SQL', () => {
  it('puts every conversation in the same lists, in the same order, for each owner, tag and sort', () => {
    const { db, clock } = memoryDb();
    withOwners(db, OWNER, OTHER_OWNER);
    db.team.setIdentity(ME);
    const minutes = (n: number): string => new Date(T0 + n * 60_000).toISOString();
    // Every combination the filters distinguish: unread or not, waiting or not, each status,
    // snoozes due and not yet due, two owners, tagged or not, and one with no messages at all.
    let n = 0;
    for (const owner of [OWNER, OTHER_OWNER]) {
      for (const status of ['open', 'pending', 'snoozed-due', 'snoozed-later', 'resolved', 'archived'] as const) {
        for (const read of [true, false]) {
          for (const outbound of [true, false]) {
            n++;
            const id = conversation(db, `Member ${n}`, String(500_000 + n), owner);
            db.messages.insert([
              msg(id, n, {
                ownerId: owner,
                direction: outbound ? 'outbound' : 'inbound',
                readAt: read ? minutes(n + 1) : null,
                requiresResponse: !outbound,
              }),
            ]);
            if (status === 'snoozed-due') db.conversations.setStatus(id, { status: 'snoozed', snoozedUntil: minutes(200) });
            else if (status === 'snoozed-later') db.conversations.setStatus(id, { status: 'snoozed', snoozedUntil: minutes(10_000) });
            else if (status !== 'open') db.conversations.setStatus(id, { status });
            if (n % 3 === 0) db.conversations.setTags(id, ['vip']);
            // Some are raised by a waiting rule or a reminder: those list first.
            if (n % 4 === 1) db.outreach.attention.raise(id, n % 8 === 1 ? 'waiting' : 'no_reply', T0 + n * 60_000);
            // Assigned to me, to a colleague, or to nobody.
            if (n % 5 === 1) db.team.assign(id, ME);
            else if (n % 5 === 2) db.team.assign(id, COLLEAGUE);
          }
        }
      }
    }
    conversation(db, 'Nobody texted yet');
    const now = T0 + 1000 * 60_000; // after the due snoozes, before the later ones
    clock.set(now);

    const everything: Conversation[] = db.conversations.getMany(Array.from({ length: n + 1 }, (_, i) => i + 1));
    expect(everything).toHaveLength(n + 1);
    expect(everything.filter((c) => c.attention).length).toBeGreaterThan(5);
    for (const filter of FILTERS) {
      for (const ownerId of [null, OWNER, OTHER_OWNER]) {
        for (const tag of [null, 'vip']) {
          for (const sort of ['newest', 'longest_waiting'] as const) {
            const view = { filter, ownerId, tag, sort, me: ME.id };
            const listed = db.conversations
              .list({ filter, sort, limit: 500, now, ...(ownerId ? { ownerId } : {}), ...(tag ? { tag } : {}) })
              .items.map((c) => c.id);
            const predicted = everything.filter((c) => inView(c, view, now)).sort(listOrder(sort)).map((c) => c.id);
            expect({ view, ids: predicted }).toEqual({ view, ids: listed });
            // The fixture gives every filter something to agree on.
            if (ownerId === null && tag === null) expect(listed.length).toBeGreaterThan(0);
          }
        }
      }
    }
  });
});
