// Tags live in conversation_tags with their source: `manual` ones are the user's, the `auto` one
// mirrors the conversation's intent, so reclassifying never touches what the user set. The
// original `tags` column stays as a JSON mirror of both, sorted, for readers of the old shape.
import type { DbContext } from '../db-context';
import { DbError } from '../errors';

export type TagSource = 'manual' | 'auto';

export function normalizeTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag.length === 0 || tag.length > 60) throw new DbError('invalid_argument', 'tags: each tag is 1–60 characters');
    out.add(tag);
  }
  return [...out];
}

/**
 * Makes the conversation's tags of this source exactly `tags`, touching only the ones that change:
 * each row added or removed is one change the team shares (migration 007's triggers), so a tag
 * kept is never sent as removed and added again.
 */
export function replaceTags(ctx: DbContext, conversationId: number, source: TagSource, tags: readonly string[]): void {
  const want = new Set(tags);
  const have = new Set(tagsOf(ctx, conversationId, source));
  const remove = ctx.prepare('DELETE FROM conversation_tags WHERE conversation_id = ? AND tag = ? AND source = ?');
  for (const tag of have) if (!want.has(tag)) remove.run(conversationId, tag, source);
  const insert = ctx.prepare('INSERT INTO conversation_tags (conversation_id, tag, source) VALUES (?, ?, ?)');
  for (const tag of want) if (!have.has(tag)) insert.run(conversationId, tag, source);
  refreshTagMirror(ctx, conversationId);
}

/** Rewrites the JSON `tags` column from conversation_tags (only when it changed). */
export function refreshTagMirror(ctx: DbContext, conversationId: number): void {
  const mirror = JSON.stringify(tagsOf(ctx, conversationId));
  ctx
    .prepare('UPDATE conversations SET tags = ?, updated_at = ? WHERE id = ? AND tags <> ?')
    .run(mirror, ctx.nowIso(), conversationId, mirror);
}

export function tagsOf(ctx: DbContext, conversationId: number, source?: TagSource): string[] {
  const rows =
    source === undefined
      ? ctx.prepare('SELECT DISTINCT tag FROM conversation_tags WHERE conversation_id = ?').pluck().all(conversationId)
      : ctx
          .prepare('SELECT tag FROM conversation_tags WHERE conversation_id = ? AND source = ?')
          .pluck()
          .all(conversationId, source);
  // Sorted in JS so every reader of the mirror agrees on one order.
  return rows.map(String).sort();
}
