// Who may call the IPC handlers: only the main frame of a window the app created, showing the
// app's own page (that exact page, not any file:// page the window might have been led to). Structural types keep this module free of Electron at run time; Electron's
// `IpcMainInvokeEvent` satisfies them.
import { isAppPage } from '../shell/web-security';

export interface SenderFrameLike {
  readonly url: string;
  /** Null only for a top-level frame. */
  readonly parent: unknown;
}

export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  /** Null when the frame navigated or was destroyed before the handler ran. */
  readonly senderFrame: SenderFrameLike | null;
}

export type SenderCheck = (event: InvokeEventLike) => boolean;

export interface SenderCheckOptions {
  /** True for the `webContents.id` of a window the app created (and still has). */
  isOwnContents: (contentsId: number) => boolean;
  /** The URL the app's window loads: its packaged `index.html`, or the dev server's page. */
  appPageUrl: string;
}

export function createSenderCheck({ isOwnContents, appPageUrl }: SenderCheckOptions): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    // A sub-frame (an iframe, even one showing a file:// page) never speaks for the app.
    if (frame === null || frame.parent !== null) return false;
    if (!isOwnContents(event.sender.id)) return false;
    return isAppPage(frame.url, appPageUrl);
  };
}
