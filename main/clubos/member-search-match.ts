import type { MemberSearchResult } from './types';

/** First and last word of a typed name: what ClubOS's keyword search is given. */
export function searchNameParts(fullName: string): { first: string; last: string } | null {
  const words = fullName.trim().split(/\s+/).filter((w) => w !== '');
  const first = words[0];
  const last = words[words.length - 1];
  return first === undefined || last === undefined ? null : { first, last };
}

const wordsOf = (name: string): string[] =>
  name
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== '');

/**
 * The first result whose name has both the first and the last name as whole words, case
 * ignored. Whole words, not substrings: "Jane Doe" must not pick "Janet Doerr", whose texts would
 * then go to the wrong person. ClubOS lists staff in results too; a member who shares a staff
 * member's name is preferred, since members are who text the club.
 */
export function pickSearchMatch(results: readonly MemberSearchResult[], fullName: string, staffIds: ReadonlySet<string> = new Set()): MemberSearchResult | null {
  const parts = searchNameParts(fullName);
  if (!parts) return null;
  const wanted = [...new Set([...wordsOf(parts.first), ...wordsOf(parts.last)])];
  const matches = results.filter((r) => {
    const words = wordsOf(r.fullName);
    return wanted.every((w) => words.includes(w));
  });
  return matches.find((r) => !staffIds.has(r.id)) ?? matches[0] ?? null;
}
