// Suggested replies are data, not code: staff can reword them (overrides by id, from settings)
// without a release. Ids are stable because overrides and `ai_action_taken` refer to them.
// None for opt_out (ClubOS refuses texts to that member) or spam (nobody should answer it).
import type { Intent } from '../../common/intent-catalog';
import type { SuggestionSituation } from './suggestion-situation';

export interface ReplyTemplate {
  /** Stable, `<intent area>.<name>`; never reuse an id for different wording. */
  id: string;
  /** `{firstName}` is replaced by the member's first name. */
  text: string;
  /** Offered only when the member's newest text is in this situation (see suggestion-situation.ts). */
  onlyWhen?: SuggestionSituation;
  /** Never offered in this situation: it would say something untrue. */
  notWhen?: SuggestionSituation;
}

export const FIRST_NAME_PLACEHOLDER = '{firstName}';

export const defaultReplyTemplates: Readonly<Record<Intent, readonly ReplyTemplate[]>> = {
  question_about_membership: [
    { id: 'membership.look-into', text: "Hi {firstName}, thanks for asking about your membership! I'll check your options and text you back today." },
    { id: 'membership.stop-by', text: 'Hi {firstName}! Happy to go over membership options with you. Stop by the front desk anytime during staffed hours, or tell me a good time to call.' },
  ],
  question_about_training: [
    { id: 'training.trainer-follow-up', text: "Hi {firstName}, great question! I'll pass it to our trainers and one of them will get back to you." },
    { id: 'training.consult', text: 'Hi {firstName}! The best place to start is a free fitness consultation with a trainer. Want me to set one up?' },
  ],
  question_about_billing: [
    { id: 'billing.look-into', text: "Hi {firstName}, thanks for reaching out about your bill. I'll look into it and get back to you today." },
    { id: 'billing.got-it', text: "Thanks {firstName}, got it. I've made a note on your account." },
    { id: 'billing.call', text: "Hi {firstName}, I'd like to go over your account with you. What's a good time to call?" },
  ],
  question_about_schedule: [
    { id: 'schedule.check', text: "Hi {firstName}! Let me double-check the schedule and text you right back." },
    { id: 'schedule.app', text: 'Hi {firstName}, the latest class times and staffed hours are in the club app. Let me know if you have trouble finding them!' },
  ],
  appointment_request: [
    { id: 'request.check-calendar', text: "Hi {firstName}! Let me check the trainer's calendar and confirm a time with you shortly." },
    { id: 'request.options', text: 'Hi {firstName}, happy to get you in! What days and times work best for you?' },
  ],
  appointment_cancellation: [
    { id: 'cancellation.noted', text: "No problem, {firstName}. I've let your trainer know. Want me to find you a new time?" },
    { id: 'cancellation.feel-better', text: "Thanks for letting us know, {firstName}. Take care, and text us when you're ready to reschedule." },
  ],
  complaint: [
    { id: 'complaint.sorry', text: "Hi {firstName}, I'm sorry about that, and thank you for telling us. I've passed it to the manager and we'll get it sorted." },
    { id: 'complaint.call', text: "Hi {firstName}, I'm sorry you had that experience. I'd like to hear more. What's a good time to call you?" },
  ],
  praise: [
    { id: 'praise.thanks', text: 'Thank you, {firstName}! That means a lot to us.' },
    { id: 'praise.pass-on', text: "That's great to hear, {firstName}! I'll pass it on to the team." },
  ],
  general_inquiry: [
    { id: 'general.look-into', text: "Hi {firstName}! Thanks for your message. Let me look into that and get back to you." },
    { id: 'general.ack', text: 'Sounds good, {firstName}. Thanks!' },
  ],
  spam: [],
  requires_human_response: [
    { id: 'human.on-it', text: "Hi {firstName}, thanks for letting us know. I'm on it and will get back to you as soon as possible." },
    { id: 'human.call', text: 'Hi {firstName}, a manager will call you shortly. Is this the best number to reach you?' },
  ],
  appointment_confirmation: [
    { id: 'confirmation.see-you', text: 'Thanks for confirming, {firstName}! See you then.', notWhen: 'nothing_confirmed' },
    {
      id: 'confirmation.no-event',
      text: "Hi {firstName}, we couldn't find a booking to confirm. Would you like me to set one up? Just tell me the day and time.",
      onlyWhen: 'nothing_confirmed',
    },
  ],
  opt_out: [],
  opt_in: [{ id: 'opt-in.welcome-back', text: "Welcome back, {firstName}! You'll get texts from the club again." }],
};
