// Sign-in failures from the wire to the owner's sync state: the real client against a ClubOS
// stand-in on 127.0.0.1, through the session keeper into the sync engine. Only a refused password
// stops the owner; every other failure is reported as what it is and retried.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClubOSClient } from '../../main/clubos/client';
import { createEventBus } from '../../common/event-bus';
import { silentLogger } from '../../common/log/logger';
import { systemClock } from '../../common/time/clock';
import { createSyncEngine, type SyncEngine } from '../../main/sync/sync-engine';
import { reply, startStubClubOS, type StubClubOS } from '../clubos/client/stub-clubos';
import { memorySyncStore } from './memory-sync-store';

const STAFF = '187032782';
let stub: StubClubOS;
let engine: SyncEngine | null = null;

beforeEach(async () => {
  stub = await startStubClubOS({ staffId: STAFF });
});

afterEach(async () => {
  await engine?.stop();
  engine = null;
  await stub.close();
});

function engineFor(options: { password?: string; baseUrl?: string } = {}): SyncEngine {
  const client = createClubOSClient({
    baseUrl: options.baseUrl ?? stub.baseUrl,
    username: 'alex',
    password: options.password ?? 'correct horse',
    clock: systemClock,
    logger: silentLogger,
    sleep: () => Promise.resolve(),
  });
  engine = createSyncEngine({ client, store: memorySyncStore([{ ownerId: STAFF, name: 'Alex Morgan' }]), events: createEventBus(), clock: systemClock, logger: silentLogger });
  return engine;
}

describe('sign-in failures in the sync engine', () => {
  it.each([
    ['no session cookies', 'clubos_no_session', () => stub.override('POST /action/Login', reply(302, '', { Location: '/action/Dashboard/view' }))],
    ['a redirect loop', 'clubos_redirect_loop', () => stub.override('GET /action/Dashboard/view', reply(302, '', { Location: '/action/Login/view' }))],
    ['another host', 'clubos_wrong_host', () => stub.override('POST /action/Login', reply(302, '', { Location: 'https://portal.example.test/' }))],
  ] as const)('%s: backs off with its own code, then syncs once ClubOS behaves', async (_name, code, fault) => {
    fault();
    const e = engineFor();
    let owner = (await e.syncNow(STAFF)).owners[0];
    expect(owner?.state).not.toBe('auth_failed');
    expect(owner?.lastError?.code).toBe(code);
    expect(owner?.consecutiveFailures).toBe(1);
    owner = (await e.syncNow(STAFF)).owners[0];
    expect(owner?.lastError).toBeNull();
    expect(owner?.lastSuccessAt).not.toBeNull();
  });

  it('a TLS failure backs off and is not blamed on the password', async () => {
    const e = engineFor({ baseUrl: stub.baseUrl.replace('http:', 'https:') });
    const owner = (await e.syncNow(STAFF)).owners[0];
    expect(owner?.lastError?.code).toBe('clubos_tls');
    expect(owner?.lastError?.message).not.toMatch(/password/i);
    expect(owner?.state).not.toBe('auth_failed');
  });

  it('a refused password stops the owner, and no further attempt reaches ClubOS', async () => {
    const e = engineFor({ password: 'wrong' });
    e.start();
    let owner = (await e.syncNow(STAFF)).owners[0];
    expect(owner?.state).toBe('auth_failed');
    expect(owner?.lastError?.code).toBe('clubos_credentials');
    expect(owner?.nextRunAt).toBeNull();
    const posts = stub.count('POST /action/Login');
    owner = (await e.syncNow(STAFF)).owners[0];
    expect(owner?.state).toBe('auth_failed');
    expect(stub.count('POST /action/Login')).toBe(posts);
  });
});
