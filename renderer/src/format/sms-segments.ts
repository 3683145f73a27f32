// How many SMS a text costs. GSM-7 texts fit 160 septets in one message and 153 per part once
// split (the rest is the concatenation header); a single character outside GSM-7 switches the whole
// text to UCS-2: 70 UTF-16 units, 67 per part. Extension characters take two septets, and neither
// an escape pair nor a surrogate pair is ever split across parts (what phones and gateways do).
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** Units one message holds for this length: 160/70 alone, 153/67 per part when split. */
  perSegment: number;
  /** Units left before one more message is needed. */
  remaining: number;
}

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

/** The cost in units of each character (code point), in order. */
function unitCosts(text: string): { encoding: SmsEncoding; costs: number[] } {
  const chars = Array.from(text);
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c))) {
    return { encoding: 'GSM-7', costs: chars.map((c) => (GSM_EXTENSION.has(c) ? 2 : 1)) };
  }
  return { encoding: 'UCS-2', costs: chars.map((c) => c.length) };
}

export function countSms(text: string): SmsCount {
  const { encoding, costs } = unitCosts(text);
  const limits = LIMITS[encoding];
  const units = costs.reduce((sum, c) => sum + c, 0);
  if (units === 0) return { encoding, units, segments: 0, perSegment: limits.single, remaining: limits.single };
  if (units <= limits.single) {
    return { encoding, units, segments: 1, perSegment: limits.single, remaining: limits.single - units };
  }
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > limits.part) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments, perSegment: limits.part, remaining: limits.part - used };
}
