import type { InboxRow } from '../types';
import type { InboxLabel } from './inbox-label';

/** One `li` of the inbox fragment as the page shows it, before its label is given a date and a position. */
export type InboxPageRow = Omit<InboxRow, 'localDate' | 'localTime' | 'position'> & { parsedLabel: InboxLabel };
