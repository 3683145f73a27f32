// electron-updater itself (not a mock) against a generic feed served from 127.0.0.1: it compares
// the running version with latest-linux.yml, downloads the package in the background with
// progress, and verifies it against the feed's sha512 before offering "Restart to update". Only
// Electron's parts are stood in for: the app (an AppAdapter) and the HTTP stack (Node's http).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type ClientRequest, type IncomingMessage, type RequestOptions, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import { DebUpdater } from 'electron-updater';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { systemTimers } from '../../common/time/timers';
import { createUpdateController, type UpdateController } from '../../main/update/update-controller';
import type { UpdateState } from '../../main/update/update-state';

/** electron-updater's HTTP, on Node's http instead of Electron's net. */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return request(options, callback);
  }
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, callback: (error) => (error ? reject(error) : resolve(destination)), responseHandler: null },
        0,
      );
    });
  }
}

const PACKAGE = Buffer.alloc(256 * 1024, 7);
const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

let server: Server;
let feed: string;
let served = PACKAGE;
const dirs: string[] = [];

beforeAll(async () => {
  const yml = () =>
    [
      'version: 0.2.0',
      'files:',
      '  - url: frontdesk_0.2.0_amd64.deb',
      `    sha512: ${sha512(PACKAGE)}`,
      `    size: ${PACKAGE.length}`,
      'path: frontdesk_0.2.0_amd64.deb',
      `sha512: ${sha512(PACKAGE)}`,
      "releaseDate: '2026-11-30T08:00:00.000Z'",
      '',
    ].join('\n');
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/feed/latest-linux.yml') {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(yml());
    } else if (path === '/feed/frontdesk_0.2.0_amd64.deb') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': served.length }).end(served);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function realUpdater(version: string): { controller: UpdateController; states: UpdateState[] } {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-update-'));
  dirs.push(dir);
  // What electron-builder packs from `publish` in electron-builder.yml (there: an https URL).
  writeFileSync(join(dir, 'app-update.yml'), `provider: generic\nurl: ${feed}\nupdaterCacheDirName: frontdesk-updater\n`);
  const updater = new DebUpdater(
    null,
    {
      version,
      name: 'Frontdesk',
      isPackaged: true,
      appUpdateConfigPath: join(dir, 'app-update.yml'),
      userDataPath: join(dir, 'userData'),
      baseCachePath: join(dir, 'cache'),
      whenReady: () => Promise.resolve(),
      relaunch: () => {},
      quit: () => {},
      onQuit: () => {},
    },
  );
  Object.assign(updater, { httpExecutor: new NodeHttpExecutor() });
  updater.logger = null;
  const controller = createUpdateController({ updater: updater, timers: systemTimers, now: () => Date.now(), logger: memoryLogger() });
  const states: UpdateState[] = [];
  controller.subscribe((s) => states.push(s));
  return { controller, states };
}

const settled = (states: UpdateState[]) => {
  const last = states[states.length - 1];
  return last !== undefined && (last.kind === 'ready' || (last.kind === 'idle' && last.lastCheckedAt !== null));
};

describe('electron-updater against a local generic feed', () => {
  it('finds 0.2.0 newer than 0.1.0, downloads it with progress, verifies its sha512 and offers Restart to update', async () => {
    served = PACKAGE;
    const { controller, states } = realUpdater('0.1.0');
    controller.setOff(null);
    await expect.poll(() => settled(states), { timeout: 15_000 }).toBe(true);
    expect(states.map((s) => s.kind)).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']));
    expect(states[states.length - 1]).toEqual({ kind: 'ready', version: '0.2.0' });
    controller.dispose();
  });

  it('offers nothing to the same or a newer version', async () => {
    for (const version of ['0.2.0', '0.3.0']) {
      const { controller, states } = realUpdater(version);
      controller.setOff(null);
      await expect.poll(() => settled(states), { timeout: 15_000 }).toBe(true);
      expect(states[states.length - 1]).toMatchObject({ kind: 'idle', upToDate: true, lastError: null });
      expect(states.some((s) => s.kind === 'downloading')).toBe(false);
      controller.dispose();
    }
  });

  it('refuses a download whose sha512 does not match the feed', async () => {
    served = Buffer.concat([PACKAGE.subarray(0, PACKAGE.length - 1), Buffer.from([8])]);
    const { controller, states } = realUpdater('0.1.0');
    controller.setOff(null);
    await expect.poll(() => settled(states), { timeout: 15_000 }).toBe(true);
    const last = states[states.length - 1];
    expect(last).toMatchObject({ kind: 'idle', upToDate: false });
    expect(last?.kind === 'idle' ? last.lastError : '').toMatch(/sha512 checksum mismatch/);
    expect(states.some((s) => s.kind === 'ready')).toBe(false);
    controller.dispose();
  });
});
