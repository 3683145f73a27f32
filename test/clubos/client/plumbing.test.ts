// The pieces under the client: the serial queue, the session keeper and the transport.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { createTransport } from '../../../main/clubos/http-transport';
import { createSerialQueue } from '../../../main/clubos/serial-queue';
import { assertLiveSession } from '../../../main/clubos/session-check';
import { createSessionKeeper } from '../../../main/clubos/session-keeper';
import type { ClubPageContext } from '../../../main/clubos/types';
import { memoryLogger, silentLogger } from '../../../common/log/logger';
import { manualClock } from '../../../common/time/manual-clock';

const context: ClubPageContext = {
  clubId: '512',
  clubLocationId: '3586',
  timeZone: 'America/Chicago',
  loggedInUserId: '1',
  loggedInUserName: 'Alex Morgan',
  actingUser: { id: '1', name: 'Alex Morgan' },
  staff: [],
  locations: [],
  owners: [],
};

describe('serial queue', () => {
  it('runs tasks one at a time in call order, and a failure does not stop the queue', async () => {
    const queue = createSerialQueue();
    const events: string[] = [];
    const task = (name: string, fail = false) => async (): Promise<string> => {
      events.push(`start ${name}`);
      await Promise.resolve();
      await Promise.resolve();
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([queue.run(task('a')), queue.run(task('b', true)), queue.run(task('c'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});

describe('session keeper', () => {
  it('shares one sign-in, lets an aborted caller stop waiting, and remembers refused credentials', async () => {
    const clock = manualClock(0);
    let release: (c: ClubPageContext) => void = () => {};
    let attempts = 0;
    const keeper = createSessionKeeper({
      signIn: () => {
        attempts++;
        return attempts === 1 ? new Promise<ClubPageContext>((resolve) => (release = resolve)) : Promise.reject(new ClubOSError('credentials', 'no'));
      },
      clock,
      sleep: (ms) => Promise.resolve(clock.advance(ms)),
      minIntervalMs: 5000,
      logger: silentLogger,
    });
    const controller = new AbortController();
    const a = keeper.current();
    const b = keeper.current(controller.signal);
    controller.abort();
    await expect(b).rejects.toMatchObject({ kind: 'timeout' });
    release(context);
    const session = await a;
    expect(await keeper.current()).toBe(session);
    expect(attempts).toBe(1);

    keeper.invalidate({ context });
    expect(keeper.peek()).toBe(session);
    keeper.invalidate(session);
    expect(keeper.peek()).toBeNull();
    await expect(keeper.current()).rejects.toMatchObject({ kind: 'credentials' });
    expect(clock.now()).toBe(5000);
    await expect(keeper.current()).rejects.toMatchObject({ kind: 'credentials' });
    expect(attempts).toBe(2);
  });
});

describe('transport', () => {
  it('stores cookies set on a redirect, sends them back, and does not follow the redirect', async () => {
    const seen: Array<string | undefined> = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.cookie);
      if (req.url === '/set') {
        res.writeHead(302, { Location: '/elsewhere', 'Set-Cookie': ['JSESSIONID=s1; Path=/; HttpOnly', 'foreign=1; Domain=example.com'] });
        res.end();
      } else {
        res.writeHead(200);
        res.end(req.url);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const logger = memoryLogger('t');
      const http = createTransport({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        clock: manualClock(0),
        logger,
        fetch: globalThis.fetch,
        timeoutMs: 5000,
        maxBytes: 1 << 20,
      });
      const first = await http.request({ method: 'GET', path: '/set' });
      expect(first.status).toBe(302);
      expect(first.location?.pathname).toBe('/elsewhere');
      expect(await http.cookie('JSESSIONID')).toBe('s1');
      const second = await http.request({ method: 'GET', path: '/next', query: { _: '42' } });
      expect(second.body).toBe('/next?_=42');
      expect(seen).toEqual([undefined, 'JSESSIONID=s1']);
      http.forgetCookies();
      await http.request({ method: 'GET', path: '/after' });
      expect(seen[2]).toBeUndefined();
      expect(logger.lines.some((l) => l.level === 'warn' && l.message === 'ClubOS sent a cookie that could not be stored')).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('calls only a redirect to the login view a lost session', () => {
    const base = new URL('http://127.0.0.1/');
    const redirect = (to: string) => ({ status: 302, location: new URL(to, base), body: '' });
    expect(() => assertLiveSession(redirect('/action/Login/view?__fsk=1'), 'x')).toThrow(ClubOSError);
    expect(() => assertLiveSession(redirect('/action/Dashboard'), 'x')).not.toThrow();
    expect(() => assertLiveSession({ status: 200, location: null, body: 'Session Expired' }, 'x')).toThrow(/Session Expired/);
  });
});
