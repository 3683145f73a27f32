// Whatever a user types becomes a query FTS5 cannot reject: every whitespace-separated word is
// a quoted FTS5 string (so `AND(`, `NEAR`, `*`, `-`, `col:` and quotes are plain text), words the
// tokenizer would index nothing of are dropped, and the last word matches as a prefix once it has
// two characters (the FTS table keeps prefix indexes for 2 and 3; a one-letter prefix would merge
// the postings of a large part of the vocabulary). Emoji are not indexed by unicode61, so they
// come back as literals for the caller to require in the body.

export interface SearchPlan {
  /** An FTS5 MATCH expression, or null when the text holds no indexable word. */
  match: string | null;
  /** Emoji sequences the body must contain, matched as exact substrings. */
  literals: string[];
}

/** What unicode61 indexes: letters and numbers (anything else separates tokens). */
const TOKEN_CHAR = /[\p{L}\p{N}]/u;
const TOKEN_CHARS = /[\p{L}\p{N}]/gu;
const CONTROL = /\p{Cc}/gu;
const EMOJI =
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})*/gu;

function quote(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/** Restricts a MATCH expression to the message bodies (the names are matched otherwise). */
export function bodyOnly(match: string): string {
  return `body : (${match})`;
}

export function planSearch(text: string): SearchPlan {
  const clean = text.replace(CONTROL, ' ');
  const phrases = clean
    .split(/\s+/u)
    .filter((word) => TOKEN_CHAR.test(word))
    .map(quote);
  const last = phrases.length - 1;
  if (last >= 0 && (phrases[last]!.match(TOKEN_CHARS)?.length ?? 0) >= 2) phrases[last] = `${phrases[last]!} *`;
  const literals = [...new Set(clean.match(EMOJI) ?? [])];
  return { match: phrases.length > 0 ? phrases.join(' ') : null, literals };
}
