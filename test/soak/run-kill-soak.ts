// `npm run soak`: the kill soak at its longer setting (150+ SIGKILLs over two simulated weeks, a
// larger club, another zone). Prints the report and exits 1 if anything was lost, duplicated,
// altered or marked read. `npm run soak -- --ci` runs the CI-sized setting; `--seed N` another seed.
import { CI_SETTINGS, LONG_SETTINGS, runKillSoak, type KillSoakSettings } from './kill-soak';

function settingsFromArgs(args: readonly string[]): KillSoakSettings {
  const base = args.includes('--ci') ? CI_SETTINGS : LONG_SETTINGS;
  const seedAt = args.indexOf('--seed');
  if (seedAt < 0) return base;
  const seed = Number(args[seedAt + 1]);
  if (!Number.isInteger(seed)) throw new Error('--seed needs an integer');
  return { ...base, seed };
}

async function main(): Promise<void> {
  const settings = settingsFromArgs(process.argv.slice(2));
  const report = await runKillSoak(settings, (line) => console.log(line));
  const bad = report.owners.filter((o) => o.lost + o.duplicated + o.bodiesDiffering + o.minutesWrong + o.liveMarkedRead > 0 || o.stored !== o.delivered);
  const ok = report.settled && report.kills.total >= settings.kills && bad.length === 0;
  console.log(ok ? 'kill soak: OK' : `kill soak: FAILED${report.settled ? '' : ' (never settled)'}${report.kills.total < settings.kills ? ` (only ${report.kills.total} kills)` : ''}`);
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
