// The transport's bounds and failure types, one server per case on 127.0.0.1: the byte cap at its
// exact edge, counted after decompression, a declared length over the cap, a redirect to another
// host, a certificate the client cannot trust, plain HTTP where TLS was expected.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { clubosFailure as failure } from './clubos-failure';
import { createTransport } from '../../../main/clubos/http-transport';
import { localTransports } from './local-transport';
import { silentLogger } from '../../../common/log/logger';
import { manualClock } from '../../../common/time/manual-clock';

const CAP = 64 * 1024;
const { listen, transportFor } = localTransports(CAP);

describe('transport bounds', () => {
  it('reads a body of exactly the cap and refuses one byte more', async () => {
    const http = await transportFor((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('x'.repeat(req.url === '/at' ? CAP : CAP + 1));
    });
    expect((await http.request({ method: 'GET', path: '/at' })).body).toHaveLength(CAP);
    const error = await failure(http.request({ method: 'GET', path: '/over' }));
    expect(error.kind).toBe('too_large');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('64 kB');
  });

  it('counts the decompressed size, and a per-request cap overrides the default', async () => {
    const packed = gzipSync(Buffer.alloc(CAP * 4, 'a'));
    expect(packed.length).toBeLessThan(CAP);
    const http = await transportFor((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', 'Content-Length': String(packed.length) });
      res.end(packed);
    });
    expect((await failure(http.request({ method: 'GET', path: '/' }))).kind).toBe('too_large');
    expect((await http.request({ method: 'GET', path: '/', maxBytes: CAP * 4 })).body).toBe('a'.repeat(CAP * 4));
  });

  it('refuses a declared length over the cap without waiting for the body', async () => {
    const http = await transportFor((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(CAP * 100) });
      res.write('x'); // and never more: only the header can end this request before the deadline
    });
    expect((await failure(http.request({ method: 'GET', path: '/', timeoutMs: 60_000 }))).kind).toBe('too_large');
  });

  it('gives each request its own deadline', async () => {
    const http = await transportFor((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<');
    });
    const error = await failure(http.request({ method: 'GET', path: '/', timeoutMs: 200 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer within/);
  });

  it('calls a redirect to another host an answer from the wrong host, and keeps same-host redirects', async () => {
    const http = await transportFor((req, res) => {
      res.writeHead(302, { Location: req.url === '/portal' ? 'http://login.example-wifi.test/portal?next=x' : '/action/Login/view' });
      res.end();
    });
    expect((await http.request({ method: 'GET', path: '/here' })).location?.pathname).toBe('/action/Login/view');
    const error = await failure(http.request({ method: 'GET', path: '/portal' }));
    expect(error.kind).toBe('wrong_host');
    expect(error.message).toContain('login.example-wifi.test');
  });

  it('refuses a body that is not a page without reading it', async () => {
    const http = await transportFor((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.write(Buffer.alloc(1024));
    });
    const error = await failure(http.request({ method: 'GET', path: '/' }));
    expect(error.kind).toBe('parse');
    expect(error.message).toContain('application/octet-stream');
  });
});

describe('TLS failures', () => {
  it('reports a certificate the client cannot trust as a TLS failure, not an unreachable server', async () => {
    const dir = new URL('../../fixtures/tls/', import.meta.url);
    const server = createHttpsServer({ key: readFileSync(new URL('self-signed.key', dir)), cert: readFileSync(new URL('self-signed.crt', dir)) }, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('hello');
    });
    const port = await listen(server);
    const http = createTransport({ baseUrl: `https://127.0.0.1:${port}`, clock: manualClock(0), logger: silentLogger, fetch: globalThis.fetch, timeoutMs: 5_000, maxBytes: CAP });
    const error = await failure(http.request({ method: 'GET', path: '/' }));
    expect(error.kind).toBe('tls');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/secure connection/);
  });

  it('reports plain HTTP where TLS was expected as a TLS failure', async () => {
    const http = await transportFor((_req, res) => res.end('plain'), 'https');
    const error = await failure(http.request({ method: 'GET', path: '/' }));
    expect(error.kind).toBe('tls');
  });

  it('reports a refused connection as unreachable', async () => {
    const server = createHttpServer();
    const port = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const http = createTransport({ baseUrl: `http://127.0.0.1:${port}`, clock: manualClock(0), logger: silentLogger, fetch: globalThis.fetch, timeoutMs: 5_000, maxBytes: CAP });
    const error = await failure(http.request({ method: 'GET', path: '/' }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/Could not reach ClubOS/);
  });
});
