// The sync worker as an Electron utility process: how Electron runs Node code in a process beside
// its main process (a Node child process would need the Electron binary to pose as Node, which
// the app's fuses forbid: runAsNode is off). The worker finds its end of the messages in
// `process.parentPort` (parent-channel.ts).
import { utilityProcess } from 'electron';
import type { FromWorker } from '../sync-worker/protocol';
import { exitReport, type LaunchWorkerProcess } from '../sync-worker/worker-process';

export const launchUtilitySyncProcess: LaunchWorkerProcess = ({ filename, execArgv, data }) => {
  const child = utilityProcess.fork(filename, [data], { serviceName: 'Frontdesk sync', execArgv, stdio: 'inherit' });
  const exit = exitReport();
  // A fatal V8 error (out of memory, say): its exit follows, and the host logs it with this.
  child.on('error', (type, location) => exit.error(new Error(`${type} at ${location}`)));
  child.once('exit', (code) => exit.end(code));
  return {
    get pid() {
      return child.pid;
    },
    post(message) {
      // Sent after the process ended: dropped, the exit is already on its way to the host.
      if (!exit.ended) child.postMessage(message);
    },
    onMessage(listener) {
      child.on('message', (message: unknown) => listener(message as FromWorker));
    },
    onExit: exit.onExit,
    kill() {
      child.kill();
    },
  };
};
