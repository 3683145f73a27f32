// The shell reacts to some settings (launch at login) that the core stores. Rather than a second
// settings channel, it wraps `setSettings` so it sees every saved result.
import type { Handlers, Settings } from '../../common/contract';
import type { Logger } from '../../common/log/logger';

export function observeSettings(handlers: Handlers, onSaved: (settings: Settings) => void, logger: Logger): Handlers {
  return {
    ...handlers,
    async setSettings(args) {
      const saved = await handlers.setSettings(args);
      // The settings are stored by now: a failing observer must not report the save as failed.
      try {
        onSaved(saved);
      } catch (error) {
        logger.error('applying saved settings failed', { error });
      }
      return saved;
    },
  };
}
