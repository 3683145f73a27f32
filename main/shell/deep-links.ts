// frontdesk:// links in the shell: the app registers as the scheme's handler, takes the link
// from its launch arguments, from a second launch (single-instance forwarding) or from macOS's
// open-url, and opens the conversation once the window is ready. A link to a conversation that
// does not exist only brings the window forward.
import type { App } from 'electron';
import { DEEP_LINK_SCHEME, deepLinkInArgv, parseDeepLink, type DeepLink } from '../deep-link/deep-link';
import type { Logger } from '../../common/log/logger';

export interface DeepLinkDeps {
  app: Pick<App, 'setAsDefaultProtocolClient' | 'on'>;
  /** True when run as `electron .` (development): the handler must name the app's entry. */
  defaultApp: boolean;
  execPath: string;
  /** The entry script in development (`process.argv[1]`). */
  entry: string | undefined;
  logger: Logger;
}

export interface DeepLinks {
  /** Links in a launch's arguments (the first launch's, or a second instance's). */
  fromArgv(argv: readonly string[]): void;
  /** The app is ready to open conversations; opens a link that arrived before. */
  ready(open: (link: DeepLink) => void): void;
}

export function setupDeepLinks({ app, defaultApp, execPath, entry, logger }: DeepLinkDeps): DeepLinks {
  const registered =
    defaultApp && entry !== undefined ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, execPath, [entry]) : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  if (!registered) logger.warn('could not register as the frontdesk:// handler');

  let opener: ((link: DeepLink) => void) | null = null;
  let pending: DeepLink | null = null;
  const deliver = (link: DeepLink | null, raw?: string): void => {
    if (!link) {
      if (raw !== undefined) logger.warn('ignored a frontdesk:// link that is not one Frontdesk opens', { length: raw.length });
      return;
    }
    if (opener) opener(link);
    else pending = link;
  };

  // macOS hands links over this way, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliver(parseDeepLink(url), url);
  });

  return {
    fromArgv(argv) {
      deliver(deepLinkInArgv(argv));
    },
    ready(open) {
      opener = open;
      if (pending) {
        const link = pending;
        pending = null;
        open(link);
      }
    },
  };
}
