// A club (simulator on a manual clock), the real client and the real sync stack over a temp
// database file, with one synced owner: what the conversation tests drive. Members text through
// the simulator; `poll()` lets a minute pass and syncs.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Conversation, Message } from '../../common/contract';
import type { SimMember, SimulatorOptions } from '../../main/clubos-simulator';
import type { ClubContext } from '../../main/clubos/types';
import { normalizeForKey } from '../../main/sync/message-key';
import { bootApp, chicago, startClub, tempDir, type App, type Club, type TempDir } from '../sync/sync-rig';

export interface Rig {
  club: Club;
  app: App;
  owner: string;
  dbPath: string;
  context: ClubContext;
  /** Member `i` of the simulated club, with the full name the inbox shows. */
  member(i: number): SimMember & { name: string };
  /** Member `i` texts `body` now (or at `at`). */
  text(i: number, body: string, at?: number): void;
  /** A minute passes; every owner syncs. */
  poll(): Promise<void>;
  /** The conversation of member `i` (by id when the inbox shows ids, else by name). */
  conversationOf(i: number): Conversation;
  messagesOf(conversationId: number): Message[];
  /** Raw message columns the contract does not carry (ai_*, from_*), newest last. */
  rawMessages(conversationId: number): RawMessage[];
  close(): Promise<void>;
}

export interface RawMessage {
  id: number;
  direction: string;
  body: string;
  intent: string | null;
  ai_processed: number;
  ai_confidence_score: number | null;
  ai_action_taken: string | null;
  ai_responded: number;
  ai_response_sent_at: string | null;
  requires_response: number;
  from_member_id: string | null;
  from_member_name: string | null;
  read_at: string | null;
  source: string;
}

export interface RigOptions {
  sim?: Partial<SimulatorOptions>;
  start?: number;
  historyAsRead?: boolean;
  /** Poll once with an empty inbox first, so that later texts are live, not history. */
  importEmptyHistory?: boolean;
}

export const RIG_START = chicago(2026, 12, 7, 9, 0);

export async function conversationRig(options: RigOptions = {}): Promise<Rig> {
  const club = await startClub(options.start ?? RIG_START, { members: 40, ...options.sim });
  const tmp: TempDir = tempDir('frontdesk-conversations-');
  const dbPath = join(tmp.dir, 'frontdesk.sqlite');
  const app = bootApp(club, { dbPath, ...(options.historyAsRead === undefined ? {} : { historyAsRead: options.historyAsRead }) });
  const { sim, clock } = club;
  const owner = sim.loggedInUserId;
  app.db.owners.upsert({ ownerId: owner, name: sim.staff.find((s) => s.id === owner)!.name });
  app.engine.refreshOwners();
  const context = await app.client.getClubContext();
  if (options.importEmptyHistory ?? true) await app.engine.syncNow();

  const member = (i: number): SimMember & { name: string } => {
    const m = sim.members[i]!;
    return { ...m, name: `${m.firstName} ${m.lastName}` };
  };
  const rig: Rig = {
    club,
    app,
    owner,
    dbPath,
    context,
    member,
    text(i, body, at) {
      sim.addInbound({ memberId: member(i).id, body, at: at ?? clock.now() });
    },
    async poll() {
      clock.advance(60_000);
      await app.engine.syncNow();
    },
    conversationOf(i) {
      const m = member(i);
      const c = app.db.conversations.findByMemberId(owner, m.id) ?? app.db.conversations.findByNameKey(owner, normalizeForKey(m.name));
      if (!c) throw new Error(`no conversation for ${m.name}`);
      return c;
    },
    messagesOf: (conversationId) => app.db.messages.page({ conversationId, limit: 500 }).items,
    rawMessages(conversationId) {
      const conn = new Database(dbPath, { readonly: true });
      try {
        return conn
          .prepare(
            `SELECT id, direction, body, intent, ai_processed, ai_confidence_score, ai_action_taken, ai_responded, ai_response_sent_at,
               requires_response, from_member_id, from_member_name, read_at, source
             FROM messages WHERE conversation_id = ? ORDER BY sent_at, id`,
          )
          .all(conversationId) as RawMessage[];
      } finally {
        conn.close();
      }
    },
    async close() {
      await app.shutdown();
      await sim.close();
      tmp.remove();
    },
  };
  return rig;
}
