// A simulator inbox page of `count` seeded rows for the parser tests: each row's sender and body
// drawn from the lists a test gives (the awkward names and texts it is about), an hour or two
// apart going back from a fixed morning in Chicago.
import { zonedToEpoch } from '../../../common/time/club-time';
import { createRandom } from '../../../main/clubos-simulator/random';
import { renderInbox } from '../../../main/clubos-simulator/render-inbox';
import type { SimMessage } from '../../../main/clubos-simulator/types';

export const CHI = 'America/Chicago';
export const NOW = zonedToEpoch({ year: 2026, month: 12, day: 8, hour: 10, minute: 0 }, CHI);

export function simulatedInbox(
  count: number,
  seed: number,
  draw: { names: readonly string[]; bodies: readonly string[] },
  memberIdsInLinks = true,
): string {
  const rng = createRandom(seed);
  const messages: SimMessage[] = [];
  for (let i = 0; i < count; i++) {
    messages.push({
      id: i + 1,
      ownerId: '1',
      memberId: String(100_000_000 + rng.int(0, 999)),
      senderName: rng.pick(draw.names),
      body: rng.pick(draw.bodies),
      at: NOW - i * rng.int(1, 3) * 3_600_000,
    });
  }
  return renderInbox(messages, { now: NOW, timeZone: CHI, memberIdsInLinks });
}
