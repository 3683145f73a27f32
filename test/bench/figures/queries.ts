// Figure 3: what the window asks for, on the large database: a page of 50 conversations for
// each filter, a conversation opened (its 100 newest messages), a conversation marked read,
// and message search newest first. These are the db calls the IPC handlers make.
import Database from 'better-sqlite3';
import { openDatabase } from '../../../db';
import { listFilterSchema } from '../../../common/contract';
import { silentLogger } from '../../../common/log/logger';
import { manualClock } from '../../../common/time/manual-clock';
import { BENCH_NOW } from '../harness/bench-constants';
import { copyBenchDb, RARE_WORD } from '../harness/bench-db';
import { timeRuns, type LatencySummary } from '../harness/latency';
import { progress } from '../harness/progress';
import { withTempDir } from '../harness/temp-dir';

export const QUERY_TARGET_MS = 5;
export const SEARCH_TARGET_MS = 20;

/** A word planted in 25 texts, one in every few texts, prefixes as they are typed, and two words. */
export const SEARCH_TERMS = [
  { kind: 'rare', query: RARE_WORD },
  { kind: 'common', query: 'thanks' },
  { kind: 'prefix', query: 'resch' },
  { kind: 'short prefix', query: 'ca' },
  { kind: 'two words', query: 'key fob' },
] as const;

export interface SearchTiming extends LatencySummary {
  kind: string;
  query: string;
  matches: number;
  hitsOnFirstPage: number;
}

export interface QueriesFigure {
  messages: number;
  conversations: number;
  list: Record<string, LatencySummary & { items: number }>;
  open: LatencySummary & { sampledConversations: number; largestConversationMessages: number };
  markRead: LatencySummary;
  search: SearchTiming[];
  target: string;
  met: boolean;
}

export async function measureQueries(cachedPath: string, runs: number): Promise<QueriesFigure> {
  return withTempDir('queries', (dir) => {
    const path = copyBenchDb(cachedPath, dir);
    const { db } = openDatabase(path, { logger: silentLogger, clock: manualClock(BENCH_NOW) });
    // A read-only side connection picks samples and counts matches; nothing it does is timed.
    const side = new Database(path, { readonly: true });
    try {
      const messages = Number(side.prepare('SELECT count(*) FROM messages').pluck().get());
      const conversations = Number(side.prepare('SELECT count(*) FROM conversations').pluck().get());

      progress(`queries: list, ${runs} runs per filter`);
      const list: QueriesFigure['list'] = {};
      for (const filter of listFilterSchema.options) {
        let items = 0;
        const timing = timeRuns(runs, () => {
          items = db.conversations.list({ filter, limit: 50, now: BENCH_NOW }).items.length;
        });
        list[filter] = { ...timing, items };
      }

      progress('queries: open a conversation');
      const largest = side.prepare('SELECT conversation_id AS id, count(*) AS n FROM messages GROUP BY conversation_id ORDER BY n DESC LIMIT 10').all() as Array<{ id: number; n: number }>;
      const spread = side.prepare('SELECT id FROM conversations ORDER BY (id * 2654435761) % 4294967296 LIMIT ?').pluck().all(runs) as number[];
      const openIds = [...largest.map((c) => c.id), ...spread];
      const open = timeRuns(runs, (run) => {
        const id = openIds[(run + openIds.length) % openIds.length]!;
        if (db.messages.page({ conversationId: id, limit: 100 }).items.length === 0) throw new Error(`conversation ${id} opened empty`);
      });

      progress('queries: mark read');
      const unreadIds = side.prepare('SELECT id FROM conversations WHERE unread_count > 0 ORDER BY last_message_at DESC LIMIT ?').pluck().all(runs + 1) as number[];
      if (unreadIds.length < runs + 1) throw new Error(`only ${unreadIds.length} unread conversations to mark read`);
      const markRead = timeRuns(runs, (run) => {
        if (db.conversations.markRead(unreadIds[run + 1]!).unreadCount !== 0) throw new Error('mark read left messages unread');
      });

      progress('queries: search');
      const search = SEARCH_TERMS.map(({ kind, query }): SearchTiming => {
        let hits = 0;
        const timing = timeRuns(runs, () => {
          hits = db.search({ query }).hits.length;
        });
        const match = query
          .split(/\s+/)
          .map((w, i, all) => `"${w}"${i === all.length - 1 ? ' *' : ''}`)
          .join(' ');
        const matches = Number(side.prepare('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(match));
        return { kind, query, matches, hitsOnFirstPage: hits, ...timing };
      });

      const listMet = Object.values(list).every((t) => t.p95Ms < QUERY_TARGET_MS);
      const met = listMet && open.p95Ms < QUERY_TARGET_MS && markRead.p95Ms < QUERY_TARGET_MS && search.every((s) => s.p95Ms < SEARCH_TARGET_MS);
      return {
        messages,
        conversations,
        list,
        open: { ...open, sampledConversations: openIds.length, largestConversationMessages: largest[0]?.n ?? 0 },
        markRead,
        search,
        target: `p95 < ${QUERY_TARGET_MS} ms (list, open, mark read), < ${SEARCH_TARGET_MS} ms (search)`,
        met,
      };
    } finally {
      side.close();
      db.close();
    }
  });
}
