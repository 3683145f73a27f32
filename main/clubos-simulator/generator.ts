// Months of past traffic shaped like protocol §7: weekday-heavy (~13 a day, weekends ~1),
// busy mornings and evenings, exact duplicates, and staff replies in the FollowUp logs.
import { addDays, localDate, parseDate, zonedToEpoch } from '../../common/time/club-time';
import type { MessageComposer } from './message-composer';
import type { Random } from './random';
import { shortName } from './roster';
import type { StaffRecord } from './roster';
import type { SimState } from './state';
import { fillTemplate } from './template-fill';
import { CALL_NOTES, STAFF_REPLIES } from './text-corpus';

/** Mean rows per club-local day, Sunday first (§7.1: Mon–Fri busy, Sat/Sun almost silent). */
const WEEKDAY_MEANS = [0.9, 14.5, 13, 16, 10.5, 13, 0.8] as const;
/** Club-local hours 5:00–23:59 and their weights: before-work and after-work peaks. */
const FIRST_HOUR = 5;
const HOUR_WEIGHTS = [1, 3, 8, 9, 7, 5, 5, 6, 5, 5, 6, 8, 9, 8, 6, 4, 2, 1, 1] as const;
const BUSY_DAY_SHARE = 0.02;
const BUSY_DAY_FACTOR = 2.5;
/** §7.1: 1.7% of rows are exact duplicates (same text, same minute). */
const DUPLICATE_SHARE = 0.017;
/** Staff answer most texts within hours (in ClubOS, so only the FollowUp log shows it); the last few hours are still open. */
const REPLY_SHARE = 0.85;
const RECENT_REPLY_SHARE = 0.3;
const RECENT_MS = 6 * 3600_000;
const CALL_SHARE = 0.02;

export interface HistoryOptions {
  days: number;
  /** The history ends here (club clock "now"); nothing is generated after it. */
  now: number;
  /** Whose inbox receives the history: the signed-in manager's "My Messages" (§7). */
  ownerId: string;
}

/** Delivers the generated history into `state`, oldest first, so opt-out state follows it. */
export function generateHistory(state: SimState, composer: MessageComposer, rng: Random, options: HistoryOptions): void {
  const { timeZone, roster } = state;
  const today = localDate(options.now, timeZone);
  const times: number[] = [];
  for (let back = options.days - 1; back >= 0; back--) {
    const date = parseDate(addDays(today, -back));
    const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
    const busy = rng.chance(BUSY_DAY_SHARE) ? BUSY_DAY_FACTOR : 1;
    const count = rng.poisson((WEEKDAY_MEANS[weekday] ?? 1) * busy);
    for (let i = 0; i < count; i++) {
      const hour = FIRST_HOUR + rng.weightedIndex(HOUR_WEIGHTS);
      const at = zonedToEpoch({ ...date, hour, minute: rng.int(0, 59), second: rng.int(0, 59) }, timeZone);
      if (at <= options.now) times.push(at);
    }
  }
  times.sort((a, b) => a - b);

  const replyStaff = (): StaffRecord => {
    const signedIn = roster.staff[0] as StaffRecord;
    return rng.chance(0.6) ? signedIn : rng.pick(roster.staff);
  };
  const trainers = roster.staff.filter((s) => s.role === 'Personal Trainer').map((s) => s.firstName);

  for (const at of times) {
    const text = composer.next(at);
    state.deliver({ memberId: text.memberId, body: text.body, at, ownerId: options.ownerId });
    if (rng.chance(DUPLICATE_SHARE)) state.deliver({ memberId: text.memberId, body: text.body, at, ownerId: options.ownerId });
    const member = state.member(text.memberId);
    if (!member || text.category !== 'free') continue;
    const ctx = { trainers, memberFirstName: member.firstName };
    if (rng.chance(options.now - at > RECENT_MS ? REPLY_SHARE : RECENT_REPLY_SHARE)) {
      const replyAt = at + rng.int(3, 180) * 60_000;
      if (replyAt <= options.now) {
        const useEmail = rng.chance(0.1);
        state.appendLog(member.id, {
          at: replyAt,
          author: shortName(replyStaff()),
          kind: useEmail || state.isOptedOut(member.id) ? 'email' : 'text',
          body: fillTemplate(rng.pick(STAFF_REPLIES), rng, ctx),
          direction: 'outbound',
        });
      }
    }
    if (rng.chance(CALL_SHARE)) {
      const callAt = at + rng.int(30, 600) * 60_000;
      if (callAt <= options.now) {
        state.appendLog(member.id, { at: callAt, author: shortName(replyStaff()), kind: 'call', body: rng.pick(CALL_NOTES), direction: 'outbound' });
      }
    }
  }
}
