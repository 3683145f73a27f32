// Deterministic members for benchmark data: unique full names (a middle initial once the plain
// first × last combinations run out) and unique 9-digit ClubOS ids, for clubs of any size.
import { createRandom } from '../../../main/clubos-simulator/random';
import { FIRST_NAMES, LAST_NAMES } from '../../../main/clubos-simulator/text-corpus';

export interface BenchPerson {
  memberId: string;
  name: string;
}

export function benchPeople(count: number, seed: number): BenchPerson[] {
  const rng = createRandom(seed);
  const combos = FIRST_NAMES.length * LAST_NAMES.length;
  const people: BenchPerson[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < count; i++) {
    const k = i % combos;
    const first = FIRST_NAMES[k % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(k / FIRST_NAMES.length)]!;
    const round = Math.floor(i / combos);
    const middle = round === 0 ? '' : `${String.fromCharCode(65 + ((round - 1) % 26))}${round > 26 ? String(Math.ceil(round / 26)) : ''}. `;
    let memberId: string;
    do memberId = String(rng.int(100_000_000, 999_999_999));
    while (ids.has(memberId));
    ids.add(memberId);
    people.push({ memberId, name: `${first} ${middle}${last}` });
  }
  return people;
}
