// Stores a member's full ClubOS history (both directions, exact times), deduplicated against
// what the inbox already gave: history entries are reconciled with the same keys as inbox rows,
// so a text already stored from the inbox is matched, not stored twice.
import type { Conversation } from '../../common/contract';
import type { FrontdeskDb, NewMessage } from '../../db';
import { emailBodyText } from '../clubos/email-body';
import type { HistoryEntry, InboxRow, MemberHistory } from '../clubos/types';
import { classify } from '../intents/classifier';
import { isSystemIntent } from '../../common/intent-catalog';
import { reconcile, snapshotDateRange } from '../sync/reconcile';
import { clubInstantIso } from './club-instant';
import { classificationFields } from './inbox-drafts';

const MESSAGE_KINDS: ReadonlySet<HistoryEntry['kind']> = new Set(['text', 'email']);

/** The name a history entry is keyed by: the inbox shows members by full name, staff sign "First L.". */
function senderOf(entry: HistoryEntry, conversation: Conversation): string {
  return entry.direction === 'inbound' ? conversation.memberName : entry.author;
}

export function importHistory(
  db: FrontdeskDb,
  conversation: Conversation,
  history: MemberHistory,
  options: { timeZone: string; now: number },
): { insertedIds: number[] } {
  // An email's body may still be its HTML source: read it as the member did, so it matches the
  // copy stored when it was sent (which holds the text typed).
  const entries = history.entries
    .filter((e) => MESSAGE_KINDS.has(e.kind))
    .map((e) => (e.kind === 'email' ? { ...e, body: emailBodyText(e.body) } : e));
  const rows: InboxRow[] = entries.map((e, position) => ({
    senderName: senderOf(e, conversation),
    memberId: history.memberId,
    body: e.body,
    label: `${e.localDate} ${e.localTime}`,
    localDate: e.localDate,
    localTime: e.localTime,
    position,
  }));
  const range = snapshotDateRange(rows);
  if (!range) return { insertedIds: [] };
  const fresh = reconcile(conversation.ownerId, rows, db.messages.storedKeys(conversation.ownerId, range.from, range.to));
  const readAt = new Date(options.now).toISOString();
  const messages: NewMessage[] = fresh.map((row) => {
    const entry = entries[row.position]!;
    const classification = entry.direction === 'inbound' ? classify(entry.body) : null;
    const system = classification !== null && isSystemIntent(classification.intent);
    const direction = entry.direction === 'outbound' ? 'outbound' : system ? 'system' : 'inbound';
    return {
      ownerId: conversation.ownerId,
      conversationId: conversation.id,
      direction,
      channel: entry.kind === 'email' ? 'email' : 'sms',
      senderName: row.senderName,
      body: entry.body,
      localDate: entry.localDate,
      localTime: entry.localTime,
      sentAt: clubInstantIso(entry.localDate, entry.localTime, options.timeZone),
      source: 'history',
      dedupeKey: row.dedupeKey,
      occurrence: row.occurrence,
      // History is the past: it never shows up as unread or waiting.
      readAt: direction === 'outbound' ? null : readAt,
      requiresResponse: false,
      ...classificationFields(classification),
      fromMemberId: direction === 'outbound' ? null : history.memberId,
      fromMemberName: direction === 'outbound' ? null : conversation.memberName,
    };
  });
  return db.transaction(() => {
    const result = db.messages.insert(messages, { quiet: true });
    if (!history.canText && !conversation.optedOut) db.conversations.setOptedOut(conversation.id, true);
    return { insertedIds: result.insertedIds };
  });
}
