import type { ClubOSId } from '../../../common/clubos-id';
import type { InboxLabel } from './inbox-label';

/** One `li` of the inbox fragment as the page shows it, before its label is given a date. */
export interface InboxPageRow {
  senderName: string;
  memberId: ClubOSId | null;
  body: string;
  label: string;
  parsedLabel: InboxLabel;
}
