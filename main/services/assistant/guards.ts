// Checks every draft passes before anyone can send it, whoever wrote it (rules or a model): not
// too long, no placeholder, no link, price, phone or clock time the knowledge (or the thread, for
// times) does not contain, no promise about money or cancellations. A failed guard never blocks a
// person; it blocks automatic sending and is shown to staff.
import { clockMinutesIn } from './clock-format';

export const MAX_DRAFT_LENGTH = 640;

export type GuardFailure =
  | { rule: 'empty' }
  | { rule: 'too_long'; length: number }
  | { rule: 'placeholder'; found: string }
  | { rule: 'link'; found: string }
  | { rule: 'price'; found: string }
  | { rule: 'phone'; found: string }
  | { rule: 'email'; found: string }
  | { rule: 'time'; found: string }
  | { rule: 'promise'; found: string };

export interface GuardSources {
  /** Everything staff wrote in Knowledge (`knowledgeCorpus`). */
  knowledge: string;
  /** The conversation's texts: a time the member or ClubOS already wrote may be repeated. */
  thread: string;
}

const PLACEHOLDER = /\{[^{}\n]{0,40}\}|\[[A-Z _]{2,40}\]|<[A-Z _]{2,40}>|\b(?:TODO|TBD|XXX|lorem ipsum)\b/u;
const URL = /\b(?:https?:\/\/|www\.)[^\s]+|\b[a-z0-9-]+\.(?:com|net|org|io|co|fit|gym|app|ly|me|us)\b(?:\/[^\s]*)?/giu;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu;
const PRICE = /(?:[$€£]\s?\d[\d,]*(?:\.\d{1,2})?|\b\d[\d,]*(?:\.\d{1,2})?\s?(?:dollars|bucks|usd|d[oó]lares|pesos|euros)\b)/giu;
const PHONE = /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/gu;

// First-person promises about money or the contract: only a person may make them.
const PROMISE =
  /\b(?:(?:i|we)(?:'ve| have|'ll| will| can| are going to|'re going to)?\s+(?:already\s+)?(?:refund(?:ed)?|reimburs(?:e|ed)|waiv(?:e|ed)|credit(?:ed)?|revers(?:e|ed)|remov(?:e|ed) the (?:fee|charge)|cancel(?:l?ed)?|froze|freeze|frozen|pause(?:d)?|stop(?:ped)? (?:the |your )?(?:billing|charges?|payments?))|(?:your|the) (?:membership|contract|account|charge|fee)s? (?:is|are|has been|have been|will be) (?:cancel(?:l?ed)?|frozen|paused|refunded|waived|credited|reversed)|(?:you(?:'ll| will) (?:get|receive) (?:a |your )?(?:refund|credit|money back))|(?:full|partial) refund|no (?:cancellation |late )?fee|free of charge|te (?:devolvemos|reembolsamos)|(?:cancelamos|congelamos|reembolsamos|devolvemos)|(?:tu|su) membres[ií]a (?:est[aá]|fue|ser[aá]) (?:cancelada|congelada))\b/iu;

const digits = (s: string): string => s.replace(/\D/gu, '');
const priceValue = (s: string): string => {
  const n = Number(s.replace(/[^\d.]/gu, ''));
  return Number.isFinite(n) ? n.toFixed(2) : s;
};

function removeQuoted(text: string, corpus: string): string {
  // Staff's own sentences may say "no cancellation fee": what the knowledge says is not a promise.
  let rest = text;
  for (const sentence of corpus.split(/(?<=[.!?;\n])\s+/u)) {
    const s = sentence.trim();
    if (s.length >= 12) rest = rest.split(s).join(' ');
  }
  return rest;
}

export function checkDraft(text: string, sources: GuardSources): GuardFailure[] {
  const failures: GuardFailure[] = [];
  const body = text.trim();
  if (body === '') return [{ rule: 'empty' }];
  if (body.length > MAX_DRAFT_LENGTH) failures.push({ rule: 'too_long', length: body.length });
  const placeholder = PLACEHOLDER.exec(body);
  if (placeholder) failures.push({ rule: 'placeholder', found: placeholder[0] });

  const knowledgeLower = sources.knowledge.toLowerCase();
  const emails = [...body.matchAll(EMAIL)].map((m) => m[0]);
  for (const email of emails) if (!knowledgeLower.includes(email.toLowerCase())) failures.push({ rule: 'email', found: email });
  const withoutEmails = emails.reduce((t, e) => t.split(e).join(' '), body);
  for (const m of withoutEmails.matchAll(URL)) {
    const link = m[0].replace(/[.,;:!?)]+$/u, '');
    if (!knowledgeLower.includes(link.toLowerCase().replace(/^https?:\/\//u, ''))) failures.push({ rule: 'link', found: link });
  }
  const knownPrices = new Set([...sources.knowledge.matchAll(PRICE)].map((m) => priceValue(m[0])));
  for (const m of body.matchAll(PRICE)) if (!knownPrices.has(priceValue(m[0]))) failures.push({ rule: 'price', found: m[0] });
  const knownPhones = new Set([...sources.knowledge.matchAll(PHONE)].map((m) => digits(m[0]).slice(-10)));
  for (const m of body.matchAll(PHONE)) if (!knownPhones.has(digits(m[0]).slice(-10))) failures.push({ rule: 'phone', found: m[0] });

  const knownTimes = new Set([...clockMinutesIn(sources.knowledge), ...clockMinutesIn(sources.thread)]);
  const withoutPrices = body.replace(PRICE, ' ').replace(PHONE, ' ');
  for (const minutes of clockMinutesIn(withoutPrices)) {
    if (!knownTimes.has(minutes)) failures.push({ rule: 'time', found: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` });
  }
  const promise = PROMISE.exec(removeQuoted(body, sources.knowledge));
  if (promise) failures.push({ rule: 'promise', found: promise[0] });
  return failures;
}

export function describeFailure(f: GuardFailure): string {
  switch (f.rule) {
    case 'empty':
      return 'the draft is empty';
    case 'too_long':
      return `too long for a text (${f.length} characters)`;
    case 'placeholder':
      return `contains a placeholder (${f.found})`;
    case 'link':
      return `a link that is not in Knowledge (${f.found})`;
    case 'price':
      return `a price that is not in Knowledge (${f.found})`;
    case 'phone':
      return `a phone number that is not in Knowledge (${f.found})`;
    case 'email':
      return `an email address that is not in Knowledge (${f.found})`;
    case 'time':
      return `a time that is not in Knowledge or the conversation (${f.found})`;
    case 'promise':
      return `a promise only a person may make ("${f.found}")`;
  }
}
