// A snooze ends by itself: when its time has come the conversation is open again. Lists already
// treat a passed snooze as open; this makes the stored status say so too and tells the window.
import type { Conversation } from '../../preload/contract';
import type { FrontdeskDb } from '../../db';

/** The snoozed filter lists snoozes still running at `now`; at the epoch, that is every snooze. */
const EVERY_SNOOZE = 0;
const PAGE = 500;

export function wakeDueSnoozes(db: FrontdeskDb, now: number): Conversation[] {
  // db/ has no "due snoozes" query yet: walk every snoozed conversation (the status index keeps
  // that to the snoozed ones, a handful) and wake those whose time has come.
  const due: Conversation[] = [];
  let cursor: string | null = null;
  do {
    const page = db.conversations.list({ filter: 'snoozed', now: EVERY_SNOOZE, limit: PAGE, cursor });
    for (const c of page.items) {
      if (c.snoozedUntil !== null && Date.parse(c.snoozedUntil) <= now) due.push(c);
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return due.map((c) => db.conversations.setStatus(c.id, { status: 'open', snoozedUntil: null }));
}
