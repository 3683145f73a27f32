// The CI-sized multi-desk soak (team-soak.ts): three desks, poller SIGKILLs, PostgreSQL stopped
// and restarted, a desk cut off; 0 lost, 0 duplicated, every desk the same shared state.
import { describe, expect, it } from 'vitest';
import { pgAvailable } from '../pg-cluster';
import { CI_TEAM_SOAK, runTeamSoak } from './team-soak';

const run = pgAvailable('team soak (test/team/soak/team-soak.test.ts)');

describe.skipIf(!run)('team soak', () => {
  it('three desks converge with 0 lost and 0 duplicated texts through poller kills, a store restart and a desk offline', { timeout: 240_000 }, async () => {
    const report = await runTeamSoak(CI_TEAM_SOAK, (line) => console.info(line));
    console.info(JSON.stringify({ ...report, differences: report.differences.filter((d) => d.rows > 0) }));
    expect(report.kills).toBe(CI_TEAM_SOAK.pollerKills);
    // Another desk polls within two poll intervals of the poller's death.
    for (const ms of report.takeoverMs) expect(ms).toBeLessThanOrEqual(2 * CI_TEAM_SOAK.pollIntervalSeconds * 1000);
    expect(report.texts).toBeGreaterThan(50);
    for (const desk of report.perDesk) {
      expect({ desk: desk.desk, lost: desk.lost, duplicated: desk.duplicated }).toEqual({ desk: desk.desk, lost: 0, duplicated: 0 });
      expect(desk.actions).toBeGreaterThan(0);
    }
    expect(report.differences.filter((d) => d.rows > 0)).toEqual([]);
    expect(report.sizes.notes).toBeGreaterThan(0);
  });
});
