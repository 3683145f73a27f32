// A snooze ends by itself: when its time has come the conversation is open again. Lists already
// treat a passed snooze as open; this makes the stored status say so too and tells the window.
import type { Conversation } from '../../preload/contract';
import type { FrontdeskDb } from '../../db';

export function wakeDueSnoozes(db: FrontdeskDb, now: number): Conversation[] {
  const due = db.conversations.list({ filter: 'snoozed', limit: 500, now }).items.filter(
    (c) => c.snoozedUntil !== null && Date.parse(c.snoozedUntil) <= now,
  );
  return due.map((c) => db.conversations.setStatus(c.id, { status: 'open', snoozedUntil: null }));
}
