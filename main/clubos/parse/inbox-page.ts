// The inbox fragment (MARKUP.md § Inbox). It must parse whole: a row the parser cannot read, a
// list cut short or an unexpected page fails the call, because a shorter list would look to the
// sync engine like messages that vanished.
import type { HTMLElement } from 'node-html-parser';
import { ClubOSError } from '../errors';
import type { ClubOSId } from '../types';
import { childElement, collapsedText, isElement, isText, parseHtml, readableText, rejectLoginPage, requireBalanced } from './html-document';
import { parseInboxLabel, type InboxLabel } from './inbox-label';

export interface InboxPageRow {
  senderName: string;
  memberId: ClubOSId | null;
  body: string;
  label: string;
  parsedLabel: InboxLabel;
}

const DELEGATE_HREF = /^(?:https?:\/\/[^/]+)?\/action\/Delegate\/(\d{1,12})(?:\/|$)/;

/** Rows newest first, as listed. Throws `parse` (or `session` for a login page) rather than drop a row. */
export function parseInboxPage(html: string): InboxPageRow[] {
  const root = parseHtml(html, 'the inbox');
  // A login page is not an inbox; say so before the balance check can call it garbled.
  rejectLoginPage(root, 'the inbox');
  requireBalanced(html, 'the inbox');
  let list: HTMLElement | null = null;
  let emptyMarker = false;
  for (const node of root.childNodes) {
    if (isText(node)) {
      if (node.text.trim() !== '') throw new ClubOSError('parse', 'the inbox has stray text outside the list');
    } else if (isElement(node)) {
      if (node.tagName === 'UL' && node.classList.contains('message-list') && list === null) list = node;
      else if (node.tagName === 'P' && node.classList.contains('no-messages')) emptyMarker = true;
      else throw new ClubOSError('parse', `the inbox has an unexpected <${node.rawTagName}> outside the list`);
    }
  }
  if (!list) throw new ClubOSError('parse', 'the inbox has no ul.message-list');
  const rows: InboxPageRow[] = [];
  for (const node of list.childNodes) {
    if (isText(node)) {
      if (node.text.trim() !== '') throw new ClubOSError('parse', 'the inbox list has stray text between rows');
    } else if (isElement(node)) {
      rows.push(readRow(node, rows.length));
    }
  }
  if (rows.length === 0 && !emptyMarker) throw new ClubOSError('parse', 'the inbox list is empty without the "No messages" marker');
  if (rows.length > 0 && emptyMarker) throw new ClubOSError('parse', 'the inbox has rows and the "No messages" marker');
  return rows;
}

function readRow(li: HTMLElement, index: number): InboxPageRow {
  const fail = (why: string): ClubOSError => new ClubOSError('parse', `inbox row ${index} ${why}`);
  if (li.tagName !== 'LI') throw fail(`is a <${li.rawTagName}>, not an li`);
  const message = childElement(li, 'DIV', 'message');
  const options = childElement(li, 'DIV', 'message-options');
  if (!message) throw fail('has no div.message');
  if (!options) throw fail('has no div.message-options');

  // Direct children first: a 2,000-row inbox makes selector queries per row the slow part.
  const heading = childElement(message, 'H3');
  const link = (heading && childElement(heading, 'A', 'username-content')) ?? message.querySelector('h3 a.username-content');
  if (!link) throw fail('has no sender link');
  const senderName = collapsedText(link);
  if (senderName === '') throw fail('has no sender name');

  const paragraph = childElement(message, 'P') ?? message.querySelector('p');
  if (!paragraph) throw fail('has no body');

  const span = childElement(options, 'SPAN');
  const label = span ? collapsedText(span) : '';
  if (label === '') throw fail('has no time label');
  const parsedLabel = parseInboxLabel(label);
  if (!parsedLabel) throw fail('has a time label that is neither "h:mm AM" nor "Mon D"');

  const memberId = DELEGATE_HREF.exec((link.getAttribute('href') ?? '').trim())?.[1] ?? null;
  return { senderName, memberId: memberId === '0' ? null : memberId, body: readableText(paragraph), label, parsedLabel };
}
