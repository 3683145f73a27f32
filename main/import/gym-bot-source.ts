// Reads the old Python gym bot's SQLite file (`gym_bot.db`, ../../../shared/gym-bot-db.md) into
// plain rows, whichever `messages` layout it has. The file is never opened in place: it (and a
// WAL beside it) is copied to a private temp folder and read there, so no lock, journal, WAL
// checkpoint or -shm file ever touches the user's file, and a WAL the bot left is still applied.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FRONTDESK_APPLICATION_ID } from '../../db/migrations/001-initial';

/** A clear, user-facing reason why a file cannot be imported. */
export class GymBotImportError extends Error {
  override readonly name = 'GymBotImportError';
  constructor(
    readonly reason: 'missing' | 'damaged' | 'foreign' | 'frontdesk' | 'empty' | 'busy' | 'stale' | 'offline' | 'unavailable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** `A`: `id TEXT` rows from the ClubOS inbox; `B`: a fresh install's campaign table. */
export type GymBotLayout = 'A' | 'B';

/** One `messages` row, only the columns an import uses, as text (null when absent or empty). */
export interface GymBotMessage {
  rowid: number;
  /** `id` (layout A) or `message_id` (layout B). */
  sourceId: string | null;
  messageType: string | null;
  content: string | null;
  timestamp: string | null;
  fromUser: string | null;
  ownerId: string | null;
  conversationId: string | null;
  memberId: string | null;
  status: string | null;
  channel: string | null;
  recipientName: string | null;
  /** Layout B's sent time. */
  sentDate: string | null;
  fromMemberName: string | null;
  toStaffName: string | null;
  threadId: string | null;
  readAt: string | null;
  aiProcessed: boolean;
  aiResponded: boolean;
  aiResponseSentAt: string | null;
  requiresResponse: boolean;
  messageActions: string | null;
}

export interface GymBotConversation {
  conversationId: string;
  memberName: string | null;
}

export interface GymBotSource {
  layout: GymBotLayout;
  messages: GymBotMessage[];
  /** Migration 7's table; empty when the file has none (or the bot never wrote it). */
  conversations: GymBotConversation[];
  /** Full names from the bot's `members`, `prospects` and `training_clients` tables. */
  knownNames: string[];
}

const isDamage = (error: unknown): boolean => {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
};

type Conn = InstanceType<typeof Database>;

function columnsOf(conn: Conn, table: string): Set<string> {
  const rows = conn.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>;
  return new Set(rows.map((r) => r.name.toLowerCase()));
}

function detectLayout(columns: Set<string>): GymBotLayout | null {
  if (columns.has('message_id') && columns.has('message_content')) return 'B';
  if (columns.has('content') && columns.has('timestamp') && columns.has('owner_id')) return 'A';
  return null;
}

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : Buffer.isBuffer(v) ? v.toString('utf8') : null;
  return s === null || s.trim() === '' ? null : s;
};
const truthy = (v: unknown): boolean => v === 1 || v === 1n || v === true || (typeof v === 'string' && /^(1|true|t|yes)$/i.test(v.trim()));

function readMessages(conn: Conn, layout: GymBotLayout, columns: Set<string>): GymBotMessage[] {
  // Columns a later bot migration may or may not have added: read as NULL when missing.
  const col = (name: string): string => (columns.has(name) ? `"${name}"` : 'NULL');
  const idColumn = layout === 'A' ? col('id') : col('message_id');
  const body = layout === 'B' ? `coalesce(${col('content')}, ${col('message_content')})` : col('content');
  const sql = `SELECT rowid AS rowid, ${idColumn} AS source_id, ${col('message_type')} AS message_type, ${body} AS content,
      ${col('timestamp')} AS timestamp, ${col('from_user')} AS from_user, ${col('owner_id')} AS owner_id,
      ${col('conversation_id')} AS conversation_id, ${col('member_id')} AS member_id, ${col('status')} AS status,
      ${col('channel')} AS channel, ${col('recipient_name')} AS recipient_name, ${col('sent_date')} AS sent_date,
      ${col('from_member_name')} AS from_member_name, ${col('to_staff_name')} AS to_staff_name, ${col('thread_id')} AS thread_id,
      ${col('read_at')} AS read_at, ${col('ai_processed')} AS ai_processed, ${col('ai_responded')} AS ai_responded,
      ${col('ai_response_sent_at')} AS ai_response_sent_at, ${col('requires_response')} AS requires_response,
      ${col('message_actions')} AS message_actions
    FROM messages ORDER BY rowid`;
  const rows = conn.prepare(sql).all() as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    rowid: Number(r['rowid']),
    sourceId: text(r['source_id']),
    messageType: text(r['message_type']),
    content: text(r['content']),
    timestamp: text(r['timestamp']),
    fromUser: text(r['from_user']),
    ownerId: text(r['owner_id']),
    conversationId: text(r['conversation_id']),
    memberId: text(r['member_id']),
    status: text(r['status']),
    channel: text(r['channel']),
    recipientName: text(r['recipient_name']),
    sentDate: text(r['sent_date']),
    fromMemberName: text(r['from_member_name']),
    toStaffName: text(r['to_staff_name']),
    threadId: text(r['thread_id']),
    readAt: text(r['read_at']),
    aiProcessed: truthy(r['ai_processed']),
    aiResponded: truthy(r['ai_responded']),
    aiResponseSentAt: text(r['ai_response_sent_at']),
    requiresResponse: truthy(r['requires_response']),
    messageActions: text(r['message_actions']),
  }));
}

function readConversations(conn: Conn, tables: Set<string>): GymBotConversation[] {
  if (!tables.has('conversations')) return [];
  const columns = columnsOf(conn, 'conversations');
  if (!columns.has('conversation_id')) return [];
  const name = columns.has('member_name') ? 'member_name' : 'NULL';
  const rows = conn.prepare(`SELECT conversation_id, ${name} AS member_name FROM conversations`).all() as Array<Record<string, unknown>>;
  return rows.flatMap((r) => {
    const id = text(r['conversation_id']);
    return id === null ? [] : [{ conversationId: id, memberName: text(r['member_name']) }];
  });
}

/** Names the bot knew from its people tables, whatever spelling of name columns they use. */
function readKnownNames(conn: Conn, tables: Set<string>): string[] {
  const names = new Set<string>();
  for (const table of ['members', 'prospects', 'training_clients']) {
    if (!tables.has(table)) continue;
    const columns = columnsOf(conn, table);
    let expr: string | null = null;
    if (columns.has('first_name') && columns.has('last_name')) expr = `trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))`;
    else if (columns.has('full_name')) expr = 'full_name';
    else if (columns.has('name')) expr = 'name';
    else if (columns.has('member_name')) expr = 'member_name';
    if (!expr) continue;
    for (const v of conn.prepare(`SELECT ${expr} FROM "${table}"`).pluck().all()) {
      const name = text(v);
      if (name && name.length <= 120) names.add(name.trim());
    }
  }
  return [...names];
}

function readOpen(conn: Conn, file: string): GymBotSource {
  const check = conn.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    throw new GymBotImportError('damaged', `${basename(file)} is damaged (SQLite's check says: ${String(check)}). Nothing was imported.`);
  }
  if (Number(conn.pragma('application_id', { simple: true })) === FRONTDESK_APPLICATION_ID) {
    throw new GymBotImportError('frontdesk', `${basename(file)} is a Frontdesk database, not the gym bot's. Choose the gym bot's gym_bot.db.`);
  }
  const tables = new Set(
    (conn.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]).map((t) => t.toLowerCase()),
  );
  const foreign = new GymBotImportError(
    'foreign',
    `${basename(file)} is not a gym bot database: it has no messages table the gym bot wrote. Choose the gym bot's gym_bot.db.`,
  );
  if (!tables.has('messages')) throw foreign;
  const columns = columnsOf(conn, 'messages');
  const layout = detectLayout(columns);
  if (!layout) throw foreign;
  return { layout, messages: readMessages(conn, layout, columns), conversations: readConversations(conn, tables), knownNames: readKnownNames(conn, tables) };
}

/** Reads a gym bot database; throws GymBotImportError with a message fit to show the user. */
export function readGymBotFile(file: string): GymBotSource {
  if (!existsSync(file) || !statSync(file).isFile()) throw new GymBotImportError('missing', `${file} does not exist or is not a file.`);
  if (statSync(file).size === 0) throw new GymBotImportError('empty', `${basename(file)} is empty. Nothing was imported.`);
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-gym-bot-'));
  try {
    const copy = join(dir, 'gym_bot.db');
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    let conn: Conn;
    try {
      // Read-write on the private copy only, so SQLite can replay a WAL the bot left behind.
      conn = new Database(copy, { fileMustExist: true });
    } catch (error) {
      throw new GymBotImportError('damaged', `${basename(file)} cannot be opened as a SQLite database. Nothing was imported.`, { cause: error });
    }
    try {
      conn.pragma('query_only = ON');
      return readOpen(conn, file);
    } catch (error) {
      if (error instanceof GymBotImportError) throw error;
      if (isDamage(error)) {
        throw new GymBotImportError('damaged', `${basename(file)} is not a readable SQLite database (damaged, or another kind of file). Nothing was imported.`, { cause: error });
      }
      throw error;
    } finally {
      conn.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
