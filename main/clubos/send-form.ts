// The FollowUp form a send posts: the popup's own fields with the overrides of protocol §2.4.
import type { FormField } from './parse/form-fields';
import type { SendRequest } from './types';

/** ClubOS's default subject is "<Staff name> has sent you a message"; the override keeps its tail. */
export const DEFAULT_EMAIL_SUBJECT = ' has sent you a message';

/** `memberSalesFollowUpStatus` of the captured popup of a send that went through. */
const CAPTURED_SALES_FOLLOW_UP_STATUS = '6';

export interface SendFormContext {
  /** The logged-in staff member's ClubOS id. */
  staffId: string;
  /** Club-local time of the send, for the outcome note. */
  localStamp: string;
}

export function buildSendForm(popupFields: readonly FormField[], request: SendRequest, context: SendFormContext): FormField[] {
  const sms = request.channel === 'sms';
  const overrides: Array<readonly [string, string]> = [
    ['followUpLog.followUpAction', sms ? '3' : '2'],
    ['textMessage', sms ? request.body : ''],
    ['emailMessage', sms ? '<p></p>' : `<p>${escapeHtml(request.body).replace(/\r?\n/g, '<br>')}</p>`],
    ['emailSubject', !sms && request.subject !== undefined && request.subject.trim() !== '' ? request.subject : DEFAULT_EMAIL_SUBJECT],
    ['followUpStatus', '1'],
    ['followUpType', '3'],
    ['followUpSequence', ''],
    ['followUpLog.outcome', '2'],
    ['followUpOutcomeNotes', `Message sent via Frontdesk on ${context.localStamp}`],
    ['event.createdFor.tfoUserId', context.staffId],
    ['event.eventType', 'LEAD'],
    ['duration', '2'],
    ['event.remindAttendeesMins', '120'],
    ['memberStudioSalesDefaultAccount', context.staffId],
    ['memberStudioSupportDefaultAccount', context.staffId],
    ['ptSalesDefaultAccount', context.staffId],
    ['ptSupportDefaultAccount', context.staffId],
  ];
  let fields: FormField[] = [...popupFields];
  for (const [name, value] of overrides) fields = setField(fields, name, value);
  // The popup carries the member's own sales follow-up stage; posting another value would move the
  // member in ClubOS's sales pipeline as a side effect of a text. Only a popup without it gets the
  // value the captured working send carried.
  if (!fields.some(([name]) => name === 'memberSalesFollowUpStatus')) fields = [...fields, ['memberSalesFollowUpStatus', CAPTURED_SALES_FOLLOW_UP_STATUS]];
  return fields;
}

/** Replaces the first field of that name (dropping repeats), or appends it. */
function setField(fields: readonly FormField[], name: string, value: string): FormField[] {
  const at = fields.findIndex(([n]) => n === name);
  if (at < 0) return [...fields, [name, value]];
  return fields.flatMap((field, i) => (i === at ? [[name, value] as const] : field[0] === name ? [] : [field]));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
