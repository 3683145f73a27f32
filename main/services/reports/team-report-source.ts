// Reports in team mode: the team store's response events (every desk's texts, replies and
// resolves, TEAM-API.md "Reports port") turned into the timeline the computation reads. Waiting
// now is this desk's own view, which the team store keeps in step. When the desk is not online in
// a team, the local source answers instead.
import { intentNeedsNoReply, isIntent, type Intent } from '../../../common/intent-catalog';
import type { FrontdeskDb } from '../../../db';
import type { ResponseEvent } from '../../team/types';
import type { ReportConversationRecord, ReportSource, ReportTimelineRecord } from './report-source';

/** How far before a period the team's events are read, to know which requests were already open. */
export const TEAM_LOOKBACK_MS = 14 * 24 * 3600_000;

export interface TeamResponseEvents {
  /** Null when this desk is not online in a team. */
  responseEvents(range: { from: string; to: string }): Promise<ResponseEvent[] | null>;
}

/** The local conversation a team key names (`<owner>/m/<member id>` or `<owner>/n/<name key>`). */
function localConversation(db: FrontdeskDb, ownerId: string, key: string): { id: number; memberName: string; handledAt: string | null } | null {
  const match = /^[^/]+\/(m|n)\/(.+)$/.exec(key);
  if (!match) return null;
  const c = match[1] === 'm' ? db.conversations.findByMemberId(ownerId, match[2]!) : db.conversations.findByNameKey(ownerId, match[2]!);
  return c ? { id: c.id, memberName: c.memberName, handledAt: c.handledAt } : null;
}

export function timelineFromTeamEvents(
  events: readonly ResponseEvent[],
  db: FrontdeskDb,
  range: { from: string; to: string },
  resolvesRecordedSince: string | null,
): ReportTimelineRecord {
  const byKey = new Map<string, ReportConversationRecord>();
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const e of sorted) {
    if (e.direction === 'system') continue;
    let record = byKey.get(e.key);
    if (!record) {
      const local = localConversation(db, e.ownerId, e.key);
      if (!local) continue; // not here yet: the team store sends it with its next changes
      record = { conversationId: local.id, memberName: local.memberName, handledAt: local.handledAt, openRequestSince: null, openResolutionSince: null, messages: [], resolves: [] };
      byKey.set(e.key, record);
    }
    if (e.kind === 'resolved') {
      record.resolves.push({ at: e.at, actor: e.staff?.name ?? null });
    } else if (e.direction === 'inbound' || e.direction === 'outbound') {
      const intent: Intent | null = e.intent !== null && isIntent(e.intent) ? e.intent : null;
      record.messages.push({
        direction: e.direction,
        sentAt: e.at,
        timed: true,
        asksForReply: e.direction === 'inbound' && !(intent !== null && intentNeedsNoReply(intent)),
        intent,
        senderName: e.staff?.name ?? 'Unknown',
      });
    }
  }
  // Only conversations with a member text in the period, as the local source answers.
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const conversations = [...byKey.values()].filter((c) =>
    c.messages.some((m) => m.direction === 'inbound' && Date.parse(m.sentAt) >= from && Date.parse(m.sentAt) < to),
  );
  return { resolvesRecordedSince, conversations };
}

export function teamReportSource(deps: { team: TeamResponseEvents; db: () => FrontdeskDb; local: ReportSource; now: () => number }): ReportSource {
  return {
    async timeline(range) {
      // Earlier events let the walk see which requests were open when the period began; replies
      // after its end (up to now) still answer its last requests.
      const wide = {
        from: new Date(Date.parse(range.from) - TEAM_LOOKBACK_MS).toISOString(),
        to: new Date(Math.max(Date.parse(range.to), deps.now())).toISOString(),
      };
      const events = await deps.team.responseEvents(wide);
      if (events === null) return deps.local.timeline(range);
      const db = deps.db();
      return timelineFromTeamEvents(events, db, range, db.reports.resolvesRecordedSince());
    },
    waitingNow: () => deps.local.waitingNow(),
  };
}
