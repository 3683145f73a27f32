// A populated Frontdesk file for the damage tests: two inboxes, 145 conversations in every
// status (some snoozed), manual tags, 391 messages (some read), settings; plus a snapshot of
// everything the user would miss, read with raw SQL so the comparison does not trust the code
// under test, and the pages each table's rows sit on (SQLite's dbstat), so a test knows exactly
// which rows a damaged page held.
import Database from 'better-sqlite3';
import { memoryLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';
import { openDatabase } from '../../db';
import { conversation, msg, OTHER_OWNER, OWNER, T0, withOwners } from './helpers';

export const MESSAGES = 391;
export const CONVERSATIONS = 145;
export const PAGE_SIZE = 4096;

export interface Snapshot {
  owners: Map<string, string>;
  conversations: Map<number, string>;
  tags: Set<string>;
  messages: Map<number, string>;
  settings: Map<string, string>;
}

/** Writes the fixture to `path` and closes it cleanly (no -wal left). */
export function populate(path: string): void {
  const { db } = openDatabase(path, { clock: manualClock(T0), logger: memoryLogger() });
  withOwners(db, OWNER, OTHER_OWNER);
  db.owners.recordSyncSuccess(OWNER, T0, { historyImported: true });
  db.owners.setEnabled(OTHER_OWNER, false);
  const ids: number[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const owner = i % 5 === 0 ? OTHER_OWNER : OWNER;
    ids.push(conversation(db, `Member ${i}`, i % 3 === 0 ? String(300000 + i) : null, owner));
  }
  const rows = Array.from({ length: MESSAGES }, (_, n) => {
    const c = ids[n % CONVERSATIONS]!;
    const owner = n % CONVERSATIONS % 5 === 0 ? OTHER_OWNER : OWNER;
    return msg(c, n, {
      ownerId: owner,
      senderName: `Member ${n % CONVERSATIONS}`,
      body: `Message ${n}: can I move my 6pm class, and is the pool open on Sunday? ${'·'.repeat(n % 40)}`,
      readAt: n % 4 === 0 ? new Date(T0 + n * 60_000 + 1000).toISOString() : null,
      fromMemberName: `Member ${n % CONVERSATIONS}`,
      fromMemberId: (n % CONVERSATIONS) % 3 === 0 ? String(300000 + (n % CONVERSATIONS)) : null,
    });
  });
  db.messages.insert(rows);
  ids.forEach((id, i) => {
    if (i % 7 === 1) db.conversations.setStatus(id, { status: 'snoozed', snoozedUntil: new Date(T0 + 86_400_000).toISOString() });
    else if (i % 7 === 2) db.conversations.setStatus(id, { status: 'resolved', snoozedUntil: null });
    else if (i % 7 === 3) db.conversations.setStatus(id, { status: 'archived', snoozedUntil: null });
    else if (i % 7 === 4) db.conversations.setStatus(id, { status: 'pending', snoozedUntil: null });
    if (i % 3 !== 2) db.conversations.setTags(id, i % 2 === 0 ? ['vip', `desk-${i % 4}`] : [`billing-${i}`]);
  });
  db.settings.set('settings', { pollIntervalSeconds: 45, notifications: 'name_only', launchAtLogin: true, historyAsRead: false });
  db.settings.set('replyTemplates', { 'billing.look-into': 'Hi {firstName}, we are on it.' });
  db.close();
}

const str = (row: Record<string, unknown>): string => JSON.stringify(row);

/** Everything a user would miss, keyed by id. Reads only what the file lets it read. */
export function snapshot(path: string): Snapshot {
  const conn = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const all = (sql: string) => conn.prepare(sql).all() as Array<Record<string, unknown>>;
    return {
      owners: new Map(all('SELECT owner_id, name, enabled, history_imported, last_success_at FROM owners').map((r) => [String(r['owner_id']), str(r)])),
      conversations: new Map(
        all('SELECT id, conversation_id, conversation_status, snoozed_until, member_name, unread_count, tags FROM conversations').map((r) => [Number(r['id']), str(r)]),
      ),
      tags: new Set(all('SELECT conversation_id, tag, source FROM conversation_tags').map(str)),
      messages: new Map(all('SELECT id, conversation_id, body, read_at, sent_at, dedupe_key FROM messages').map((r) => [Number(r['id']), str(r)])),
      settings: new Map(all('SELECT key, value FROM settings').map((r) => [String(r['key']), String(r['value'])])),
    };
  } finally {
    conn.close();
  }
}

/** The b-tree pages of `table` (leaf pages with their row count), from SQLite's dbstat. */
export function pagesOf(path: string, table: string): Array<{ pageno: number; pagetype: string; ncell: number }> {
  const conn = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare('SELECT pageno, pagetype, ncell FROM dbstat WHERE name = ? ORDER BY pageno').all(table) as Array<{
      pageno: number;
      pagetype: string;
      ncell: number;
    }>;
  } finally {
    conn.close();
  }
}

function varint(buf: Buffer, at: number): { value: number; next: number } {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = buf[at + i]!;
    if (i === 8) return { value: value * 256 + byte, next: at + 9 };
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return { value, next: at + 9 };
}

/** The rowids stored on one leaf page of a rowid table, read from the file's bytes. */
export function rowidsOnPage(file: Buffer, pageno: number): number[] {
  const page = file.subarray((pageno - 1) * PAGE_SIZE, pageno * PAGE_SIZE);
  if (page[0] !== 0x0d) throw new Error(`page ${pageno} is not a table leaf`);
  const cells = page.readUInt16BE(3);
  const ids: number[] = [];
  for (let i = 0; i < cells; i++) {
    const offset = page.readUInt16BE(8 + 2 * i);
    const payload = varint(page, offset);
    ids.push(varint(page, payload.next).value);
  }
  return ids;
}
