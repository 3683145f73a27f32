// `npm run bench` (full sizes) and `npm run bench -- --quick`: every figure of issue 9, printed
// as one JSON object on stdout; progress goes to stderr. A missed target is a measurement, not
// a failure (exit 0); a benchmark that cannot run exits 1. No top-level await: package.json has
// no "type": "module", so tsx runs this file as CommonJS.
import { loadavg } from 'node:os';
import { benchReportSchema, type BenchReport } from './bench-report';
import { FULL_SIZES, QUICK_SIZES } from './bench-sizes';
import { measureEventLoopLag } from './figures/event-loop-lag';
import { measureIdlePoll } from './figures/idle-poll';
import { measureIngest } from './figures/ingest';
import { measureMemory } from './figures/memory';
import { measurePushLatency } from './figures/push-latency';
import { measureQueries } from './figures/queries';
import { measureScaling } from './figures/scaling';
import { measureTeamStore } from './figures/team-store';
import { writeScalingChart } from './scaling-chart';
import { cachedBenchDb } from './harness/bench-db';
import { machineInfo } from './harness/machine';
import { progress } from './harness/progress';

async function main(argv: readonly string[]): Promise<BenchReport> {
  const unknown = argv.filter((a) => a !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown arguments: ${unknown.join(' ')} (only --quick is understood)`);
  const quick = argv.includes('--quick');
  const sizes = quick ? QUICK_SIZES : FULL_SIZES;
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  progress(`${quick ? 'quick' : 'full'} run`);

  // Figure 5 measures the app in a child process of its own (the core bundled as it ships), so
  // nothing this process holds or loaded counts in its memory figures.
  const eventLoopLag = await measureEventLoopLag(sizes.lag);
  const ingest = await measureIngest(sizes.ingest);
  const idlePoll = await measureIdlePoll(sizes.idlePoll);
  const database = cachedBenchDb(sizes.database);
  const queries = await measureQueries(database, sizes.queryRuns);
  const memory = await measureMemory(database, { messages: queries.messages, conversations: queries.conversations }, 'thanks');
  const pushLatency = await measurePushLatency(sizes.push);
  const scaling = await measureScaling(sizes.scaling, { peakRssMb: eventLoopLag.peakRssMb, messages: eventLoopLag.historyMessages });
  const teamStore = await measureTeamStore(sizes.team);

  return benchReportSchema.parse({
    machine: { ...machineInfo(), loadAverage: { atStart: round2(loadAtStart), atEnd: round2(loadavg()[0] ?? 0) } },
    quick,
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    figures: { ingest, idlePoll, queries, pushLatency, eventLoopLag, memory, scaling, teamStore },
  });
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

main(process.argv.slice(2)).then(
  (report) => {
    const missed = Object.entries(report.figures).filter(([, f]) => !f.met).map(([name]) => name);
    progress(missed.length === 0 ? 'every target met' : `targets missed: ${missed.join(', ')}`);
    for (const step of report.figures.scaling.idlePoll) {
      progress(`scaling: ${step.rows} rows: idle poll p50 ${step.p50Ms} ms${step.growth === null ? '' : ` (x${step.growth} for x${step.rowsGrowth} rows)`}`);
    }
    progress(`chart: ${writeScalingChart(report)}`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, () => process.exit(0));
  },
  (error: unknown) => {
    console.error('the benchmark failed:', error);
    process.exit(1);
  },
);
