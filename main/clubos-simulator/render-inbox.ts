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

/** Rows in one piece of a streamed inbox: about 70 KB of HTML, a servlet container's flush or two. */
export const ROWS_PER_PIECE = 200;

/** `messages` must already be newest first. */
export function renderInbox(messages: readonly SimMessage[], opts: InboxRenderOptions): string {
  return [...renderInboxPieces(messages, opts)].join('');
}

/**
 * The same page in pieces, each rendered when it is asked for, so a long inbox goes out while
 * its later rows are still being written, as a server sends a long page once its output buffer
 * fills. The pieces joined are exactly `renderInbox`'s page.
 */
export function* renderInboxPieces(messages: readonly SimMessage[], opts: InboxRenderOptions, rowsPerPiece = ROWS_PER_PIECE): Generator<string> {
  if (messages.length === 0) {
    yield EMPTY_INBOX;
    return;
  }
  const labelOf = inboxLabeler(opts.now, opts.timeZone);
  const row = (m: SimMessage, i: number): string => {
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
  };
  for (let from = 0; from < messages.length; from += rowsPerPiece) {
    const rows: string[] = [];
    for (let i = from; i < Math.min(messages.length, from + rowsPerPiece); i++) rows.push(row(messages[i]!, i));
    yield `${from === 0 ? '<ul class="message-list">' : ''}\n${rows.join('\n')}`;
  }
  yield '\n</ul>\n';
}
