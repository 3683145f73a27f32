// One app, one Chromium and one window per test file: started before the file's tests, checked
// for page errors after each test, closed after the last. Every browser test file shares this.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Bridge } from '../bridge/bridge-server';
import { openAppWindow, type AppWindow } from './app-window';
import { launchChromium } from './chromium';

export interface SuiteApp {
  bridge: Bridge;
  close(): Promise<void>;
}

export interface SuiteOptions<A> {
  /** The zone the window's clock runs in. */
  timeZone(app: A): string;
  /** Waits until the window shows what every test of the file starts from. */
  ready?(win: AppWindow): Promise<void>;
  /** What shows that the app has mounted, when it is not the inbox's header. */
  landmark?: (page: Page) => Locator;
}

/** Registers the file's lifecycle hooks; the returned function hands a test the running app and window. */
export function browserSuite<A extends SuiteApp>(start: () => Promise<A>, options: SuiteOptions<A>): () => { app: A; win: AppWindow } {
  let app: A | undefined;
  let browser: Browser | undefined;
  let win: AppWindow | undefined;

  beforeAll(async () => {
    app = await start();
    browser = await launchChromium();
    win = await openAppWindow(browser, app.bridge.url, {
      timeZone: options.timeZone(app),
      ...(options.landmark ? { landmark: options.landmark } : {}),
    });
    await options.ready?.(win);
  });

  afterEach(() => {
    expect(win?.errors.take() ?? []).toEqual([]);
  });

  afterAll(async () => {
    await win?.close();
    await browser?.close();
    await app?.close();
  });

  return () => {
    if (!app || !win) throw new Error('the app did not start');
    return { app, win };
  };
}
