// The database as the rest of the app sees it: query groups over one connection. No SQL leaves
// db/; callers compose writes with `transaction`.
import type { WriteTurn } from './write-turn';
import type { Logger } from '../common/log/logger';
import type { Clock } from '../common/time/clock';
import { createContext } from './db-context';
import { actionLogQueries, type ActionLogQueries } from './queries/action-log';
import { assistantDraftQueries, type AssistantDraftQueries } from './queries/assistant-drafts';
import { conversationQueries, type ConversationQueries } from './queries/conversations';
import { knowledgeQueries, type KnowledgeQueries } from './queries/knowledge';
import { messageQueries, type MessageQueries } from './queries/messages';
import { ownerQueries, type OwnerQueries } from './queries/owners';
import { outreachQueries, type OutreachQueries } from './queries/outreach';
import { reportQueries, type ReportQueries } from './queries/reports';
import { searchMessages } from './queries/search';
import { settingsQueries, type SettingsQueries } from './queries/settings';
import { statementCache, type Connection } from './statements';
import type { PeopleQuery, SearchQuery } from './types';
import type { Conversation, SearchHit } from '../common/contract';
import { searchPeople } from './queries/search-people';
import { teamQueries, type TeamQueries } from './queries/team';

export interface FrontdeskDb {
  /** The file ('' for `:memory:`). */
  readonly path: string;
  readonly messages: MessageQueries;
  readonly conversations: ConversationQueries;
  readonly owners: OwnerQueries;
  readonly settings: SettingsQueries;
  /** Outbox, scheduled items, campaigns, the outreach log and attention marks (main/outreach). */
  readonly outreach: OutreachQueries;
  /** The gym's knowledge, versioned (used from the app database). */
  readonly knowledge: KnowledgeQueries;
  /** The assistant's drafts: suggestions and the approval queue. */
  readonly drafts: AssistantDraftQueries;
  /** Append-only log of every assistant (and sending) step. */
  readonly actionLog: ActionLogQueries;
  /** What response-time reports are computed from (requests, replies, resolves, waiting now). */
  readonly reports: ReportQueries;
  /** Team mode's local side: me, notes, assignment, per-staff reads, the team outbox (migration 008). */
  readonly team: TeamQueries;
  search(query: SearchQuery): { hits: SearchHit[]; nextCursor: string | null; total?: number };
  /** Members whose name matches, one conversation each (db/queries/search-people.ts). */
  searchPeople(query: PeopleQuery): Conversation[];
  /**
   * Runs `fn` in one transaction; nested calls (every write here nests) become savepoints, so a
   * poll's messages and its owner sync state commit together. `fn` must be synchronous.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Shares writes with the sync worker's connection to the same file (db/write-turn.ts): this
   * connection's writes take their turn, and no commit runs a checkpoint (the worker runs them
   * between its transactions, where they hold up nobody: checkpoint()). Null ends the sharing.
   */
  shareWrites(turn: WriteTurn | null): void;
  /** True while another connection waits for this one's write transaction to end (see shareWrites). */
  writeWaiting(): boolean;
  /**
   * Runs `work` in this connection's write turn, waited for without blocking the thread (the
   * main thread's side of shared writes: WriteTurn.reserve): its writes then never wait for the
   * worker. Only `work`'s synchronous part holds the turn; a promise it returns is not waited
   * for inside it (the worker would stand still meanwhile). Without shared writes it just runs.
   */
  inWriteTurn<T>(work: () => T | Promise<T>): Promise<T>;
  /** Copies what the write-ahead log holds into the file if no reader needs it (PASSIVE). */
  checkpoint(): void;
  /** Lets SQLite refresh its statistics, then closes. Idempotent. */
  close(): void;
}

export function createFrontdeskDb(conn: Connection, options: { path: string; clock: Clock; logger: Logger }): FrontdeskDb {
  const ctx = createContext(conn, statementCache(conn), options.clock, options.logger);
  return {
    path: options.path,
    messages: messageQueries(ctx),
    conversations: conversationQueries(ctx),
    owners: ownerQueries(ctx),
    settings: settingsQueries(ctx),
    outreach: outreachQueries(ctx),
    knowledge: knowledgeQueries(ctx),
    drafts: assistantDraftQueries(ctx),
    actionLog: actionLogQueries(ctx),
    reports: reportQueries(ctx),
    team: teamQueries(ctx),
    search: (query) => searchMessages(ctx, query),
    searchPeople: (query) => searchPeople(ctx, query),
    transaction: ctx.transaction,
    shareWrites(turn) {
      ctx.setWriteTurn(turn);
      // A checkpoint run by a commit runs inside that writer's turn and would hold up the other
      // side for as long as it copies; while writes are shared, checkpoints run between
      // transactions instead (checkpoint()).
      conn.pragma(`wal_autocheckpoint = ${turn === null ? 1000 : 0}`);
    },
    writeWaiting: () => ctx.writeWaiting(),
    async inWriteTurn(work) {
      const turn = ctx.writeTurn();
      if (turn === null || turn.role !== 'main' || conn.inTransaction) return work();
      const release = await turn.reserve();
      try {
        // Not awaited here: the turn covers the synchronous part only (see the interface).
        return work();
      } finally {
        release();
      }
    },
    checkpoint() {
      conn.pragma('wal_checkpoint(PASSIVE)');
    },
    close() {
      if (!conn.open) return;
      try {
        conn.pragma('optimize');
      } catch (error) {
        options.logger.warn('PRAGMA optimize failed at close', { error });
      }
      conn.close();
    },
  };
}
