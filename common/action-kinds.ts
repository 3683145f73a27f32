// The action log's kinds (table `assistant_actions`, lowercase words) and how staff read them: the
// assistant's steps and outreach's sends, skips and reminders share one log. The Activity view
// labels rows with these; a kind missing here still shows, as its own words.

export const ASSISTANT_ACTION_KINDS = [
  'assessed',
  'no_action',
  'drafted',
  'suggested',
  'queued',
  'refused',
  'superseded',
  'approved',
  'edited',
  'rejected',
  'sent',
  'auto_send_started',
  'auto_sent',
  'after_hours_ack_started',
  'after_hours_ack',
  'send_failed',
  'model_fallback',
] as const;

/** What outreach (main/outreach) writes: every send, skip, block and reminder. */
export const OUTREACH_ACTION_KINDS = [
  'text_sent',
  'text_sent_late',
  'text_failed',
  'text_unconfirmed',
  'text_settled_sent',
  'text_settled_absent',
  'text_skipped',
  'text_blocked',
  'scheduled',
  'cancelled',
  'reminder',
  'overdue',
  'campaign',
] as const;

export type OutreachActionKind = (typeof OUTREACH_ACTION_KINDS)[number];

export const ACTION_KIND_LABELS: Readonly<Record<(typeof ASSISTANT_ACTION_KINDS)[number] | OutreachActionKind, string>> = {
  assessed: 'Read by the assistant',
  no_action: 'Nothing to do',
  drafted: 'Draft written',
  suggested: 'Draft suggested',
  queued: 'Waiting for approval',
  refused: 'Not sent automatically',
  superseded: 'Draft no longer needed',
  approved: 'Approved',
  edited: 'Edited before sending',
  rejected: 'Rejected',
  sent: 'Reply sent',
  auto_send_started: 'Sending automatically',
  auto_sent: 'Sent automatically',
  after_hours_ack_started: 'Sending after-hours note',
  after_hours_ack: 'After-hours note sent',
  send_failed: 'Send failed',
  model_fallback: 'Model answer not used',
  text_sent: 'Sent',
  text_sent_late: 'Sent late',
  text_failed: 'Not sent (failed)',
  text_unconfirmed: 'Outcome unknown: checking ClubOS',
  text_settled_sent: 'Confirmed sent (ClubOS history)',
  text_settled_absent: 'Confirmed not sent (ClubOS history)',
  text_skipped: 'Skipped',
  text_blocked: 'Blocked (merge field)',
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
  reminder: 'Reminder',
  overdue: 'Waiting too long',
  campaign: 'Campaign',
};

/** The label for a kind; an unknown kind reads as its own words. */
export function actionKindLabel(kind: string): string {
  return (ACTION_KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? kind.replaceAll('_', ' ');
}
