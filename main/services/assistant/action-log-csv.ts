// The action log as CSV (RFC 4180) for Settings → Export. Cells that a spreadsheet would run as a
// formula (= + - @ at the start) are prefixed with a quote mark: a member's text must never
// execute in the manager's spreadsheet.
import type { ActionLogEntry } from '../../../common/contract';

export const ACTION_LOG_COLUMNS = [
  'id',
  'at',
  'kind',
  'actor',
  'conversation_id',
  'message_id',
  'draft_id',
  'member_name',
  'intent',
  'confidence',
  'reason',
  'detail',
] as const;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(e: ActionLogEntry): string {
  return [
    e.id,
    e.at,
    e.kind,
    e.actor,
    e.conversationId,
    e.messageId,
    e.draftId,
    e.memberName,
    e.intent,
    e.confidence,
    e.reason,
    JSON.stringify(e.detail),
  ]
    .map(csvCell)
    .join(',');
}

export const csvHeader = (): string => ACTION_LOG_COLUMNS.join(',');
