// Runs in the browser page in place of the Electron preload: implements `window.frontdesk`
// from the same contract table, over a WebSocket to the bridge server (same origin, so the
// renderer's CSP `connect-src 'self'` allows it).
import { channelNames, type AppEvent, type ChannelName, type Outcome } from '../../../common/contract';
import type { FrontdeskApi } from '../../../common/frontdesk-api';
import { plainDataProblem } from '../../../main/ipc/plain-data';

type Reply = { id: number; outcome: Outcome<unknown> } | { event: AppEvent };

const CLOSED: Outcome<never> = { ok: false, error: { code: 'internal', message: 'The connection to Frontdesk closed. Reload the page.' } };

const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge`);
const pending = new Map<number, (outcome: Outcome<unknown>) => void>();
const listeners = new Set<(event: AppEvent) => void>();
const queue: string[] = [];
let nextId = 1;

function parseReply(data: unknown): Reply | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && ('event' in value || 'id' in value) ? (value as Reply) : null;
  } catch {
    return null;
  }
}

socket.addEventListener('open', () => {
  for (const message of queue.splice(0)) socket.send(message);
});
socket.addEventListener('message', (e: MessageEvent<unknown>) => {
  const reply = parseReply(e.data);
  if (!reply) return;
  if ('event' in reply) {
    for (const l of [...listeners]) l(reply.event);
    return;
  }
  pending.get(reply.id)?.(reply.outcome);
  pending.delete(reply.id);
});
socket.addEventListener('close', () => {
  // Like a dead preload: every request, pending or later, answers with an error instead of hanging.
  for (const resolve of pending.values()) resolve(CLOSED);
  pending.clear();
  queue.length = 0;
});

function request(name: ChannelName, args: unknown): Promise<Outcome<unknown>> {
  if (socket.readyState === WebSocket.CLOSING || socket.readyState === WebSocket.CLOSED) return Promise.resolve(CLOSED);
  // Electron's structured clone delivers a field set to `undefined` (or a Date, a Map) to the main
  // process, which refuses it; JSON would silently drop or flatten it. Refuse it here the same way,
  // so a renderer that sends one fails the browser tests as it would fail in the app.
  const notData = plainDataProblem(args ?? {});
  if (notData) return Promise.resolve({ ok: false, error: { code: 'invalid_argument', message: `${name}: ${notData}` } });
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    const message = JSON.stringify({ id, name, args: args ?? {} });
    if (socket.readyState === WebSocket.OPEN) socket.send(message);
    else queue.push(message);
  });
}

const api: Record<string, unknown> = {};
for (const name of channelNames) api[name] = (args?: unknown) => request(name, args);
api['onEvent'] = (listener: (event: AppEvent) => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
(window as unknown as { frontdesk: FrontdeskApi }).frontdesk = api as FrontdeskApi;
