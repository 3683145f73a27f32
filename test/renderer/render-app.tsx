// Renders the whole window over a FakeFrontdesk with a pinned clock, locale and zone.
import { render, type RenderResult } from '@testing-library/react';
import { App } from '../../renderer/src/app';
import type { AppDeps, ViewStorage } from '../../renderer/src/store/app-deps';
import { createAppStore, type AppStore } from '../../renderer/src/store/app-store';
import { FAKE_NOW, type FakeFrontdesk } from './fake-api';

export function memoryStorage(): ViewStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

export interface TestDeps extends AppDeps {
  /** Moves the injected clock. */
  setNow(ms: number): void;
  setAttentive(value: boolean): void;
}

export function testDeps(fake: FakeFrontdesk, overrides: Partial<AppDeps> = {}): TestDeps {
  let now = FAKE_NOW;
  let attentive = true;
  return {
    api: fake.api,
    now: () => now,
    locale: 'en-US',
    timeZone: 'UTC',
    isWindowAttentive: () => attentive,
    viewStorage: memoryStorage(),
    setNow: (ms) => {
      now = ms;
    },
    setAttentive: (value) => {
      attentive = value;
    },
    ...overrides,
  };
}

export function renderApp(fake: FakeFrontdesk, overrides: Partial<AppDeps> = {}): RenderResult & { store: AppStore; deps: TestDeps } {
  const deps = testDeps(fake, overrides);
  const store = createAppStore(deps);
  const result = render(<App store={store} deps={deps} />);
  return { ...result, store, deps };
}
