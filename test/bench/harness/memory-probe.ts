// Run in a fresh process by figures/memory.ts: opens the core on a copy of the large database,
// lists the inbox and searches once, then reports the app's resident memory over the IPC
// channel: this process's and its sync worker's own pages (process-memory.ts).
import { createCore } from '../../../main/core/create-core';
import { memoryCredentialStore } from '../../../main/services/credential-store';
import { silentLogger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';
import { appResident, processRss, toMb } from './process-memory';
import { memoryProbeInputSchema, memoryProbeResultSchema, type MemoryProbeResult } from './memory-probe-messages';

async function probe(): Promise<void> {
  const input = memoryProbeInputSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const beforeOpenRssMb = toMb(process.memoryUsage().rss);
  // Signed in (so the core serves this database, not demo mode's) to a port nothing answers:
  // listing and searching never need ClubOS.
  const credentials = memoryCredentialStore('os');
  await credentials.save({ username: 'bench', password: 'bench', baseUrl: 'http://127.0.0.1:9' });
  let workerPid: number | undefined;
  const core = await createCore({ dataDir: input.dataDir, clock: systemClock, logger: silentLogger, credentials, historyRefresh: false, onSyncWorker: (w) => (workerPid = w.pid) });
  try {
    // Answered by the sync worker, so it is loaded and its connection open before memory is read.
    await core.services.sync.stopPolling();
    const list = await core.handlers.listConversations({ filter: 'all' });
    const found = await core.handlers.search({ query: input.query });
    if (workerPid === undefined) throw new Error('the sync worker did not start');
    const usage = process.memoryUsage();
    const worker = processRss(workerPid);
    const result: MemoryProbeResult = {
      beforeOpenRssMb,
      rssMb: toMb(appResident(usage.rss, worker)),
      mainRssMb: toMb(usage.rss),
      workerRssMb: toMb(worker.all),
      heapUsedMb: toMb(usage.heapUsed),
      externalMb: toMb(usage.external),
      listed: list.items.length,
      hits: found.hits.length,
    };
    process.send?.(memoryProbeResultSchema.parse(result));
  } finally {
    await core.close();
  }
}

probe().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('memory probe failed:', error);
    process.exit(1);
  },
);
