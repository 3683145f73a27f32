// The model API key at rest, like the ClubOS password: encrypted through (a stand-in for)
// safeStorage into a 0600 file, never in clear on disk or in the log, gone after Remove.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { memoryLogger, type LogLine } from '../../common/log/logger';
import { safeStorageSecretStore } from '../../main/shell/safe-storage-secret';

const KEY = 'sk-live-0123456789abcdef';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function fakeSafeStorage(available = true, backend: 'gnome_libsecret' | 'basic_text' = 'gnome_libsecret') {
  return {
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(available)),
    getSelectedStorageBackend: vi.fn(() => backend),
    encryptStringAsync: vi.fn((plain: string) => Promise.resolve(Buffer.concat([Buffer.from('v11'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]))),
    decryptStringAsync: vi.fn((encrypted: Buffer) => {
      if (encrypted.subarray(0, 3).toString() !== 'v11') return Promise.reject(new Error('Error while decrypting the ciphertext provided'));
      return Promise.resolve({ shouldReEncrypt: false, result: Buffer.from(encrypted.subarray(3).map((b) => b ^ 0x5a)).toString('utf8') });
    }),
  };
}

function store(available = true, backend: 'gnome_libsecret' | 'basic_text' = 'gnome_libsecret') {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-secret-'));
  dirs.push(dir);
  const lines: LogLine[] = [];
  const file = join(dir, 'model-key.json');
  const s = safeStorageSecretStore({ file, label: 'model API key', safeStorage: fakeSafeStorage(available, backend), platform: 'linux', logger: memoryLogger('t', lines) });
  return { s, file, lines };
}

describe('safeStorageSecretStore', () => {
  it('keeps the key encrypted in a 0600 file and never logs it', async () => {
    const { s, file, lines } = store();
    expect(await s.load()).toBeNull();
    await s.save(KEY);
    expect(await s.load()).toBe(KEY);
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain(KEY);
    expect(raw).not.toContain(Buffer.from(KEY).toString('base64'));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(lines)).not.toContain(KEY);
    s.clear();
    expect(existsSync(file)).toBe(false);
    expect(await s.load()).toBeNull();
  });

  it('refuses to save without secure storage and warns when it is only obfuscated', async () => {
    await expect(store(false).s.save(KEY)).rejects.toThrow(/no secure storage/);
    const weak = store(true, 'basic_text');
    expect(await weak.s.level()).toBe('weak');
    await weak.s.save(KEY);
    expect(weak.lines.some((l) => l.level === 'warn' && /obfuscated/.test(l.message))).toBe(true);
  });

  it('treats a damaged file as no key', async () => {
    const { s, file } = store();
    writeFileSync(file, '{"secret":"not base64!!"}');
    expect(await s.load()).toBeNull();
  });
});
