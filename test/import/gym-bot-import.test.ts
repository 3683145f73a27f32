// Import from the gym bot against a real Frontdesk database: both layouts, twice (the second adds
// nothing), after sync stored some of the same texts (never doubled, same-day repeats kept), and
// damaged or foreign files refused with a clear message. The source file is never changed.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type FrontdeskDb } from '../../db';
import type { ClubContext, InboxRow } from '../../main/clubos/types';
import { ingestPoll } from '../../main/ingest/ingest-poll';
import { createEventBus } from '../../common/event-bus';
import { planGymBotImport, writeGymBotImport, type ImportTarget } from '../../main/import/gym-bot-import';
import { createGymBotImporter } from '../../main/import/gym-bot-importer';
import { conversationEvents } from '../../main/services/change-feed';
import { GymBotImportError, readGymBotFile } from '../../main/import/gym-bot-source';
import { previewText } from '../../main/import/import-summary';
import { memoryLogger } from '../../common/log/logger';
import { normalizeForKey } from '../../main/sync/message-key';
import { reconcile } from '../../main/sync/reconcile';
import { manualClock } from '../../common/time/manual-clock';
import { botEpoch, CLUB_ZONE, writeBrokenFreshInstall, writeLayoutA, type LayoutARow } from './gym-bot-fixtures';

const ME = '187032782';
const LOCATION = '55501';
const NOW = Date.parse('2025-09-20T15:00:00.000Z');
const context: ClubContext = {
  clubId: '123',
  clubLocationId: '4567',
  timeZone: CLUB_ZONE,
  loggedInUserId: ME,
  loggedInUserName: 'Jordan Lee',
  actingUser: { id: ME, name: 'Jordan Lee' },
  timeZoneSource: 'clubos',
  staff: [{ id: ME, name: 'Jordan Lee' }],
  locations: [],
  owners: [{ id: LOCATION, name: 'Front Desk Location', kind: 'location' }],
};

let dir: string;
let db: FrontdeskDb;
const target = (over: Partial<ImportTarget> = {}): ImportTarget => ({ db, context, historyAsRead: false, now: NOW, ...over });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-gymbot-'));
  db = openDatabase(join(dir, 'frontdesk.sqlite'), { clock: manualClock(NOW), logger: memoryLogger('test') }).db;
  db.owners.upsert({ ownerId: ME, name: 'Jordan Lee' });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Same-value date-only times (the bot's bulk sync), a host-UTC midnight, timed rows of the sync day. */
const layoutARows = (): LayoutARow[] => [
  { content: 'Pat SmithSee you at 10', timestamp: botEpoch('2025-09-05', '09:30') },
  { content: 'Pat SmithOk', timestamp: botEpoch('2025-09-04') },
  { content: 'Pat SmithOk', timestamp: botEpoch('2025-09-04') },
  { content: 'Maria GarciaSTOP - OPT OUT message received.  Texting has been disabled.', timestamp: botEpoch('2025-09-04') },
  { content: 'Jordan LeeThanks, see you then', timestamp: botEpoch('2025-09-04') },
  { content: 'Mary Ann SmithCan I freezemy membership?', timestamp: botEpoch('2025-09-03'), conversationId: 'a1b2c3' },
  { content: 'Jo Vanderbiltok thanks', timestamp: botEpoch('2025-09-03'), readAt: '2025-09-05T10:00:00', aiProcessed: 1 },
  { content: 'Li WeiCONFIRM - Personal Training at 9:00 AM on Sep 4, 2025 has been confirmed.', timestamp: botEpoch('2025-09-03') },
  { content: 'Chris DoeWhat time do you close?', timestamp: 'yesterday-ish' },
  { content: 'hello there', timestamp: botEpoch('2025-09-02') },
  // A location's inbox, synced by a bot whose host clock was UTC: its date midnights are UTC ones.
  { content: 'Ana SouzaWhere do I park?', timestamp: botEpoch('2025-08-01', '00:00', 'UTC'), ownerId: LOCATION },
  { content: 'Ben OkaforIs the sauna open?', timestamp: botEpoch('2025-08-01', '00:00', 'UTC'), ownerId: LOCATION, aiResponded: 1, aiResponseSentAt: '2025-08-01T11:00:00' },
];

function writeA(rows = layoutARows()): string {
  const file = join(dir, 'gym_bot.db');
  writeLayoutA(file, rows, { conversations: [{ id: 'a1b2c3', memberName: 'Mary Ann Smith' }], members: [['Jo', 'Vanderbilt']] });
  return file;
}

const fingerprint = (file: string) => ({ sha: createHash('sha256').update(readFileSync(file)).digest('hex'), mtime: statSync(file).mtimeMs, size: statSync(file).size });

interface Row {
  owner_id: string;
  member_name: string;
  sender_name: string;
  body: string;
  local_date: string;
  local_time: string | null;
  direction: string;
  source: string;
  read_at: string | null;
  ai_responded: number;
  intent: string | null;
}
function stored(): Row[] {
  const conn = new Database(join(dir, 'frontdesk.sqlite'), { readonly: true });
  try {
    return conn
      .prepare(
        `SELECT m.owner_id, c.member_name, m.sender_name, m.body, m.local_date, m.local_time, m.direction, m.source, m.read_at, m.ai_responded, m.intent
         FROM messages m JOIN conversations c ON c.id = m.conversation_id ORDER BY m.local_date, m.id`,
      )
      .all() as Row[];
  } finally {
    conn.close();
  }
}

/** What a sync of the ClubOS inbox stores for these rows (the engine's reconcile and ingest). */
async function syncStores(ownerId: string, rows: Array<Omit<InboxRow, 'position' | 'label' | 'memberId'>>): Promise<number> {
  const inbox: InboxRow[] = rows.map((r, position) => ({ ...r, memberId: null, label: r.localTime ?? r.localDate, position }));
  const dates = inbox.map((r) => r.localDate).sort();
  const fresh = reconcile(ownerId, inbox, db.messages.storedKeys(ownerId, dates[0]!, dates[dates.length - 1]!));
  const staff = new Set(context.staff.map((s) => normalizeForKey(s.name)));
  const result = await ingestPoll({ db, staffNameKeys: () => staff, historyAsRead: () => false }, { ownerId, rows: fresh, timeZone: CLUB_ZONE, history: null, at: NOW });
  return result.insertedIds.length;
}

describe('gym bot import, layout A (working installs)', () => {
  it('previews, imports every readable row once, and a second import adds nothing', async () => {
    const file = writeA();
    const before = fingerprint(file);

    const plan = planGymBotImport(readGymBotFile(file), target());
    expect(plan.layout).toBe('A');
    expect(plan.total).toBe(12);
    expect(plan.readable).toBe(10);
    expect(plan.skipped).toEqual({ no_time: 1, no_sender: 1 });
    expect(plan.toAdd).toBe(10);
    expect(plan.dateRange).toEqual({ from: '2025-08-01', to: '2025-09-05' });
    expect(plan.owners).toEqual([
      { ownerId: ME, name: 'Jordan Lee', known: true, rows: 8, toAdd: 8 },
      { ownerId: LOCATION, name: 'Front Desk Location', known: false, rows: 2, toAdd: 2 },
    ]);
    expect(previewText(plan).detail).toContain('From 2025-08-01 to 2025-09-05');

    const progress: Array<[number, number]> = [];
    const result = await writeGymBotImport(plan, target(), (done, total) => progress.push([done, total]));
    expect(result.added).toBe(10);
    expect(progress[0]).toEqual([0, 10]);
    expect(progress[progress.length - 1]).toEqual([10, 10]);

    const rows = stored();
    const pat = rows.filter((r) => r.member_name === 'Pat Smith');
    // A same-day repeat stays two messages; the timed row keeps its minute.
    expect(pat.map((r) => [r.body, r.local_date, r.local_time])).toEqual([
      ['Ok', '2025-09-04', null],
      ['Ok', '2025-09-04', null],
      ['See you at 10', '2025-09-05', '09:30'],
    ]);
    const staffRow = rows.find((r) => r.body === 'Thanks, see you then')!;
    expect(staffRow).toMatchObject({ direction: 'outbound', sender_name: 'Jordan Lee' });
    expect(rows.find((r) => r.member_name === 'Mary Ann Smith')?.body).toBe('Can I freezemy membership?');
    // A known member name splits a body that starts in lowercase; the bot's read time is kept.
    expect(rows.find((r) => r.member_name === 'Jo Vanderbilt')).toMatchObject({ body: 'ok thanks', read_at: '2025-09-05T15:00:00.000Z' });
    expect(rows.find((r) => r.member_name === 'Li Wei')?.direction).toBe('system');
    // UTC midnights of Aug 1 are Aug 1 at the club, not Jul 31 at 7 PM.
    const location = rows.filter((r) => r.owner_id === LOCATION);
    expect(location.map((r) => r.local_date)).toEqual(['2025-08-01', '2025-08-01']);
    expect(location.find((r) => r.member_name === 'Ben Okafor')?.ai_responded).toBe(1);
    expect(db.owners.get(LOCATION)).toMatchObject({ enabled: false, name: 'Front Desk Location' });
    const maria = db.conversations.list({ filter: 'all', limit: 50 }).items.find((c) => c.memberName === 'Maria Garcia')!;
    expect(maria.optedOut).toBe(true);
    // History is not news: unread only where neither the bot nor the setting says read.
    expect(rows.filter((r) => r.direction !== 'outbound' && r.read_at === null).length).toBeGreaterThan(0);

    const again = planGymBotImport(readGymBotFile(file), target());
    expect(again.toAdd).toBe(0);
    expect(again.alreadyStored).toBe(10);
    expect((await writeGymBotImport(again, target())).added).toBe(0);
    expect(stored()).toHaveLength(10);
    expect(fingerprint(file)).toEqual(before);
  });

  it('dedupes against what sync stored: never doubled, a same-day repeat never collapsed', async () => {
    const file = writeA();
    // ClubOS listed one "Ok" on Sep 4 when sync ran, the 09:30 text, and Mary Ann's two-line text.
    expect(
      await syncStores(ME, [
        { senderName: 'Pat Smith', body: 'See you at 10', localDate: '2025-09-05', localTime: '09:30' },
        { senderName: 'Pat Smith', body: 'Ok', localDate: '2025-09-04', localTime: null },
        { senderName: 'Mary Ann Smith', body: 'Can I freeze\nmy membership?', localDate: '2025-09-03', localTime: null },
      ]),
    ).toBe(3);

    const plan = planGymBotImport(readGymBotFile(file), target());
    expect(plan.toAdd).toBe(7);
    expect(plan.alreadyStored).toBe(3);
    expect((await writeGymBotImport(plan, target())).added).toBe(7);
    const rows = stored();
    expect(rows.filter((r) => r.member_name === 'Pat Smith' && r.body === 'Ok')).toHaveLength(2);
    expect(rows.filter((r) => r.member_name === 'Pat Smith' && r.body === 'See you at 10')).toHaveLength(1);
    expect(rows.filter((r) => r.member_name === 'Mary Ann Smith').map((r) => r.body)).toEqual(['Can I freeze\nmy membership?']);

    // And the other way round: the next poll of the same inbox finds everything stored.
    expect(
      await syncStores(ME, [
        { senderName: 'Pat Smith', body: 'See you at 10', localDate: '2025-09-05', localTime: '09:30' },
        { senderName: 'Pat Smith', body: 'Ok', localDate: '2025-09-04', localTime: null },
        { senderName: 'Pat Smith', body: 'Ok', localDate: '2025-09-04', localTime: null },
        { senderName: 'Jo Vanderbilt', body: 'ok thanks', localDate: '2025-09-03', localTime: null },
      ]),
    ).toBe(0);
  });

  it('reads a file from before the AI migration (no ai_* columns)', async () => {
    const file = join(dir, 'old.db');
    writeLayoutA(file, layoutARows().slice(0, 4), { migration6: false });
    const plan = planGymBotImport(readGymBotFile(file), target());
    expect(plan.readable).toBe(4);
    expect((await writeGymBotImport(plan, target())).added).toBe(4);
  });
});

describe('a gym bot that was still running', () => {
  it('reads the rows still in its WAL file without touching either file', async () => {
    const live = join(dir, 'live.db');
    writeLayoutA(live, layoutARows().slice(0, 1));
    const bot = new Database(live);
    bot.pragma('journal_mode = WAL');
    bot.pragma('wal_autocheckpoint = 0');
    bot.prepare(`INSERT INTO messages (id, message_type, content, timestamp, owner_id) VALUES ('clubos_msg_9_1', 'clubos_message', 'Pat SmithOk', ?, ?)`).run(botEpoch('2025-09-04'), ME);
    // The bot's files as a crash left them: the newest row only in the WAL.
    const file = join(dir, 'gym_bot.db');
    writeFileSync(file, readFileSync(live));
    writeFileSync(`${file}-wal`, readFileSync(`${live}-wal`));
    bot.close();
    const before = [fingerprint(file), fingerprint(`${file}-wal`)];
    const plan = planGymBotImport(readGymBotFile(file), target());
    expect(plan.readable).toBe(2);
    expect((await writeGymBotImport(plan, target())).added).toBe(2);
    expect([fingerprint(file), fingerprint(`${file}-wal`)]).toEqual(before);
    expect(existsSync(`${file}-shm`)).toBe(false);
  });
});

describe('gym bot import, layout B (the broken fresh install)', () => {
  it('imports the campaign sends as outbound messages of the signed-in inbox, once', async () => {
    const file = join(dir, 'gym_bot.db');
    writeBrokenFreshInstall(file, [
      { recipientName: 'Pat Smith', content: 'Hi Pat, the club is closed Monday for Labor Day.', sentDate: '2025-08-29T10:15:00' },
      { recipientName: 'Maria Garcia', content: 'Hi Maria, the club is closed Monday for Labor Day.', sentDate: '2025-08-29T10:15:00' },
      { recipientName: 'Li Wei', content: 'Your September newsletter', sentDate: '2025-08-30T08:00:00', messageType: 'email' },
      { recipientName: 'Ben Okafor', content: 'Hi Ben, the club is closed Monday.', sentDate: '2025-08-29T10:15:00', status: 'failed' },
    ]);
    const before = fingerprint(file);
    const plan = planGymBotImport(readGymBotFile(file), target());
    expect(plan).toMatchObject({ layout: 'B', total: 4, readable: 3, toAdd: 3, skipped: { not_sent: 1 } });
    expect(plan.owners).toEqual([{ ownerId: ME, name: 'Jordan Lee', known: true, rows: 3, toAdd: 3 }]);
    expect((await writeGymBotImport(plan, target())).added).toBe(3);
    const rows = stored();
    expect(rows.every((r) => r.direction === 'outbound' && r.sender_name === 'Jordan L.' && r.source === 'sent')).toBe(true);
    expect(rows.map((r) => [r.member_name, r.local_date, r.local_time])).toEqual([
      ['Pat Smith', '2025-08-29', '10:15'],
      ['Maria Garcia', '2025-08-29', '10:15'],
      ['Li Wei', '2025-08-30', '08:00'],
    ]);
    const second = planGymBotImport(readGymBotFile(file), target());
    expect(second.toAdd).toBe(0);
    expect((await writeGymBotImport(second, target())).added).toBe(0);
    expect(fingerprint(file)).toEqual(before);
  });
});

describe('files that are not a usable gym bot database', () => {
  const refused = (file: string): GymBotImportError => {
    try {
      readGymBotFile(file);
    } catch (error) {
      if (error instanceof GymBotImportError) return error;
      throw error;
    }
    throw new Error('expected the file to be refused');
  };

  it('says so for a damaged, foreign, empty or Frontdesk file and leaves it untouched', () => {
    const notSqlite = join(dir, 'notes.db');
    writeFileSync(notSqlite, 'these are my notes, not a database'.repeat(200));
    expect(refused(notSqlite).reason).toBe('damaged');
    expect(refused(notSqlite).message).toMatch(/notes\.db .*not a readable SQLite database/);

    // A real gym bot file with its pages overwritten halfway: damaged, like *_CORRUPTED.db.
    const corrupt = join(dir, 'gym_bot_CORRUPTED.db');
    writeLayoutA(corrupt, Array.from({ length: 400 }, (_, i) => ({ content: `Pat SmithMessage number ${i} ${'x'.repeat(200)}`, timestamp: botEpoch('2025-09-04') })));
    const bytes = readFileSync(corrupt);
    bytes.fill(0x5a, 4096 * 2, 4096 * 6);
    writeFileSync(corrupt, bytes);
    const before = fingerprint(corrupt);
    expect(refused(corrupt).reason).toBe('damaged');
    expect(refused(corrupt).message).toMatch(/damaged/);
    expect(fingerprint(corrupt)).toEqual(before);

    const foreign = join(dir, 'recipes.db');
    const conn = new Database(foreign);
    conn.exec('CREATE TABLE recipes (name TEXT); CREATE TABLE messages (text TEXT, at TEXT)');
    conn.close();
    expect(refused(foreign).reason).toBe('foreign');
    expect(refused(foreign).message).toMatch(/not a gym bot database/);

    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    expect(refused(empty).reason).toBe('empty');
    expect(refused(join(dir, 'nope.db')).reason).toBe('missing');
    expect(refused(join(dir, 'frontdesk.sqlite')).reason).toBe('frontdesk');
  });
});

describe('the importer service', () => {
  it('previews then writes, tells the window quietly, and refuses a plan from another account', async () => {
    const file = writeA();
    const events = createEventBus();
    const seen: unknown[] = [];
    events.subscribe((e) => seen.push(e));
    let refreshed = 0;
    let current = target();
    const importer = createGymBotImporter({ target: () => Promise.resolve(current), changes: conversationEvents(events, { now: () => NOW }), ownersChanged: () => refreshed++, logger: memoryLogger('test') });
    const plan = await importer.preview(file);
    expect(stored()).toHaveLength(0);
    const result = await importer.run(plan);
    expect(result.added).toBe(10);
    expect(refreshed).toBe(1);
    expect(seen).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'messagesAdded', ownerId: ME, quiet: true }), expect.objectContaining({ type: 'messagesAdded', ownerId: LOCATION, quiet: true })]),
    );

    const otherDb = openDatabase(':memory:', { clock: manualClock(NOW), logger: memoryLogger('test') }).db;
    const stale = await importer.preview(file);
    current = { ...current, db: otherDb };
    await expect(importer.run(stale)).rejects.toMatchObject({ reason: 'stale' });
    otherDb.close();
  });
});
