// The sync worker's process, as the main process sees it: messages both ways, its exit, a kill.
// Two kinds exist: under plain Node (tests, benchmarks, the browser bridge) a child process forked
// with Node's structured-clone serialization; in the app, an Electron utility process
// (main/shell/utility-sync-process.ts), which is how Electron runs Node code beside its main
// process. The host (sync-worker-host.ts) sees only this interface.
import { fork } from 'node:child_process';
import type { FromWorker, ToWorker } from './protocol';

export interface WorkerProcess {
  /** The process id, once it has started. */
  readonly pid: number | undefined;
  post(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Once, when the process has ended: its exit code (null when a signal ended it) and any error seen. */
  onExit(listener: (code: number | null, error: unknown) => void): void;
  /** Ends it at once (what it had committed stays: SQLite's journal undoes the rest). */
  kill(): void;
}

export interface WorkerLaunch {
  filename: string;
  /** Node's options for it: the TypeScript loader from source, its heap limits. */
  execArgv: string[];
  /** What the worker needs to start (SyncWorkerData), as JSON: its last argument. */
  data: string;
}

export type LaunchWorkerProcess = (launch: WorkerLaunch) => WorkerProcess;

/**
 * A worker process's one exit, for both kinds: reported once to every listener, with the last
 * error seen before it (a process can report an error and then its exit, or, one that never
 * started, the error alone).
 */
export function exitReport(): {
  readonly ended: boolean;
  error(error: unknown): void;
  end(code: number | null): void;
  onExit: WorkerProcess['onExit'];
} {
  let lastError: unknown = null;
  let ended = false;
  const listeners: Array<(code: number | null, error: unknown) => void> = [];
  return {
    get ended() {
      return ended;
    },
    error(error) {
      lastError = error;
    },
    end(code) {
      if (ended) return;
      ended = true;
      for (const listener of listeners) listener(code, lastError);
    },
    onExit(listener) {
      listeners.push(listener);
    },
  };
}

/** A child process of this Node process, its stdout and stderr this one's (the worker logs through messages). */
export const forkWorkerProcess: LaunchWorkerProcess = ({ filename, execArgv, data }) => {
  const child = fork(filename, [data], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exit = exitReport();
  child.on('error', (error) => {
    exit.error(error);
    // A process that never started (no pid) may never report an exit: report it here.
    if (child.pid === undefined) exit.end(null);
  });
  child.once('exit', (code) => exit.end(code));
  return {
    get pid() {
      return child.pid;
    },
    post(message) {
      // Sent after the process ended: dropped, the exit is already on its way to the host.
      if (child.connected) child.send(message);
    },
    onMessage(listener) {
      child.on('message', (message) => listener(message as FromWorker));
    },
    onExit: exit.onExit,
    kill() {
      child.kill('SIGKILL');
    },
  };
};
