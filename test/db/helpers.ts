// Shared fixtures for the db tests: an in-memory or temp-file database on a manual clock, and
// message rows with sensible defaults.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryLogger } from '../../common/log/logger';
import { manualClock, type ManualClock } from '../../common/time/manual-clock';
import { openDatabase, type FrontdeskDb, type NewMessage } from '../../db';

export const T0 = Date.parse('2026-11-25T13:00:00.000Z');
export const OWNER = '1001';
export const OTHER_OWNER = '2002';

export interface TestDb {
  db: FrontdeskDb;
  clock: ManualClock;
  logger: ReturnType<typeof memoryLogger>;
}

export function memoryDb(): TestDb {
  const clock = manualClock(T0);
  const logger = memoryLogger('test');
  const { db } = openDatabase(':memory:', { clock, logger });
  return { db, clock, logger };
}

/** A temp directory removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-db-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function withOwners(db: FrontdeskDb, ...ids: string[]): void {
  for (const id of ids) db.owners.upsert({ ownerId: id, name: `Staff ${id}` });
}

export function conversation(db: FrontdeskDb, name: string, memberId: string | null = null, ownerId = OWNER): number {
  return db.conversations.findOrCreate({ ownerId, memberId, memberName: name, nameKey: name.toLowerCase() }).id;
}

let keyCounter = 0;

/** An inbound SMS at `minutesAfterT0`, unread, with a unique dedupe key unless one is given. */
export function msg(conversationId: number, minutesAfterT0: number, overrides: Partial<NewMessage> = {}): NewMessage {
  const sentAt = new Date(T0 + minutesAfterT0 * 60_000).toISOString();
  return {
    ownerId: OWNER,
    conversationId,
    direction: 'inbound',
    channel: 'sms',
    senderName: 'Jane Doe',
    body: `message at ${minutesAfterT0}`,
    localDate: sentAt.slice(0, 10),
    localTime: sentAt.slice(11, 16),
    sentAt,
    source: 'inbox',
    dedupeKey: `key-${++keyCounter}`,
    occurrence: 0,
    ...overrides,
  };
}
