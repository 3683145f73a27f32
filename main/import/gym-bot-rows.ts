// The gym bot's rows as Frontdesk candidates: whose inbox, who wrote it, to whom, what, and on
// which club-local day and minute. Rows that cannot be read as a message are counted by reason,
// never guessed at.
import { staffShortName } from '../clubos/staff-short-name';
import { MONTH_ABBREVIATIONS, parseDate } from '../../common/time/club-time';
import type { GymBotMessage, GymBotSource } from './gym-bot-source';
import { clubDateOf, parseBotTime } from './gym-bot-time';
import { nameIndex, splitSender } from './sender-split';

export interface BotAiFields {
  /** ISO instant the bot recorded the row as read, if any. */
  readAt: string | null;
  /** The bot's UI counted an AI-processed row as read. */
  aiProcessed: boolean;
  aiResponded: boolean;
  aiResponseSentAt: string | null;
  requiresResponse: boolean;
  threadId: string | null;
  toStaffName: string | null;
}

export interface ImportCandidate {
  rowid: number;
  /** `inbox`: a row of the ClubOS inbox list; `sent`: a text or email the bot sent (campaigns). */
  kind: 'inbox' | 'sent';
  ownerId: string;
  senderName: string;
  /** The conversation's member: the sender of an inbox row, the recipient of a sent one. */
  memberName: string;
  body: string;
  localDate: string;
  localTime: string | null;
  /** Orders rows newest first (with rowid for rows of one date). */
  epochMs: number;
  channel: 'sms' | 'email';
  bot: BotAiFields;
}

export type SkipReason = 'no_owner' | 'no_time' | 'no_sender' | 'no_body' | 'not_sent';

export interface MappedRows {
  candidates: ImportCandidate[];
  skipped: Partial<Record<SkipReason, number>>;
}

export interface MapOptions {
  timeZone: string;
  /** Member names Frontdesk already knows (its conversations): they split glued rows best. */
  knownNames: readonly string[];
  /** Owner id for rows that have none (a fresh install's campaign sends): the signed-in staff's inbox. */
  defaultOwnerId: string | null;
  /** Full names of owners by id, for the sender of sent rows ("by First L." in ClubOS's history). */
  ownerNames: ReadonlyMap<string, string>;
}

const OWNER_ID = /^\d{1,12}$/;
const NOT_SENT = /fail|error|pending|queued|draft|schedul|cancel/i;

function isoOrNull(value: string | null, timeZone: string): string | null {
  const t = parseBotTime(value, timeZone);
  return t ? new Date(t.epochMs).toISOString() : null;
}

/** An older bot parser kept the row's date label at the end of the body (`… Oct 13`). */
function withoutTrailingLabel(body: string, localDate: string): string {
  const { month, day } = parseDate(localDate);
  const label = `${MONTH_ABBREVIATIONS[month - 1]} ${day}`;
  if (!body.endsWith(label)) return body;
  const rest = body.slice(0, -label.length);
  return /\s$/.test(rest) && rest.trim().length > 0 ? rest.trim() : body;
}

function isSentRow(row: GymBotMessage, layout: GymBotSource['layout']): boolean {
  if (row.recipientName === null) return false;
  if (layout === 'B') return true;
  return /^(sent|delivered)$/i.test(row.status ?? '') || /^staff$/i.test(row.fromUser ?? '');
}

export function mapGymBotRows(source: GymBotSource, options: MapOptions): MappedRows {
  const { timeZone } = options;
  const conversationNames = new Map(source.conversations.map((c) => [c.conversationId, c.memberName]));
  const names = nameIndex([
    ...options.knownNames,
    ...source.knownNames,
    ...source.conversations.flatMap((c) => (c.memberName ? [c.memberName] : [])),
    ...source.messages.flatMap((m) => (m.fromMemberName ? [m.fromMemberName] : [])),
  ]);
  // Many rows sharing one Unix time are a date label's rows, whatever hour that time reads.
  const shared = new Map<string, number>();
  for (const m of source.messages) {
    const k = `${m.ownerId ?? ''}\u0000${m.timestamp ?? ''}`;
    shared.set(k, (shared.get(k) ?? 0) + 1);
  }

  const skipped: MappedRows['skipped'] = {};
  const skip = (reason: SkipReason): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const candidates: ImportCandidate[] = [];
  for (const row of source.messages) {
    const ownerId = row.ownerId !== null && OWNER_ID.test(row.ownerId.trim()) ? row.ownerId.trim() : options.defaultOwnerId;
    if (ownerId === null) {
      skip('no_owner');
      continue;
    }
    const sent = isSentRow(row, source.layout);
    if (sent && NOT_SENT.test(row.status ?? '')) {
      skip('not_sent');
      continue;
    }
    const instant = parseBotTime(sent ? (row.sentDate ?? row.timestamp) : (row.timestamp ?? row.sentDate), timeZone);
    if (!instant) {
      skip('no_time');
      continue;
    }
    if (instant.format === 'epoch' && (shared.get(`${row.ownerId ?? ''}\u0000${row.timestamp ?? ''}`) ?? 0) > 1) instant.precision = 'day';
    const { localDate, localTime } = clubDateOf(instant, timeZone);
    const content = row.content?.trim() ?? '';
    if (content.length === 0) {
      skip('no_body');
      continue;
    }
    const bot: BotAiFields = {
      readAt: isoOrNull(row.readAt, timeZone),
      aiProcessed: row.aiProcessed,
      aiResponded: row.aiResponded,
      aiResponseSentAt: row.aiResponded ? isoOrNull(row.aiResponseSentAt, timeZone) : null,
      requiresResponse: row.requiresResponse,
      threadId: row.threadId,
      toStaffName: row.toStaffName,
    };
    const base = { rowid: row.rowid, ownerId, localDate, localTime, epochMs: instant.epochMs, bot };
    if (sent) {
      const ownerName = options.ownerNames.get(ownerId) ?? row.toStaffName ?? 'Staff';
      const channel = /email/i.test(row.messageType ?? '') || /email/i.test(row.channel ?? '') ? 'email' : 'sms';
      candidates.push({ ...base, kind: 'sent', senderName: staffShortName(ownerName), memberName: row.recipientName!.trim(), body: content, channel });
      continue;
    }
    const hint = row.conversationId ? conversationNames.get(row.conversationId) : null;
    const split = splitSender(content, names, hint);
    if (!split) {
      skip('no_sender');
      continue;
    }
    const body = withoutTrailingLabel(split.body, localDate);
    candidates.push({ ...base, kind: 'inbox', senderName: split.senderName, memberName: split.senderName, body, channel: 'sms' });
  }
  return { candidates, skipped };
}
