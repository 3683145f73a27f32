// What the window says about start-up, in the user's words: how much of a damaged database was
// kept, that a leftover journal file was set aside, or why Frontdesk cannot run at all. Only
// messages Frontdesk wrote itself reach the window; raw SQLite or file-system text stays in the log.
import { basename } from 'node:path';
import type { StartupNotice } from '../../common/contract';
import { AppError } from '../../common/errors/app-error';
import { DbError, type OpenedDatabase } from '../../db';

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function noticeForOpenedDatabase(opened: Pick<OpenedDatabase, 'recovered' | 'journalSetAside'>): StartupNotice | null {
  const { recovered, journalSetAside } = opened;
  if (recovered) {
    const { kept } = recovered;
    const aside = `The damaged file was kept in the data folder as ${basename(recovered.movedTo)}.`;
    if (kept.messages === 0 && kept.conversations === 0) {
      return {
        level: 'warning',
        title: 'Frontdesk started a new database',
        message: `Frontdesk's database was damaged and nothing could be read from it. Your messages are fetched again from ClubOS, as far back as ClubOS lists them. ${aside}`,
        messagesKept: 0,
      };
    }
    return {
      level: 'warning',
      title: 'Frontdesk repaired its database',
      message:
        `Frontdesk's database was damaged. ${plural(kept.messages, 'message', 'messages')} in ${plural(kept.conversations, 'conversation', 'conversations')} ` +
        `were kept, with their statuses, tags and read marks. Anything missing is fetched again from ClubOS at the next sync. ${aside}`,
      messagesKept: kept.messages,
    };
  }
  if (journalSetAside) {
    return {
      level: 'warning',
      title: 'Frontdesk set aside a leftover file',
      message: `A journal file next to the database did not belong to it, so Frontdesk set it aside as ${basename(journalSetAside)} and opened the database as it was. Nothing was lost.`,
      messagesKept: null,
    };
  }
  return null;
}

/** Why the core could not be built, for the window. Messages Frontdesk wrote itself are shown as they are. */
export function noticeForStartupFailure(error: unknown, logDir: string): StartupNotice {
  const logs = `The log folder (${logDir}) has the details.`;
  const message =
    error instanceof DbError && error.reason === 'migration_failed'
      ? `Frontdesk could not update its database to this version. The database was left as it was, and a copy taken before the update is in the data folder. ${logs}`
      : error instanceof AppError
        ? error.message
        : `Something went wrong while Frontdesk was starting. ${logs}`;
  return { level: 'error', title: 'Frontdesk could not start', message, messagesKept: null };
}
