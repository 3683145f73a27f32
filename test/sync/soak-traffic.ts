// Seeded member traffic for the soak: realistic club-local times (busy weekday mornings and
// evenings, quiet nights and weekends, some texts right around midnight), a few members who
// text a lot, and the same short text from the same member again later the same day.
import type { Random } from '../../main/clubos-simulator/random';
import { addDays, parseDate, zonedToEpoch } from '../../common/time/club-time';

export interface Delivery {
  at: number;
  ownerId: string;
  memberId: string;
  body: string;
}

/** Mean texts per owner and club-local day, Sunday first. */
const DAY_MEANS = [60, 170, 160, 180, 150, 160, 60] as const;
/** Weight of each club-local hour 0–23. */
const HOUR_WEIGHTS = [0.4, 0.2, 0.1, 0.1, 0.3, 1, 3, 8, 9, 7, 5, 5, 6, 5, 5, 6, 8, 9, 8, 6, 4, 2, 1.5, 1.2] as const;
/** Share of texts that repeat a text the same member sent earlier that day. */
const REPEAT_SHARE = 0.1;
/** Two texts with the same words from one member are at least this far apart (else they are one). */
const SAME_TEXT_GAP_MS = 3 * 60_000;

// Some bodies differ only in case, width or spacing ("Ok", "OK", "ｏｋ"): the message key folds
// those, so they are what proves that each stored row keeps the exact text its member sent. No
// body starts or ends with whitespace: the page's markup around a body is not the member's.
const BODIES = [
  'Ok',
  'OK',
  'ｏｋ',
  'Hi \nIs the sauna working? \n  Thanks',
  'See you  tomorrow',
  'Thanks!',
  'Yes',
  '👍',
  'On my way',
  'See you tomorrow',
  'What time do you open on Sunday?',
  'Is the pool open today?',
  'Can I freeze my membership for a month? I am traveling for work.',
  'I was charged twice this month, can someone look at my account please',
  'Can I book a session with Jordan on Thursday at 6pm?',
  'I need to cancel my appointment tomorrow, sorry',
  'The AC in the weight room is broken again 😤',
  'Great class this morning!! 💪',
  'How much is a day pass for a friend?',
  'Hi\nIs the sauna working?\nThanks',
  'My key fob stopped working',
  'Do you have childcare on Saturdays?',
  '¿A qué hora abren mañana?',
  'Can I bring a guest <tonight> & tomorrow?',
  'STOP',
  'START',
  'CONFIRM - Your Personal Training Session on Nov 12, 2026 has been confirmed.',
  'Running 10 min late',
  'Where do I find the class schedule? The app shows nothing for next week and I wanted to plan ahead. Also is yoga still on Wednesdays?',
  'k',
  'Who do I talk to about upgrading to the family plan?',
  'Lost my water bottle in the locker room, blue hydroflask',
] as const;

/** Short texts members repeat within a day. */
const REPEATABLE = ['Ok', 'OK', 'ｏｋ', 'Thanks!', 'Yes', '👍', 'On my way', 'Running 10 min late', 'k'] as const;

export interface TrafficPlan {
  owners: readonly string[];
  memberIds: readonly string[];
  timeZone: string;
}

/** Every text of one club-local day (`date`), oldest first. */
export function planDay(rng: Random, date: string, plan: TrafficPlan): Delivery[] {
  const d = parseDate(date);
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  const regulars = plan.memberIds.slice(0, Math.max(1, Math.floor(plan.memberIds.length / 8)));
  const out: Delivery[] = [];
  for (const ownerId of plan.owners) {
    const count = rng.poisson(DAY_MEANS[weekday] ?? 100);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const hour = rng.weightedIndex(HOUR_WEIGHTS);
      times.push(zonedToEpoch({ ...d, hour, minute: rng.int(0, 59), second: rng.int(0, 59) }, plan.timeZone));
    }
    times.sort((a, b) => a - b);
    const today: Delivery[] = [];
    const lastSent = new Map<string, number>();
    for (const at of times) {
      let memberId: string;
      let body: string;
      const earlier = today.filter((t) => REPEATABLE.includes(t.body as (typeof REPEATABLE)[number]));
      if (earlier.length > 0 && rng.chance(REPEAT_SHARE)) {
        const again = rng.pick(earlier);
        memberId = again.memberId;
        body = again.body;
      } else {
        memberId = rng.chance(0.35) ? rng.pick(regulars) : rng.pick(plan.memberIds);
        body = rng.pick(BODIES);
      }
      const key = `${memberId}|${body}`;
      if (at - (lastSent.get(key) ?? -Infinity) < SAME_TEXT_GAP_MS) continue;
      lastSent.set(key, at);
      const delivery = { at, ownerId, memberId, body };
      today.push(delivery);
      out.push(delivery);
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Club-local dates from `first`, `days` of them. */
export function dates(first: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(first, i));
}
