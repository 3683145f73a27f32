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
