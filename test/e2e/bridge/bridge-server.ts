// Serves the built renderer (out/renderer) to a browser and the real core behind it over a
// WebSocket, speaking the same contract as Electron IPC. Tests and `npm run dev:browser` only;
// it binds 127.0.0.1.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Outcome } from '../../../common/contract';
import type { Core } from '../../../main/core/core';
import { dispatch, isChannelName } from '../../../main/ipc/dispatch';
import type { Logger } from '../../../common/log/logger';

const requestSchema = z.object({ id: z.number().int(), name: z.string(), args: z.unknown() });

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The largest request frame the bridge reads: the contract's biggest argument is a 2,000-character reply. */
const MAX_FRAME_BYTES = 64 * 1024;

export interface Bridge {
  url: string;
  close(): Promise<void>;
}

export interface BridgeOptions {
  /** The window's side of the core: its handlers and its events. */
  core: Pick<Core, 'handlers' | 'events'>;
  /** The electron-vite renderer output (its index.html and assets). */
  rendererDir: string;
  logger: Logger;
  /** Default 0: any free port. */
  port?: number;
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
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bundle for the bridge client');
  return output.text;
}

function parseFrame(data: RawData): z.infer<typeof requestSchema> | null {
  try {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    const text = bytes.toString('utf8');
    const parsed = requestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { core, logger } = options;
  const log = logger.scope('bridge');
  const root = resolve(options.rendererDir);
  const clientJs = await bundleClient();
  const indexHtml = (await readFile(join(root, 'index.html'), 'utf8')).replace(
    '<script',
    // The bridge must define window.frontdesk before the app's module script runs.
    '<script src="./frontdesk-bridge.js"></script>\n    <script',
  );
  // Known once listening. Requests naming another host or origin are refused: without that, any web
  // page the user visits could reach the core through DNS rebinding or a cross-site WebSocket.
  let hosts: ReadonlySet<string> = new Set();
  let origins: ReadonlySet<string> = new Set();

  const send = (res: ServerResponse, status: number, type: string | null, body?: string | Buffer): void => {
    res.writeHead(status, {
      ...(type ? { 'content-type': type } : {}),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  };

  const serveFile = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hosts.has(req.headers.host ?? '')) return send(res, 421, null);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, null);
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(res, 400, null);
    }
    if (path === '/' || path === '/index.html') return send(res, 200, CONTENT_TYPES['.html']!, indexHtml);
    if (path === '/frontdesk-bridge.js') return send(res, 200, CONTENT_TYPES['.js']!, clientJs);
    // Electron loads the window from a file and asks for no icon; a browser does, so answer it empty.
    if (path === '/favicon.ico') return send(res, 204, null);
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) return send(res, 403, null);
    try {
      send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      send(res, 404, null);
    }
  };

  const server: Server = createServer((req, res) => {
    serveFile(req, res).catch((error: unknown) => {
      log.error('serving a file failed', { error });
      if (!res.headersSent) send(res, 500, null);
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({
    server,
    path: '/bridge',
    maxPayload: MAX_FRAME_BYTES,
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) =>
      hosts.has(req.headers.host ?? '') && origins.has(origin),
  });
  const sockets = new Set<WebSocket>();
  const unsubscribe = core.events.subscribe((event) => {
    const message = JSON.stringify({ event });
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(message);
  });

  const answer = async (name: string, args: unknown): Promise<Outcome<unknown>> =>
    isChannelName(name)
      ? dispatch(core.handlers, name, args, logger)
      : { ok: false, error: { code: 'invalid_argument', message: `unknown channel ${name}` } };

  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', (error) => log.warn('a bridge socket failed', { error }));
    socket.on('message', (data) => {
      const request = parseFrame(data);
      if (!request) {
        log.warn('dropped a malformed bridge frame');
        return;
      }
      answer(request.name, request.args)
        .then((outcome) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id: request.id, outcome }));
        })
        .catch((error: unknown) => log.error('a bridge request failed', { channel: request.name, error }));
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      unsubscribe();
      for (const s of sockets) s.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
