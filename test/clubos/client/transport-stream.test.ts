// The transport's streaming mode (the inbox on its way to the sync worker), one server per case on
// 127.0.0.1: a 200's body reaches the sink piece by piece while the server is still sending it;
// over the cap, broken off, reset, refused by the sink or given up by the caller, the reading
// stops with a typed error and the connection is dropped; an answer the caller does not stream
// (a redirect, an error) is kept as bytes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { clubosFailure as failure } from './clubos-failure';
import type { BodySink } from '../../../main/clubos/http-transport';
import { localTransports } from './local-transport';

const CAP = 256 * 1024;
const { transportFor } = localTransports(CAP);

/** Resolves when the server sees the client drop the connection. */
function dropped(req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    res.on('close', () => resolve());
    req.socket.on('close', () => resolve());
  });
}

function collector() {
  const chunks: Uint8Array[] = [];
  const sink: BodySink = (chunk) => void chunks.push(Uint8Array.from(chunk));
  return { chunks, sink, text: () => Buffer.concat(chunks).toString('utf8'), bytes: () => chunks.reduce((n, c) => n + c.byteLength, 0) };
}

describe('the transport streaming a body', () => {
  it('hands a 200 body to the sink as it arrives, before the server has finished sending it', async () => {
    let sendRest: () => void = () => {};
    const http = await transportFor((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.write('<ul class="message-list">Zo');
      sendRest = () => res.end('ë</ul>');
    });
    const got = collector();
    const answer = await http.request({
      method: 'POST',
      path: '/inbox',
      sinkFor: (head) => (head.status === 200 ? (chunk) => {
        void got.sink(chunk);
        sendRest();
      } : null),
    });
    expect(answer).toMatchObject({ status: 200, body: null });
    expect(got.chunks.length).toBeGreaterThanOrEqual(2);
    expect(got.text()).toBe('<ul class="message-list">Zoë</ul>');
  });

  it('keeps an answer the caller does not stream (a redirect, an error) as bytes', async () => {
    const http = await transportFor((req, res) => {
      if (req.url === '/moved') res.writeHead(302, { Location: '/action/Login/view' }).end();
      else res.writeHead(500, { 'Content-Type': 'text/html' }).end('<h1>HTTP Status 500</h1>');
    });
    const got = collector();
    const sinkFor = (head: { status: number }) => (head.status === 200 ? got.sink : null);
    const moved = await http.request({ method: 'POST', path: '/moved', sinkFor });
    expect(moved.location?.pathname).toBe('/action/Login/view');
    expect(moved.body).toBeInstanceOf(Uint8Array);
    const failed = await http.request({ method: 'POST', path: '/error', sinkFor });
    expect(failed.status).toBe(500);
    expect(Buffer.from(failed.body!).toString()).toBe('<h1>HTTP Status 500</h1>');
    expect(got.chunks).toHaveLength(0);
  });

  it('stops at the cap while streaming, compressed or not, and drops the connection', async () => {
    let closed: Promise<void> = Promise.resolve();
    const http = await transportFor((req, res) => {
      closed = dropped(req, res);
      if (req.url === '/gzip') {
        res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' });
        res.end(gzipSync(Buffer.alloc(CAP * 8, 'a')));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html' });
      // Far more than the cap, slowly enough that only the client can end it early.
      let sent = 0;
      const more = (): void => {
        if (res.destroyed || sent > CAP * 40) return;
        sent += 16 * 1024;
        res.write(Buffer.alloc(16 * 1024, 'x'), () => setImmediate(more));
      };
      more();
    });
    for (const path of ['/plain', '/gzip']) {
      const got = collector();
      const error = await failure(http.request({ method: 'POST', path, sinkFor: () => got.sink }));
      expect(error.kind).toBe('too_large');
      expect(got.bytes()).toBeLessThanOrEqual(CAP);
      await closed;
    }
  });

  it('fails a body that breaks off or a connection reset as a network failure', async () => {
    const http = await transportFor((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(100_000) });
      res.write('<ul class="message-list">', () => {
        if (req.url === '/reset') req.socket.resetAndDestroy();
        else req.socket.destroy();
      });
    });
    for (const path of ['/cut', '/reset']) {
      const got = collector();
      const error = await failure(http.request({ method: 'POST', path, sinkFor: () => got.sink }));
      expect(error.kind).toBe('network');
    }
  });

  it('stops reading and drops the connection when the sink fails or the caller gives up', async () => {
    let closed: Promise<void> = Promise.resolve();
    const http = await transportFor((req, res) => {
      closed = dropped(req, res);
      res.writeHead(200, { 'Content-Type': 'text/html' });
      const more = (): void => {
        if (!res.destroyed) res.write(Buffer.alloc(4096, 'y'), () => setTimeout(more, 1));
      };
      more();
    });
    const refused = new Error('the worker is gone');
    let calls = 0;
    const sinkError = await http
      .request({
        method: 'POST',
        path: '/',
        sinkFor: () => () => {
          if (++calls === 3) throw refused;
        },
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(sinkError).toBe(refused);
    await closed;

    const abort = new AbortController();
    let seen = 0;
    const error = await failure(
      http.request({
        method: 'POST',
        path: '/',
        signal: abort.signal,
        sinkFor: () => () => {
          if (++seen === 3) abort.abort(new Error('poll stopped'));
        },
      }),
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/cancelled/);
    await closed;
  });
});
