// Runs the real ClubOS client, in a process of its own, against each hostile server it is given,
// one after another, and reports each call's typed failure and the process's peak resident memory
// (sampled, and the kernel's maxRSS). Started by hostile-network.test.ts; the answer goes back
// over the IPC channel.
import { createClubOSClient } from '../../../main/clubos/client';
import { isClubOSError } from '../../../common/errors/clubos-error';
import { silentLogger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';
import { hostileProbeInputSchema, type HostileProbeResult } from './hostile-probe-messages';

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const input = hostileProbeInputSchema.parse(JSON.parse(process.argv[2] ?? '[]'));
  let sampledPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 5);
  const baselineMb = process.memoryUsage.rss() / MB;
  const results: HostileProbeResult['cases'] = [];
  for (const c of input.cases) {
    const client = createClubOSClient({
      baseUrl: c.baseUrl,
      username: c.username,
      password: c.password,
      clock: systemClock,
      logger: silentLogger,
      limits: { pageTimeoutMs: c.timeoutMs, inboxTimeoutMs: c.timeoutMs },
    });
    const started = performance.now();
    let outcome: { kind: string; message: string };
    try {
      if (c.call === 'inbox') {
        const snapshot = await client.getInbox(c.ownerId);
        outcome = { kind: 'ok', message: `${snapshot.rows.length} rows` };
      } else {
        await client.signIn();
        outcome = { kind: 'ok', message: 'signed in' };
      }
    } catch (error) {
      outcome = isClubOSError(error) ? { kind: error.kind, message: error.message } : { kind: 'unexpected', message: String(error) };
    }
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
    results.push({
      name: c.name,
      ...outcome,
      seconds: (performance.now() - started) / 1000,
      sampledPeakMb: sampledPeak / MB,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    });
  }
  clearInterval(sampler);
  const result: HostileProbeResult = { baselineMb, cases: results };
  process.send?.(result);
}

main().then(
  () => process.disconnect?.(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
