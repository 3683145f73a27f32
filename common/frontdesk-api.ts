// The shape of `window.frontdesk`, derived from the contract so it cannot drift.
import type { AppEvent, ArgsInput, ChannelName, Outcome, Result } from './contract';

export type FrontdeskApi = {
  [K in ChannelName]: (args?: ArgsInput<K>) => Promise<Outcome<Result<K>>>;
} & {
  /** Subscribe to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
};
