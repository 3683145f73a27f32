// Transports to servers of the test's own on 127.0.0.1, one per case, closed (connections and
// all) after each test. Call at a test file's top level: it registers the cleanup.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { silentLogger } from '../../../common/log/logger';
import { manualClock } from '../../../common/time/manual-clock';
import { createTransport, type ClubOSTransport } from '../../../main/clubos/http-transport';

export interface LocalTransports {
  /** Starts `server` on a free port (closed after the test) and returns the port. */
  listen(server: Server): Promise<number>;
  /** A transport capped at `maxBytes` to a plain HTTP server running `handler`, addressed with `scheme`. */
  transportFor(handler: RequestListener, scheme?: 'http' | 'https'): Promise<ClubOSTransport>;
}

export function localTransports(maxBytes: number): LocalTransports {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (s) =>
          new Promise<void>((resolve) => {
            s.closeAllConnections();
            s.close(() => resolve());
          }),
      ),
    );
  });
  async function listen(server: Server): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }
  return {
    listen,
    async transportFor(handler, scheme = 'http') {
      const port = await listen(createServer(handler));
      return createTransport({ baseUrl: `${scheme}://127.0.0.1:${port}`, clock: manualClock(0), logger: silentLogger, fetch: globalThis.fetch, timeoutMs: 5_000, maxBytes });
    },
  };
}
