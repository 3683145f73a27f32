// The app database opened the way the app needs it: conversations that salvage rebuilds from their
// messages get the name key ingest gives a member's name, and what start-up has to tell the user
// (how much of a damaged file was kept, a journal set aside) comes back as the window's notice.
import type { StartupNotice } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { openDatabase, type FrontdeskDb, type OpenOptions } from '../../db';
import { normalizeForKey } from '../sync/message-key';
import { noticeForOpenedDatabase } from './startup-notice';

export interface AppDatabase {
  db: FrontdeskDb;
  /** Null when start-up went normally. */
  notice: StartupNotice | null;
}

/** Throws a DbError whose message the window can show when the file cannot be used at all. */
export function openAppDatabase(path: string, options: { logger: Logger; clock: Clock; configure?: OpenOptions['configure'] }): AppDatabase {
  const opened = openDatabase(path, { ...options, nameKey: normalizeForKey });
  if (opened.recovered) {
    options.logger.scope('core').warn('the database was damaged: what could be read was kept', { movedTo: opened.recovered.movedTo, ...opened.recovered.kept });
  }
  return { db: opened.db, notice: noticeForOpenedDatabase(opened) };
}
