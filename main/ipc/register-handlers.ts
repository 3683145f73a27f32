// One `ipcMain.handle` per contract channel: refuse foreign senders, then hand the raw
// arguments to `dispatch`, which parses them and turns failures into `{ code, message }`.
import { channelNames, requestChannel, type ChannelName, type Handlers, type Outcome } from '../../common/contract';
import { dispatch } from './dispatch';
import type { Logger } from '../../common/log/logger';
import type { InvokeEventLike, SenderCheck } from './sender-check';

export type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** The part of Electron's `ipcMain` this module uses. */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void;
  removeHandler(channel: string): void;
}

export interface RegisterOptions {
  isTrustedSender: SenderCheck;
  logger: Logger;
}

const FORBIDDEN: Outcome<never> = {
  ok: false,
  error: { code: 'forbidden_sender', message: 'This request did not come from the Frontdesk window.' },
};

/** Registers every channel of the contract; the returned function removes them again. */
export function registerHandlers(ipcMain: IpcMainLike, handlers: Handlers, { isTrustedSender, logger }: RegisterOptions): () => void {
  const register = (name: ChannelName): void => {
    ipcMain.handle(requestChannel(name), async (event, ...args) => {
      if (!isTrustedSender(event)) {
        // The URL says where the attempt came from; it carries no secret of ours.
        logger.warn('refused a request from a foreign sender', { channel: name, url: event.senderFrame?.url ?? null });
        return FORBIDDEN;
      }
      // The preload sends exactly one argument object; anything more is not our preload.
      if (args.length > 1) {
        return { ok: false, error: { code: 'invalid_argument', message: `${name}: expected one argument object` } } satisfies Outcome<never>;
      }
      return dispatch(handlers, name, args[0], logger);
    });
  };
  for (const name of channelNames) register(name);
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(requestChannel(name));
  };
}
