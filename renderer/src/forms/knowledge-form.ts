// Settings → Knowledge as text staff can type quickly: hours as "9:00-19:00" per weekday, lists
// one entry a line with "|" between parts. Parsing says which line is wrong; nothing is saved
// until every field reads.
import type { Knowledge } from '../../../common/contract';
import { WEEKDAYS, type TimeSpan, type Weekday } from '../../../common/knowledge';

export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export interface KnowledgeInput {
  clubName: string;
  openingHours: Record<Weekday, string>;
  staffedHours: Record<Weekday, string>;
  holidays: string;
  address: string;
  parking: string;
  plans: string;
  freezePolicy: string;
  cancelPolicy: string;
  guestPolicy: string;
  classes: string;
  trainers: string;
  faq: string;
}

export type KnowledgeField = keyof KnowledgeInput | `openingHours.${Weekday}` | `staffedHours.${Weekday}`;

const pad = (n: number): string => String(n).padStart(2, '0');

export function spansToText(spans: readonly TimeSpan[] | null | undefined): string {
  if (spans === undefined || spans === null) return '';
  if (spans.length === 0) return 'closed';
  if (spans.length === 1 && spans[0]!.from === '00:00' && spans[0]!.to === '24:00') return '24h';
  return spans.map((s) => `${s.from}-${s.to}`).join(', ');
}

function clock(text: string): string | null {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/iu.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const suffix = m[3]?.toLowerCase().replace(/\./gu, '');
  if (suffix) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
  }
  if (hour > 24 || minute > 59 || (hour === 24 && minute !== 0)) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/** "" → unknown (null), "closed" → [], "24h" → all day, "9-12, 13:00-19:00" → spans. */
export function parseSpans(text: string): TimeSpan[] | null | string {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (t === 'closed' || t === 'none' || t === 'cerrado') return [];
  if (t === '24h' || t === '24 hours' || t === 'all day') return [{ from: '00:00', to: '24:00' }];
  const spans: TimeSpan[] = [];
  for (const part of t.split(/[,;]/u)) {
    const [a, b, ...rest] = part.split(/\s*[-–]\s*/u);
    const from = a === undefined ? null : clock(a);
    const to = b === undefined ? null : clock(b);
    if (rest.length > 0 || from === null || to === null) return `"${part.trim()}" is not a time span like 9:00-19:00`;
    if (to <= from) return `${from}-${to} ends before it starts (use 24:00 for midnight)`;
    spans.push({ from, to });
  }
  return spans;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const parts = (line: string): string[] => line.split('|').map((p) => p.trim());

const DAY_WORDS: Record<string, Weekday> = Object.fromEntries(
  WEEKDAYS.flatMap((d) => [
    [d, d],
    [WEEKDAY_LABELS[d].toLowerCase(), d],
  ]),
);

export function knowledgeToInput(k: Knowledge): KnowledgeInput {
  const week = (w: Knowledge['openingHours']): Record<Weekday, string> =>
    Object.fromEntries(WEEKDAYS.map((d) => [d, spansToText(w[d])])) as Record<Weekday, string>;
  return {
    clubName: k.clubName,
    openingHours: week(k.openingHours),
    staffedHours: week(k.staffedHours),
    holidays: k.holidays.map((h) => `${h.date} | ${h.name} | ${spansToText(h.open) || 'usual'} | ${spansToText(h.staffed) || 'usual'}`).join('\n'),
    address: k.address,
    parking: k.parking,
    plans: k.plans.map((p) => [p.name, p.price, p.details].filter((x, i) => i < 2 || x !== '').join(' | ')).join('\n'),
    freezePolicy: k.freezePolicy,
    cancelPolicy: k.cancelPolicy,
    guestPolicy: k.guestPolicy,
    classes: k.classes.map((c) => [c.name, WEEKDAY_LABELS[c.day], c.time, c.trainer].filter((x, i) => i < 3 || x !== '').join(' | ')).join('\n'),
    trainers: k.trainers.map((t) => (t.focus ? `${t.name} | ${t.focus}` : t.name)).join('\n'),
    faq: k.faq.map((f) => `${f.question} | ${f.answer}`).join('\n'),
  };
}

export type KnowledgeParse = { ok: true; knowledge: Knowledge } | { ok: false; errors: Partial<Record<KnowledgeField, string>> };

export function parseKnowledgeInput(input: KnowledgeInput): KnowledgeParse {
  const errors: Partial<Record<KnowledgeField, string>> = {};
  const week = (kind: 'openingHours' | 'staffedHours'): Knowledge['openingHours'] => {
    const out: Knowledge['openingHours'] = {};
    for (const d of WEEKDAYS) {
      const parsed = parseSpans(input[kind][d]);
      if (typeof parsed === 'string') errors[`${kind}.${d}`] = parsed;
      else if (parsed !== null) out[d] = parsed;
    }
    return out;
  };
  const listOf = <T>(field: KnowledgeField, text: string, read: (p: string[], line: number) => T | string): T[] => {
    const out: T[] = [];
    lines(text).forEach((line, i) => {
      const value = read(parts(line), i + 1);
      if (typeof value === 'string') errors[field] ??= `Line ${i + 1}: ${value}`;
      else out.push(value);
    });
    return out;
  };
  const spansOrUsual = (text: string | undefined): TimeSpan[] | null | string => {
    const t = (text ?? '').trim().toLowerCase();
    return t === '' || t === 'usual' ? null : parseSpans(t);
  };
  const knowledge: Knowledge = {
    clubName: input.clubName.trim(),
    openingHours: week('openingHours'),
    staffedHours: week('staffedHours'),
    holidays: listOf('holidays', input.holidays, ([date, name, open, staffed]) => {
      if (!date || !/^\d{4}-\d{2}-\d{2}$/u.test(date)) return 'start with the date as YYYY-MM-DD';
      if (!name) return 'give the holiday a name';
      const o = spansOrUsual(open);
      const s = spansOrUsual(staffed);
      if (typeof o === 'string') return o;
      if (typeof s === 'string') return s;
      return { date, name, open: o, staffed: s };
    }),
    address: input.address.trim(),
    parking: input.parking.trim(),
    plans: listOf('plans', input.plans, ([name, price, details]) => (name && price ? { name, price, details: details ?? '' } : 'write name | price | details')),
    freezePolicy: input.freezePolicy.trim(),
    cancelPolicy: input.cancelPolicy.trim(),
    guestPolicy: input.guestPolicy.trim(),
    classes: listOf('classes', input.classes, ([name, day, time, trainer]) => {
      const d = DAY_WORDS[(day ?? '').toLowerCase()] ?? DAY_WORDS[(day ?? '').toLowerCase().slice(0, 3)];
      const t = time ? clock(time) : null;
      if (!name || !d || !t || t === '24:00') return 'write class | weekday | time | trainer';
      return { name, day: d, time: t, trainer: trainer ?? '' };
    }),
    trainers: listOf('trainers', input.trainers, ([name, focus]) => (name ? { name, focus: focus ?? '' } : 'write name | focus')),
    faq: listOf('faq', input.faq, ([question, ...answer]) => (question && answer.join('|').trim() ? { question, answer: answer.join(' | ') } : 'write question | answer')),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, knowledge };
}
