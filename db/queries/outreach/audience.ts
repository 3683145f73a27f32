// Who a campaign can be addressed to from the local inbox: conversations by status, tag and intent.
import type { ConversationStatus } from '../../../common/contract';
import type { DbContext } from '../../db-context';

export interface AudienceFilter {
  statuses?: readonly ConversationStatus[];
  tag?: string;
  intent?: string;
  ownerId?: string;
}

export interface AudienceMember {
  conversationId: number;
  memberId: string | null;
  memberName: string;
  optedOut: boolean;
}

export interface AudienceQueries {
  /** Newest activity first, at most `limit`. */
  matching(filter: AudienceFilter, limit: number): AudienceMember[];
  /** The newest conversation with this member in any synced inbox. */
  byMemberId(memberId: string): AudienceMember | null;
}

interface Row {
  id: number;
  member_id: string | null;
  member_name: string;
  opted_out: number;
}

const toMember = (r: Row): AudienceMember => ({ conversationId: r.id, memberId: r.member_id, memberName: r.member_name, optedOut: r.opted_out === 1 });

export function audienceQueries(ctx: DbContext): AudienceQueries {
  return {
    matching(filter, limit) {
      const where = ['c.last_message_at IS NOT NULL'];
      const params: Array<string | number> = [];
      if (filter.statuses && filter.statuses.length > 0) {
        where.push(`c.conversation_status IN (${filter.statuses.map(() => '?').join(', ')})`);
        params.push(...filter.statuses);
      }
      if (filter.tag !== undefined) {
        where.push('c.id IN (SELECT t.conversation_id FROM conversation_tags t WHERE t.tag = ?)');
        params.push(filter.tag);
      }
      if (filter.intent !== undefined) {
        where.push('c.intent = ?');
        params.push(filter.intent);
      }
      if (filter.ownerId !== undefined) {
        where.push('c.owner_id = ?');
        params.push(filter.ownerId);
      }
      const sql = `SELECT c.id, c.member_id, c.member_name, c.opted_out FROM conversations c WHERE ${where.join(' AND ')}
        ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`;
      return (ctx.prepare(sql).all(...params, Math.max(1, Math.min(limit, 10_000))) as Row[]).map(toMember);
    },
    byMemberId(memberId) {
      const r = ctx
        .prepare('SELECT c.id, c.member_id, c.member_name, c.opted_out FROM conversations c WHERE c.member_id = ? ORDER BY c.last_message_at DESC LIMIT 1')
        .get(memberId) as Row | undefined;
      return r ? toMember(r) : null;
    },
  };
}
