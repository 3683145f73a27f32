// The one text form every intent rule reads, so rules are written once for "Cancelé",
// "cancele" and "CANCELE" alike.

/** Longer texts add nothing a front-desk classifier needs, and bound the work per message. */
export const MAX_CLASSIFIED_CHARS = 2000;

/**
 * Lowercase, accents stripped (ñ → n), apostrophes dropped ("can't" → "cant", so rules need one
 * spelling), curly quotes folded, whitespace collapsed. Emoji are kept: 👍 and 😡 carry meaning.
 */
export function normalizeText(body: string): string {
  return body
    .slice(0, MAX_CLASSIFIED_CHARS)
    // NFD, not NFKD: compatibility folding would also rewrite characters inside emoji sequences.
    .normalize('NFD')
    // Only the Latin combining diacritics: variation selectors (the ️ in ❤️) are marks too.
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`']/gu, '')
    .replace(/[\u201c\u201d]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}
