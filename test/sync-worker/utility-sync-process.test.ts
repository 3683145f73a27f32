// The sync worker as Electron starts it in the app: a utility process (main/shell/), driven here
// through a mocked `electron` (no Electron binary on this machine), and the worker's end of it,
// `process.parentPort` (parent-channel.ts). The Node child process the tests and the benchmarks
// run is the same interface, exercised for real in sync-worker.test.ts.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '../../main/sync-worker/protocol';

class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = 4242;
  posted: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    return true;
  }
}
const forked: FakeUtilityProcess[] = [];

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (modulePath: string, args: string[], options: Record<string, unknown>) => {
      const child = new FakeUtilityProcess(modulePath, args, options);
      forked.push(child);
      return child;
    },
  },
}));

const { launchUtilitySyncProcess } = await import('../../main/shell/utility-sync-process');
const { parentChannel } = await import('../../main/sync-worker/parent-channel');

const call: ToWorker = { type: 'call', id: 1, method: 'refreshOwners', args: [] };

describe('the sync worker as an Electron utility process', () => {
  it('is forked with its file, its data as its one argument and its Node options, and passes messages both ways', () => {
    const worker = launchUtilitySyncProcess({ filename: '/app/out/main/sync-worker.js', execArgv: ['--max-old-space-size=384'], data: '{"dbPath":"x"}' });
    const child = forked.at(-1)!;
    expect([child.modulePath, child.args]).toEqual(['/app/out/main/sync-worker.js', ['{"dbPath":"x"}']]);
    expect(child.options).toMatchObject({ serviceName: 'Frontdesk sync', execArgv: ['--max-old-space-size=384'], stdio: 'inherit' });
    expect(worker.pid).toBe(4242);

    worker.post(call);
    expect(child.posted).toEqual([call]);
    const heard: FromWorker[] = [];
    worker.onMessage((m) => heard.push(m));
    child.emit('message', { type: 'ready' });
    expect(heard).toEqual([{ type: 'ready' }]);
    worker.kill();
    expect(child.killed).toBe(true);
  });

  it('reports its exit with the fatal error before it, and drops what is posted after', () => {
    const worker = launchUtilitySyncProcess({ filename: 'w.js', execArgv: [], data: '{}' });
    const child = forked.at(-1)!;
    const exits: Array<[number | null, unknown]> = [];
    worker.onExit((code, error) => exits.push([code, error]));
    child.emit('error', 'FatalError', 'v8::ToLocalChecked', '{}');
    child.emit('exit', 133);
    expect(exits).toHaveLength(1);
    expect(exits[0]![0]).toBe(133);
    expect(String(exits[0]![1])).toContain('FatalError at v8::ToLocalChecked');
    worker.post(call);
    expect(child.posted).toEqual([]);
  });
});

describe("the worker's end of its messages", () => {
  afterEach(() => {
    delete (process as { parentPort?: unknown }).parentPort;
  });

  it("uses Electron's parentPort in a utility process: messages arrive as events' data", () => {
    const port = Object.assign(new EventEmitter(), { posted: [] as unknown[], postMessage: (m: unknown) => port.posted.push(m) });
    (process as { parentPort?: unknown }).parentPort = port;
    const channel = parentChannel();
    const heard: ToWorker[] = [];
    channel.onMessage((m) => heard.push(m));
    port.emit('message', { data: call });
    expect(heard).toEqual([call]);
    channel.post({ type: 'ready' });
    expect(port.posted).toEqual([{ type: 'ready' }]);
  });
});

describe('the sync worker as a Node child process', () => {
  it('reports the exit of a worker that fails as it starts, so the host restarts it or gives up instead of waiting', async () => {
    const { forkWorkerProcess } = await import('../../main/sync-worker/worker-process');
    const worker = forkWorkerProcess({ filename: '/nonexistent/sync-worker.js', execArgv: ['--no-such-node-option'], data: '{}' });
    const [code] = await new Promise<[number | null, unknown]>((resolve) => worker.onExit((c, e) => resolve([c, e])));
    expect(code).not.toBe(0);
  });
});
