// Seeded member texts for benchmark data: who wrote, what, and when, oldest first. Bodies come
// from the simulator's composer (the message mix of protocol §7.2); times follow its weekday and
// hour shape; senders are skewed like a real club (a few PT clients text a lot, most members
// rarely), and every member writes at least once, so N members make N conversations.
import { createMessageComposer } from '../../../main/clubos-simulator/message-composer';
import { createRandom, type Random } from '../../../main/clubos-simulator/random';
import { generateRoster } from '../../../main/clubos-simulator/roster';
import { addDays, localDate, parseDate, zonedToEpoch } from '../../../common/time/club-time';

export interface TrafficMessage {
  /** Index into the club's members. */
  member: number;
  body: string;
  /** Epoch ms. */
  at: number;
}

export interface TrafficOptions {
  seed: number;
  messages: number;
  members: number;
  /** Club-local days the traffic spans, ending on the day of `end`. */
  days: number;
  /** Nothing is later than this. */
  end: number;
  timeZone: string;
}

const WEEKDAY_WEIGHTS = [0.9, 14.5, 13, 16, 10.5, 13, 0.8];
const FIRST_HOUR = 5;
const HOUR_WEIGHTS = [1, 3, 8, 9, 7, 5, 5, 6, 5, 5, 6, 8, 9, 8, 6, 4, 2, 1, 1];

export function generateTraffic(options: TrafficOptions): TrafficMessage[] {
  const { messages, members, days, end, timeZone } = options;
  if (members < 1 || messages < members) throw new RangeError('traffic needs at least one message per member');
  const root = createRandom(options.seed);
  const times = messageTimes(root.fork('times'), messages, days, end, timeZone);
  const senders = messageSenders(root.fork('senders'), messages, members);
  const bodies = bodySource(root.fork('bodies'), timeZone);
  return times.map((at, i) => ({ member: senders[i]!, body: bodies(at), at }));
}

function messageTimes(rng: Random, count: number, days: number, end: number, timeZone: string): number[] {
  const today = localDate(end, timeZone);
  const calendar: Array<{ year: number; month: number; day: number; offsetMs: number }> = [];
  const weights: number[] = [];
  for (let back = days - 1; back >= 0; back--) {
    const date = parseDate(addDays(today, -back));
    // The zone's offset at noon holds from 5:00 on: DST changes happen before that.
    const noon = Date.UTC(date.year, date.month - 1, date.day, 12);
    calendar.push({ ...date, offsetMs: noon - zonedToEpoch({ ...date, hour: 12 }, timeZone) });
    weights.push(WEEKDAY_WEIGHTS[new Date(noon).getUTCDay()] ?? 1);
  }
  const pickDay = weightedPicker(rng, weights);
  const times: number[] = [];
  while (times.length < count) {
    const d = calendar[pickDay()]!;
    const hour = FIRST_HOUR + rng.weightedIndex(HOUR_WEIGHTS);
    const at = Date.UTC(d.year, d.month - 1, d.day, hour, rng.int(0, 59), rng.int(0, 59)) - d.offsetMs;
    if (at <= end) times.push(at);
  }
  return times.sort((a, b) => a - b);
}

/** `rng.weightedIndex` by binary search over the running totals: years of days are many weights. */
function weightedPicker(rng: Random, weights: readonly number[]): () => number {
  const totals: number[] = [];
  let sum = 0;
  for (const w of weights) totals.push((sum += w));
  return () => {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = totals.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (totals[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Every member once, the rest drawn with a heavy head (u² puts ~45% of the texts on the first fifth of members). */
function messageSenders(rng: Random, count: number, members: number): number[] {
  const senders: number[] = [];
  for (let m = 0; m < members; m++) senders.push(m);
  while (senders.length < count) senders.push(Math.floor(members * rng.next() ** 2));
  for (let i = senders.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [senders[i], senders[j]] = [senders[j]!, senders[i]!];
  }
  return senders;
}

function bodySource(rng: Random, timeZone: string): (at: number) => string {
  // A small roster is enough to fill the templates ({trainer}, {first}); senders are chosen above.
  const roster = generateRoster(rng.fork('roster'), { members: 60, staff: 12 });
  const composer = createMessageComposer({ rng: rng.fork('texts'), roster, timeZone, isOptedOut: () => false });
  return (at) => composer.next(at).body;
}
