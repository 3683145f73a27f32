// The gym bot stored an inbox row's sender glued to its body (`Pat SmithSee you at 10`): it took
// the text of the whole row. The name is split off with a name we know (the member's, from
// Frontdesk's own conversations or the bot's people tables), else with the shape of a full name:
// capitalized words, the last one running straight into the body.
import { normalizeForKey } from '../sync/message-key';

export interface SplitText {
  senderName: string;
  body: string;
}

// "Smith", "O'Neil", "Ó-Briain", "Zoë".
const WORD = String.raw`\p{Lu}\p{Ll}*(?:['’-]\p{Lu}?\p{Ll}+)*`;
/** Capitalized words whose last one is glued to a body that does not start lowercase. */
const GLUED = new RegExp(String.raw`^(${WORD}(?: ${WORD})+?)(?=[^\s\p{Ll}])`, 'u');
/** Or, from a parser that kept a separator: two capitalized words, whitespace, the body. */
const SPACED = new RegExp(String.raw`^(${WORD} ${WORD})\s+(\S[\s\S]*)$`, 'u');

/** Known full names by their lowercased first word, longest first ("Mary Ann Smith" before "Mary Ann"). */
export interface NameIndex {
  byFirstWord: ReadonlyMap<string, readonly string[]>;
}

const firstWord = (text: string): string => (/^\S+/.exec(text)?.[0] ?? '').toLowerCase();

export function nameIndex(names: Iterable<string>): NameIndex {
  const unique = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    // A one-word "name" would split too eagerly ("Ok" from "Okay").
    if (name.split(' ').length < 2 || name.length > 120) continue;
    const key = normalizeForKey(name);
    if (!unique.has(key)) unique.set(key, name);
  }
  const byFirstWord = new Map<string, string[]>();
  for (const name of unique.values()) {
    const w = firstWord(name);
    const list = byFirstWord.get(w) ?? [];
    list.push(name);
    byFirstWord.set(w, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);
  return { byFirstWord };
}

interface KnownSplit {
  /** The name is followed by a body that does not start in lowercase: a clean split. */
  clean: SplitText | null;
  /** The body starts in lowercase: maybe a longer, unknown name ("Pat Smithson"). */
  doubtful: SplitText | null;
}

function splitByKnownName(text: string, index: NameIndex): KnownSplit {
  const lower = text.toLowerCase();
  let doubtful: SplitText | null = null;
  // The first word of a glued "Pat SmithSee" is still "pat": only a two-word name can be glued to it.
  for (const name of index.byFirstWord.get(firstWord(text)) ?? []) {
    if (!lower.startsWith(name.toLowerCase())) continue;
    const rest = text.slice(name.length);
    const body = rest.trim();
    if (body.length === 0) continue;
    if (!/^\p{Ll}/u.test(rest)) return { clean: { senderName: name, body }, doubtful };
    doubtful ??= { senderName: name, body };
  }
  return { clean: null, doubtful };
}

/**
 * The sender and body of a glued row, or null when no name can be told from the text. `preferred`
 * (the name the bot's conversation gives the row) is tried before every other known name.
 */
export function splitSender(content: string, index: NameIndex, preferred?: string | null): SplitText | null {
  const text = content.replace(/^\s+/, '');
  if (preferred) {
    const mine = splitByKnownName(text, nameIndex([preferred]));
    if (mine.clean) return mine.clean;
  }
  const known = splitByKnownName(text, index);
  if (known.clean) return known.clean;
  const glued = GLUED.exec(text);
  if (glued) {
    const body = text.slice(glued[1]!.length).trim();
    if (body.length > 0) return { senderName: glued[1]!, body };
  }
  if (known.doubtful) return known.doubtful;
  const spaced = SPACED.exec(text);
  if (spaced) return { senderName: spaced[1]!, body: spaced[2]!.trim() };
  return null;
}
