import { describe, expect, it } from 'vitest';
import { ClubOSError } from '../../common/errors/clubos-error';
import { readInboxSnapshot, readInboxSnapshotInSlices } from '../../main/clubos/inbox-snapshot';
import { renderInbox } from '../../main/clubos-simulator/render-inbox';
import type { SimMessage } from '../../main/clubos-simulator/types';
import { zonedToEpoch } from '../../common/time/club-time';
import { fixture } from './client/fixtures';

const CHI = 'America/Chicago';
const NOW = zonedToEpoch({ year: 2026, month: 12, day: 8, hour: 10, minute: 0 }, CHI);
const AT = { ownerId: '187032782', fetchedAt: NOW, timeZone: CHI };

/** One text a day going back, so the page crosses year boundaries (and a Feb 29). */
function longHistory(days: number): string {
  const messages: SimMessage[] = [];
  for (let i = 0; i < days; i++) {
    messages.push({ id: i + 1, ownerId: AT.ownerId, memberId: '123456789', senderName: 'Jane Doe', body: `Text ${i}`, at: NOW - 3_600_000 - i * 86_400_000 });
  }
  return renderInbox(messages, { now: NOW, timeZone: CHI, memberIdsInLinks: true });
}

describe('readInboxSnapshotInSlices', () => {
  it('gives the snapshot readInboxSnapshot gives, dates and positions included, pausing between slices', async () => {
    const html = longHistory(1_000);
    let pauses = 0;
    const sliced = await readInboxSnapshotInSlices(html, AT, { rowsPerSlice: 100, pause: () => Promise.resolve(void pauses++) });
    const whole = readInboxSnapshot(html, AT);
    expect(sliced).toEqual(whole);
    expect(sliced.rows.at(-1)?.localDate).toBe('2024-03-14');
    // Ten slices to parse and ten to date, with a pause between any two of them.
    expect(pauses).toBeGreaterThanOrEqual(18);
  });

  it('fails the way readInboxSnapshot fails, with nothing returned', async () => {
    for (const name of ['inbox-truncated.html', 'inbox-missing-label.html', 'login-page.html']) {
      const html = fixture(name);
      let expected: unknown;
      try {
        readInboxSnapshot(html, AT);
      } catch (error) {
        expected = error;
      }
      expect(expected).toBeInstanceOf(ClubOSError);
      await expect(readInboxSnapshotInSlices(html, AT, { pause: () => Promise.resolve() })).rejects.toEqual(expected);
    }
  });

  it('yields to the event loop by default', async () => {
    const html = longHistory(30);
    let ticked = false;
    setImmediate(() => (ticked = true));
    const snapshot = await readInboxSnapshotInSlices(html, AT, { rowsPerSlice: 10 });
    expect(snapshot.rows).toHaveLength(30);
    expect(ticked).toBe(true);
  });
});
