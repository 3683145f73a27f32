// One desk of the team store benchmark: its own SQLite database and the real PostgreSQL link;
// it writes staff changes (status, tags, notes, assignment, read marks) as fast as it can, and
// counts what it applies from the other desks.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { silentLogger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';
import { openDatabase } from '../../../db';
import { pgTeamLink } from '../../../main/team/pg-link';
import { benchDeskConfigSchema, fromBenchDeskSchema, toBenchDeskSchema, type FromBenchDesk } from './team-bench-messages';

const OWNER = '1001';
const say = (m: FromBenchDesk): void => {
  process.send?.(fromBenchDeskSchema.parse(m));
};

function main(): void {
  const config = benchDeskConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const { db } = openDatabase(config.dbPath, { clock: systemClock, logger: silentLogger });
  db.owners.upsert({ ownerId: OWNER, name: 'Front desk' });
  const me = { id: `staff${config.index}`, name: `Staff ${config.index}` };
  db.team.setIdentity(me);
  db.team.setCapturing(true);
  let appliedRows = 0;
  const probes: number[] = [];
  const link = pgTeamLink({
    connectionString: config.teamUrl,
    deskId: randomUUID(),
    db,
    me: () => me,
    clock: systemClock,
    logger: silentLogger,
    leaseMs: () => 10_000,
    ownerIds: () => [OWNER],
    onStatus: () => undefined,
    onApplied(effects) {
      appliedRows += effects.updatedConversationIds.length + effects.messagesAdded.reduce((n, m) => n + m.insertedIds.length, 0);
      for (const notes of effects.notesAdded.values()) {
        appliedRows += notes.length;
        for (const n of notes) {
          const probe = /^probe (\d+)$/.exec(n.body);
          if (probe) probes.push(Date.now() - Number(probe[1]));
        }
      }
    },
    onPresence: () => undefined,
  });
  link.start();

  const flushUntilDone = async (): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await link.flush();
        if (db.team.outbox.count() === 0) return;
      } catch (error) {
        if (attempt > 200) throw error;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const appliedSeq = (): number => db.settings.get('team.applied', z.object({ seq: z.number() }))?.seq ?? 0;
  const conversationIds = (): number[] => db.conversations.list({ filter: 'all', limit: 500 }).items.map((c) => c.id);

  const change = (ids: readonly number[], i: number): void => {
    const c = ids[(i * 7 + config.index * 13) % ids.length]!;
    switch (i % 5) {
      case 0:
        db.conversations.setStatus(c, { status: i % 10 === 0 ? 'resolved' : 'open' });
        break;
      case 1:
        db.conversations.setTags(c, i % 3 === 0 ? ['vip'] : ['vip', `tag${config.index}`]);
        break;
      case 2:
        db.team.notes.add({ conversationId: c, uid: randomUUID(), author: me, body: `note ${config.index}-${i}` });
        break;
      case 3:
        db.team.assign(c, i % 2 === 0 ? me : null);
        break;
      default:
        if (i % 2 === 0) db.conversations.markRead(c);
        else db.conversations.markUnread(c);
    }
  };

  const reporter = setInterval(() => say({ type: 'applied', rows: appliedRows, seq: appliedSeq(), probes: probes.splice(0) }), 200);

  process.on('message', (raw) => {
    const m = toBenchDeskSchema.parse(raw);
    void (async () => {
      if (m.type === 'seed') {
        const now = Date.now();
        db.transaction(() => {
          for (let i = 0; i < config.seedConversations; i++) {
            const memberId = String(700_000 + i);
            const c = db.conversations.findOrCreate({ ownerId: OWNER, memberId, memberName: `Member ${i}`, nameKey: `member ${i}` }).id;
            const sentAt = new Date(now - i * 60_000).toISOString();
            db.messages.insert([
              { ownerId: OWNER, conversationId: c, direction: 'inbound', channel: 'sms', senderName: `Member ${i}`, body: `Hello ${i}`, localDate: sentAt.slice(0, 10), localTime: sentAt.slice(11, 16), sentAt, source: 'inbox', dedupeKey: `seed-${i}`, occurrence: 0 },
            ]);
          }
        });
        await flushUntilDone();
        say({ type: 'seeded' });
      } else if (m.type === 'catchUp') {
        for (let i = 0; i < 600 && conversationIds().length < m.conversations; i++) {
          await link.flush().catch(() => undefined);
          await new Promise((r) => setTimeout(r, 50));
        }
        say({ type: 'caughtUp' });
      } else if (m.type === 'go') {
        const ids = conversationIds();
        const started = performance.now();
        // Staff work: small transactions, one change each, as the window makes them.
        for (let i = 0; i < config.changes; i++) {
          change(ids, i);
          link.kick();
          // Let the link's cycle run now and then, as a desk's event loop would.
          if (i % 50 === 49) await new Promise((r) => setImmediate(r));
        }
        await flushUntilDone();
        say({ type: 'pushed', written: config.changes, ms: performance.now() - started });
      } else if (m.type === 'paced') {
        const ids = conversationIds();
        const until = Date.now() + m.seconds * 1000;
        let i = config.changes;
        let nextProbe = Date.now();
        while (Date.now() < until) {
          change(ids, i++);
          if (config.index === 0 && Date.now() >= nextProbe) {
            db.team.notes.add({ conversationId: ids[0]!, uid: randomUUID(), author: me, body: `probe ${Date.now()}` });
            nextProbe += config.probeEveryMs;
          }
          link.kick();
          await new Promise((r) => setTimeout(r, 1000 / m.perSecond));
        }
        await flushUntilDone();
        say({ type: 'pacedDone' });
      } else {
        clearInterval(reporter);
        say({ type: 'applied', rows: appliedRows, seq: appliedSeq(), probes: probes.splice(0) });
        await link.close();
        db.close();
        process.exit(0);
      }
    })().catch((error: unknown) => {
      say({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    });
  });
  say({ type: 'ready' });
}

try {
  main();
} catch (error: unknown) {
  say({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
