// The knowledge as citable facts: an id (what the evaluation and the "why" line name) and the
// sentence a draft or a model prompt may use. A fact exists only when staff filled it in.
import { formatClock, formatSpans } from './clock-format';
import { WEEKDAYS, type Knowledge, type Weekday } from '../../../common/knowledge';
import type { Language } from './language';

export type FactKind =
  | 'openingHours'
  | 'staffedHours'
  | 'holiday'
  | 'address'
  | 'parking'
  | 'plans'
  | 'freezePolicy'
  | 'cancelPolicy'
  | 'guestPolicy'
  | 'classes'
  | 'trainers'
  | 'faq';

export interface Fact {
  /** `kind` or `kind:detail` (`faq:2`, `classes:Spin`). */
  id: string;
  kind: FactKind;
  text: string;
}

/** What staff are told to add when a draft needs a fact that is missing. */
export const FACT_LABELS: Readonly<Record<FactKind, string>> = {
  openingHours: 'your opening hours',
  staffedHours: 'your staffed hours',
  holiday: 'your holiday hours',
  address: 'your address',
  parking: 'your parking information',
  plans: 'your membership plans and prices',
  freezePolicy: 'your freeze policy',
  cancelPolicy: 'your cancellation policy',
  guestPolicy: 'your guest policy',
  classes: 'your class schedule',
  trainers: 'your trainers',
  faq: 'an answer to this question (Q&A)',
};

const DAY_NAMES: Record<Language, Record<Weekday, string>> = {
  en: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
  es: { mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado', sun: 'domingo' },
};

export const dayName = (day: Weekday, language: Language): string => DAY_NAMES[language][day];

function weekText(week: Knowledge['openingHours'], language: Language): string {
  return WEEKDAYS.filter((d) => week[d] !== undefined)
    .map((d) => `${dayName(d, language)} ${week[d]!.length === 0 ? (language === 'es' ? 'cerrado' : 'closed') : formatSpans(week[d]!, language)}`)
    .join('; ');
}

/** Every fact the knowledge holds, in English (the prompt and the export read these). */
export function allFacts(k: Knowledge, language: Language = 'en'): Fact[] {
  const facts: Fact[] = [];
  const add = (id: string, kind: FactKind, text: string): void => {
    if (text.trim() !== '') facts.push({ id, kind, text: text.trim() });
  };
  add('openingHours', 'openingHours', weekText(k.openingHours, language));
  add('staffedHours', 'staffedHours', weekText(k.staffedHours, language));
  for (const h of k.holidays) {
    const open = h.open === null ? '' : h.open.length === 0 ? 'closed' : `open ${formatSpans(h.open, language)}`;
    const staffed = h.staffed === null ? '' : h.staffed.length === 0 ? 'no staff' : `staffed ${formatSpans(h.staffed, language)}`;
    add(`holiday:${h.date}`, 'holiday', `${h.name} (${h.date}): ${[open, staffed].filter(Boolean).join(', ') || 'usual hours'}`);
  }
  add('address', 'address', k.address);
  add('parking', 'parking', k.parking);
  if (k.plans.length > 0) add('plans', 'plans', k.plans.map((p) => `${p.name}: ${p.price}${p.details ? ` (${p.details})` : ''}`).join('; '));
  add('freezePolicy', 'freezePolicy', k.freezePolicy);
  add('cancelPolicy', 'cancelPolicy', k.cancelPolicy);
  add('guestPolicy', 'guestPolicy', k.guestPolicy);
  for (const c of k.classes) {
    add(`classes:${c.name}`, 'classes', `${c.name} ${dayName(c.day, language)} ${formatClock(c.time, language)}${c.trainer ? ` (${c.trainer})` : ''}`);
  }
  if (k.trainers.length > 0) add('trainers', 'trainers', k.trainers.map((t) => (t.focus ? `${t.name} (${t.focus})` : t.name)).join(', '));
  k.faq.forEach((f, i) => add(`faq:${i}`, 'faq', `Q: ${f.question} A: ${f.answer}`));
  return facts;
}

/** All the knowledge's words and numbers, for the guards: a draft may only repeat what is here. */
export function knowledgeCorpus(k: Knowledge): string {
  return allFacts(k).map((f) => f.text).join('\n');
}
