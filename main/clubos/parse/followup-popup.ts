// The FollowUp popup (MARKUP.md § FollowUp popup): the member's compose form, which a send posts
// back, and the follow-up log, which is the member's history.
import type { HTMLElement } from 'node-html-parser';
import { isValidDate } from '../../../common/time/club-time';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { ClubOSMissingFieldError } from '../../../common/errors/missing-field-error';
import type { ClubOSId } from '../../../common/clubos-id';
import type { HistoryKind } from '../types';
import { asClubOSId } from './club-facts';
import { parseFollowUpEntryHeader, type FollowUpEntryHeader } from './followup-entry-header';
import { countFormControls, scrapeFormFields, type FormField } from './form-fields';
import { parseHtml, readableText, rejectLoginPage, requireBalanced } from './html-document';

export interface FollowUpLogEntry extends FollowUpEntryHeader {
  kind: HistoryKind;
  body: string;
}

export interface FollowUpPopup {
  memberId: ClubOSId;
  memberName: string;
  /** False when the form has no `textMessage` field: the member opted out of texts. */
  canText: boolean;
  /** The compose form as a browser would submit it; holds `_sourcePage` and `__fp`. */
  fields: FormField[];
  /** Newest first, as listed. */
  entries: FollowUpLogEntry[];
}

const ICON_KINDS: ReadonlyArray<readonly [string, HistoryKind]> = [
  ['icon_text', 'text'],
  ['icon_email', 'email'],
  ['icon_phone', 'call'],
];
const PREFIX = /^(Text|Email|Call) - ?/i;
const PREFIX_KINDS: Record<string, HistoryKind> = { text: 'text', email: 'email', call: 'call' };

const PAGE = 'the FollowUp popup';
const MEMBER_ID_FIELDS = ['followUpUser.tfoUserId', 'followUpLog.tfoUserId'] as const;

export function parseFollowUpPopup(html: string): FollowUpPopup {
  const root = parseHtml(html, PAGE);
  rejectLoginPage(root, PAGE);
  requireBalanced(html, PAGE);
  // No capture of the popup's own HTML exists (MARKUP.md): take the form by what it holds.
  const popup = root.querySelector('#followup-popup-content') ?? root;
  const form = pickForm(popup);
  const fields = scrapeFormFields(form);
  const value = (name: string): string => fields.find(([n]) => n === name)?.[1].trim() ?? '';
  if (value('_sourcePage') === '' || value('__fp') === '') throw new ClubOSMissingFieldError(PAGE, "the form's _sourcePage/__fp tokens");
  const memberId = MEMBER_ID_FIELDS.map((name) => asClubOSId(value(name))).find((id) => id !== null) ?? null;
  if (memberId === null) throw new ClubOSMissingFieldError(PAGE, "the member's id", MEMBER_ID_FIELDS.join(', '));
  const memberName = [value('followUpUser.firstName'), value('followUpUser.lastName')].filter((p) => p !== '').join(' ');

  const log = popup.querySelector('#follow-up-log');
  if (!log) throw new ClubOSMissingFieldError(PAGE, 'the follow-up log (#follow-up-log)');
  const entries = log.querySelectorAll('.followup-entry').map((entry, index) => readEntry(entry, index));

  return { memberId, memberName, canText: form.querySelector('textarea[name="textMessage"]') !== null, fields, entries };
}

/** The form holding the member's id, else `#followup-form`, else the form with the most controls. */
function pickForm(popup: HTMLElement): HTMLElement {
  const forms = popup.querySelectorAll('form');
  const byMeaning = forms.find((f) => MEMBER_ID_FIELDS.some((name) => f.querySelector(`input[name="${name}"]`) !== null));
  if (byMeaning) return byMeaning;
  const named = popup.querySelector('form#followup-form');
  if (named) return named;
  const form = forms.sort((a, b) => countFormControls(b) - countFormControls(a))[0];
  if (!form) throw new ClubOSMissingFieldError(PAGE, 'the follow-up form');
  return form;
}

function readEntry(entry: HTMLElement, index: number): FollowUpLogEntry {
  const fail = (why: string): ClubOSError => new ClubOSError('parse', `follow-up entry ${index} ${why}`);
  const dateLine = entry.querySelector('.followup-entry-date');
  const note = entry.querySelector('.followup-entry-note');
  if (!dateLine) throw fail('has no date');
  if (!note) throw fail('has no note');
  const header = parseFollowUpEntryHeader(dateLine.text);
  if (!header) throw fail('has a date line that is not "M/D/YY @ hh:mm AM by First L."');
  if (!isValidDate(header.year, header.month, header.day)) throw fail('has a date that does not exist');

  const text = readableText(note);
  const prefix = PREFIX.exec(text);
  const icon = (note.querySelector('img')?.getAttribute('src') ?? '').toLowerCase();
  const iconKind = ICON_KINDS.find(([name]) => icon.includes(name))?.[1];
  const prefixKind = prefix ? PREFIX_KINDS[(prefix[1] ?? '').toLowerCase()] : undefined;
  return {
    ...header,
    kind: iconKind ?? prefixKind ?? 'note',
    body: prefix ? text.slice(prefix[0].length).trimStart() : text,
  };
}
