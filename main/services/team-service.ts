// Team mode as staff use it: who "me" is, internal notes, assignment (never a silent steal),
// presence ("Jordan is replying"), the collision check before a send, per-staff read marks, and
// joining or leaving a team. Everything here works on a desk alone; with a team configured the
// link (main/team/team-link.ts) carries the changes the local tables capture to the other desks
// and brings theirs back.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type {
  CampaignView,
  Collision,
  Conversation,
  ConversationTeam,
  InternalNote,
  Presence,
  StaffMember,
  TeamStaff,
  TeamStatus,
} from '../../common/contract';
import { AppError } from '../../common/errors/app-error';
import type { EventBus } from '../../common/event-bus';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import type { FrontdeskDb } from '../../db';
import { describeServer, parseConnectionString } from '../team/connection-string';
import type { TeamLink, TeamLinkFactory, TeamLinkStatus } from '../team/team-link';
import type { Lease, PresenceSignal, ResponseEvent } from '../team/types';
import type { Session } from './account-session';
import type { ConversationEvents } from './change-feed';
import type { SecretStore } from './secret-store';

/** A presence lasts this long without a renewal (the window renews every ~5 s). */
export const PRESENCE_TTL_MS = 15_000;
/** A reply by someone else this recent asks for confirmation before sending. */
export const COLLISION_WINDOW_MS = 60_000;
const DISPLAY_NAMES_KEY = 'team.displayNames';
const DESK_ID_KEY = 'team.deskId';

export interface TeamService {
  status(): TeamStatus;
  /** Joins the team at `connectionString` (stored as a secret) or leaves it (null). */
  configure(connectionString: string | null): Promise<TeamStatus>;
  test(connectionString?: string): Promise<{ ok: boolean; message: string; serverVersion: string | null }>;
  setStaffName(name: string): TeamStatus;
  staff(): Promise<TeamStaff[]>;
  me(): StaffMember;
  addNote(conversationId: number, body: string): InternalNote;
  notes(conversationId: number): InternalNote[];
  assign(conversationId: number, to: { kind: 'me' } | { kind: 'staff'; staffId: string } | { kind: 'nobody' }, takeOver: boolean): Promise<Conversation>;
  setPresence(conversationId: number, state: 'viewing' | 'replying' | 'none'): void;
  presence(conversationId: number): Presence[];
  conversationTeam(conversationId: number): ConversationTeam;
  /** What a reply now would collide with, or null. */
  collision(conversationId: number): Collision | null;
  /** Refuses with `confirm_needed` when a reply now would collide. */
  assertNoCollision(conversationId: number): void;
  /** Records me as the author of a reply this desk sent. */
  recordAuthor(messageId: number): void;
  /** For reports: the team store's response events in [from, to); null when not online in a team. */
  responseEvents(range: { from: string; to: string }): Promise<ResponseEvent[] | null>;
  /** Whether this desk should poll the inbox itself (alone, offline, or holding its lease). */
  shouldPoll(ownerId: string): boolean;
  /** True while a team link decides which inboxes this desk polls (sync-control.ts asks). */
  drivesPolling(): boolean;
  setPaused(paused: boolean): void;
  paused(): boolean;
  /** A campaign of this desk changed: its progress goes to the team. */
  campaignChanged(campaign: CampaignView): void;
  /** Other desks' campaigns, as they last reported them. */
  teamCampaigns(): Array<{ deskId: string; staff: StaffMember | null; campaign: Record<string, unknown>; updatedAt: string }>;
  /** Tests and the soak: resolves when everything captured is pushed and everything in the store applied. */
  flush(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface TeamServiceDeps {
  session: () => Session;
  /** App-wide settings live in the app database (display names, the desk id). */
  appDb: FrontdeskDb;
  changes: ConversationEvents;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** Where the connection string is kept (safeStorage in the shell). */
  secret: SecretStore;
  /** Builds the link to a team store; absent: team mode cannot be turned on (tests of the desk alone). */
  link?: TeamLinkFactory;
  /** The poll interval in seconds (leases last about one interval). */
  intervalSeconds: () => number;
}

type PresenceEntry = { staff: StaffMember; state: 'viewing' | 'replying'; expiresAt: number; deskId: string };

export function createTeamService(deps: TeamServiceDeps): TeamService {
  const { clock, events } = deps;
  const log = deps.logger.scope('team');
  const db = (): FrontdeskDb => deps.session().db;
  let link: TeamLink | null = null;
  let linkStatus: TeamLinkStatus | null = null;
  let configured = false;
  let started = false;
  // Others' presence, by conversation grouping key, then desk.
  const presenceByKey = new Map<string, Map<string, PresenceEntry>>();
  let presenceSweep: ReturnType<typeof setInterval> | null = null;

  const deskId = (): string => {
    // Per database: a fresh database (the demo's is new at every start) is a new desk, so the
    // store's (desk, outbox seq) de-duplication never mistakes new entries for old ones.
    const current = db();
    let id = current.settings.get(DESK_ID_KEY, zString);
    if (id === undefined) {
      id = randomUUID();
      current.settings.set(DESK_ID_KEY, id);
    }
    return id;
  };

  const displayNames = (): Record<string, string> => deps.appDb.settings.get(DISPLAY_NAMES_KEY, zRecord) ?? {};

  function me(): StaffMember {
    const session = deps.session();
    const id = (session.username ?? 'demo').trim().toLowerCase();
    const name = displayNames()[id] ?? session.username ?? 'Demo desk';
    return { id, name };
  }

  /** Keeps the session database's idea of "me" (the triggers stamp it) in step. */
  function syncIdentity(): StaffMember {
    const who = me();
    const stored = db().team.identity();
    if (stored?.id !== who.id || stored.name !== who.name) db().team.setIdentity(who);
    return who;
  }

  const getConversation = (id: number): Conversation => {
    const c = db().conversations.get(id);
    if (!c) throw new AppError('not_found', `Conversation ${id} does not exist.`);
    return c;
  };

  function status(): TeamStatus {
    const current = db();
    const who = syncIdentity();
    const s = linkStatus;
    return {
      state: configured ? (s?.state ?? 'connecting') : 'off',
      server: configured ? (s?.server ?? null) : null,
      lastError: configured ? (s?.lastError ?? null) : null,
      pendingOutbox: current.team.capturing() ? current.team.outbox.count() : 0,
      lastSyncAt: s?.lastSyncAt === null || s === null ? null : new Date(s.lastSyncAt).toISOString(),
      me: who,
      deskId: deskId(),
      pollers: configured && s ? s.leases.map((l) => pollerView(l)) : [],
      secretStorage: secretLevel,
    };
  }
  let secretLevel: TeamStatus['secretStorage'] = 'os';

  const pollerView = (lease: Lease): TeamStatus['pollers'][number] => ({
    ownerId: lease.ownerId,
    deskId: lease.deskId,
    staff: lease.staff,
    thisDesk: lease.deskId === deskId(),
    until: new Date(lease.expiresAt).toISOString(),
  });

  // Every exchange with the store reports its status; the window hears of it only when something
  // it shows changed (not the time of the last exchange alone, nor a lease renewed to a later time).
  let lastEmitted = '';
  const emitStatus = (): void => {
    try {
      const next = status();
      const shown = JSON.stringify({ ...next, lastSyncAt: null, pollers: next.pollers.map((p) => ({ ...p, until: null })) });
      if (shown === lastEmitted) return;
      lastEmitted = shown;
      events.emit({ type: 'teamStatusChanged', status: next });
    } catch (error) {
      log.warn('could not report the team status', { error });
    }
  };

  // -- presence ------------------------------------------------------------------------------

  function presenceOf(key: string, conversationId: number): Presence[] {
    const now = clock.now();
    const entries = presenceByKey.get(key);
    if (!entries) return [];
    const mine = me().id;
    return [...entries.values()]
      .filter((e) => e.expiresAt > now && e.staff.id !== mine)
      .map((e) => ({ conversationId, staff: e.staff, state: e.state, expiresAt: new Date(e.expiresAt).toISOString() }));
  }

  function emitPresence(key: string): void {
    const c = db().team.conversationByKey(key);
    if (!c) return;
    events.emit({ type: 'presenceChanged', conversationId: c.id, presence: presenceOf(key, c.id) });
  }

  function receivePresence(signal: PresenceSignal): void {
    if (signal.deskId === deskIdCache) return;
    let entries = presenceByKey.get(signal.key);
    if (signal.state === 'none') {
      if (!entries?.delete(signal.deskId)) return;
    } else {
      if (!entries) presenceByKey.set(signal.key, (entries = new Map<string, PresenceEntry>()));
      entries.set(signal.deskId, { staff: signal.staff, state: signal.state, expiresAt: clock.now() + signal.ttlMs, deskId: signal.deskId });
    }
    emitPresence(signal.key);
  }

  function sweepPresence(): void {
    const now = clock.now();
    for (const [key, entries] of presenceByKey) {
      let changed = false;
      for (const [desk, entry] of entries) {
        if (entry.expiresAt <= now) {
          entries.delete(desk);
          changed = true;
        }
      }
      if (entries.size === 0) presenceByKey.delete(key);
      if (changed) emitPresence(key);
    }
  }
  let deskIdCache = '';

  // -- polling: in team mode one desk polls each inbox (its lease); this drives the engine through
  // syncNow only, at the poll interval, for the inboxes this desk holds.
  let pollPaused = false;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let linkedDb: FrontdeskDb | null = null;

  function pollTick(): void {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
    if (!link) return;
    if (!pollPaused) {
      const session = deps.session();
      for (const owner of session.db.owners.list()) {
        if (!owner.enabled || !link.pollsOwner(owner.ownerId)) continue;
        session.engine.syncNow(owner.ownerId).catch((error: unknown) => log.warn('poll failed', { owner: owner.ownerId, error }));
      }
    }
    pollTimer = setTimeout(pollTick, Math.max(5, deps.intervalSeconds()) * 1000);
    pollTimer.unref?.();
  }

  // -- the link ------------------------------------------------------------------------------

  async function openLink(connectionString: string): Promise<void> {
    if (!deps.link) throw new AppError('unavailable', 'This build of Frontdesk cannot join a team.');
    const current = db();
    syncIdentity();
    deskIdCache = deskId();
    current.team.setCapturing(true);
    linkedDb = current;
    // From now on the team decides which desk polls which inbox.
    await deps.session().engine.stop();
    link = deps.link({
      connectionString,
      deskId: deskIdCache,
      db: current,
      me: () => me(),
      clock,
      logger: deps.logger,
      leaseMs: () => Math.max(5, deps.intervalSeconds()) * 1000,
      ownerIds: () => current.owners.list().filter((o) => o.enabled).map((o) => o.ownerId),
      onStatus(next) {
        linkStatus = next;
        emitStatus();
      },
      onApplied(effects) {
        for (const id of effects.updatedConversationIds) {
          const c = current.conversations.get(id);
          if (c) deps.changes.updated(current, c);
        }
        for (const added of effects.messagesAdded) {
          deps.changes.messagesAdded(current, { ...added, quiet: added.quiet, remote: true });
        }
        for (const [conversationId, notes] of effects.notesAdded) events.emit({ type: 'notesAdded', conversationId, notes });
        for (const conflict of effects.conflicts) events.emit({ type: 'teamConflict', ...conflict });
        if (effects.staffChanged) void staff().then((list) => events.emit({ type: 'staffChanged', staff: list }), () => undefined);
      },
      onPresence: receivePresence,
      onLeasesChanged: () => pollTick(),
    });
    link.start();
    pollTick();
  }

  async function closeLink(): Promise<void> {
    const open = link;
    link = null;
    linkStatus = null;
    linkedDb = null;
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
    if (open) {
      await open.close();
      // Alone again: the engine polls every inbox itself, unless staff paused polling.
      if (started && !pollPaused) deps.session().engine.start();
    }
  }

  /** After a sign-in or sign-out the session (and its database) changed: the link follows it. */
  async function followSession(): Promise<void> {
    if (!configured || linkedDb === db()) return;
    const stored = await deps.secret.load();
    await closeLink();
    if (stored !== null && configured) await openLink(stored);
    emitStatus();
  }
  let unsubscribe: (() => void) | null = null;

  async function staff(): Promise<TeamStaff[]> {
    const who = me();
    const seen = new Map<string, TeamStaff>();
    const add = (member: StaffMember, lastSeenAt: string | null): void => {
      const prior = seen.get(member.id);
      if (prior && (prior.lastSeenAt ?? '') >= (lastSeenAt ?? '')) return;
      const online = lastSeenAt !== null && clock.now() - Date.parse(lastSeenAt) < 2 * 60_000;
      seen.set(member.id, { ...member, lastSeenAt, online: member.id === who.id || online, isMe: member.id === who.id });
    };
    add(who, new Date(clock.now()).toISOString());
    if (link) {
      for (const s of await link.staff().catch(() => [])) add(s.staff, s.lastSeenAt);
    }
    // Staff seen in assignments and notes at this desk.
    for (const member of db().team.knownStaff()) if (!seen.has(member.id)) add(member, null);
    return [...seen.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
  }

  return {
    status,
    me,

    async configure(connectionString) {
      secretLevel = await deps.secret.level();
      if (connectionString === null) {
        await closeLink();
        deps.secret.clear();
        configured = false;
        // Leaving: local data stays; nothing more is captured for a team.
        db().team.setCapturing(false);
        log.info('left the team');
        emitStatus();
        return status();
      }
      parseConnectionString(connectionString); // refuses what pg could not use, with a plain message
      if (secretLevel === 'unavailable') {
        throw new AppError('insecure_storage', 'This computer offers no secure storage for the team connection string, so Frontdesk cannot keep it.');
      }
      const probe = await this.test(connectionString);
      if (!probe.ok) throw new AppError('team_unavailable', probe.message);
      await deps.secret.save(connectionString);
      await closeLink();
      configured = true;
      log.info('joined a team', { server: describeServer(connectionString) });
      await openLink(connectionString);
      emitStatus();
      return status();
    },

    async test(connectionString) {
      const target = connectionString ?? (await deps.secret.load());
      if (target === null) return { ok: false, message: 'No team connection string is stored.', serverVersion: null };
      if (!deps.link) return { ok: false, message: 'This build of Frontdesk cannot join a team.', serverVersion: null };
      try {
        parseConnectionString(target);
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : 'That is not a PostgreSQL connection string.', serverVersion: null };
      }
      return deps.link.probe(target, deps.logger);
    },

    setStaffName(name) {
      const who = me();
      deps.appDb.settings.set(DISPLAY_NAMES_KEY, { ...displayNames(), [who.id]: name.trim() });
      syncIdentity();
      link?.kick();
      emitStatus();
      return status();
    },

    staff,

    addNote(conversationId, body) {
      getConversation(conversationId);
      const author = syncIdentity();
      const { note } = db().team.notes.add({ conversationId, uid: randomUUID(), author, body });
      events.emit({ type: 'notesAdded', conversationId, notes: [note] });
      link?.kick();
      return note;
    },

    notes(conversationId) {
      getConversation(conversationId);
      return db().team.notes.list(conversationId);
    },

    async assign(conversationId, to, takeOver) {
      const current = getConversation(conversationId);
      const who = syncIdentity();
      let target: StaffMember | null;
      if (to.kind === 'me') target = who;
      else if (to.kind === 'nobody') target = null;
      else {
        const found = (await staff()).find((s) => s.id === to.staffId);
        if (!found) throw new AppError('not_found', `No staff member ${to.staffId} is known to this team.`);
        target = { id: found.id, name: found.name };
      }
      const holder = current.assignee ?? null;
      // Someone else holds it: only an explicit take-over moves it (also when unassigning).
      if (holder !== null && holder.id !== who.id && holder.id !== target?.id && !takeOver) {
        throw new AppError('already_assigned', `${holder.name} has this conversation. Take it over?`, { detail: { assignee: holder } });
      }
      const changed = db().team.assign(conversationId, target);
      link?.kick();
      return deps.changes.updated(db(), changed);
    },

    setPresence(conversationId, state) {
      const current = getConversation(conversationId);
      if (!link) return;
      link.publishPresence({ key: db().team.conversationKey(current.id), state, ttlMs: PRESENCE_TTL_MS });
    },

    presence(conversationId) {
      getConversation(conversationId);
      return presenceOf(db().team.conversationKey(conversationId), conversationId);
    },

    conversationTeam(conversationId) {
      const c = getConversation(conversationId);
      const team = db().team;
      return {
        conversationId,
        assignee: c.assignee ?? null,
        assignedAt: team.assignedAt(conversationId),
        readers: team.reads.list(conversationId),
        presence: presenceOf(team.conversationKey(conversationId), conversationId),
        authors: team.authors.list(conversationId),
      };
    },

    collision(conversationId) {
      getConversation(conversationId);
      const who = me();
      const now = clock.now();
      const since = new Date(now - COLLISION_WINDOW_MS).toISOString();
      for (const reply of db().team.recentOutbound(conversationId, since)) {
        if (reply.staff?.id === who.id) continue;
        // A reply seen only in ClubOS (no desk says who) is someone else's too: not sent from here.
        return { kind: 'replied', staff: reply.staff, at: reply.sentAt };
      }
      const replying = presenceOf(db().team.conversationKey(conversationId), conversationId).find((p) => p.state === 'replying');
      if (replying) return { kind: 'replying', staff: replying.staff, at: new Date(now).toISOString() };
      return null;
    },

    assertNoCollision(conversationId) {
      const collision = this.collision(conversationId);
      if (!collision) return;
      const who = collision.staff?.name ?? 'Someone';
      const message =
        collision.kind === 'replying'
          ? `${who} is replying to this conversation right now. Send anyway?`
          : `${who} replied to this conversation in the last minute. Send anyway?`;
      throw new AppError('confirm_needed', message, { detail: { collision } });
    },

    recordAuthor(messageId) {
      const who = syncIdentity();
      db().team.authors.set(messageId, who);
      link?.kick();
    },

    async responseEvents(range) {
      if (!link || linkStatus?.state !== 'online') return null;
      return link.responseEvents(range);
    },

    shouldPoll(ownerId) {
      if (!link) return true;
      return link.pollsOwner(ownerId);
    },

    drivesPolling: () => configured && link !== null,
    setPaused(paused) {
      pollPaused = paused;
      if (!paused) pollTick();
    },
    paused: () => pollPaused,

    campaignChanged(campaign) {
      const who = me();
      try {
        if (db().team.outbox.enqueue('campaign', { campaignId: campaign.id, campaign, staffId: who.id, staffName: who.name })) link?.kick();
      } catch (error) {
        log.warn('could not share a campaign\'s progress', { error });
      }
    },
    teamCampaigns: () => db().team.campaigns.list(),

    flush() {
      if (!link) return Promise.resolve();
      return link.flush();
    },

    async start() {
      if (started) return;
      started = true;
      secretLevel = await deps.secret.level();
      syncIdentity();
      deskIdCache = deskId();
      presenceSweep = setInterval(sweepPresence, 2_000);
      presenceSweep.unref?.();
      unsubscribe = events.subscribe((event) => {
        if (event.type === 'accountChanged') void followSession().catch((error: unknown) => log.warn('could not move the team link to the new account', { error }));
      });
      const stored = deps.link ? await deps.secret.load() : null;
      if (stored !== null) {
        configured = true;
        try {
          await openLink(stored);
        } catch (error) {
          log.warn('could not open the team link', { error });
        }
      }
      emitStatus();
    },

    async close() {
      if (presenceSweep) clearInterval(presenceSweep);
      presenceSweep = null;
      unsubscribe?.();
      unsubscribe = null;
      started = false;
      await closeLink();
    },
  };
}

const zString = z.string();
const zRecord = z.record(z.string(), z.string());
