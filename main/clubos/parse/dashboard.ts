// The dashboard: the club context comes from the `window.recentLeadsListViewData` JSON the page
// embeds, the readable inboxes from `select#messages-owner-select`.
import type { HTMLElement } from 'node-html-parser';
import { z } from 'zod';
import { assertTimeZone } from '../../../common/time/club-time';
import { ClubOSError } from '../../../common/errors/clubos-error';
import type { ClubContext } from '../types';
import { collapsedText, parseHtml, rejectLoginPage } from './html-document';
import { readAssignedJson } from './script-json';

const VIEW_DATA = 'window.recentLeadsListViewData';

// ClubOS ids are numeric; the JSON may carry them as numbers or strings.
const id = z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative().transform(String)]);

const knownTimeZone = z.string().refine((zone) => {
  try {
    assertTimeZone(zone);
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');

const viewDataSchema = z.object({
  loggedInUserId: id,
  actingUser: z.object({ id, name: z.string().trim().min(1), clubId: id }),
  clubLocationId: id,
  timeZoneId: knownTimeZone,
  clubLocationList: z.array(z.object({ id, name: z.string().trim() })),
  clubEmployeesList: z.array(z.object({ id, name: z.string().trim().min(1) })),
});

export function parseDashboard(html: string): ClubContext {
  const root = parseHtml(html, 'the dashboard');
  rejectLoginPage(root, 'the dashboard');
  const script = root.querySelectorAll('script').find((s) => s.rawText.includes(VIEW_DATA));
  if (!script) throw new ClubOSError('parse', `the dashboard has no ${VIEW_DATA}`);
  const parsed = viewDataSchema.safeParse(readAssignedJson(script.rawText, VIEW_DATA, 'the dashboard'));
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new ClubOSError('parse', `the dashboard's view data does not fit (${where})`, undefined, { cause: parsed.error });
  }
  const data = parsed.data;
  return {
    clubId: data.actingUser.clubId,
    clubLocationId: data.clubLocationId,
    timeZone: data.timeZoneId,
    loggedInUserId: data.loggedInUserId,
    loggedInUserName: data.actingUser.name,
    staff: data.clubEmployeesList.map((e) => ({ id: e.id, name: e.name })),
    locations: data.clubLocationList.map((l) => ({ id: l.id, name: l.name })),
    owners: readOwners(root),
  };
}

function readOwners(root: HTMLElement): ClubContext['owners'] {
  const select = root.querySelector('select#messages-owner-select');
  if (!select) throw new ClubOSError('parse', 'the dashboard has no messages owner select');
  const owners: ClubContext['owners'] = [];
  for (const option of select.querySelectorAll('option')) {
    const value = (option.getAttribute('value') ?? '').trim();
    if (!/^\d{1,12}$/.test(value)) throw new ClubOSError('parse', 'an inbox owner option has no ClubOS id');
    const group = option.closest('optgroup')?.getAttribute('label') ?? '';
    owners.push({ id: value, name: collapsedText(option), kind: /club/i.test(group) ? 'location' : 'employee' });
  }
  if (owners.length === 0) throw new ClubOSError('parse', 'the messages owner select is empty');
  return owners;
}
