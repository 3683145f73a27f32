// The CI-sized fault soak with real process death (kill-soak.ts): at least 20 SIGKILLs of a child
// process running the core, inside transactions and during the first import, clock jumps while it
// is dead, host zone not the club's. `npm run soak` runs the longer setting.
import { describe, expect, it } from 'vitest';
import { CI_SETTINGS, runKillSoak } from './kill-soak';

describe('kill soak', () => {
  it('loses, duplicates and alters nothing, and marks no live text read, through 20+ SIGKILLs', { timeout: 240_000 }, async () => {
    const report = await runKillSoak(CI_SETTINGS, (line) => console.info(line));
    expect(report.settled).toBe(true);
    expect(report.kills.total).toBeGreaterThanOrEqual(20);
    expect(report.kills.insideTransaction).toBeGreaterThanOrEqual(5);
    expect(report.kills.duringFirstImport).toBeGreaterThanOrEqual(2);
    expect(report.clockJumps.acrossMidnight).toBeGreaterThanOrEqual(1);
    for (const owner of report.owners) {
      expect(owner.delivered).toBeGreaterThan(0);
      expect({ owner: owner.ownerId, lost: owner.lost, duplicated: owner.duplicated, differing: owner.bodiesDiffering, minutesWrong: owner.minutesWrong, liveMarkedRead: owner.liveMarkedRead }).toEqual({
        owner: owner.ownerId,
        lost: 0,
        duplicated: 0,
        differing: 0,
        minutesWrong: 0,
        liveMarkedRead: 0,
      });
      expect(owner.stored).toBe(owner.delivered);
      expect(owner.live).toBeGreaterThan(0);
    }
  });
});
