// The outreach log as the ActionLogPort: rows in the app database's append-only outreach_log.
import type { FrontdeskDb } from '../../db';
import type { ActionLogPort } from './ports';

export function dbActionLog(db: () => FrontdeskDb): ActionLogPort {
  return {
    append(record) {
      db().outreach.log.append({
        at: record.at,
        kind: record.kind,
        conversationId: record.conversationId ?? null,
        memberId: record.memberId ?? null,
        detail: record.detail,
        reason: record.reason ?? null,
        actor: record.actor ?? 'frontdesk',
      });
    },
  };
}
