// Starts simulator-child.ts (the tsx loader this process runs under is inherited) and talks to
// it: ready, add an inbound text, close. Its stdout is discarded, since ours carries the report.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fromSimulatorSchema, type FromSimulator, type SimulatorConfig, type ToSimulator } from './simulator-messages';

export interface SimulatorProcess {
  readonly baseUrl: string;
  readonly loggedInUserId: string;
  readonly inboxRows: number;
  /** A member (by index) texts the signed-in manager; resolves once the simulator has it. */
  addInbound(member: number, body: string): Promise<void>;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./simulator-child.ts', import.meta.url));

export function startSimulatorProcess(config: SimulatorConfig): Promise<SimulatorProcess> {
  const child = fork(CHILD, [JSON.stringify(config)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextRequest = 1;
  let exited: Error | null = null;

  const post = (message: ToSimulator): void => {
    child.send(message);
  };

  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      exited = new Error(`the simulator process exited (${code ?? signal})`);
      for (const p of pending.values()) p.reject(exited);
      pending.clear();
      reject(exited);
    });
    child.on('error', reject);
    child.on('message', (raw: unknown) => {
      const message: FromSimulator = fromSimulatorSchema.parse(raw);
      if (message.type === 'failed') {
        reject(new Error(`the simulator process failed: ${message.message}`));
      } else if (message.type === 'added') {
        pending.get(message.requestId)?.resolve();
        pending.delete(message.requestId);
      } else {
        resolve(handle(child, message));
      }
    });
  });

  function handle(proc: ChildProcess, ready: Extract<FromSimulator, { type: 'ready' }>): SimulatorProcess {
    return {
      baseUrl: ready.baseUrl,
      loggedInUserId: ready.loggedInUserId,
      inboxRows: ready.inboxRows,
      addInbound(member, body) {
        if (exited) return Promise.reject(exited);
        const requestId = nextRequest++;
        return new Promise<void>((res, rej) => {
          pending.set(requestId, { resolve: res, reject: rej });
          post({ type: 'addInbound', requestId, member, body });
        });
      },
      close() {
        if (exited || proc.exitCode !== null) return Promise.resolve();
        return new Promise<void>((res) => {
          proc.once('exit', () => res());
          post({ type: 'close' });
        });
      },
    };
  }
}
