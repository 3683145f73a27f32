// The one list of intents. The classifier, the database CHECKs, the IPC contract, the
// suggested-reply templates and the renderer's labels all read it from here.

/** The original eleven categories of the seed's classifier. */
export const MEMBER_INTENTS = [
  'question_about_membership',
  'question_about_training',
  'question_about_billing',
  'question_about_schedule',
  'appointment_request',
  'appointment_cancellation',
  'complaint',
  'praise',
  'general_inquiry',
  'spam',
  'requires_human_response',
] as const;

/** Texts ClubOS itself produces in reply to keywords a member sends. */
export const SYSTEM_INTENTS = ['appointment_confirmation', 'opt_out', 'opt_in'] as const;

export const INTENTS = [...MEMBER_INTENTS, ...SYSTEM_INTENTS] as const;

export type MemberIntent = (typeof MEMBER_INTENTS)[number];
export type SystemIntent = (typeof SYSTEM_INTENTS)[number];
export type Intent = (typeof INTENTS)[number];

export const INTENT_LABELS: Readonly<Record<Intent, string>> = {
  question_about_membership: 'Membership',
  question_about_training: 'Training',
  question_about_billing: 'Billing',
  question_about_schedule: 'Schedule',
  appointment_request: 'Appointment request',
  appointment_cancellation: 'Appointment cancellation',
  complaint: 'Complaint',
  praise: 'Praise',
  general_inquiry: 'General',
  spam: 'Spam',
  requires_human_response: 'Needs a person',
  appointment_confirmation: 'Confirmation',
  opt_out: 'Opted out',
  opt_in: 'Opted in',
};

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}

/** Texts ClubOS wrote itself in reply to a member's keyword (CONFIRM, STOP, START…). */
export function isSystemIntent(intent: Intent): boolean {
  return (SYSTEM_INTENTS as readonly string[]).includes(intent);
}

/** Intents whose message never needs an answer from staff (ClubOS auto-texts). */
export function intentNeedsNoReply(intent: Intent): boolean {
  return isSystemIntent(intent) || intent === 'spam';
}
