// Everything the page reports as going wrong: console errors (CSP violations and failed loads
// among them) and uncaught exceptions. A test fails on any it did not expect.
import type { ConsoleMessage, Page } from 'playwright-core';

export interface PageErrors {
  /** Returns what was collected since the last call and forgets it. */
  take(): string[];
}

function describeConsole(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return `console.${message.type()}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`;
}

export function watchPageErrors(page: Page): PageErrors {
  let errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(describeConsole(message));
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.name}: ${error.message}`));
  page.on('crash', () => errors.push('the page crashed'));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`));
  return {
    take() {
      const taken = errors;
      errors = [];
      return taken;
    },
  };
}
