// Reads a JSON object assigned in an inline script (`window.x = {...};`). Scans the object
// literal by hand, honouring strings, because the script may hold more statements after it.
import { ClubOSError } from '../../../common/errors/clubos-error';

export function readAssignedJson(script: string, target: string, what: string): unknown {
  const at = script.indexOf(target);
  if (at < 0) throw new ClubOSError('parse', `${what}: ${target} not found`);
  let i = skipSpace(script, at + target.length);
  if (script[i] !== '=') throw new ClubOSError('parse', `${what}: ${target} is not assigned`);
  i = skipSpace(script, i + 1);
  if (script[i] !== '{') throw new ClubOSError('parse', `${what}: ${target} is not an object`);
  const end = objectEnd(script, i);
  if (end < 0) throw new ClubOSError('parse', `${what}: ${target} is cut off`);
  try {
    return JSON.parse(script.slice(i, end + 1)) as unknown;
  } catch (cause) {
    throw new ClubOSError('parse', `${what}: ${target} is not valid JSON`, undefined, { cause });
  }
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

/** Index of the `}` closing the object opened at `start`, or -1. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return c === '}' ? i : -1;
    }
  }
  return -1;
}

export interface WindowAssignment {
  /** `recentLeadsListViewData` for `window.recentLeadsListViewData = {...};`. */
  name: string;
  /** The parsed JSON object, or the string of `window.x = "..."`. */
  value: unknown;
}

const WINDOW_ASSIGNMENT = /window\.([A-Za-z_$][\w$]*)\s*=\s*(?=[{"])/g;

/**
 * Every `window.<name> = <JSON object or string>` in an inline script. An assignment that is not
 * JSON (a function, a template, a cut-off object) is skipped: a page carries many scripts we do not
 * need, and only the values a reader asks for by meaning decide whether the page fits.
 */
export function readWindowAssignments(script: string): WindowAssignment[] {
  const found: WindowAssignment[] = [];
  for (const match of script.matchAll(WINDOW_ASSIGNMENT)) {
    const name = match[1] ?? '';
    const start = match.index + match[0].length;
    const end = script[start] === '{' ? objectEnd(script, start) : stringEnd(script, start);
    if (end < 0) continue;
    try {
      found.push({ name, value: JSON.parse(script.slice(start, end + 1)) as unknown });
    } catch {
      // Not JSON (single quotes, a function call inside): not a value a reader can use.
    }
  }
  return found;
}

/** Index of the `"` closing the JSON string opened at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i;
    else if (c === '\n') return -1;
  }
  return -1;
}
