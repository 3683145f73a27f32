// The inbox fragment read through a full DOM (node-html-parser). It understands any markup the
// parser does, so it is the reference for what the inbox means and the reader of every page
// that strays from the canonical shape; canonical pages take the faster streaming reader
// (canonical-inbox-reader.ts), which gives the same rows.
import type { HTMLElement } from 'node-html-parser';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { childElement, collapsedText, isElement, isText, parseHtml, readableText, rejectLoginPage, requireBalanced } from './html-document';
import { parseInboxLabel } from './inbox-label';
import type { InboxPageRow } from './inbox-page-row';
import { memberIdFromHref } from './member-link';

/** Rows newest first, as listed. Throws `parse` (or `session` for a login page) rather than drop a row. */
export function readInboxDom(html: string): InboxPageRow[] {
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

  // Direct children first: selector queries per row are the slow part of a long inbox.
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

  return { senderName, memberId: memberIdFromHref(link.getAttribute('href') ?? ''), body: readableText(paragraph), label, parsedLabel };
}
