// One browser window on the bridge: a fresh context (no shared storage), the club's time zone so
// list times and the thread's club times agree, and every page error collected.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { watchPageErrors, type PageErrors } from './page-errors';

export interface AppWindow {
  context: BrowserContext;
  page: Page;
  errors: PageErrors;
  close(): Promise<void>;
}

export interface AppWindowOptions {
  timeZone: string;
  viewport?: { width: number; height: number };
  /** What shows that the app has mounted; the header's Sync now button unless given. */
  landmark?: (page: Page) => Locator;
}

export async function openAppWindow(browser: Browser, url: string, options: AppWindowOptions): Promise<AppWindow> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    timezoneId: options.timeZone,
    locale: 'en-US',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  // Well inside the test timeout, so a missing element fails with its locator, not a bare timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(url);
  // The header renders once React has mounted; the bridge script ran before the app's.
  await (options.landmark ?? ((p: Page) => p.getByRole('button', { name: 'Sync now' })))(page).waitFor();
  return { context, page, errors, close: () => context.close() };
}
