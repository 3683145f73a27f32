// The large database behind the query and memory figures: years of one club's texts (member
// texts as the inbox gives them, a fifth as many staff replies), written through the real db
// API — conversations by findOrCreate, messages by messages.insert in large batches — then
// statuses set the way a front desk leaves them. Built once per size and cached in
// .bench-cache/ (git-ignored); each run works on a copy.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_VERSION, openDatabase, type FrontdeskDb, type NewMessage } from '../../../db';
import { createRandom, type Random } from '../../../main/clubos-simulator/random';
import { fillTemplate } from '../../../main/clubos-simulator/template-fill';
import { STAFF_REPLIES } from '../../../main/clubos-simulator/text-corpus';
import { clubInstantIso } from '../../../main/ingest/club-instant';
import { inboxDraft, type DraftContext } from '../../../main/ingest/inbox-drafts';
import { silentLogger } from '../../../common/log/logger';
import { messageKey, normalizeForKey } from '../../../main/sync/message-key';
import { localDate, localTime } from '../../../common/time/club-time';
import { manualClock } from '../../../common/time/manual-clock';
import { benchPeople } from '../data/bench-people';
import { generateTraffic } from '../data/inbox-traffic';
import { BENCH_NOW, BENCH_OWNER_ID, BENCH_SECOND_OWNER_ID, BENCH_SEED, BENCH_TIME_ZONE } from './bench-constants';
import { progress } from './progress';

/** Bump when the generated data changes, so cached files are rebuilt. */
const GENERATOR_VERSION = 2;
const BATCH_ROWS = 5_000;
const DAY_MS = 86_400_000;
/** Texts older than this were read long ago; newer ones may still be unread. */
const READ_AFTER_MS = 14 * DAY_MS;
/** A word no template uses, planted in this many texts so search has a truly rare term. */
export const RARE_WORD = 'zephyr';
const RARE_WORD_TEXTS = 25;

export interface BenchDbSize {
  messages: number;
  conversations: number;
  days: number;
}

export const BENCH_CACHE_DIR = '.bench-cache';

/** The cached database for `size`, built first if missing. */
export function cachedBenchDb(size: BenchDbSize, cacheDir = BENCH_CACHE_DIR): string {
  mkdirSync(cacheDir, { recursive: true });
  const name = `bench-${size.messages}m-${size.conversations}c-${size.days}d-s${BENCH_SEED}-db${LATEST_VERSION}-g${GENERATOR_VERSION}.sqlite`;
  const path = join(cacheDir, name);
  if (existsSync(path)) {
    progress(`database: using cached ${path}`);
    return path;
  }
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  progress(`database: building ${size.messages} messages in ${size.conversations} conversations (once; cached in ${cacheDir}/)`);
  const { db } = openDatabase(building, { logger: silentLogger, clock: manualClock(BENCH_NOW) });
  try {
    fill(db, size);
  } finally {
    db.close();
  }
  renameSync(building, path);
  return path;
}

/** A private copy of the cached database, as `fileName` in `dir`. */
export function copyBenchDb(cachedPath: string, dir: string, fileName = 'frontdesk.sqlite'): string {
  const to = join(dir, fileName);
  copyFileSync(cachedPath, to);
  return to;
}

interface PlannedRow {
  at: number;
  member: number;
  body: string;
  /** A staff reply (outbound) rather than the member's own text. */
  staff: string | null;
}

function fill(db: FrontdeskDb, size: BenchDbSize): void {
  const rng = createRandom(BENCH_SEED).fork('bench-db');
  const people = benchPeople(size.conversations, BENCH_SEED);
  const staff = benchPeople(12, BENCH_SEED + 1).map((p) => p.name);
  const ownerOf = (member: number): string => (member % 8 === 7 ? BENCH_SECOND_OWNER_ID : BENCH_OWNER_ID);
  db.owners.upsert({ ownerId: BENCH_OWNER_ID, name: 'My Messages' });
  db.owners.upsert({ ownerId: BENCH_SECOND_OWNER_ID, name: 'Springfield - Main St' });

  const rows = plan(rng.fork('plan'), size, staff, people);
  const staffNameKeys = new Set(staff.map(normalizeForKey));
  const unreadContext: DraftContext = { timeZone: BENCH_TIME_ZONE, staffNameKeys, readAt: null };
  const conversationIds = new Map<number, number>();
  const occurrences = new Map<string, number>();
  const nextOccurrence = (ownerId: string, key: string): number => {
    const k = `${ownerId}|${key}`;
    const n = occurrences.get(k) ?? 0;
    occurrences.set(k, n + 1);
    return n;
  };

  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    db.transaction(() => {
      const messages = batch.map((row): NewMessage => {
        const person = people[row.member]!;
        const ownerId = ownerOf(row.member);
        const date = localDate(row.at, BENCH_TIME_ZONE);
        const time = localTime(row.at, BENCH_TIME_ZONE);
        let conversationId = conversationIds.get(row.member);
        if (conversationId === undefined) {
          conversationId = db.conversations.findOrCreate({ ownerId, memberId: person.memberId, memberName: person.name, nameKey: normalizeForKey(person.name) }).id;
          conversationIds.set(row.member, conversationId);
        }
        const sender = row.staff ?? person.name;
        const dedupeKey = messageKey(sender, row.body, date);
        const occurrence = nextOccurrence(ownerId, dedupeKey);
        if (row.staff !== null) {
          return {
            ownerId,
            conversationId,
            direction: 'outbound',
            channel: 'sms',
            senderName: row.staff,
            body: row.body,
            localDate: date,
            localTime: time,
            sentAt: clubInstantIso(date, time, BENCH_TIME_ZONE),
            source: 'history',
            dedupeKey,
            occurrence,
          };
        }
        const read = BENCH_NOW - row.at > READ_AFTER_MS;
        const context = read ? { ...unreadContext, readAt: new Date(row.at + 3_600_000).toISOString() } : unreadContext;
        const draft = inboxDraft(
          { ownerId, senderName: person.name, memberId: person.memberId, body: row.body, localDate: date, localTime: time, label: '', dedupeKey, occurrence, position: 0 },
          context,
        );
        return { ...draft.message, conversationId };
      });
      db.messages.insert(messages, { quiet: true });
    });
    if ((start / BATCH_ROWS) % 20 === 19) progress(`database: ${start + batch.length} of ${rows.length} messages`);
  }
  setStatuses(db, rng.fork('statuses'), [...conversationIds.values()]);
}

/** Member texts oldest first, with a staff reply after every fourth text until a fifth of the rows are replies. */
function plan(rng: Random, size: BenchDbSize, staff: readonly string[], people: ReadonlyArray<{ name: string }>): PlannedRow[] {
  const trainers = staff.map((name) => name.split(' ')[0]!);
  const replies = Math.floor(size.messages / 5);
  const traffic = generateTraffic({
    seed: BENCH_SEED,
    messages: size.messages - replies,
    members: size.conversations,
    days: size.days,
    end: BENCH_NOW,
    timeZone: BENCH_TIME_ZONE,
  });
  const rows: PlannedRow[] = [];
  let left = replies;
  const rareEvery = Math.max(1, Math.floor(traffic.length / RARE_WORD_TEXTS));
  traffic.forEach((t, i) => {
    const body = i % rareEvery === rareEvery - 1 ? `${t.body} (ref ${RARE_WORD})` : t.body;
    rows.push({ at: t.at, member: t.member, body, staff: null });
    if (left > 0 && i % 4 === 0) {
      left--;
      const at = Math.min(BENCH_NOW, t.at + rng.int(3, 180) * 60_000);
      const memberFirstName = people[t.member]!.name.split(' ')[0]!;
      rows.push({ at, member: t.member, body: fillTemplate(rng.pick(STAFF_REPLIES), rng, { trainers, memberFirstName }), staff: rng.pick(staff) });
    }
  });
  // Stable: a reply stays after the text it answers when both fall in the same millisecond.
  return rows.sort((a, b) => a.at - b.at);
}

/** Old conversations mostly resolved or archived; recent ones open, pending, snoozed or resolved. */
function setStatuses(db: FrontdeskDb, rng: Random, ids: readonly number[]): void {
  db.transaction(() => {
    for (const id of ids) {
      const last = db.conversations.get(id)?.lastMessageAt;
      if (!last) continue;
      const old = BENCH_NOW - Date.parse(last) > 30 * DAY_MS;
      const r = rng.next();
      if (old) {
        if (r < 0.7) db.conversations.setStatus(id, { status: 'resolved' });
        else if (r < 0.9) db.conversations.setStatus(id, { status: 'archived' });
      } else if (r < 0.15) {
        db.conversations.setStatus(id, { status: 'resolved' });
      } else if (r < 0.2) {
        db.conversations.setStatus(id, { status: 'pending' });
      } else if (r < 0.25) {
        db.conversations.setStatus(id, { status: 'snoozed', snoozedUntil: new Date(BENCH_NOW + rng.int(1, 7) * DAY_MS).toISOString() });
      }
    }
  });
}
