// Shows desktop notifications through Electron. One slot: a new notification replaces the one
// before, so a busy afternoon never stacks a pile of them.
import { Notification } from 'electron';
import type { Logger } from '../../common/log/logger';

export interface NotifierMessage {
  title: string;
  body: string;
}

export interface Notifier {
  show(message: NotifierMessage, onClick?: () => void): void;
  /** Closes the one on screen, if any. */
  close(): void;
}

export function createNotifier({ logger }: { logger: Logger }): Notifier {
  // Held here so the notification (and its click handler) is not garbage collected while shown.
  let current: Notification | null = null;
  const close = (): void => {
    current?.close();
    current = null;
  };
  return {
    show(message, onClick) {
      if (!Notification.isSupported()) {
        logger.debug('desktop notifications are not supported here');
        return;
      }
      close();
      // Shown through the OS's notification service, which applies do-not-disturb / Focus itself
      // (Electron offers no API to read it). Nothing here may bypass it: `normal` urgency, because
      // `critical` breaks through GNOME's do-not-disturb; no sound of our own.
      const notification = new Notification({ title: message.title, body: message.body, urgency: 'normal' });
      if (onClick) notification.on('click', onClick);
      notification.on('close', () => {
        if (current === notification) current = null;
      });
      current = notification;
      notification.show();
    },
    close,
  };
}
