// Calls between the main process and the sync worker, both ways: each call has an id, its answer (or error) comes
// back as a reply with that id, and a caller that gives up (an aborted poll) cancels it.
import { fromWireError, toWireError, type CallTable, type Reply } from './protocol';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface RpcPort {
  postMessage(message: unknown): void;
}

type Handler<T extends CallTable, M extends keyof T> = (
  args: T[M]['args'],
  signal: AbortSignal,
) => Promise<T[M]['result']> | T[M]['result'];

export interface Rpc<Out extends CallTable> {
  call<M extends keyof Out & string>(method: M, args: Out[M]['args'], signal?: AbortSignal): Promise<Out[M]['result']>;
  /** Feeds one message from the port; returns false when it was not an RPC message. */
  receive(message: { type: string }): boolean;
  /** Fails every call still waiting (the other side is gone). */
  failAll(error: Error): void;
}

export function createRpc<Out extends CallTable, In extends CallTable>(
  port: RpcPort,
  handlers: { [M in keyof In]: Handler<In, M> },
): Rpc<Out> {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const running = new Map<number, AbortController>();

  function reply(message: Reply): void {
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.ok) p.resolve(message.value);
    else p.reject(fromWireError(message.error));
  }

  function handle(id: number, method: string, args: unknown[]): void {
    const handler = (handlers as unknown as Record<string, Handler<In, keyof In> | undefined>)[method];
    const abort = new AbortController();
    running.set(id, abort);
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no such call: ${method}`);
        return handler(args, abort.signal);
      })
      .then(
        (value: unknown) => port.postMessage({ type: 'reply', id, ok: true, value }),
        (error: unknown) => port.postMessage({ type: 'reply', id, ok: false, error: toWireError(error) }),
      )
      .finally(() => running.delete(id));
  }

  return {
    call(method, args, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve, reject });
        signal?.addEventListener(
          'abort',
          () => {
            if (!pending.delete(id)) return;
            port.postMessage({ type: 'cancel', id });
            reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
          },
          { once: true },
        );
        port.postMessage({ type: 'call', id, method, args });
      });
    },
    receive(message) {
      const m = message as { type: string; id: number; method: string; args: unknown[] } & Reply;
      if (m.type === 'reply') reply(m);
      else if (m.type === 'call') handle(m.id, m.method, m.args);
      else if (m.type === 'cancel') running.get(m.id)?.abort(new Error('cancelled by the caller'));
      else return false;
      return true;
    },
    failAll(error) {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      for (const abort of running.values()) abort.abort(error);
    },
  };
}
