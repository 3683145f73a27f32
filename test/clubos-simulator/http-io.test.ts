import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlResponse, writeResponse, type SimResponse } from '../../main/clubos-simulator/http-io';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/**
 * Serves `answer` with writeResponse and, as the simulator's server does, answers a failure with
 * an error page (writeResponse again); `failures` holds what failed.
 */
async function serving(answer: () => SimResponse): Promise<{ url: string; failures: unknown[] }> {
  const failures: unknown[] = [];
  server = createServer((_req, res) => {
    writeResponse(res, answer()).catch((error: unknown) => {
      failures.push(error);
      void writeResponse(res, htmlResponse('<h1>Internal Server Error</h1>', 500));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, failures };
}

/** The answer's status and body, or the error that cut it short. */
function get(url: string): Promise<{ status: number; body: string } | Error> {
  return new Promise((resolve) => {
    const req = request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', resolve);
    });
    req.on('error', resolve);
    req.end();
  });
}

describe('writeResponse', () => {
  it('sends a whole body with its length, a streamed one piece by piece', async () => {
    const whole = await serving(() => htmlResponse('<p>é</p>'));
    expect(await get(whole.url)).toEqual({ status: 200, body: '<p>é</p>' });
    server?.closeAllConnections();
    const streamed = await serving(() => htmlResponse({ pieces: ['<ul>', '<li>é</li>'.repeat(10_000), '</ul>'] }));
    expect(await get(streamed.url)).toEqual({ status: 200, body: `<ul>${'<li>é</li>'.repeat(10_000)}</ul>` });
  });

  it('cuts the answer short when a piece fails after the head went out, and stays up', async () => {
    let fail = true;
    function* pieces(): Generator<string> {
      yield '<ul><li>first</li>';
      if (fail) throw new Error('rendering failed');
      yield '</ul>';
    }
    const { url, failures } = await serving(() => htmlResponse({ pieces: pieces() }));
    // Not a 500 after a 200's first rows: the client must not take a part for the whole.
    expect(await get(url)).toBeInstanceOf(Error);
    expect(failures).toEqual([new Error('rendering failed')]);
    fail = false;
    expect(await get(url)).toEqual({ status: 200, body: '<ul><li>first</li></ul>' });
  });

  it('stops rendering when the client goes away', async () => {
    let rendered = 0;
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    function* pieces(): Generator<string> {
      try {
        for (let i = 0; i < 1_000; i++) {
          rendered++;
          yield 'x'.repeat(64 * 1024);
        }
      } finally {
        finished();
      }
    }
    const { url, failures } = await serving(() => htmlResponse({ pieces: pieces() }));
    await new Promise<void>((resolve) => {
      const req = request(url, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.end();
    });
    await done;
    expect(failures).toEqual([]);
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(1_000);
  });
});
