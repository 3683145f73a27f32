// Builds gym_bot.db files in the layouts the Python gym bot left behind (../shared/gym-bot-db.md):
// the legacy inbox layout A with later migrations' columns, and the fresh-install layout B whose
// poller inserts failed, leaving only campaign sends.
import Database from 'better-sqlite3';
import { zonedToEpoch } from '../../common/time/club-time';

export const CLUB_ZONE = 'America/Chicago';

/** Unix seconds as the bot wrote them (`1743613200.0`), for a club-local wall time. */
export function botEpoch(date: string, time = '00:00', zone = CLUB_ZONE): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return `${zonedToEpoch({ year, month, day, hour, minute }, zone) / 1000}.0`;
}

export interface LayoutARow {
  content: string;
  timestamp: string;
  ownerId?: string | null;
  conversationId?: string;
  readAt?: string | null;
  aiProcessed?: number;
  aiResponded?: number;
  aiResponseSentAt?: string | null;
}

const MIGRATION_3 = ['content', 'from_user', 'channel', 'timestamp', 'owner_id', 'member_id', 'conversation_id', 'delivery_status', 'recipient_name'];
const MIGRATION_6: Array<[string, string]> = [
  ['ai_processed', 'INTEGER DEFAULT 0'],
  ['ai_responded', 'INTEGER DEFAULT 0'],
  ['requires_response', 'INTEGER DEFAULT 0'],
  ['ai_confidence_score', 'REAL'],
  ...['ai_action_taken', 'thread_id', 'clubos_message_id', 'clubos_conversation_id', 'from_member_id', 'from_member_name', 'to_staff_name'].map(
    (c): [string, string] => [c, 'TEXT'],
  ),
  ...['ai_response_sent_at', 'sent_at', 'received_at', 'read_at'].map((c): [string, string] => [c, 'TIMESTAMP']),
];

/** What the bot's migrations do: add each column only when the table lacks it. */
function addMissing(conn: Database.Database, columns: Array<[string, string]>): void {
  const have = new Set((conn.prepare(`SELECT name FROM pragma_table_info('messages')`).all() as Array<{ name: string }>).map((r) => r.name));
  for (const [name, type] of columns) if (!have.has(name)) conn.exec(`ALTER TABLE messages ADD COLUMN ${name} ${type}`);
}

const CONVERSATIONS = `CREATE TABLE conversations (
  id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT UNIQUE NOT NULL, member_id TEXT, member_name TEXT,
  last_message_at TIMESTAMP, last_message_preview TEXT, unread_count INTEGER DEFAULT 0, requires_response INTEGER DEFAULT 0,
  ai_handling INTEGER DEFAULT 0, conversation_status TEXT DEFAULT 'active', tags TEXT,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)`;

export function writeLayoutA(
  file: string,
  rows: readonly LayoutARow[],
  options: { migration6?: boolean; conversations?: Array<{ id: string; memberName: string }>; members?: Array<[string, string]> } = {},
): void {
  const conn = new Database(file);
  conn.pragma('synchronous = OFF');
  conn.exec('BEGIN');
  conn.exec(`CREATE TABLE messages (
    id TEXT PRIMARY KEY, message_type TEXT, content TEXT, timestamp TEXT, from_user TEXT, to_user TEXT, status TEXT,
    owner_id TEXT, campaign_id TEXT, member_id TEXT, message_actions TEXT, emoji_reactions TEXT, conversation_id TEXT,
    thread_id TEXT, delivery_status TEXT DEFAULT 'received', channel TEXT DEFAULT 'clubos',
    is_confirmation BOOLEAN DEFAULT FALSE, is_opt_in BOOLEAN DEFAULT FALSE, is_opt_out BOOLEAN DEFAULT FALSE,
    has_emoji BOOLEAN DEFAULT FALSE, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)`);
  addMissing(conn, MIGRATION_3.map((c) => [c, 'TEXT']));
  if (options.migration6 ?? true) addMissing(conn, MIGRATION_6);
  conn.exec(`CREATE TABLE campaigns (campaign_id TEXT, campaign_name TEXT, message_text TEXT, message_type TEXT, subject TEXT,
    categories TEXT, total_recipients INTEGER, successful_sends INTEGER, failed_sends INTEGER, status TEXT)`);
  conn.exec(`CREATE TABLE members (id INTEGER PRIMARY KEY, prospect_id TEXT, first_name TEXT, last_name TEXT, email TEXT)`);
  for (const [first, last] of options.members ?? []) conn.prepare('INSERT INTO members (first_name, last_name) VALUES (?, ?)').run(first, last);
  if (options.conversations) {
    conn.exec(CONVERSATIONS);
    for (const c of options.conversations) conn.prepare('INSERT INTO conversations (conversation_id, member_name) VALUES (?, ?)').run(c.id, c.memberName);
  }
  const m6 = options.migration6 ?? true;
  const insert = conn.prepare(
    `INSERT INTO messages (id, message_type, content, timestamp, from_user, status, owner_id, conversation_id, message_actions${m6 ? ', read_at, ai_processed, ai_responded, ai_response_sent_at' : ''})
     VALUES (?, 'clubos_message', ?, ?, 'Unknown', NULL, ?, ?, ?${m6 ? ', ?, ?, ?, ?' : ''})`,
  );
  rows.forEach((r, i) => {
    const owner = r.ownerId === undefined ? '187032782' : r.ownerId;
    const args: unknown[] = [
      `clubos_msg_${i}_${r.timestamp.replace('.0', '').padStart(10, '0').slice(0, 10)}`,
      r.content,
      r.timestamp,
      owner,
      r.conversationId ?? `system_${owner}`,
      JSON.stringify({ is_confirmation: r.content.includes('CONFIRM'), is_opt_in: false, is_opt_out: r.content.includes('STOP') }),
    ];
    if (m6) args.push(r.readAt ?? null, r.aiProcessed ?? 0, r.aiResponded ?? 0, r.aiResponseSentAt ?? null);
    insert.run(...args);
  });
  conn.exec('COMMIT');
  conn.close();
}

export interface CampaignSend {
  recipientName: string;
  content: string;
  sentDate: string;
  messageType?: string;
  status?: string;
}

/** Layout B after migrations 3 and 6: the bot's poller could not insert, so only campaign sends exist. */
export function writeBrokenFreshInstall(file: string, sends: readonly CampaignSend[]): void {
  const conn = new Database(file);
  conn.pragma('synchronous = OFF');
  conn.exec(`CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT UNIQUE, recipient_name TEXT, recipient_email TEXT,
    recipient_phone TEXT, subject TEXT, message_content TEXT, message_type TEXT, status TEXT, sent_date TEXT,
    delivered_date TEXT, read_date TEXT, club_name TEXT, campaign_id TEXT, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)`);
  addMissing(conn, MIGRATION_3.map((c) => [c, 'TEXT']));
  addMissing(conn, MIGRATION_6);
  conn.exec(CONVERSATIONS);
  const insert = conn.prepare(
    `INSERT INTO messages (message_id, recipient_name, message_content, message_type, status, sent_date, campaign_id) VALUES (?, ?, ?, ?, ?, ?, 'camp_1')`,
  );
  sends.forEach((s, i) => insert.run(`camp_1_${i}`, s.recipientName, s.content, s.messageType ?? 'sms', s.status ?? 'sent', s.sentDate));
  conn.close();
}
