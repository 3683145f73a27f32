// Grouping: which conversation a message belongs to. One per (owner, member id) when ClubOS gave
// the member's id, else one per (owner, normalized name) until the id is learnt; learning it
// attaches the name-keyed conversation to the member, merging it into the member's conversation
// when there already is one. Two members of the same name are never guessed between.
import { z } from 'zod';
import { clubosIdSchema } from '../../common/clubos-id';
import type { Conversation } from '../../common/contract';
import type { DbContext } from '../db-context';
import { DbError } from '../errors';
import { toConversation } from '../rows';
import { CONVERSATION_COLUMNS } from '../sql-fragments';
import type { ConversationKey } from '../types';
import { parseInput } from '../validate';
import { mergeConversations } from './merge';

const keySchema = z.object({
  ownerId: clubosIdSchema,
  memberId: clubosIdSchema.nullable(),
  memberName: z.string(),
  nameKey: z.string().min(1),
});

const memberKey = (ownerId: string, memberId: string): string => `${ownerId}/m/${memberId}`;
const nameKeyOf = (ownerId: string, nameKey: string): string => `${ownerId}/n/${nameKey}`;

export interface ConversationGrouping {
  findByMemberId(ownerId: string, memberId: string): Conversation | null;
  findByNameKey(ownerId: string, nameKey: string): Conversation | null;
  findOrCreate(key: ConversationKey): { id: number; created: boolean };
  attachMemberId(conversationId: number, memberId: string): number;
}

export function conversationGrouping(
  ctx: DbContext,
  { get, getOrThrow }: { get: (id: number) => Conversation | null; getOrThrow: (id: number) => Conversation },
): ConversationGrouping {
  const byKey = (key: string): Conversation | null => {
    const row = ctx.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.conversation_id = ?`).get(key);
    return row === undefined ? null : toConversation(row);
  };

  function findByNameKey(ownerId: string, nameKey: string): Conversation | null {
    const unattached = byKey(nameKeyOf(ownerId, nameKey));
    if (unattached) return unattached;
    const ids = ctx
      .prepare('SELECT id FROM conversations WHERE owner_id = ? AND name_key = ? AND member_id IS NOT NULL LIMIT 2')
      .pluck()
      .all(ownerId, nameKey) as number[];
    return ids.length === 1 ? get(ids[0]!) : null;
  }

  function findOrCreate(key: ConversationKey): { id: number; created: boolean } {
    const k = parseInput(keySchema, key, 'conversation key');
    return ctx.transaction(() => {
      const found = k.memberId !== null ? byKey(memberKey(k.ownerId, k.memberId)) : findByNameKey(k.ownerId, k.nameKey);
      if (found) return { id: found.id, created: false };
      const owner: unknown = ctx.prepare('SELECT 1 FROM owners WHERE owner_id = ?').pluck().get(k.ownerId);
      if (owner === undefined) throw new DbError('invalid_argument', `owner ${k.ownerId} is not registered`);
      const now = ctx.nowIso();
      const result = ctx
        .prepare(
          `INSERT INTO conversations (conversation_id, owner_id, member_id, member_name, name_key, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          k.memberId !== null ? memberKey(k.ownerId, k.memberId) : nameKeyOf(k.ownerId, k.nameKey),
          k.ownerId,
          k.memberId,
          k.memberName,
          k.nameKey,
          now,
          now,
        );
      return { id: Number(result.lastInsertRowid), created: true };
    });
  }

  function attachMemberId(conversationId: number, memberId: string): number {
    const id = parseInput(clubosIdSchema, memberId, 'memberId');
    return ctx.transaction(() => {
      const c = getOrThrow(conversationId);
      if (c.memberId === id) return c.id;
      if (c.memberId !== null) throw new DbError('invalid_argument', `conversation ${c.id} already belongs to member ${c.memberId}`);
      const existing = byKey(memberKey(c.ownerId, id));
      if (existing) return mergeConversations(ctx, c.id, existing.id);
      ctx
        .prepare('UPDATE conversations SET member_id = ?, conversation_id = ?, updated_at = ? WHERE id = ?')
        .run(id, memberKey(c.ownerId, id), ctx.nowIso(), c.id);
      return c.id;
    });
  }

  return {
    findByMemberId: (ownerId, memberId) => byKey(memberKey(ownerId, memberId)),
    findByNameKey,
    findOrCreate,
    attachMemberId,
  };
}
