import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../common/contract';
import { AppError } from '../../common/errors/app-error';
import { registerHandlers, type InvokeListener } from '../../main/ipc/register-handlers';
import { memoryLogger } from '../../common/log/logger';
import { fakeHandlers, sampleAccount } from './fake-core';

vi.mock('electron-log/main', async () => ({ default: (await import('electron-log/node')).default }));

const { safeStorageCredentialStore } = await import('../../main/shell/safe-storage-credentials');
const { setupLogging } = await import('../../main/shell/logging');

const PASSWORD = 'Tr0ub4dor&3-front-desk';
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-cred-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Backend = ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>;

const deprecated = (name: string) =>
  vi.fn(() => {
    throw new Error(`safeStorage.${name} is deprecated in Electron 45; use the async call`);
  });

/**
 * Stands in for safeStorage's asynchronous calls: a reversible transform that shares no byte run
 * with the input. `v09` ciphertext is an older key's: it decrypts, asking to be re-encrypted. The
 * deprecated synchronous calls throw, so using one fails the test.
 */
function fakeSafeStorage(available = true, backend: Backend = 'gnome_libsecret') {
  const key = 0x5a;
  return {
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(available)),
    getSelectedStorageBackend: vi.fn(() => backend),
    encryptStringAsync: vi.fn((plain: string) => Promise.resolve(Buffer.concat([Buffer.from('v11'), Buffer.from(plain, 'utf8').map((b) => b ^ key)]))),
    decryptStringAsync: vi.fn((encrypted: Buffer) => {
      const version = encrypted.subarray(0, 3).toString();
      if (version !== 'v11' && version !== 'v09') return Promise.reject(new Error('Error while decrypting the ciphertext provided'));
      return Promise.resolve({ result: Buffer.from(encrypted.subarray(3).map((b) => b ^ key)).toString('utf8'), shouldReEncrypt: version === 'v09' });
    }),
    isEncryptionAvailable: deprecated('isEncryptionAvailable'),
    encryptString: deprecated('encryptString'),
    decryptString: deprecated('decryptString'),
  };
}

const credentials = { username: 'frontdesk', password: PASSWORD, baseUrl: 'https://anytime.club-os.com' };

function containsPassword(text: string): boolean {
  return [PASSWORD, Buffer.from(PASSWORD).toString('base64'), Buffer.from(PASSWORD).toString('hex'), encodeURIComponent(PASSWORD)].some((form) =>
    text.includes(form),
  );
}

describe('safeStorage credential store', () => {
  it('writes a 0600 file holding only the encrypted password, and reads it back', async () => {
    const file = join(tempDir(), 'credentials.json');
    const store = safeStorageCredentialStore({ file, safeStorage: fakeSafeStorage(), platform: 'linux', logger: memoryLogger() });
    await store.save(credentials);
    const text = readFileSync(file, 'utf8');
    expect(containsPassword(text)).toBe(false);
    const saved = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(saved).sort()).toEqual(['baseUrl', 'password', 'username']);
    expect(saved['username']).toBe('frontdesk');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(file, '..'))).toEqual(['credentials.json']);
    expect(await store.load()).toEqual(credentials);
  });

  it('signs out by deleting the file', async () => {
    const file = join(tempDir(), 'credentials.json');
    const store = safeStorageCredentialStore({ file, safeStorage: fakeSafeStorage(), platform: 'darwin', logger: memoryLogger() });
    await store.save(credentials);
    store.clear();
    expect(existsSync(file)).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it.each([
    ['darwin', true, 'unknown', 'os'],
    ['win32', true, 'unknown', 'os'],
    ['linux', true, 'gnome_libsecret', 'os'],
    ['linux', true, 'kwallet6', 'os'],
    ['linux', true, 'basic_text', 'weak'],
    ['linux', true, 'unknown', 'weak'],
    ['linux', false, 'gnome_libsecret', 'unavailable'],
    ['darwin', false, 'unknown', 'unavailable'],
  ] as const)('on %s (encryption %s, backend %s) reports level %s', async (platform, available, backend, level) => {
    const store = safeStorageCredentialStore({
      file: join(tempDir(), 'c.json'),
      safeStorage: fakeSafeStorage(available, backend),
      platform,
      logger: memoryLogger(),
    });
    expect(await store.level()).toBe(level);
  });

  it('refuses to save without secure storage, writing nothing', async () => {
    const file = join(tempDir(), 'credentials.json');
    const safeStorage = fakeSafeStorage(false);
    const store = safeStorageCredentialStore({ file, safeStorage, platform: 'linux', logger: memoryLogger() });
    await expect(store.save(credentials)).rejects.toThrow(AppError);
    await expect(store.save(credentials)).rejects.toMatchObject({ code: 'insecure_storage' });
    expect(existsSync(file)).toBe(false);
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('saves on basic_text but warns clearly', async () => {
    const logger = memoryLogger();
    const store = safeStorageCredentialStore({ file: join(tempDir(), 'c.json'), safeStorage: fakeSafeStorage(true, 'basic_text'), platform: 'linux', logger });
    await store.save(credentials);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('basic_text') as string }));
  });

  it('re-encrypts a password the keystore asks to, under its current key', async () => {
    const file = join(tempDir(), 'credentials.json');
    const safeStorage = fakeSafeStorage();
    const older = Buffer.concat([Buffer.from('v09'), Buffer.from(PASSWORD, 'utf8').map((b) => b ^ 0x5a)]);
    writeFileSync(file, JSON.stringify({ username: 'frontdesk', baseUrl: 'https://anytime.club-os.com', password: older.toString('base64') }));
    const store = safeStorageCredentialStore({ file, safeStorage, platform: 'linux', logger: memoryLogger() });
    expect(await store.load()).toEqual(credentials);
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as { password: string };
    expect(Buffer.from(rewritten.password, 'base64').subarray(0, 3).toString()).toBe('v11');
    expect(await store.load()).toEqual(credentials);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(1);
  });

  it('treats a file it cannot decrypt or parse as signed out', async () => {
    const dir = tempDir();
    const logger = memoryLogger();
    const store = safeStorageCredentialStore({ file: join(dir, 'c.json'), safeStorage: fakeSafeStorage(), platform: 'linux', logger });
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ username: 'x', baseUrl: 'https://x', password: Buffer.from('v10garbage').toString('base64') }));
    expect(await store.load()).toBeNull();
    writeFileSync(join(dir, 'c.json'), '{ not json');
    expect(await store.load()).toBeNull();
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(2);
  });

  it('keeps the password out of the log and the file during a sign-in over IPC', async () => {
    const dir = tempDir();
    const { logger, logFile } = setupLogging({ logDir: join(dir, 'logs'), verbose: true });
    // Debug lines go to the file; the test output stays quiet.
    (await import('electron-log/node')).default.transports.console.level = false;
    const store = safeStorageCredentialStore({ file: join(dir, 'credentials.json'), safeStorage: fakeSafeStorage(), platform: 'linux', logger: logger.scope('shell') });
    const clubos = logger.scope('clubos');
    // A careless core: logs its arguments whole and the login form it posts.
    const signIn: Handlers['signIn'] = async (args) => {
      clubos.info('signing in', { args });
      clubos.debug('login form', { form: { username: args.username, password: args.password, __fp: 'x' } });
      await store.save({ username: args.username, password: args.password, baseUrl: args.baseUrl ?? 'https://anytime.club-os.com' });
      return sampleAccount({ mode: 'signed_in', username: args.username });
    };
    const listeners = new Map<string, InvokeListener>();
    registerHandlers(
      { handle: (c, l) => listeners.set(c, l), removeHandler: (c) => listeners.delete(c) },
      { ...fakeHandlers(), signIn },
      { isTrustedSender: () => true, logger: logger.scope('ipc') },
    );
    const event = { sender: { id: 1 }, senderFrame: { url: 'file:///app/index.html', parent: null } };
    const outcome = await listeners.get('frontdesk:signIn')!(event, { username: 'frontdesk', password: PASSWORD });
    expect(outcome).toMatchObject({ ok: true, value: { mode: 'signed_in' } });
    await listeners.get('frontdesk:signIn')!(event, { username: 'frontdesk', password: PASSWORD, remember: true });

    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('signing in');
    expect(log).toContain('login form');
    expect(containsPassword(log)).toBe(false);
    expect(containsPassword(readFileSync(join(dir, 'credentials.json'), 'utf8'))).toBe(false);
    expect((await store.load())?.password).toBe(PASSWORD);
  });
});
