// The port reports are computed through. Alone, the desk's own SQLite answers (db/queries/reports.ts);
// in team mode the team store answers the same two questions for every desk's work. Asynchronous
// because a shared store is across the network.
import type { FrontdeskDb, ReportTimelineRecord, WaitingRecord } from '../../../db';

export type { ReportConversationRecord, ReportMessageRecord, ReportTimelineRecord, WaitingRecord } from '../../../db';

export interface ReportSource {
  /**
   * Every conversation with a member text in [from, to) (ISO instants): its texts and replies
   * from `from` on, its recorded resolves, and which request was already open at `from`.
   */
  timeline(range: { from: string; to: string }): Promise<ReportTimelineRecord>;
  /** Conversations whose member is waiting now, longest first. */
  waitingNow(): Promise<WaitingRecord[]>;
}

export function localReportSource(db: () => FrontdeskDb): ReportSource {
  return {
    timeline: (range) => Promise.resolve().then(() => db().reports.timeline(range)),
    waitingNow: () => Promise.resolve().then(() => db().reports.waitingNow()),
  };
}
