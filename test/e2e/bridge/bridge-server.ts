// Serves the built renderer (out/renderer) to a browser and the real core behind it over a
// WebSocket, speaking the same contract as Electron IPC. Tests and `npm run dev:browser` only;
// it binds 127.0.0.1.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Core } from '../../../main/core/core';
import { dispatch, isChannelName } from '../../../main/core/dispatch';
import type { Logger } from '../../../main/log/logger';

const requestSchema = z.object({ id: z.number().int(), name: z.string(), args: z.unknown() });

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface Bridge {
  url: string;
  close(): Promise<void>;
}

async function bundleClient(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, 'bridge-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function startBridge(options: { core: Core; rendererDir: string; logger: Logger; port?: number }): Promise<Bridge> {
  const { core, logger } = options;
  const root = resolve(options.rendererDir);
  const clientJs = await bundleClient();
  const indexHtml = (await readFile(join(root, 'index.html'), 'utf8')).replace(
    '<script',
    // The bridge must define window.frontdesk before the app's module script runs.
    '<script src="./frontdesk-bridge.js"></script>\n    <script',
  );

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (path === '/' || path === '/index.html') {
        res.writeHead(200, { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-store' });
        res.end(indexHtml);
        return;
      }
      if (path === '/frontdesk-bridge.js') {
        res.writeHead(200, { 'content-type': CONTENT_TYPES['.js']! });
        res.end(clientJs);
        return;
      }
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });

  const wss = new WebSocketServer({ server, path: '/bridge' });
  const sockets = new Set<WebSocket>();
  const unsubscribe = core.events.subscribe((event) => {
    const message = JSON.stringify({ event });
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(message);
  });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      void (async () => {
        const parsed = requestSchema.safeParse(JSON.parse(String(data)));
        if (!parsed.success) return;
        const { id, name, args } = parsed.data;
        const outcome = isChannelName(name)
          ? await dispatch(core.handlers, name, args, logger)
          : { ok: false as const, error: { code: 'invalid_argument' as const, message: `unknown channel ${name}` } };
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, outcome }));
      })();
    });
  });

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      unsubscribe();
      for (const s of sockets) s.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
