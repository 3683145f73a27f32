// Outreach's ActionLogPort over the one action log of the app (issue 17's append-only
// `assistant_actions`, db.actionLog), so sends, skips and reminders show beside the assistant's
// steps in the Activity view and the CSV export.
import type { FrontdeskDb } from '../../db';
import type { ActionLogPort } from './ports';

/** The log keeps a reason to 200 characters; a longer one (a ClubOS error page) keeps its start. */
const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function dbActionLog(db: () => FrontdeskDb): ActionLogPort {
  return {
    append(record) {
      db().actionLog.append({
        kind: record.kind,
        actor: clip(record.actor, 120),
        conversationId: record.conversationId ?? null,
        memberName: record.memberName == null ? null : clip(record.memberName, 200),
        reason: record.reason == null ? null : clip(record.reason, 200),
        detail: {
          summary: record.summary,
          ...(record.memberId ? { memberId: record.memberId } : {}),
          ...(record.reason && record.reason.length > 200 ? { fullReason: record.reason } : {}),
          ...(record.data ?? {}),
        },
      });
    },
  };
}
