/**
 * The `First L.` form ClubOS writes after `by` in a FollowUp log entry: "Alex Morgan" → "Alex M.".
 * A one-word name stays as it is.
 */
export function staffShortName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter((w) => w.length > 0);
  const first = words[0];
  if (first === undefined) return '';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  if (last === undefined) return first;
  return `${first} ${[...last][0] ?? ''}.`;
}

/** Comparison key for short names: case and spacing never decide who wrote an entry. */
export function shortNameKey(shortName: string): string {
  return shortName.trim().replace(/\s+/g, ' ').toLowerCase();
}
