// How staff greet a member: the first token of the display name ClubOS shows, in ordinary
// capitalization. ClubOS names are hand-typed, so "JANE DOE", "jane doe" and "Doe, Jane" all occur.

export const UNKNOWN_FIRST_NAME = 'there';

/** Names that stand for "we do not know who this is". */
const PLACEHOLDER_NAMES = new Set(['unknown', 'member', 'prospect', 'n/a', 'na', 'none', 'null']);

export function firstNameOf(displayName: string | null | undefined): string {
  const name = (displayName ?? '').trim();
  // "Doe, Jane": the given name comes after the comma.
  const given = name.includes(',') ? name.slice(name.indexOf(',') + 1) : name;
  const token = given.trim().split(/\s+/u)[0] ?? '';
  const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (!/\p{L}/u.test(word) || PLACEHOLDER_NAMES.has(word.toLowerCase())) return UNKNOWN_FIRST_NAME;
  // Keep deliberate mixed case ("McKenzie", "DeShawn"); fix only all-caps and all-lowercase names.
  const uniform = word === word.toUpperCase() || word === word.toLowerCase();
  if (!uniform) return word;
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}
