// One realistic member text at a time: who sends it and what it says, in the proportions of
// protocol §7.2. The history generator and live mode both draw from here.
import { addDays, localDate, localParts, parseDate } from '../../common/time/club-time';
import { clockLabel, longDateLabel } from './club-labels';
import type { Random } from './random';
import type { MemberRecord, Roster, TextingHabit } from './roster';
import { fillTemplate } from './template-fill';
import { CONFIRM_SERVICES, EMOJI, FREE_TEMPLATES, LONG_SENTENCES, SPANISH_TEMPLATES, SYSTEM_TEXTS, TOPIC_WEIGHTS } from './text-corpus';
import type { FreeTopic } from './text-corpus';

export type MessageCategory = 'confirm' | 'stop' | 'cancel' | 'start' | 'spanish' | 'free';

export interface ComposedMessage {
  memberId: string;
  body: string;
  category: MessageCategory;
}

export interface MessageComposer {
  /** A text some member sends at `at`. */
  next(at: number): ComposedMessage;
}

const CATEGORY_SHARES: ReadonlyArray<[MessageCategory, number]> = [
  ['confirm', 0.13],
  ['stop', 0.08],
  ['cancel', 0.002],
  ['start', 0.002],
  ['spanish', 0.01],
  ['free', 0.776],
];

/** Within free texts: chosen so that ~4% of all rows carry emoji and ~5% span lines. */
const EMOJI_SHARE = 0.062;
const MULTILINE_SHARE = 0.06;
const LONG_SHARE = 0.008;
const MAX_BODY = 900;

const GENERAL_WEIGHT: Readonly<Record<TextingHabit, number>> = { pt: 30, regular: 4, occasional: 0.6 };
const CONFIRM_WEIGHT: Readonly<Record<TextingHabit, number>> = { pt: 60, regular: 4, occasional: 0.2 };
/** Members who opted out text less, but still text (and sometimes send STOP again). */
const OPTED_OUT_FACTOR = 0.3;

const TOPICS = Object.keys(TOPIC_WEIGHTS) as FreeTopic[];
const TOPIC_WEIGHT_LIST = TOPICS.map((t) => TOPIC_WEIGHTS[t]);

export interface ComposerDeps {
  rng: Random;
  roster: Roster;
  timeZone: string;
  isOptedOut: (memberId: string) => boolean;
}

export function createMessageComposer({ rng, roster, timeZone, isOptedOut }: ComposerDeps): MessageComposer {
  const members = roster.members;
  if (members.length === 0) throw new RangeError('a club needs at least one member to generate texts');
  const prone = members.filter((m) => m.optOutProne);
  const optOutPool = prone.length > 0 ? prone : members;
  const trainers = roster.staff.filter((s) => s.role === 'Personal Trainer');
  const trainerPool = trainers.length > 0 ? trainers : roster.staff;

  const pickMember = (weights: Readonly<Record<TextingHabit, number>>, optedOutFactor: number): MemberRecord => {
    const w = members.map((m) => weights[m.habit] * (isOptedOut(m.id) ? optedOutFactor : 1));
    return members[rng.weightedIndex(w)] as MemberRecord;
  };

  const trainerNames = trainerPool.map((s) => s.firstName);
  const fill = (template: string, member: MemberRecord): string =>
    fillTemplate(template, rng, { trainers: trainerNames, memberFirstName: member.firstName });

  const confirmText = (at: number): string => {
    if (rng.chance(0.05)) return SYSTEM_TEXTS.confirmNoEvent;
    const service = CONFIRM_SERVICES[rng.weightedIndex(CONFIRM_SERVICES.map((s) => s.weight))]?.name ?? 'Appointment';
    const now = localParts(at, timeZone);
    let offset = rng.int(0, 3);
    const hour = rng.int(6, 19);
    if (offset === 0 && hour <= now.hour) offset = 1;
    const date = parseDate(addDays(localDate(at, timeZone), offset));
    const time = clockLabel(hour, rng.pick([0, 0, 0, 30, 30, 15, 45]));
    return `CONFIRM - ${service} at ${time} on ${longDateLabel(date.year, date.month, date.day)} has been confirmed.`;
  };

  const freeLine = (member: MemberRecord): string => {
    const topic = TOPICS[rng.weightedIndex(TOPIC_WEIGHT_LIST)] ?? 'ack';
    return fill(rng.pick(FREE_TEMPLATES[topic]), member);
  };

  const longText = (member: MemberRecord): string => {
    const count = rng.int(4, 10);
    let text = '';
    for (let i = 0; i < count; i++) {
      const sentence = fill(rng.pick(LONG_SENTENCES), member);
      const sep = i === 0 ? '' : rng.chance(0.2) ? '\n\n' : ' ';
      if (text.length + sep.length + sentence.length > MAX_BODY) break;
      text += sep + sentence;
    }
    return text;
  };

  const freeText = (member: MemberRecord): string => {
    if (rng.chance(LONG_SHARE)) return longText(member);
    let body = freeLine(member);
    if (rng.chance(MULTILINE_SHARE)) body += (rng.chance(0.3) ? '\n\n' : '\n') + freeLine(member);
    if (rng.chance(EMOJI_SHARE)) {
      const emoji = rng.pick(EMOJI);
      body = rng.chance(0.25) ? emoji : `${body}${rng.chance(0.5) ? ' ' : ''}${emoji}${rng.chance(0.3) ? emoji : ''}`;
    }
    return body;
  };

  return {
    next(at) {
      let category = CATEGORY_SHARES[rng.weightedIndex(CATEGORY_SHARES.map(([, w]) => w))]?.[0] ?? 'free';
      if (category === 'start') {
        const optedOut = members.filter((m) => isOptedOut(m.id));
        if (optedOut.length > 0) return { memberId: rng.pick(optedOut).id, body: SYSTEM_TEXTS.start, category };
        category = 'free';
      }
      switch (category) {
        case 'confirm':
          return { memberId: pickMember(CONFIRM_WEIGHT, OPTED_OUT_FACTOR).id, body: confirmText(at), category };
        case 'stop':
        case 'cancel': {
          // Mostly people still opted in; some send STOP again to the next reminder.
          const member = optOutPool[rng.weightedIndex(optOutPool.map((m) => (isOptedOut(m.id) ? 1 : 3)))] as MemberRecord;
          return { memberId: member.id, body: category === 'stop' ? SYSTEM_TEXTS.stop : SYSTEM_TEXTS.cancel, category };
        }
        case 'spanish': {
          const member = pickMember(GENERAL_WEIGHT, OPTED_OUT_FACTOR);
          return { memberId: member.id, body: fill(rng.pick(SPANISH_TEMPLATES), member), category };
        }
        default: {
          const member = pickMember(GENERAL_WEIGHT, OPTED_OUT_FACTOR);
          return { memberId: member.id, body: freeText(member), category: 'free' };
        }
      }
    },
  };
}
