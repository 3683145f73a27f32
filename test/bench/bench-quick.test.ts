// CI runs the benchmark at its quick size so the benchmark code cannot rot: the command must
// finish and print one JSON object of the documented shape, with all eight figures. Targets are
// not asserted here (timings on a shared test machine mean little); `npm run bench` reports them.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchReportSchema } from './bench-report';
import { QUICK_SIZES } from './bench-sizes';
import { findPgBinDir } from '../team/pg-cluster';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX_CLI = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs');

function runQuickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, 'test/bench/run.ts', '--quick'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench -- --quick', () => {
  it('prints one JSON report with the eight figures at the quick sizes', { timeout: 180_000 }, async () => {
    const { code, stdout, stderr } = await runQuickBench();
    expect(code, stderr).toBe(0);
    const report = benchReportSchema.parse(JSON.parse(stdout));
    expect(report.quick).toBe(true);
    expect(Object.keys(report.figures).sort()).toEqual(['eventLoopLag', 'idlePoll', 'ingest', 'memory', 'pushLatency', 'queries', 'scaling', 'teamStore']);
    expect(report.figures.ingest.messages).toBe(QUICK_SIZES.ingest.messages);
    expect(report.figures.idlePoll).toMatchObject({ snapshotRows: QUICK_SIZES.idlePoll.rows, rowsWritten: 0 });
    expect(report.figures.queries.messages).toBe(QUICK_SIZES.database.messages);
    expect(report.figures.queries.list).toHaveProperty('all');
    expect(report.figures.pushLatency.runs).toBe(QUICK_SIZES.push.runs);
    expect(report.figures.eventLoopLag.historyMessages).toBe(QUICK_SIZES.lag.messages);
    expect(report.figures.memory.conversations).toBe(QUICK_SIZES.database.conversations);
    expect(report.figures.scaling.idlePoll.map((s) => s.rows)).toEqual(QUICK_SIZES.scaling.sizes);
    expect(report.figures.eventLoopLag.windowRequests.runs).toBeGreaterThan(0);
    // Figure 5 measured the app as it ships: a child of plain Node running the bundled core and worker.
    expect(report.figures.eventLoopLag.measuredProcess).toContain('no flags, no TypeScript loader');
    expect(report.figures.eventLoopLag.measuredProcess).toContain('sync-worker.js');
    const chart = readFileSync(join(ROOT, 'bench-results', 'scaling-quick.svg'), 'utf8');
    expect(chart).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(chart).toContain(`${QUICK_SIZES.scaling.sizes[3]!.toLocaleString('en-US')}</text>`);
    expect(report.machine.cores).toBeGreaterThan(0);
    // With PostgreSQL's binaries (always in CI) the team store figure is measured, not skipped.
    if (findPgBinDir() !== null) expect(report.figures.teamStore).toMatchObject({ desks: QUICK_SIZES.team.desks, changesPerDesk: QUICK_SIZES.team.changesPerDesk });
  });
});
