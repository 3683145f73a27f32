// Outreach's BusinessHoursPort over the assistant's Knowledge (Settings → Knowledge), on the
// club's clock, through the assistant's business-hours module (spansOn, isStaffedAt): there is one
// place where staff write the gym's hours and holidays, and outreach reads it. It lives here, on
// the assistant's side, because outreach sits below the services and sees only its port.
//
// Waiting is counted in staffed hours. A day Knowledge gives no staffed hours for falls back to
// its opening hours, and a day with neither counts around the clock: a member's wait is never
// ignored because Knowledge is still blank (Settings → Follow-ups says so).
import { addDays, localDate, parseDate, zonedToEpoch } from '../../../common/time/club-time';
import { EMPTY_KNOWLEDGE, type Knowledge, type TimeSpan } from '../../../common/knowledge';
import type { FrontdeskDb } from '../../../db';
import type { BusinessHoursPort, KnowledgeField } from '../../outreach/ports';
import { isStaffedAt, spansOn } from './business-hours';
import { formatSpans } from './clock-format';

/** Business hours are summed over at most this many days: longer spans are capped, never looped over. */
const MAX_DAYS = 400;
const WHOLE_DAY: readonly TimeSpan[] = [{ from: '00:00', to: '24:00' }];

type TextField = 'clubName' | 'address' | 'parking' | 'freezePolicy' | 'cancelPolicy' | 'guestPolicy';
const TEXT_FIELDS: ReadonlyArray<{ name: TextField; label: string }> = [
  { name: 'clubName', label: "The gym's name" },
  { name: 'address', label: 'Address' },
  { name: 'parking', label: 'Parking' },
  { name: 'freezePolicy', label: 'Freeze policy' },
  { name: 'cancelPolicy', label: 'Cancellation policy' },
  { name: 'guestPolicy', label: 'Guest policy' },
];

export type WaitingDayBasis = 'staffed' | 'open' | 'around_the_clock';

/** Which of Knowledge's hours a club-local date's waiting time is counted in. */
export function waitingSpans(knowledge: Knowledge, date: string): { basis: WaitingDayBasis; spans: readonly TimeSpan[] } {
  const staffed = spansOn(knowledge, 'staffed', date);
  if (staffed !== null) return { basis: 'staffed', spans: staffed };
  const open = spansOn(knowledge, 'open', date);
  if (open !== null) return { basis: 'open', spans: open };
  return { basis: 'around_the_clock', spans: WHOLE_DAY };
}

function instant(date: string, hhmm: string, timeZone: string): number {
  if (hhmm === '24:00') return zonedToEpoch(parseDate(addDays(date, 1)), timeZone);
  return zonedToEpoch({ ...parseDate(date), hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) }, timeZone);
}

export interface KnowledgeHoursOptions {
  knowledge: () => Knowledge;
  timeZone: () => string;
}

export function knowledgeBusinessHours(options: KnowledgeHoursOptions): BusinessHoursPort {
  const hoursOn = (date: string): string | null => {
    const spans = spansOn(options.knowledge(), 'open', date);
    if (spans === null) return null;
    return spans.length === 0 ? 'closed' : formatSpans(spans, 'en');
  };
  return {
    timeZone: options.timeZone,
    isOpenAt(epochMs) {
      const k = options.knowledge();
      const zone = options.timeZone();
      const { basis } = waitingSpans(k, localDate(epochMs, zone));
      if (basis === 'staffed') return isStaffedAt(k, epochMs, zone);
      return this.businessMsBetween(epochMs, epochMs + 1) > 0;
    },
    businessMsBetween(a, b) {
      if (!(b > a)) return 0;
      const k = options.knowledge();
      const zone = options.timeZone();
      let total = 0;
      let date = localDate(a, zone);
      const last = localDate(b, zone);
      for (let i = 0; i < MAX_DAYS; i++) {
        for (const span of waitingSpans(k, date).spans) {
          const from = instant(date, span.from, zone);
          const to = instant(date, span.to, zone);
          total += Math.max(0, Math.min(b, to) - Math.max(a, from));
        }
        if (date >= last) break;
        date = addDays(date, 1);
      }
      return total;
    },
    knowledgeFields() {
      return [
        { name: 'todayHours', label: "Today's opening hours" },
        { name: 'tomorrowHours', label: "Tomorrow's opening hours" },
        ...TEXT_FIELDS.map((f): KnowledgeField => ({ name: f.name, label: f.label })),
      ];
    },
    knowledgeValue(name, epochMs) {
      const today = localDate(epochMs, options.timeZone());
      if (name === 'todayHours') return hoursOn(today);
      if (name === 'tomorrowHours') return hoursOn(addDays(today, 1));
      const field = TEXT_FIELDS.find((f) => f.name === name);
      if (!field) return null;
      const value = options.knowledge()[field.name].trim();
      return value === '' ? null : value;
    },
  };
}

/** The current Knowledge of the app database, parsed once per saved version (waiting rules ask for it per conversation). */
export function currentKnowledge(appDb: FrontdeskDb): () => Knowledge {
  let cache: { version: number; knowledge: Knowledge } | null = null;
  return () => {
    const version = appDb.knowledge.versions(1)[0]?.version;
    if (version === undefined) return EMPTY_KNOWLEDGE;
    if (cache?.version !== version) cache = { version, knowledge: appDb.knowledge.current()?.knowledge ?? EMPTY_KNOWLEDGE };
    return cache.knowledge;
  };
}
