// Contextual drafts without any model: per intent, sentences built only from the knowledge, the
// member and what the text asked. Where a fact is missing the draft holds back ("let me check")
// and tells staff which fact to add; it never invents one.
import { localDate } from '../../../common/time/club-time';
import type { Intent } from '../../../common/intent-catalog';
import { holidayOn, spansOn, weekdayOf } from './business-hours';
import { formatClock, formatSpans } from './clock-format';
import { FACT_LABELS, dayName, type Fact, type FactKind } from './facts';
import type { Knowledge } from '../../../common/knowledge';
import { languageOf, type Language } from './language';
import type { MemberContext } from './member-context';
import type { SafetyFlag } from './safety';
import { dayReferenceOf, matchingFaq, topicsOf, type DayReference, type Topic } from './topics';

export interface DraftInput {
  intent: Intent;
  /** The member's text being answered. */
  text: string;
  member: MemberContext;
  knowledge: Knowledge;
  nowMs: number;
  timeZone: string;
  flags: readonly SafetyFlag[];
}

export interface Draft {
  /** Empty when there is nothing to say (spam, ClubOS auto-texts, opt-outs). */
  text: string;
  language: Language;
  /** The knowledge the text states. */
  facts: Fact[];
  /** Facts the answer needed and Knowledge lacks. */
  missing: FactKind[];
  /** For staff, never sent: "Add your freeze policy in Knowledge." */
  staffNotes: string[];
  topics: Topic[];
}

type Phrases = Record<string, (...args: string[]) => string>;

const PHRASES: Record<Language, Phrases> = {
  en: {
    hi: (name) => (name ? `Hi ${name}!` : 'Hi there!'),
    check: () => "Let me check and get back to you shortly.",
    openOn: (when, spans) => `${when} we're open ${spans}.`,
    closedOn: (when) => `${when} we're closed.`,
    staffedOn: (when, spans) => `${when} the front desk is staffed ${spans}.`,
    unstaffedOn: (when) => `${when} the front desk isn't staffed.`,
    holiday: (name) => `(${name})`,
    address: (a) => `We're at ${a}.`,
    parking: (p) => `Parking: ${p}`,
    plans: (p) => `Our plans: ${p}.`,
    freeze: (p) => `About freezing: ${p}`,
    cancel: (p) => `About cancelling: ${p}`,
    guest: (p) => `Guests: ${p}`,
    classes: (c) => `Classes: ${c}.`,
    noClassesOn: (when) => `${when} there's no class on the schedule.`,
    trainers: (t) => `Our trainers: ${t}.`,
    appointmentSeen: (what, date, time) => `I see your ${what} on ${date} at ${time}.`,
    cancelAck: () => "Thanks for letting us know. I'll pass it on to your trainer.",
    rebook: () => 'Would you like to find a new time?',
    requestAck: () => "Happy to get you in! What day and time work best for you?",
    complaint: () => "I'm sorry about that, and thank you for telling us. I've passed it to the manager, who will get back to you.",
    billing: () => "Thanks for reaching out about your account. A manager will look into it and get back to you.",
    human: () => "Thanks for letting us know. A staff member will get back to you as soon as possible.",
    emergency: () => 'If this is an emergency, please call your local emergency number.',
    praise: () => "Thank you! That means a lot to us. I'll pass it on to the team.",
    welcomeBack: () => "Welcome back! You'll get texts from the club again.",
    today: () => 'Today',
    tomorrow: () => 'Tomorrow',
    on: (day) => `On ${day}`,
  },
  es: {
    hi: (name) => (name ? `¡Hola ${name}!` : '¡Hola!'),
    check: () => 'Déjame revisar y te respondo en breve.',
    openOn: (when, spans) => `${when} abrimos ${spans}.`,
    closedOn: (when) => `${when} estamos cerrados.`,
    staffedOn: (when, spans) => `${when} hay personal en recepción ${spans}.`,
    unstaffedOn: (when) => `${when} no hay personal en recepción.`,
    holiday: (name) => `(${name})`,
    address: (a) => `Estamos en ${a}.`,
    parking: (p) => `Estacionamiento: ${p}`,
    plans: (p) => `Nuestros planes: ${p}.`,
    freeze: (p) => `Sobre congelar la membresía: ${p}`,
    cancel: (p) => `Sobre cancelar: ${p}`,
    guest: (p) => `Invitados: ${p}`,
    classes: (c) => `Clases: ${c}.`,
    noClassesOn: (when) => `${when} no hay clases en el horario.`,
    trainers: (t) => `Nuestros entrenadores: ${t}.`,
    appointmentSeen: (what, date, time) => `Veo tu cita de ${what} el ${date} a las ${time}.`,
    cancelAck: () => 'Gracias por avisarnos. Se lo paso a tu entrenador.',
    rebook: () => '¿Quieres buscar otro horario?',
    requestAck: () => '¡Con gusto! ¿Qué día y hora te quedan mejor?',
    complaint: () => 'Lo siento mucho y gracias por decírnoslo. Ya se lo pasé al gerente, que te responderá.',
    billing: () => 'Gracias por escribirnos sobre tu cuenta. Un gerente lo revisará y te responderá.',
    human: () => 'Gracias por avisarnos. Alguien del personal te responderá lo antes posible.',
    emergency: () => 'Si es una emergencia, llama al número de emergencias local.',
    praise: () => '¡Muchas gracias! Significa mucho para nosotros. Se lo diré al equipo.',
    welcomeBack: () => '¡Bienvenido de nuevo! Volverás a recibir mensajes del club.',
    today: () => 'Hoy',
    tomorrow: () => 'Mañana',
    on: (day) => `El ${day}`,
  },
};

/** Intents answered from the knowledge; the rest get a holding reply a person follows up. */
const ANSWERING: ReadonlySet<Intent> = new Set<Intent>([
  'question_about_schedule',
  'question_about_membership',
  'question_about_training',
  'general_inquiry',
  'appointment_request',
]);

const QUESTION =
  /\?|(?<![\p{L}\p{N}])(?:do you|can i|could i|is there|are there|are you|how|what|where|when|which|who|tienen|hay|puedo|c[oó]mo|qu[eé]|d[oó]nde|cu[aá]ndo|cu[aá]l|qui[eé]n)(?![\p{L}\p{N}])/iu;

const NO_DRAFT: ReadonlySet<Intent> = new Set(['spam', 'opt_out', 'appointment_confirmation']);

const TOPIC_FACT: Record<Topic, FactKind> = {
  hours: 'openingHours',
  staffed: 'staffedHours',
  address: 'address',
  parking: 'parking',
  plans: 'plans',
  freeze: 'freezePolicy',
  cancel: 'cancelPolicy',
  guest: 'guestPolicy',
  classes: 'classes',
  trainers: 'trainers',
};

const sentence = (s: string): string => (/[.!?)]$/u.test(s.trim()) ? s.trim() : `${s.trim()}.`);

export function draftReply(input: DraftInput): Draft {
  const { intent, knowledge: k } = input;
  const language = languageOf(input.text);
  const p = PHRASES[language];
  const facts: Fact[] = [];
  const missing: FactKind[] = [];
  const lines: string[] = [];
  const empty = (): Draft => ({ text: '', language, facts: [], missing: [], staffNotes: [], topics: [] });
  if (NO_DRAFT.has(intent)) return empty();

  const day = dayReferenceOf(input.text, k, input.nowMs, input.timeZone);
  const when = (ref: DayReference | null): { date: string; label: string } => {
    const date = ref?.date ?? localDate(input.nowMs, input.timeZone);
    const label = ref === null || ref.said === 'today' ? p.today!() : ref.said === 'tomorrow' ? p.tomorrow!() : p.on!(dayName(weekdayOf(date), language));
    const holiday = holidayOn(k, date);
    return { date, label: holiday ? `${label} ${p.holiday!(holiday.name)}` : label };
  };
  const use = (fact: Fact): void => {
    if (!facts.some((f) => f.id === fact.id)) facts.push(fact);
  };
  const need = (kind: FactKind): void => {
    if (!missing.includes(kind)) missing.push(kind);
  };

  const hoursLine = (kind: 'open' | 'staffed'): void => {
    const { date, label } = when(day);
    const spans = spansOn(k, kind, date);
    const factKind: FactKind = kind === 'open' ? 'openingHours' : 'staffedHours';
    if (spans === null) return need(factKind);
    const holiday = holidayOn(k, date);
    const holidaySays = holiday && (kind === 'open' ? holiday.open : holiday.staffed) !== null;
    const factText = spans.length === 0 ? 'closed' : formatSpans(spans, 'en');
    use({ id: holidaySays ? `holiday:${date}` : factKind, kind: holidaySays ? 'holiday' : factKind, text: `${date}: ${factText}` });
    if (spans.length === 0) lines.push(kind === 'open' ? p.closedOn!(label) : p.unstaffedOn!(label));
    else lines.push(kind === 'open' ? p.openOn!(label, formatSpans(spans, language)) : p.staffedOn!(label, formatSpans(spans, language)));
  };

  const classesLine = (): void => {
    if (k.classes.length === 0) return need('classes');
    const lower = input.text.toLowerCase();
    const named = k.classes.filter((c) => lower.includes(c.name.toLowerCase()));
    const onDay = day ? k.classes.filter((c) => c.day === weekdayOf(day.date)) : [];
    let chosen = named.length > 0 ? (day ? named.filter((c) => c.day === weekdayOf(day.date)) : named) : day ? onDay : k.classes;
    if (chosen.length === 0 && day) {
      lines.push(p.noClassesOn!(when(day).label));
      use({ id: 'classes', kind: 'classes', text: 'class schedule' });
      return;
    }
    if (chosen.length === 0) chosen = named;
    const listed = chosen.slice(0, 6).map((c) => {
      use({ id: `classes:${c.name}`, kind: 'classes', text: `${c.name} ${c.day} ${c.time}` });
      return `${c.name} ${dayName(c.day, language)} ${formatClock(c.time, language)}${c.trainer ? ` (${c.trainer})` : ''}`;
    });
    lines.push(p.classes!(listed.join(', ')));
  };

  const topicLine = (topic: Topic): void => {
    switch (topic) {
      case 'hours':
        return hoursLine('open');
      case 'staffed':
        return hoursLine('staffed');
      case 'classes':
        return classesLine();
      case 'plans':
        if (k.plans.length === 0) return need('plans');
        use({ id: 'plans', kind: 'plans', text: 'plans' });
        lines.push(p.plans!(k.plans.map((pl) => `${pl.name} ${pl.price}${pl.details ? ` (${pl.details})` : ''}`).join('; ')));
        return;
      case 'trainers': {
        if (k.trainers.length === 0) return need('trainers');
        use({ id: 'trainers', kind: 'trainers', text: 'trainers' });
        lines.push(p.trainers!(k.trainers.map((t) => (t.focus ? `${t.name} (${t.focus})` : t.name)).join(', ')));
        return;
      }
      default: {
        const kind = TOPIC_FACT[topic];
        const value = { address: k.address, parking: k.parking, freezePolicy: k.freezePolicy, cancelPolicy: k.cancelPolicy, guestPolicy: k.guestPolicy }[
          kind as 'address'
        ];
        if (!value) return need(kind);
        use({ id: kind, kind, text: value });
        const phrase = { address: p.address, parking: p.parking, freezePolicy: p.freeze, cancelPolicy: p.cancel, guestPolicy: p.guest }[kind as 'address']!;
        lines.push(sentence(phrase(value)));
      }
    }
  };

  let topics = topicsOf(input.text, k);
  // "What are your hours today?" alone names the club's hours; a staffed question both.
  if (topics.includes('hours') && topics.includes('staffed')) topics = topics.filter((t) => t !== 'hours');

  const faqHits = matchingFaq(input.text, k);
  const holding = intent === 'complaint' || intent === 'question_about_billing' || intent === 'requires_human_response' || input.flags.length > 0;
  const answers = holding || ANSWERING.has(intent);
  const asksSomething = QUESTION.test(input.text);

  if (intent === 'complaint') lines.push(p.complaint!());
  else if (intent === 'question_about_billing') lines.push(p.billing!());
  else if (holding) {
    lines.push(p.human!());
    if (input.flags.some((f) => f === 'injury' || f === 'medical' || f === 'threat')) lines.push(p.emergency!());
  } else if (intent === 'praise') lines.push(p.praise!());
  else if (intent === 'opt_in') lines.push(p.welcomeBack!());
  else if (intent === 'appointment_cancellation') {
    lines.push(p.cancelAck!());
    const appt = futureAppointment(input);
    if (appt) lines.push(p.appointmentSeen!(appt.what, appt.dateText, appt.time));
    lines.push(p.rebook!());
  }

  if (answers) {
    // What the text asked, from Knowledge: a Q&A entry first, then each topic it names. A person
    // reviewing a held reply sees the same facts.
    const faqFirst = faqHits.slice(0, 1);
    for (const i of faqFirst) {
      const f = k.faq[i]!;
      use({ id: `faq:${i}`, kind: 'faq', text: f.answer });
      lines.push(sentence(f.answer));
    }
    // Membership plans are not personal-training prices: a training question about cost needs its own fact.
    if (intent === 'question_about_training' && topics.includes('plans') && faqFirst.length === 0) {
      topics = topics.filter((t) => t !== 'plans');
      need('faq');
    }
    if (faqFirst.length === 0 || topics.length > 0) for (const t of topics) topicLine(t);
    if (intent === 'appointment_request') {
      const appt = futureAppointment(input);
      if (appt) lines.push(p.appointmentSeen!(appt.what, appt.dateText, appt.time));
      lines.push(p.requestAck!());
    } else if (!holding && topics.length === 0 && faqFirst.length === 0 && asksSomething) {
      // A question nothing in Knowledge answers: hold, and tell staff to add a Q&A entry.
      need('faq');
    }
  }
  if (missing.length > 0 && !holding && !lines.includes(p.check!())) lines.push(p.check!());

  const staffNotes = missing.map((kind) => `Add ${FACT_LABELS[kind]} in Settings → Knowledge; this draft leaves it out.`);
  if (lines.length === 0) return { ...empty(), staffNotes, missing };
  const text = [p.hi!(input.member.firstName ?? ''), ...lines].join(' ');
  return { text, language, facts, missing, staffNotes, topics };
}

function futureAppointment(input: DraftInput): MemberContext['lastAppointment'] {
  const appt = input.member.lastAppointment;
  if (!appt) return null;
  return appt.date >= localDate(input.nowMs, input.timeZone) ? appt : null;
}
