// The gym's knowledge, versioned: every save appends a version; the newest is current. Older
// versions stay, so a bad import can be looked at and undone by saving an older one again.
import { knowledgeSchema, type Knowledge } from '../../common/knowledge';
import type { DbContext } from '../db-context';
import { parseInput } from '../validate';

export interface KnowledgeVersion {
  version: number;
  savedAt: string;
  source: 'edit' | 'import';
  knowledge: Knowledge;
}

export interface KnowledgeQueries {
  /** The newest version; null before staff saved any. A stored version that no longer parses is skipped (logged). */
  current(): KnowledgeVersion | null;
  save(knowledge: Knowledge, source: 'edit' | 'import'): KnowledgeVersion;
  /** Newest first, without the content. */
  versions(limit?: number): Array<Omit<KnowledgeVersion, 'knowledge'>>;
}

interface Row {
  version: number;
  content: string;
  saved_at: string;
  source: 'edit' | 'import';
}

export function knowledgeQueries(ctx: DbContext): KnowledgeQueries {
  const toVersion = (row: Row): KnowledgeVersion | null => {
    const parsed = knowledgeSchema.safeParse(JSON.parse(row.content));
    if (!parsed.success) {
      ctx.logger.warn('a stored knowledge version no longer parses; using an older one', { version: row.version });
      return null;
    }
    return { version: row.version, savedAt: row.saved_at, source: row.source, knowledge: parsed.data };
  };
  return {
    current() {
      const rows = ctx.prepare('SELECT version, content, saved_at, source FROM knowledge_versions ORDER BY version DESC LIMIT 20').all() as Row[];
      for (const row of rows) {
        const v = toVersion(row);
        if (v) return v;
      }
      return null;
    },
    save(knowledge, source) {
      const valid = parseInput(knowledgeSchema, knowledge, 'knowledge');
      const row = ctx
        .prepare('INSERT INTO knowledge_versions (content, saved_at, source) VALUES (?, ?, ?) RETURNING version, content, saved_at, source')
        .get(JSON.stringify(valid), ctx.nowIso(), source) as Row;
      return { version: row.version, savedAt: row.saved_at, source: row.source, knowledge: valid };
    },
    versions(limit = 50) {
      return (ctx.prepare('SELECT version, saved_at, source FROM knowledge_versions ORDER BY version DESC LIMIT ?').all(limit) as Row[]).map((r) => ({
        version: r.version,
        savedAt: r.saved_at,
        source: r.source,
      }));
    },
  };
}
