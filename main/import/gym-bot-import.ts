// Import from the gym bot: plan (what would be added, for the preview), then write. A message's
// identity is the one sync uses (main/sync/message-key.ts) and the rows are matched with sync's
// own reconciliation (main/sync/reconcile.ts), so a text that sync already stored (or an earlier
// import) is never stored twice, and a member's same-day repeat stays two messages.
//
// Writes go one owner and a run of whole days at a time, each run reconciled against what is
// stored at that moment inside its own transaction: sync may poll between runs, and a crash
// between runs leaves a database that the next import completes.
import type { FrontdeskDb, NewMessage } from '../../db';
import type { ClubContext, InboxRow } from '../clubos/types';
import { clubInstantIso } from '../ingest/club-instant';
import { classificationFields, inboxDraft } from '../ingest/inbox-drafts';
import { messageKey, normalizeForKey } from '../sync/message-key';
import { reconcile, type NewInboxMessage } from '../sync/reconcile';
import { mapGymBotRows, type ImportCandidate, type SkipReason } from './gym-bot-rows';
import type { GymBotLayout, GymBotSource } from './gym-bot-source';

/** About the rows of one sync write: big enough to be quick, small enough to keep the window live. */
const RUN_ROWS = 150;

export interface ImportTarget {
  db: FrontdeskDb;
  context: ClubContext;
  /** The user's setting: imported history counts as read. */
  historyAsRead: boolean;
  now: number;
}

export interface OwnerPlan {
  ownerId: string;
  name: string;
  /** Already an inbox Frontdesk syncs; a new one is added paused. */
  known: boolean;
  rows: number;
  toAdd: number;
}

export interface ImportPlan {
  layout: GymBotLayout;
  /** Rows in the file's messages table. */
  total: number;
  /** Rows that read as messages. */
  readable: number;
  /** Of those, not yet stored: what the import adds. */
  toAdd: number;
  alreadyStored: number;
  skipped: Partial<Record<SkipReason, number>>;
  /** Club-local dates of the readable rows. */
  dateRange: { from: string; to: string } | null;
  owners: OwnerPlan[];
  conversations: number;
  /** The readable rows, by owner: what `writeGymBotImport` stores. */
  readonly candidates: ReadonlyMap<string, readonly ImportCandidate[]>;
}

export interface ImportResult {
  added: number;
  /** What was stored, by owner: the new messages' ids and the conversations that got them. */
  touched: Map<string, { insertedIds: number[]; conversationIds: number[] }>;
}

/**
 * Newest first, as an inbox lists them. Rows of one time keep the bot's order: it stored an inbox
 * snapshot as listed (newest first), and its sends as they went out (oldest first).
 */
function newestFirst(a: ImportCandidate, b: ImportCandidate): number {
  if (a.epochMs !== b.epochMs) return b.epochMs - a.epochMs;
  return a.kind === 'sent' && b.kind === 'sent' ? b.rowid - a.rowid : a.rowid - b.rowid;
}

/**
 * The bot sometimes dropped a body's line breaks ("Line oneLine two"). When a stored row of the
 * same day and sender has the same text but for whitespace, the candidate takes its spelling, so
 * it gets the stored row's key instead of a second one.
 */
function adoptStoredSpelling(db: FrontdeskDb, ownerId: string, rows: ImportCandidate[], from: string, to: string): ImportCandidate[] {
  const squash = (s: string): string => normalizeForKey(s).replace(/\s+/g, '');
  const stored = new Map<string, string>();
  for (const t of db.messages.storedTexts(ownerId, from, to)) {
    stored.set(`${t.localDate}\u0000${normalizeForKey(t.senderName)}\u0000${squash(t.body)}`, t.body);
  }
  if (stored.size === 0) return rows;
  return rows.map((r) => {
    const body = stored.get(`${r.localDate}\u0000${normalizeForKey(r.senderName)}\u0000${squash(r.body)}`);
    return body !== undefined && body !== r.body ? { ...r, body } : r;
  });
}

function asInboxRows(rows: readonly ImportCandidate[]): InboxRow[] {
  return rows.map((r, position) => ({
    senderName: r.senderName,
    memberId: null,
    body: r.body,
    label: r.localTime ? `${r.localDate} ${r.localTime}` : r.localDate,
    localDate: r.localDate,
    localTime: r.localTime,
    position,
  }));
}

/** The rows of one owner's run (newest first) that are not stored yet, oldest first. */
function freshRows(db: FrontdeskDb, ownerId: string, run: ImportCandidate[]): { fresh: NewInboxMessage[]; rows: ImportCandidate[] } {
  const from = run[run.length - 1]!.localDate;
  const to = run[0]!.localDate;
  const rows = adoptStoredSpelling(db, ownerId, run, from, to);
  const keys = rows.map((r) => messageKey(r.senderName, r.body, r.localDate));
  return { fresh: reconcile(ownerId, asInboxRows(rows), db.messages.storedKeys(ownerId, from, to), keys), rows };
}

/** Runs of whole days (newest first within, oldest run first), each about RUN_ROWS rows. */
function dayRuns(rows: readonly ImportCandidate[]): ImportCandidate[][] {
  const runs: ImportCandidate[][] = [];
  let run: ImportCandidate[] = [];
  // Walk oldest first so the oldest days are written first; each run is then newest first.
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const last = run[run.length - 1];
    if (run.length >= RUN_ROWS && last && last.localDate !== row.localDate) {
      runs.push(run.reverse());
      run = [];
    }
    run.push(row);
  }
  if (run.length > 0) runs.push(run.reverse());
  return runs;
}

export function planGymBotImport(source: GymBotSource, target: ImportTarget): ImportPlan {
  const { db, context } = target;
  const ownerNames = new Map<string, string>();
  for (const s of context.staff) ownerNames.set(s.id, s.name);
  for (const o of context.owners) if (!ownerNames.has(o.id)) ownerNames.set(o.id, o.name);
  for (const o of db.owners.list()) ownerNames.set(o.ownerId, o.name);
  const knownNames = new Set<string>();
  for (const filter of ['all', 'snoozed', 'resolved', 'archived'] as const) {
    let cursor: string | null = null;
    for (let page = 0; page < 1_000; page++) {
      const { items, nextCursor } = db.conversations.list({ filter, limit: 500, cursor });
      for (const c of items) knownNames.add(c.memberName);
      if (!nextCursor) break;
      cursor = nextCursor;
    }
  }
  const mapped = mapGymBotRows(source, { timeZone: context.timeZone, knownNames: [...knownNames], defaultOwnerId: context.loggedInUserId, ownerNames });

  const byOwner = new Map<string, ImportCandidate[]>();
  for (const c of mapped.candidates) {
    const list = byOwner.get(c.ownerId) ?? [];
    list.push(c);
    byOwner.set(c.ownerId, list);
  }
  let toAdd = 0;
  let from: string | null = null;
  let to: string | null = null;
  const owners: OwnerPlan[] = [];
  const conversations = new Set<string>();
  for (const [ownerId, rows] of byOwner) {
    rows.sort(newestFirst);
    const known = db.owners.get(ownerId) !== null;
    let ownerAdds = 0;
    for (const run of dayRuns(rows)) ownerAdds += freshRows(db, ownerId, run).fresh.length;
    toAdd += ownerAdds;
    owners.push({ ownerId, name: ownerNames.get(ownerId) ?? `Inbox ${ownerId}`, known, rows: rows.length, toAdd: ownerAdds });
    for (const r of rows) {
      conversations.add(`${ownerId}\u0000${normalizeForKey(r.memberName)}`);
      if (from === null || r.localDate < from) from = r.localDate;
      if (to === null || r.localDate > to) to = r.localDate;
    }
  }
  return {
    layout: source.layout,
    total: source.messages.length,
    readable: mapped.candidates.length,
    toAdd,
    alreadyStored: mapped.candidates.length - toAdd,
    skipped: mapped.skipped,
    dateRange: from !== null && to !== null ? { from, to } : null,
    owners: owners.sort((a, b) => b.rows - a.rows),
    conversations: conversations.size,
    candidates: byOwner,
  };
}

interface Draft {
  conversationKey: { ownerId: string; memberId: null; memberName: string; nameKey: string };
  message: Omit<NewMessage, 'conversationId'>;
  optChange: boolean;
}

function draftOf(fresh: NewInboxMessage, row: ImportCandidate, target: ImportTarget, staffNameKeys: ReadonlySet<string>): Draft {
  const importedAt = new Date(target.now).toISOString();
  if (row.kind === 'sent') {
    return {
      conversationKey: { ownerId: row.ownerId, memberId: null, memberName: row.memberName, nameKey: normalizeForKey(row.memberName) },
      optChange: false,
      message: {
        ownerId: row.ownerId,
        direction: 'outbound',
        channel: row.channel,
        senderName: fresh.senderName,
        body: fresh.body,
        localDate: fresh.localDate,
        localTime: fresh.localTime,
        sentAt: clubInstantIso(fresh.localDate, fresh.localTime, target.context.timeZone),
        source: 'sent',
        dedupeKey: fresh.dedupeKey,
        occurrence: fresh.occurrence,
        readAt: null,
        requiresResponse: false,
        ...classificationFields(null),
        threadId: row.bot.threadId,
        toStaffName: null,
        fromMemberId: null,
        fromMemberName: null,
      },
    };
  }
  // The same drafting as a sync of the inbox: direction (staff rows are outbound), the local
  // classifier's intent, conversation key by name.
  const draft = inboxDraft(fresh, { timeZone: target.context.timeZone, staffNameKeys, readAt: null });
  const inbound = draft.message.direction !== 'outbound';
  // Read when the bot had it read (or its AI handled it), else as the user's setting says.
  const readAt = !inbound ? null : (row.bot.readAt ?? (row.bot.aiProcessed || target.historyAsRead ? importedAt : null));
  const intent = draft.classification?.intent;
  return {
    conversationKey: { ...draft.conversationKey, memberId: null },
    optChange: intent === 'opt_out' || intent === 'opt_in',
    message: {
      ...draft.message,
      readAt,
      // A text the bot already answered waits for nobody.
      requiresResponse: inbound && !row.bot.aiResponded && ((draft.message.requiresResponse ?? false) || (row.bot.requiresResponse && draft.message.direction === 'inbound')),
      aiResponded: row.bot.aiResponded,
      aiResponseSentAt: row.bot.aiResponseSentAt,
      threadId: row.bot.threadId,
      toStaffName: inbound ? row.bot.toStaffName : null,
    },
  };
}

/** The member's latest STOP or START decides, whichever source stored it. */
function settleOptOut(db: FrontdeskDb, conversationId: number): void {
  let before: string | null = null;
  for (let page = 0; page < 1_000; page++) {
    const { items, prevCursor } = db.messages.page({ conversationId, before, limit: 500 });
    for (let i = items.length - 1; i >= 0; i--) {
      const intent = items[i]!.intent;
      if (intent === 'opt_out' || intent === 'opt_in') {
        db.conversations.setOptedOut(conversationId, intent === 'opt_out');
        return;
      }
    }
    if (!prevCursor) return;
    before = prevCursor;
  }
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Stores what the plan found new. `onProgress(done, total)` counts the plan's readable rows. */
export async function writeGymBotImport(
  plan: ImportPlan,
  target: ImportTarget,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportResult> {
  const { db, context } = target;
  const staffNameKeys = new Set(context.staff.map((s) => normalizeForKey(s.name)));
  const touched = new Map<string, { insertedIds: number[]; conversationIds: number[] }>();
  let added = 0;
  let done = 0;
  onProgress(0, plan.readable);
  for (const owner of plan.owners) {
    const rows = plan.candidates.get(owner.ownerId) ?? [];
    // An inbox Frontdesk did not sync yet is added paused: importing it must not start polling it.
    if (!db.owners.get(owner.ownerId)) db.owners.upsert({ ownerId: owner.ownerId, name: owner.name, enabled: false });
    const ownerTouched = new Set<number>();
    const ownerInserted: number[] = [];
    for (const run of dayRuns(rows)) {
      const result = db.transaction(() => {
        const { fresh, rows: spelled } = freshRows(db, owner.ownerId, run);
        const drafts = fresh.map((f) => draftOf(f, spelled[f.position]!, target, staffNameKeys));
        const ids = drafts.map((d) => db.conversations.findOrCreate(d.conversationKey).id);
        const inserted = db.messages.insert(
          drafts.map((d, i) => ({ ...d.message, conversationId: ids[i]! })),
          { quiet: true },
        );
        const optConversations = new Set(drafts.flatMap((d, i) => (d.optChange ? [ids[i]!] : [])));
        for (const id of optConversations) settleOptOut(db, id);
        return inserted;
      });
      added += result.insertedIds.length;
      ownerInserted.push(...result.insertedIds);
      for (const id of result.conversationIds) ownerTouched.add(id);
      done += run.length;
      onProgress(done, plan.readable);
      await yieldToEventLoop();
    }
    if (ownerTouched.size > 0) {
      touched.set(owner.ownerId, { insertedIds: ownerInserted, conversationIds: [...ownerTouched].sort((a, b) => a - b) });
    }
  }
  return { added, touched };
}
