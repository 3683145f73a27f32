// The inbox fragment of `/action/Dashboard/messages`: one `li` per message, newest first, labels
// computed now in the club's zone (MARKUP.md, Inbox).
import { inboxLabeler } from './club-labels';
import { escapeHtml, escapeMultiline } from './escape-html';
import type { SimMessage } from './types';

export interface InboxRenderOptions {
  now: number;
  timeZone: string;
  memberIdsInLinks: boolean;
  /** Index of a row rendered without its label span (the `missingLabel` fault). */
  omitLabelAt?: number;
  /** Index of a row rendered without its name link (the `missingName` fault). */
  omitNameAt?: number;
}

export const EMPTY_INBOX = '<ul class="message-list"></ul>\n<p class="no-messages">No messages</p>\n';

/** `messages` must already be newest first. */
export function renderInbox(messages: readonly SimMessage[], opts: InboxRenderOptions): string {
  if (messages.length === 0) return EMPTY_INBOX;
  const labelOf = inboxLabeler(opts.now, opts.timeZone);
  const rows = messages.map((m, i) => {
    const href = opts.memberIdsInLinks ? `/action/Delegate/${encodeURIComponent(m.memberId)}/url=/action/LeadProfile` : '#';
    const name = i === opts.omitNameAt ? '' : `<a class="username-content" href="${escapeHtml(href)}">${escapeHtml(m.senderName)}</a>`;
    const label = i === opts.omitLabelAt ? '' : `<span>${escapeHtml(labelOf(m.at))}</span>`;
    return `  <li class="message-item">
    <div class="message">
      <h3>${name}</h3>
      <p>${escapeMultiline(m.body)}</p>
    </div>
    <div class="message-options">${label}<a class="reply-link" href="#">Reply</a></div>
  </li>`;
  });
  return `<ul class="message-list">\n${rows.join('\n')}\n</ul>\n`;
}
