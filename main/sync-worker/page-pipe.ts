// The main process's end of an inbox page on its way to the sync worker. The page's bytes arrive
// from ClubOS in chunks that belong to the HTTP client, of whatever size the socket gave; the pipe
// copies them into one 64 KB buffer of its own and posts it each time it is full. Posting copies
// the bytes into the message (processes share no memory), so the same buffer is filled again: a
// page costs the main process one buffer, not a new one per 64 KB for V8 to count toward
// collecting (a first import's page is 30 MB or more).
//
// The worker says how much it has read (PageRead). The pipe stops taking chunks while more than
// PIPE_WINDOW_BYTES are unread, so the transport stops reading the socket and TCP holds ClubOS
// back: a worker slower than the network never has the page queued up whole between the processes.
import type { PageBytes } from './protocol';
import type { RpcPort } from './rpc';

export const PIPE_BUFFER_BYTES = 64 * 1024;
export const PIPE_WINDOW_BYTES = 1024 * 1024;

export interface PagePipe {
  /** Takes a chunk (copied; the caller may reuse it); resolves when the worker can take more. */
  write(chunk: Uint8Array): Promise<void>;
  /** Sends what is left; the page's bytes are then all on their way, before the call's reply. */
  flush(): void;
  /** The worker read `bytes` more. */
  read(bytes: number): void;
}

/** `signal`: the call was cancelled or the worker is gone; a write waiting for room fails with it. */
export function createPagePipe(port: RpcPort, stream: number, signal: AbortSignal): PagePipe {
  let buffer: Uint8Array | null = null;
  let filled = 0;
  let unread = 0;
  let wake: (() => void) | null = null;
  const wakeUp = (): void => {
    wake?.();
    wake = null;
  };
  signal.addEventListener('abort', wakeUp, { once: true });

  function send(): void {
    if (!buffer || filled === 0) return;
    const message: PageBytes = { type: 'pageBytes', stream, bytes: filled === buffer.byteLength ? buffer : buffer.subarray(0, filled) };
    port.postMessage(message);
    unread += filled;
    filled = 0;
  }

  async function room(): Promise<void> {
    for (;;) {
      signal.throwIfAborted();
      if (unread <= PIPE_WINDOW_BYTES) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  return {
    async write(chunk) {
      signal.throwIfAborted();
      for (let at = 0; at < chunk.byteLength; ) {
        buffer ??= new Uint8Array(PIPE_BUFFER_BYTES);
        const n = Math.min(PIPE_BUFFER_BYTES - filled, chunk.byteLength - at);
        buffer.set(chunk.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === PIPE_BUFFER_BYTES) {
          send();
          await room();
        }
      }
    },
    flush() {
      signal.throwIfAborted();
      send();
    },
    read(bytes) {
      unread -= bytes;
      if (unread <= PIPE_WINDOW_BYTES) wakeUp();
    },
  };
}
