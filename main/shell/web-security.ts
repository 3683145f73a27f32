// Security policy for every window's web contents. Pure functions over Electron's types so
// tests can assert them with a mocked `electron` module.
import type { Session, WebContents } from 'electron';

/** The only permission the renderer may have: notifications. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/**
 * True when `url` is the app's own page: the same scheme, host, path and query as `appPageUrl`
 * (the packaged `file://…/renderer/index.html`, or the electron-vite dev server in development).
 * Only the fragment may differ. Any other `file://` page, even one in the app's window, is not
 * the app.
 */
export function isAppPage(url: string, appPageUrl: string): boolean {
  let page: URL;
  let app: URL;
  try {
    page = new URL(url);
    app = new URL(appPageUrl);
  } catch {
    return false;
  }
  return page.protocol === app.protocol && page.host === app.host && page.pathname === app.pathname && page.search === app.search;
}

/** Links a user clicks may open in the system browser only when they are https. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/** No new windows, no navigation away from the app; https links go to the system browser. */
export function lockDownWebContents(contents: WebContents, shell: ExternalOpener): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // The renderer is a single page: it never navigates, so any navigation is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}
