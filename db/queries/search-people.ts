// People whose name matches a search: every word of the query somewhere in the member's name
// (case-insensitive), one conversation each, most recent first. Shown above the message hits so a
// name query finds the person, not one row per message they sent.
import type { Conversation } from '../../common/contract';
import type { DbContext } from '../db-context';
import { toConversation } from '../rows';
import { CONVERSATION_COLUMNS } from '../sql-fragments';
import type { PeopleQuery } from '../types';
import { clampLimit } from '../validate';

const MAX_WORDS = 6;
const escapeLike = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export function searchPeople(ctx: DbContext, query: PeopleQuery): Conversation[] {
  const words = query.query
    .normalize('NFKC')
    .split(/\s+/u)
    .map((w) => w.trim())
    .filter((w) => w !== '')
    .slice(0, MAX_WORDS);
  if (words.length === 0) return [];
  const limit = Math.min(clampLimit(query.limit, 10), 50);
  const params: Record<string, string | number> = { limit };
  const where = ['c.last_message_at IS NOT NULL'];
  words.forEach((word, i) => {
    where.push(`c.member_name LIKE @w${i} ESCAPE '\\'`);
    params[`w${i}`] = escapeLike(word);
  });
  if (query.ownerId !== undefined) {
    where.push('c.owner_id = @ownerId');
    params.ownerId = query.ownerId;
  }
  const rows = ctx
    .prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE ${where.join(' AND ')} ORDER BY c.last_message_at DESC, c.id DESC LIMIT @limit`)
    .all(params);
  return rows.map(toConversation);
}
