// The bridge without a browser: what it serves, who it lets in, and that it answers the contract
// the way Electron IPC does (through the same dispatcher).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/create-core';
import { memoryCredentialStore } from '../../../main/services/credential-store';
import { memoryLogger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';
import { startBridge, type Bridge } from './bridge-server';

const INDEX_HTML = `<!doctype html>
<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'" />
<script type="module" crossorigin src="./assets/app.js"></script></head><body><div id="root"></div></body></html>`;

let dir: string;
let core: Core | undefined;
let bridge: Bridge | undefined;

function started(): { core: Core; bridge: Bridge; origin: string } {
  if (!core || !bridge) throw new Error('the bridge did not start');
  return { core, bridge, origin: bridge.url.replace(/\/$/, '') };
}

/** A raw GET, so the Host header and the path go out exactly as written. */
function get(url: string, path: string, host?: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', headers: host ? { host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Socket {
  ws: WebSocket;
  frames: unknown[];
  /** The next frame that satisfies `match`, already received or still to come. */
  next(match: (frame: unknown) => boolean): Promise<unknown>;
}

/** Opens `/bridge` on the server at `base`, sending `origin` as the page's origin. */
function connect(base: string, origin: string = base, headers: Record<string, string> = {}): Promise<Socket> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/bridge`, { origin, headers });
  const frames: unknown[] = [];
  const waiters: Array<{ match: (frame: unknown) => boolean; resolve: (frame: unknown) => void }> = [];
  ws.on('message', (data: Buffer) => {
    const frame: unknown = JSON.parse(data.toString('utf8'));
    frames.push(frame);
    for (const w of waiters.filter((x) => x.match(frame))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(frame);
    }
  });
  const next = (match: (frame: unknown) => boolean): Promise<unknown> => {
    const seen = frames.find(match);
    return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, next }));
    ws.once('error', reject);
  });
}

const reply = (id: number) => (frame: unknown) => typeof frame === 'object' && frame !== null && (frame as { id?: unknown }).id === id;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-bridge-'));
  const rendererDir = join(dir, 'renderer');
  const dataDir = join(dir, 'data');
  for (const [path, text] of [
    ['renderer/index.html', INDEX_HTML],
    ['renderer/assets/app.js', 'export {};'],
    ['secret.txt', 'not for the browser'],
  ] as const) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  core = await createCore({ dataDir, clock: systemClock, logger: memoryLogger(), credentials: memoryCredentialStore(), demo: { historyDays: 1 } });
  bridge = await startBridge({ core, rendererDir, logger: memoryLogger() });
}, 20_000);

afterAll(async () => {
  await bridge?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the bridge server', () => {
  it('serves the renderer with the bridge script ahead of the app, on 127.0.0.1 only', async () => {
    const { bridge } = started();
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(bridge.url, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Content-Security-Policy');
    expect(page.body.indexOf('src="./frontdesk-bridge.js"')).toBeGreaterThan(-1);
    expect(page.body.indexOf('src="./frontdesk-bridge.js"')).toBeLessThan(page.body.indexOf('src="./assets/app.js"'));

    const client = await get(bridge.url, '/frontdesk-bridge.js');
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(client.body).toContain('/bridge');

    expect((await get(bridge.url, '/assets/app.js')).status).toBe(200);
    expect((await get(bridge.url, '/favicon.ico')).status).toBe(204);
    expect((await get(bridge.url, '/assets/missing.js')).status).toBe(404);
  });

  it('serves nothing outside the renderer folder and nothing to a foreign Host', async () => {
    const { bridge } = started();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const res = await get(bridge.url, path);
      expect({ path, status: res.status, leaked: res.body.includes('not for the browser') }).toMatchObject({ path, leaked: false });
      expect([403, 404]).toContain(res.status);
    }
    expect((await get(bridge.url, '/%E0%A4%A')).status).toBe(400);
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host.
    expect((await get(bridge.url, '/', 'evil.example:80')).status).toBe(421);
  });

  it('refuses WebSocket connections from other origins', async () => {
    const { origin } = started();
    await expect(connect(origin, 'http://evil.example')).rejects.toThrow(/401/);
    await expect(connect(origin, 'null')).rejects.toThrow(/401/);
    await expect(connect(origin, origin, { host: 'evil.example' })).rejects.toThrow(/401/);
    const ok = await connect(origin);
    ok.ws.close();
  });

  it('answers requests through the contract, survives bad frames, and pushes events', async () => {
    const { core, origin } = started();
    const socket = await connect(origin);
    try {
      socket.ws.send('this is not json');
      socket.ws.send(JSON.stringify({ id: 'x', name: 'getAccount' }));
      socket.ws.send(JSON.stringify({ id: 1, name: 'getAccount', args: {} }));
      expect(await socket.next(reply(1))).toEqual({ id: 1, outcome: { ok: true, value: await core.handlers.getAccount({}) } });

      socket.ws.send(JSON.stringify({ id: 2, name: 'noSuchChannel', args: {} }));
      expect(await socket.next(reply(2))).toMatchObject({ id: 2, outcome: { ok: false, error: { code: 'invalid_argument' } } });

      socket.ws.send(JSON.stringify({ id: 3, name: 'markRead', args: { conversationId: -4 } }));
      expect(await socket.next(reply(3))).toMatchObject({ id: 3, outcome: { ok: false, error: { code: 'invalid_argument' } } });

      socket.ws.send(JSON.stringify({ id: 4, name: 'getConversation', args: { conversationId: 999_999 } }));
      expect(await socket.next(reply(4))).toMatchObject({ id: 4, outcome: { ok: false, error: { code: 'not_found' } } });

      const event = core.events.emit({ type: 'uiCommand', command: 'showHelp' });
      expect(await socket.next((f) => typeof f === 'object' && f !== null && 'event' in f)).toEqual({ event });
      expect(socket.frames.filter((f) => typeof f === 'object' && f !== null && 'id' in f)).toHaveLength(4);
    } finally {
      socket.ws.close();
    }
  });
});
