// ClubOS answers FollowUp/save with one line. Only the exact success line counts as sent: an
// unknown 2xx answer is a refusal, not a success.
import { collapsedText, parseHtml } from './html-document';
import { isSomethingNotRight } from './something-not-right';
import { CLUBOS_ID_DIGITS } from '../../../common/clubos-id';

export type SendReply =
  | { outcome: 'sent'; memberName: string }
  | { outcome: 'opted_out'; reason: string }
  | { outcome: 'rejected'; reason: string };

const DELEGATE_HREF = new RegExp(String.raw`/action/Delegate/(${CLUBOS_ID_DIGITS})(?:/|$)`);

export function readSendReply(html: string, channel: 'sms' | 'email', memberId: string): SendReply {
  const root = parseHtml(html, 'the send reply');
  const text = collapsedText(root);
  if (/opted out/i.test(text)) return { outcome: 'opted_out', reason: 'ClubOS says the member opted out of text messages' };
  if (isSomethingNotRight(text)) return { outcome: 'rejected', reason: 'ClubOS refused the send ("Something isn\'t right")' };

  const link = root.querySelector('a');
  const verb = channel === 'sms' ? 'texted' : 'emailed';
  if (!link) return { outcome: 'rejected', reason: 'ClubOS answered the send without a confirmation' };
  const memberName = collapsedText(link);
  if (text !== `${memberName} has been ${verb}.`) {
    return { outcome: 'rejected', reason: `ClubOS answered the send without a "has been ${verb}." confirmation` };
  }
  const linkedId = DELEGATE_HREF.exec(link.getAttribute('href') ?? '')?.[1];
  if (linkedId !== undefined && linkedId !== memberId) {
    return { outcome: 'rejected', reason: 'ClubOS confirmed a send to a different member' };
  }
  return { outcome: 'sent', memberName };
}
