// Everything the store and the views take from the outside world, injected so tests control it.
import type { FrontdeskApi } from '../../../common/frontdesk-api';

/** Where the view (filter, inbox, open conversation) survives a reload of the window. */
export interface ViewStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface AppDeps {
  api: FrontdeskApi;
  /** Epoch milliseconds. */
  now: () => number;
  locale: string | undefined;
  timeZone: string | undefined;
  /** True while the user can see the window, so arriving messages count as read. */
  isWindowAttentive: () => boolean;
  viewStorage: ViewStorage | null;
  /** Where list preferences (order, density) survive a restart; optional (tests leave it out). */
  prefStorage?: ViewStorage | null;
}
