// Debian's Chromium, driven by playwright-core (which never downloads a browser of its own).
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's. Throws a plain instruction when it is not there. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env['CHROMIUM_PATH'] || DEFAULT_CHROMIUM_PATH;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    // The browser tests never skip: a missing browser is a broken setup, not a pass.
    throw new Error(
      `Chromium is not installed at ${path}. The browser end-to-end tests need it: ` +
        'install it with "sudo apt-get install chromium" (what .ci/run does), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return path;
}

export function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(env), headless: true, args: [...CHROMIUM_ARGS] });
}
