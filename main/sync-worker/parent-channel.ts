// The sync worker's end of its messages to the main process. Forked by Node it has `process.send`;
// started by Electron as a utility process it has `process.parentPort`. Neither is known to the
// code above this file.
import type { FromWorker, ToWorker } from './protocol';

export interface ParentChannel {
  post(message: FromWorker): void;
  onMessage(listener: (message: ToWorker) => void): void;
}

/** Electron's parentPort in a utility process (electron's types are not loaded outside the shell). */
interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function parentChannel(): ParentChannel {
  const utility = (process as NodeJS.Process & { parentPort?: UtilityParentPort }).parentPort;
  if (utility) {
    return {
      post: (message) => utility.postMessage(message),
      onMessage: (listener) => utility.on('message', (event) => listener(event.data as ToWorker)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('the sync worker runs only as a process the app started');
  // The main process is gone (a crash, a kill): nobody reads this one's work any more.
  process.once('disconnect', () => process.exit(0));
  return {
    post: (message) => void send(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as ToWorker)),
  };
}
