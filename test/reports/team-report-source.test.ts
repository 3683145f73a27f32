// Team mode feeds the same computation: the team store's events (any desk's replies and resolves,
// with who did them) become the timeline; earlier events tell which requests were already open;
// when the desk is not online in a team, the local data answers.
import { describe, expect, it } from 'vitest';
import type { ResponseEvent } from '../../main/team/types';
import { localReportSource } from '../../main/services/reports/report-source';
import { teamReportSource, TEAM_LOOKBACK_MS } from '../../main/services/reports/team-report-source';
import { reportData } from '../../main/services/reports/build-report';
import { conversation, memoryDb, msg, OWNER, T0, withOwners } from '../db/helpers';

const MIN = 60_000;
const at = (minutes: number): string => new Date(T0 + minutes * MIN).toISOString();

function setup(events: ResponseEvent[] | null) {
  const t = memoryDb();
  withOwners(t.db, OWNER);
  const jane = conversation(t.db, 'Jane Doe', '555');
  const asked: Array<{ from: string; to: string }> = [];
  const source = teamReportSource({
    team: { responseEvents: (range) => (asked.push(range), Promise.resolve(events)) },
    db: () => t.db,
    local: localReportSource(() => t.db),
    now: () => T0 + 600 * MIN,
  });
  return { ...t, jane, source, asked };
}

const ev = (over: Partial<ResponseEvent>): ResponseEvent => ({ kind: 'message', ownerId: OWNER, key: `${OWNER}/m/555`, direction: 'inbound', at: at(0), staff: null, intent: null, ...over });

describe('team report source', () => {
  it('credits each desk’s reply and resolve to its staff member, and sees what was open before the period', async () => {
    const events = [
      ev({ at: at(-30) }), // open before the period: the text in it joins this request
      ev({ at: at(10) }),
      ev({ direction: 'outbound', at: at(20), staff: { id: 'jordan', name: 'Jordan' } }),
      ev({ at: at(40), intent: 'question_about_billing' }),
      ev({ direction: 'outbound', at: at(45), staff: { id: 'sam', name: 'Sam' } }),
      ev({ kind: 'resolved', direction: null, at: at(50), staff: { id: 'sam', name: 'Sam' } }),
      ev({ key: `${OWNER}/m/999`, at: at(5) }), // a conversation this desk does not have yet
    ];
    const { source, asked, jane } = setup(events);
    const range = { from: at(0), to: at(120) };
    const timeline = await source.timeline(range);
    expect(asked[0]).toEqual({ from: new Date(T0 - TEAM_LOOKBACK_MS).toISOString(), to: at(600) });
    expect(timeline.conversations.map((c) => c.conversationId)).toEqual([jane]);
    const data = reportData(timeline, { fromDate: '2026-11-25', toDate: '2026-11-25', ...range });
    expect(data.requests.map((r) => [r.startedAt, r.responder, r.firstResponseMs])).toEqual([[at(40), 'Sam', 5 * MIN]]);
    // Resolves are recorded from the database's first open (T0): the resolution that began at −30 is left out.
    expect(data.resolutions).toEqual([]);
  });

  it('answers from the local data when the desk is not online in a team', async () => {
    const { source, db, jane, clock } = setup(null);
    clock.set(T0 + 5 * MIN);
    db.messages.insert([msg(jane, 1, { body: 'Hi?' })]);
    const timeline = await source.timeline({ from: at(0), to: at(60) });
    expect(timeline.conversations.map((c) => c.messages.length)).toEqual([1]);
    expect((await source.waitingNow()).map((w) => w.conversationId)).toEqual([jane]);
  });
});
