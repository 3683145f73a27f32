// Builds a campaign's recipient list from its source: conversations by status/tag/intent, members
// picked through ClubOS search, or a CSV. Known opt-outs and rows that name nobody start skipped
// with the reason; a member listed twice is kept once.
import type { CampaignSource } from '../../common/contract';
import type { FrontdeskDb, NewRecipient } from '../../db';
import type { ClubOSClient } from '../clubos/types';
import { parseRecipientCsv } from './csv-recipients';

export const MAX_RECIPIENTS = 5_000;
const OPTED_OUT = 'opted out of texts (texted STOP)';

export interface Audience {
  recipients: NewRecipient[];
  /** How staff chose them, for the campaign's record. */
  description: string;
}

export async function buildAudience(source: CampaignSource, db: FrontdeskDb, client: ClubOSClient): Promise<Audience> {
  const known = (memberId: string): Pick<NewRecipient, 'conversationId' | 'skipReason'> & { name: string | null } => {
    const c = db.outreach.audience.byMemberId(memberId);
    return { conversationId: c?.conversationId ?? null, skipReason: c?.optedOut ? OPTED_OUT : null, name: c?.memberName ?? null };
  };
  const lookUp = async (name: string): Promise<{ id: string; name: string } | null> => {
    const found = await client.searchMember(name);
    return found ? { id: found.id, name: found.fullName || name } : null;
  };

  let recipients: NewRecipient[] = [];
  let description: string;
  if (source.kind === 'conversations') {
    const matching = db.outreach.audience.matching(
      { ...(source.statuses ? { statuses: source.statuses } : {}), ...(source.tag ? { tag: source.tag } : {}), ...(source.intent ? { intent: source.intent } : {}) },
      MAX_RECIPIENTS,
    );
    for (const m of matching) {
      let memberId = m.memberId;
      let reason: string | null = m.optedOut ? OPTED_OUT : null;
      if (memberId === null && reason === null) {
        const found = await lookUp(m.memberName);
        if (found) memberId = found.id;
        else reason = `ClubOS has no member named "${m.memberName}"`;
      }
      recipients.push({ memberId, memberName: m.memberName, conversationId: m.conversationId, skipReason: reason });
    }
    const parts = [source.statuses?.length ? `status ${source.statuses.join(' or ')}` : null, source.tag ? `tag "${source.tag}"` : null, source.intent ? `intent ${source.intent}` : null].filter(Boolean);
    description = `Conversations${parts.length ? ` with ${parts.join(', ')}` : ''}`;
  } else if (source.kind === 'members') {
    for (const m of source.members) {
      const k = known(m.id);
      recipients.push({ memberId: m.id, memberName: m.name || k.name || '', conversationId: k.conversationId, skipReason: k.skipReason });
    }
    description = `${source.members.length} member${source.members.length === 1 ? '' : 's'} picked from ClubOS search`;
  } else {
    const rows = parseRecipientCsv(source.text);
    for (const row of rows) {
      if (row.memberId !== null) {
        const k = known(row.memberId);
        recipients.push({ memberId: row.memberId, memberName: row.name ?? k.name ?? '', phone: row.phone, conversationId: k.conversationId, skipReason: k.skipReason });
      } else if (row.name !== null) {
        const found = await lookUp(row.name);
        const k = found ? known(found.id) : null;
        recipients.push({
          memberId: found?.id ?? null,
          memberName: row.name,
          phone: row.phone,
          conversationId: k?.conversationId ?? null,
          skipReason: found ? (k?.skipReason ?? null) : `row ${row.row}: ClubOS has no member named "${row.name}"`,
        });
      } else if (row.phone !== null) {
        recipients.push({ memberId: null, memberName: row.phone, phone: row.phone, skipReason: `row ${row.row}: a phone number alone cannot be matched to a ClubOS member; add a name or id column` });
      } else {
        recipients.push({ memberId: null, memberName: `(row ${row.row})`, skipReason: `row ${row.row}: names nobody` });
      }
    }
    description = `CSV with ${rows.length} row${rows.length === 1 ? '' : 's'}`;
  }

  const seen = new Set<string>();
  const before = recipients.length;
  recipients = recipients.filter((r) => r.memberId === null || (!seen.has(r.memberId) && (seen.add(r.memberId), true)));
  const duplicates = before - recipients.length;
  if (duplicates > 0) description += ` (${duplicates} duplicate${duplicates === 1 ? '' : 's'} left out)`;
  if (recipients.length > MAX_RECIPIENTS) {
    description += ` (only the first ${MAX_RECIPIENTS} of ${recipients.length} taken)`;
    recipients = recipients.slice(0, MAX_RECIPIENTS);
  }
  return { recipients, description };
}
