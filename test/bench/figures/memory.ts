// Figure 6: resident memory of the core with the large database open, after it has served an
// inbox page and a search. Measured in a fresh process (harness/memory-probe.ts), so nothing
// the benchmark itself holds is counted; that process also carries the TypeScript loader the
// benchmark runs under (tsx), reported as the RSS before the core opens.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { copyBenchDb } from '../harness/bench-db';
import { memoryProbeResultSchema, type MemoryProbeInput, type MemoryProbeResult } from '../harness/memory-probe-messages';
import { progress } from '../harness/progress';
import { withTempDir } from '../harness/temp-dir';

export const MEMORY_TARGET_MB = 200;

export interface MemoryFigure extends MemoryProbeResult {
  messages: number;
  conversations: number;
  target: string;
  met: boolean;
}

const PROBE = fileURLToPath(new URL('../harness/memory-probe.ts', import.meta.url));

export async function measureMemory(cachedPath: string, size: { messages: number; conversations: number }, query: string): Promise<MemoryFigure> {
  return withTempDir('memory', async (dir) => {
    copyBenchDb(cachedPath, dir);
    progress('memory: core with the database open, in a fresh process');
    const result = await new Promise<MemoryProbeResult>((resolve, reject) => {
      const input: MemoryProbeInput = { dataDir: dir, query };
      const child = fork(PROBE, [JSON.stringify(input)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      let answer: MemoryProbeResult | null = null;
      child.on('message', (raw: unknown) => {
        answer = memoryProbeResultSchema.parse(raw);
      });
      child.on('error', reject);
      child.on('exit', (code) => (answer && code === 0 ? resolve(answer) : reject(new Error(`the memory probe exited with ${code}`))));
    });
    return { ...result, ...size, target: `rss < ${MEMORY_TARGET_MB} MB (the main process's resident set and the sync worker's own pages)`, met: result.rssMb < MEMORY_TARGET_MB };
  });
}
