// What a member's text asks about, beyond its intent: which knowledge a good answer needs, and
// which day it means ("today", "tomorrow", "el sábado") in the club's calendar.
import { addDays, localDate } from '../../../common/time/club-time';
import { weekdayOf } from './business-hours';
import { WEEKDAYS, type Knowledge, type Weekday } from '../../../common/knowledge';

export type Topic = 'hours' | 'staffed' | 'address' | 'parking' | 'plans' | 'freeze' | 'cancel' | 'guest' | 'classes' | 'trainers';

const TOPIC_RULES: ReadonlyArray<[Topic, RegExp]> = [
  ['staffed', /(?<![\p{L}\p{N}])(?:staff(?:ed)?|front desk|someone (?:at|on) the desk|desk hours|manned|anyone there|personal (?:de|en) (?:la )?recepci[oó]n|recepci[oó]n|atend(?:ido|iendo))(?![\p{L}\p{N}])/iu],
  [
    'hours',
    /(?<![\p{L}\p{N}])(?:hours?|open(?:ing)?|close[sd]?|closing|what time (?:do|does|are|is)|are you (?:open|closed)|horario|horas|abr(?:en|e|ir)|cierr(?:an|a)|abiert[oa]s?|cerrad[oa]s?)(?![\p{L}\p{N}])/iu,
  ],
  ['address', /(?<![\p{L}\p{N}])(?:address|where (?:are|is) (?:you|the gym|the club)|located|location|directions|direcci[oó]n|d[oó]nde (?:est[aá]n|queda))(?![\p{L}\p{N}])/iu],
  ['parking', /(?<![\p{L}\p{N}])(?:park(?:ing)?|garage|estaciona\p{L}*|parqueo|aparcar)(?![\p{L}\p{N}])/iu],
  [
    'plans',
    /(?<![\p{L}\p{N}])(?:price|prices|pricing|cost|costs|how much|rates?|plans?|options|join(?:ing)?|sign(?:ing)? up|membership (?:fee|cost)|monthly fee|precios?|cu[aá]nto (?:cuesta|es|cobran|sale)|planes?|inscrib|unirme)(?![\p{L}\p{N}])/iu,
  ],
  [
    'freeze',
    // "It is freezing in here" is a complaint about the heating, not a membership freeze.
    /(?<![\p{L}\p{N}])(?:freez(?:e|ing) (?:my|the|our|your)? ?(?:membership|account|contract)|(?:to|a|the|can i|how do i) freeze|freeze (?:fee|policy|form)|froze|unfreeze|pause (?:my|the) (?:membership|account)|on hold|put (?:my|it) on hold|congelar|congelaci[oó]n|pausar)(?![\p{L}\p{N}])/iu,
  ],
  [
    'cancel',
    /(?<![\p{L}\p{N}])(?:cancel(?:l?ing|ation)? (?:my |the |our )?(?:membership|contract|account|subscription)|cancel+(?:ation)? policy|end (?:my|the) (?:membership|contract)|quit the gym|cancelar (?:mi |la )?(?:membres[ií]a|suscripci[oó]n|contrato)|dar de baja)(?![\p{L}\p{N}])/iu,
  ],
  ['guest', /(?<![\p{L}\p{N}])(?:guests?|bring (?:a |my )?(?:friend|buddy|wife|husband|partner|sister|brother|mom|dad)|plus one|invitad[oa]s?|traer (?:a )?(?:un |una |mi )?amig[oa])(?![\p{L}\p{N}])/iu],
  ['classes', /(?<![\p{L}\p{N}])(?:class(?:es)?|schedule|timetable|zumba|spin(?:ning)?|yoga|hiit|bootcamp|pilates|boxing|clases?|horario de clases)(?![\p{L}\p{N}])/iu],
  ['trainers', /(?<![\p{L}\p{N}])(?:trainers?|coach(?:es)?|pt|personal training|entrenador(?:es|a)?)(?![\p{L}\p{N}])/iu],
];

export function topicsOf(text: string, knowledge: Knowledge): Topic[] {
  const found = TOPIC_RULES.filter(([, re]) => re.test(text)).map(([t]) => t);
  const lower = text.toLowerCase();
  if (!found.includes('classes') && knowledge.classes.some((c) => lower.includes(c.name.toLowerCase()))) found.push('classes');
  if (!found.includes('trainers') && knowledge.trainers.some((t) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(t.name.split(/\s+/u)[0] ?? '')}(?![\\p{L}\\p{N}])`, 'iu').test(text))) {
    found.push('trainers');
  }
  // "Is the class on Saturday open?" asks about a class, not the club's hours.
  if (found.includes('classes') && found.includes('hours') && !/(?<![\p{L}\p{N}])(?:gym|club|you|ustedes|gimnasio)(?![\p{L}\p{N}])/iu.test(text)) {
    return found.filter((t) => t !== 'hours');
  }
  return found;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

const DAY_WORDS: ReadonlyArray<[Weekday, RegExp]> = [
  ['mon', /(?<![\p{L}\p{N}])(?:monday|mon|lunes)(?![\p{L}\p{N}])/iu],
  ['tue', /(?<![\p{L}\p{N}])(?:tuesday|tues?|martes)(?![\p{L}\p{N}])/iu],
  ['wed', /(?<![\p{L}\p{N}])(?:wednesday|wed|mi[eé]rcoles)(?![\p{L}\p{N}])/iu],
  ['thu', /(?<![\p{L}\p{N}])(?:thursday|thurs?|jueves)(?![\p{L}\p{N}])/iu],
  ['fri', /(?<![\p{L}\p{N}])(?:friday|fri|viernes)(?![\p{L}\p{N}])/iu],
  ['sat', /(?<![\p{L}\p{N}])(?:saturday|sat|s[aá]bado)(?![\p{L}\p{N}])/iu],
  ['sun', /(?<![\p{L}\p{N}])(?:sunday|sun|domingo)(?![\p{L}\p{N}])/iu],
];

export interface DayReference {
  date: string;
  /** How the member said it, to echo it back: "today", "tomorrow", or a weekday. */
  said: 'today' | 'tomorrow' | 'weekday' | 'holiday';
}

/** The club-local date the text means, if it names one; null when it does not say. */
/** Other names members use for the holidays staff list (by the holiday's first word). */
const HOLIDAY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  christmas: ['christmas', 'xmas', 'navidad', 'nochebuena'],
  new: ['new year', 'año nuevo', 'ano nuevo'],
  thanksgiving: ['thanksgiving', 'acción de gracias', 'accion de gracias'],
  easter: ['easter', 'pascua', 'semana santa'],
  independence: ['independence day', 'july 4', '4th of july', 'fourth of july'],
  labor: ['labor day', 'día del trabajo'],
  memorial: ['memorial day'],
};

function namesHoliday(text: string, holidayName: string): boolean {
  const first = (holidayName.split(/\s+/u)[0] ?? '').toLowerCase();
  const lower = text.toLowerCase();
  const aliases = HOLIDAY_ALIASES[first] ?? [];
  if (aliases.some((a) => lower.includes(a))) return true;
  return first.length >= 4 && first !== 'new' && new RegExp(`(?<![\\p{L}\\p{N}])${escape(first)}`, 'iu').test(text);
}

export function dayReferenceOf(text: string, knowledge: Knowledge, nowMs: number, timeZone: string): DayReference | null {
  const today = localDate(nowMs, timeZone);
  for (const h of knowledge.holidays) {
    if (h.date >= today && namesHoliday(text, h.name)) return { date: h.date, said: 'holiday' };
  }
  if (/(?<![\p{L}\p{N}])(?:tomorrow|tmrw|tmr|2morrow)(?![\p{L}\p{N}])/iu.test(text) || (/(?<![\p{L}\p{N}])ma[ñn]ana(?![\p{L}\p{N}])/iu.test(text) && !/(?<![\p{L}\p{N}])(?:la|esta|por la|en la) ma[ñn]ana(?![\p{L}\p{N}])/iu.test(text))) {
    return { date: addDays(today, 1), said: 'tomorrow' };
  }
  if (/(?<![\p{L}\p{N}])(?:today|tonight|this (?:morning|afternoon|evening)|right now|now|hoy|esta noche|ahorita|ahora)(?![\p{L}\p{N}])/iu.test(text)) {
    return { date: today, said: 'today' };
  }
  for (const [day, re] of DAY_WORDS) {
    if (!re.test(text)) continue;
    // The next such day, today included.
    const offset = (WEEKDAYS.indexOf(day) - WEEKDAYS.indexOf(weekdayOf(today)) + 7) % 7;
    return { date: addDays(today, offset), said: 'weekday' };
  }
  return null;
}

const STOP_WORDS = new Set(
  'the a an is are do does can i my you your to of for and or on in at it we our with what when where how there have has be this that me any about el la los las de del en y o que un una es mi tu su se por para con hay'.split(' '),
);

const contentWords = (s: string): Set<string> =>
  new Set(
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
      .map((w) => w.replace(/(?:es|s)$/u, '')),
  );

/** Q&A entries whose question shares enough words with the text, best first. */
export function matchingFaq(text: string, knowledge: Knowledge): number[] {
  const words = contentWords(text);
  return knowledge.faq
    .map((f, index) => {
      const q = contentWords(f.question);
      const shared = [...q].filter((w) => words.has(w)).length;
      return { index, shared, need: Math.min(2, q.size) };
    })
    .filter((m) => m.shared >= m.need && m.shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .map((m) => m.index);
}
