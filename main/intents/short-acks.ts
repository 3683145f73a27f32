// One-line acknowledgements ("ok", "K", "Confirmed", "see you then", "👍", "thanks"): about one
// inbox row in twelve. They close a thread rather than open one, so nobody needs to answer them.
// Input is normalizeText() output.

export interface ShortAckMatch {
  intent: 'general_inquiry' | 'praise';
  signal: string;
}

/** Longer than this and it is saying something more than "ok". */
const MAX_ACK_CHARS = 60;

const THANKS_SOURCE =
  String.raw`\b(?:thank you(?: so much| very much)?|thanks(?: so much| a lot)?|thank u|thx|tysm|ty|muchas gracias|gracias|merci(?: beaucoup| bien)?|appreciate (?:it|you))\b`;
const ACK_SOURCE =
  String.raw`\b(?:ok(?:ay|ey)?|k+|yes(?: sir| maam)?|yep|yup|yeah|ya|sure|confirm(?:ed)?|got it|gotcha|sounds (?:good|great)|perfect|great|cool|will do|noted|done|alright|all good|no problem|np|that works|works for me|see (?:you|ya|u)|si|vale|claro|bueno|de acuerdo)\b`;
// Separate global copies for replace(): test() on a global regex would carry lastIndex between calls.
const THANKS = new RegExp(THANKS_SOURCE, 'u');
const THANKS_ALL = new RegExp(THANKS_SOURCE, 'gu');
const ACK = new RegExp(ACK_SOURCE, 'u');
const ACK_ALL = new RegExp(ACK_SOURCE, 'gu');
/** Words that may trail an ack without adding a request: "see you Thursday", "ok then". */
const FILLER =
  /\b(?:then|there|soon|tomorrow|tmrw|tonight|today|later|again|coach|so much|and|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\b/gu;
const PRAISE_EMOJI = /[\u2764\u{1F64F}\u{1F64C}\u{1F4AA}\u{1F970}\u{1F60D}\u{1F389}\u{1F495}\u{1F496}]/u;
const ACK_EMOJI = /[\u{1F44D}\u{1F44C}\u2705\u{1F197}\u{1F642}\u{1F60A}\u{1F600}\u{1F601}]/u;

export function matchShortAck(normalized: string): ShortAckMatch | null {
  if (normalized.length === 0 || normalized.length > MAX_ACK_CHARS) return null;
  const hasThanks = THANKS.test(normalized);
  const hasAckWord = ACK.test(normalized);
  const rest = normalized
    .replace(THANKS_ALL, ' ')
    .replace(ACK_ALL, ' ')
    .replace(FILLER, ' ')
    // Punctuation, emoji and variation selectors: whatever is left must be letters or digits to count.
    .replace(/[^\p{L}\p{N}]+/gu, '');
  if (rest.length > 0) return null;
  if (hasThanks) return { intent: 'praise', signal: 'ack:thanks' };
  if (hasAckWord) return { intent: 'general_inquiry', signal: 'ack:word' };
  if (PRAISE_EMOJI.test(normalized)) return { intent: 'praise', signal: 'ack:emoji-praise' };
  if (ACK_EMOJI.test(normalized)) return { intent: 'general_inquiry', signal: 'ack:emoji' };
  return null;
}
