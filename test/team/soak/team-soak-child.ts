// One desk of the team soak: the real core, signed in to the parent's ClubOS simulator, joined
// to the team through the parent's proxy, doing what staff do (status, tags, notes, assignment,
// read, handled) at random. The parent SIGKILLs it, cuts its way to the team store, stops the
// store; nothing here knows, as the app would not.
import { createCore } from '../../../main/core/create-core';
import { memoryCredentialStore } from '../../../main/services/credential-store';
import { memorySecretStore } from '../../../main/services/secret-store';
import { silentLogger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';
import { mulberry32 as random } from '../../../main/clubos-simulator/mulberry32';
import { deskConfigSchema, fromDeskSchema, toDeskSchema, type FromDesk, type SharedState } from './team-soak-messages';

const say = (message: FromDesk): void => {
  process.send?.(fromDeskSchema.parse(message));
};

async function main(): Promise<void> {
  const config = deskConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const credentials = memoryCredentialStore();
  await credentials.save({ username: 'demo', password: 'demo', baseUrl: config.baseUrl });
  const teamSecret = memorySecretStore();
  await teamSecret.save(config.teamUrl);
  // This desk is bundled into one file, which has no sync worker file beside it: polls run on the
  // main thread here (the sync worker has tests of its own, test/sync-worker/).
  const core = await createCore({ dataDir: config.dataDir, clock: systemClock, logger: silentLogger, credentials, teamSecret, historyRefresh: false, syncIn: 'main' });
  core.services.settings.update({ pollIntervalSeconds: config.pollIntervalSeconds, historyAsRead: true });
  await core.start();
  const { team, conversations } = core.services;
  const rnd = random(config.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  let acting = true;
  let actions = 0;

  const act = async (): Promise<void> => {
    const list = conversations.list({ filter: 'all', limit: 50 }).items.concat(conversations.list({ filter: 'resolved', limit: 20 }).items);
    if (list.length === 0) return;
    const c = pick(list);
    const roll = rnd();
    if (roll < 0.2) {
      const status = pick(['open', 'pending', 'resolved', 'snoozed'] as const);
      conversations.setStatus(c.id, status === 'snoozed' ? { status, snoozedUntil: '2099-01-01T09:00:00.000Z' } : { status });
    } else if (roll < 0.4) {
      conversations.setTags(c.id, ['vip', 'billing', 'callback', 'trial'].filter(() => rnd() < 0.4));
    } else if (roll < 0.55) {
      team.addNote(c.id, `note ${config.index}-${actions}`);
    } else if (roll < 0.7) {
      await team.assign(c.id, rnd() < 0.7 ? { kind: 'me' } : { kind: 'nobody' }, true);
    } else if (roll < 0.85) {
      if (rnd() < 0.7) conversations.markRead(c.id);
      else conversations.markUnread(c.id);
    } else {
      conversations.markHandled(c.id);
    }
    actions++;
  };

  const actLoop = (): void => {
    if (!acting) return;
    act()
      .catch(() => undefined) // a conversation merged or gone under it: the next action goes on
      .finally(() => setTimeout(actLoop, config.actionEveryMs * (0.5 + rnd())));
  };
  actLoop();

  const statusTimer = setInterval(() => {
    const status = team.status();
    const polling = core.services.sync.owners().owners.filter((o) => team.shouldPoll(o.id)).map((o) => o.id);
    say({ type: 'status', polling, state: status.state, pending: status.pendingOutbox, actions });
  }, 250);

  /** Retries until the team store takes it (it may be restarting). Bounded by the parent's deadline. */
  const flushed = async (): Promise<void> => {
    for (;;) {
      try {
        await team.flush();
        if (team.status().pendingOutbox === 0) return;
      } catch {
        // offline for now
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  process.on('message', (raw) => {
    const message = toDeskSchema.parse(raw);
    void (async () => {
      if (message.type === 'quiesce') {
        acting = false;
        await flushed();
        say({ type: 'flushed' });
        return;
      }
      await flushed();
      clearInterval(statusTimer);
      say({ type: 'state', state: dump(core) });
      await core.close();
      process.exit(0);
    })().catch((error: unknown) => {
      say({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    });
  });
  say({ type: 'ready' });
}

/** The shared state of this desk, every row in a stable order, compared row by row by the parent. */
function dump(core: Awaited<ReturnType<typeof createCore>>): SharedState {
  const db = core.services.account.current().db;
  const state: SharedState = { conversations: [], messages: [], notes: [], reads: [] };
  const all = ['all', 'resolved', 'archived', 'snoozed'] as const;
  const seen = new Map<number, ReturnType<typeof db.conversations.get>>();
  for (const filter of all) {
    let cursor: string | null = null;
    do {
      const page = db.conversations.list({ filter, limit: 500, cursor });
      for (const c of page.items) seen.set(c.id, c);
      cursor = page.nextCursor;
    } while (cursor);
  }
  for (const c of seen.values()) {
    if (!c) continue;
    const key = db.team.conversationKey(c.id);
    state.conversations.push({
      key,
      status: c.status,
      snoozedUntil: c.snoozedUntil,
      tags: c.tags.filter((t) => ['vip', 'billing', 'callback', 'trial'].includes(t)).sort(),
      assignee: c.assignee?.id ?? null,
      handledAt: c.handledAt,
    });
    const authors = new Map(db.team.authors.list(c.id).map((a) => [a.messageId, a.staff.id]));
    let before: string | null = null;
    do {
      const page = db.messages.page({ conversationId: c.id, before, limit: 500 });
      for (const m of page.items) {
        const identity = db.team.messageIdentity(m.id);
        state.messages.push({ id: identity, direction: m.direction, body: m.body, sentAt: m.sentAt, author: authors.get(m.id) ?? null });
      }
      before = page.prevCursor;
    } while (before);
    for (const n of db.team.notes.list(c.id)) state.notes.push({ uid: n.uid, key, author: n.author.id, body: n.body, createdAt: n.createdAt });
    for (const r of db.team.reads.list(c.id)) state.reads.push({ key, staff: r.staff.id, readThrough: r.readThrough });
  }
  state.conversations.sort((a, b) => a.key.localeCompare(b.key));
  state.messages.sort((a, b) => a.id.localeCompare(b.id));
  state.notes.sort((a, b) => a.uid.localeCompare(b.uid));
  state.reads.sort((a, b) => `${a.key}|${a.staff}`.localeCompare(`${b.key}|${b.staff}`));
  return state;
}

main().catch((error: unknown) => {
  say({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
