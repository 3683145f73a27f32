import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// electron-log/main needs Electron; its Node flavour has the same file transport and scopes.
vi.mock('electron-log/main', async () => {
  const node = await import('electron-log/node');
  return { default: node.default };
});

const { electronLogLogger, LOG_FILE_MAX_BYTES, setupLogging } = await import('../../main/shell/logging');
const nodeLog = (await import('electron-log/node')).default;

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-log-'));
afterAll(() => {
  nodeLog.errorHandler.stopCatching();
  rmSync(dir, { recursive: true, force: true });
});

const SECRETS = {
  password: 'hunter2-correct-horse',
  cookie: 'JSESSIONID=7F3A9C0DDEADBEEF',
  token: 'apiV3-token-5d41402abc4b2a76',
};

describe('logging', () => {
  const { logger, logFile } = setupLogging({ logDir: dir, verbose: false });

  it('writes scoped lines to main.log in the log folder', () => {
    logger.scope('sync').info('poll finished', { ownerId: '100000001', added: 2 });
    const text = readFileSync(logFile, 'utf8');
    expect(logFile).toBe(join(dir, 'main.log'));
    expect(text).toMatch(/\[info\]\s+\(sync\)\s+poll finished/);
    expect(text).toContain("added: 2");
    expect(nodeLog.transports.file.maxSize).toBe(LOG_FILE_MAX_BYTES);
    expect(LOG_FILE_MAX_BYTES).toBe(5 * 1024 * 1024);
  });

  it('never writes a password, cookie or token, however deep in the fields', () => {
    const log = logger.scope('clubos');
    log.info('signing in', { username: 'frontdesk', password: SECRETS.password });
    log.warn('session cookie refreshed', { response: { headers: { 'set-cookie': SECRETS.cookie } } });
    log.error('request failed', { request: { apiV3AccessToken: SECRETS.token, authorization: `Bearer ${SECRETS.token}` } });
    log.debug('debug is off in production', { password: SECRETS.password });
    const text = readFileSync(logFile, 'utf8');
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).toContain('frontdesk');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('debug is off');
  });

  it('keeps a single old file when the log is full', () => {
    logger.info(`first ${'x'.repeat(LOG_FILE_MAX_BYTES)}`);
    logger.info('after rotation');
    expect(readFileSync(join(dir, 'main.old.log'), 'utf8')).toContain('first xxx');
    expect(statSync(logFile).size).toBeLessThan(1000);
    logger.info(`second ${'y'.repeat(LOG_FILE_MAX_BYTES)}`);
    logger.info('after the second rotation');
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.old.log']);
    const old = readFileSync(join(dir, 'main.old.log'), 'utf8');
    expect(old).toContain('second yyy');
    expect(old).not.toContain('first xxx');
  });
});

describe('electronLogLogger', () => {
  it('adapts any scope source to the core Logger, redacting fields and omitting empty ones', () => {
    const calls: Array<{ scope: string; level: string; params: unknown[] }> = [];
    const source = {
      scope: (scope: string) => {
        const at = (level: string) => (...params: unknown[]) => calls.push({ scope, level, params });
        return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
      },
    };
    const root = electronLogLogger(source, 'app');
    root.info('hello');
    root.scope('db').warn('slow', { ms: 900, cookie: SECRETS.cookie });
    expect(calls).toEqual([
      { scope: 'app', level: 'info', params: ['hello'] },
      { scope: 'db', level: 'warn', params: ['slow', { ms: 900, cookie: '[redacted]' }] },
    ]);
  });
});
