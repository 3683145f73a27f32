// The team store's SQL: migrating its schema, accepting a desk's outbox (applying each field's
// conflict rule), reading changes after a sequence number, poll leases, the roster and report
// events. Every function takes a connected client; connections and retries are pg-link.ts's.
import type { ClientBase } from 'pg';
import type { StaffMember } from '../../common/contract';
import { PG_LATEST_VERSION, PG_MIGRATIONS } from './pg-migrations/list';
import type { Lease, PushResult, ResponseEvent, StaffSeen, TeamChange, TeamOutboxEntry } from './types';

/** Serializes pushes, so change numbers are handed out in commit order (a reader never skips one). */
const PUSH_LOCK = 0x46444b32; // 'FDK2'
/** Serializes migrations of desks that join at the same moment. */
const MIGRATE_LOCK = 0x46444b33;
export const CHANGES_CHANNEL = 'frontdesk_changes';
export const PRESENCE_CHANNEL = 'frontdesk_presence';

export class TeamStoreError extends Error {
  override readonly name = 'TeamStoreError';
}

/** Creates or upgrades the schema; refuses a store a newer Frontdesk set up. */
export async function migrate(client: ClientBase): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS frontdesk');
    await client.query(
      'CREATE TABLE IF NOT EXISTS frontdesk.migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM frontdesk.migrations');
    const current = rows[0]?.version ?? 0;
    if (current > PG_LATEST_VERSION) {
      throw new TeamStoreError(
        `The team store was set up by a newer Frontdesk (schema ${current}, this one knows ${PG_LATEST_VERSION}). Update Frontdesk on this computer.`,
      );
    }
    for (const m of PG_MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO frontdesk.migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
    return PG_LATEST_VERSION;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

type Payload = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The entity a change is about: its conversation key, or a message's identity. */
function entityOf(entry: TeamOutboxEntry): string {
  const p = entry.payload;
  if (entry.kind === 'author' || entry.kind === 'draft' || entry.kind === 'message') return `${str(p.ownerId)}|${str(p.dedupeKey)}|${num(p.occurrence)}`;
  if (entry.kind === 'campaign') return `campaign|${num(p.campaignId)}`;
  return str(p.key) ?? '';
}

/**
 * Accepts a desk's outbox entries (oldest first) in one transaction and returns how far it got.
 * Entries the store already has from this desk are skipped, so a push repeated after a crash
 * changes nothing.
 */
export async function push(client: ClientBase, desk: { deskId: string; staff: StaffMember }, entries: readonly TeamOutboxEntry[]): Promise<PushResult> {
  if (entries.length === 0) return { pushedThrough: 0, lastSeq: 0 };
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    const { rows } = await client.query<{ pushed_through: string }>('SELECT pushed_through FROM frontdesk.pushes WHERE desk_id = $1', [desk.deskId]);
    const already = rows[0] ? Number(rows[0].pushed_through) : 0;
    const fresh = entries.filter((e) => e.seq > already);
    let lastSeq = 0;
    const record = async (kind: string, entity: string, payload: Payload): Promise<void> => {
      const r = await client.query<{ seq: string }>(
        'INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ($1, $2, $3, $4, $5) RETURNING seq',
        [kind, entity, JSON.stringify(payload), desk.deskId, desk.staff.id],
      );
      lastSeq = Math.max(lastSeq, Number(r.rows[0]!.seq));
    };
    let i = 0;
    while (i < fresh.length) {
      // Runs of messages go in one statement: a first import is thousands of them.
      if (fresh[i]!.kind === 'message') {
        let j = i;
        while (j < fresh.length && fresh[j]!.kind === 'message' && j - i < 1000) j++;
        const seq = await pushMessages(client, desk, fresh.slice(i, j));
        lastSeq = Math.max(lastSeq, seq);
        i = j;
        continue;
      }
      await pushOne(client, desk, fresh[i]!, record);
      i++;
    }
    const through = entries[entries.length - 1]!.seq;
    if (through > already) {
      await client.query(
        `INSERT INTO frontdesk.pushes (desk_id, pushed_through) VALUES ($1, $2)
         ON CONFLICT (desk_id) DO UPDATE SET pushed_through = GREATEST(frontdesk.pushes.pushed_through, EXCLUDED.pushed_through)`,
        [desk.deskId, through],
      );
    }
    if (lastSeq > 0) await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(lastSeq)]);
    await client.query('COMMIT');
    return { pushedThrough: through, lastSeq };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function pushMessages(client: ClientBase, desk: { deskId: string; staff: StaffMember }, entries: readonly TeamOutboxEntry[]): Promise<number> {
  const input = entries.map((e, ord) => ({ ord, payload: e.payload }));
  // New messages only (idempotent by identity), each with its change, in outbox order; their
  // conversations are created on the way when new.
  const { rows } = await client.query<{ seq: string | null; inbound: Array<{ key: string; sentAt: string }> }>(
    `WITH input AS (
       SELECT (x->>'ord')::int AS ord, x->'payload' AS p FROM jsonb_array_elements($1::jsonb) AS x
     ), convs AS (
       INSERT INTO frontdesk.conversations (key, owner_id, member_id, member_name, name_key)
       SELECT DISTINCT ON (p->>'key') p->>'key', p->>'ownerId', p->>'memberId', p->>'memberName', p->>'nameKey' FROM input
       ON CONFLICT (key) DO NOTHING
     ), ins AS (
       INSERT INTO frontdesk.messages (owner_id, dedupe_key, occurrence, key, direction, sent_at, intent)
       SELECT p->>'ownerId', p->>'dedupeKey', (p->>'occurrence')::int, p->>'key', p->>'direction', p->>'sentAt', p->>'intent' FROM input
       ON CONFLICT DO NOTHING
       RETURNING owner_id, dedupe_key, occurrence
     ), firsts AS (
       SELECT DISTINCT ON (p->>'ownerId', p->>'dedupeKey', (p->>'occurrence')::int) ord, p FROM input ORDER BY p->>'ownerId', p->>'dedupeKey', (p->>'occurrence')::int, ord
     ), accepted AS (
       INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id)
       SELECT 'message', f.p->>'ownerId' || '|' || (f.p->>'dedupeKey') || '|' || (f.p->>'occurrence'), f.p, $2, $3
       FROM firsts f JOIN ins ON ins.owner_id = f.p->>'ownerId' AND ins.dedupe_key = f.p->>'dedupeKey' AND ins.occurrence = (f.p->>'occurrence')::int
       ORDER BY f.ord
       RETURNING seq, payload
     )
     SELECT max(seq)::text AS seq,
       coalesce(jsonb_agg(DISTINCT jsonb_build_object('key', payload->>'key', 'sentAt', payload->>'sentAt'))
         FILTER (WHERE payload->>'direction' = 'inbound' AND payload->>'source' <> 'history'), '[]'::jsonb) AS inbound
     FROM accepted`,
    [JSON.stringify(input), desk.deskId, desk.staff.id],
  );
  let lastSeq = rows[0]?.seq ? Number(rows[0].seq) : 0;
  // A member's new text reopens a resolved or snoozed conversation: decided here, in the store's
  // order, so every desk reopens the same conversations (desks apply received texts without
  // reopening by themselves). Only a text sent at or after the status was set reopens.
  const inbound = rows[0]?.inbound ?? [];
  if (inbound.length > 0) {
    const reopened = await client.query<{ key: string; owner_id: string; member_id: string | null; member_name: string; name_key: string }>(
      `UPDATE frontdesk.conversations c SET status = 'open', snoozed_until = NULL, status_by = NULL, status_at = clock_timestamp()
       FROM (SELECT x->>'key' AS key, max((x->>'sentAt')::timestamptz) AS sent FROM jsonb_array_elements($1::jsonb) AS x GROUP BY 1) t
       WHERE c.key = t.key AND c.status IN ('resolved', 'snoozed') AND (c.status_at IS NULL OR t.sent >= date_trunc('minute', c.status_at))
       RETURNING c.key, c.owner_id, c.member_id, c.member_name, c.name_key`,
      [JSON.stringify(inbound)],
    );
    for (const r of reopened.rows) {
      const payload = { key: r.key, ownerId: r.owner_id, memberId: r.member_id, memberName: r.member_name, nameKey: r.name_key, status: 'open', snoozedUntil: null, by: null };
      const change = await client.query<{ seq: string }>(
        `INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('status', $1, $2, $3, NULL) RETURNING seq`,
        [r.key, JSON.stringify(payload), desk.deskId],
      );
      lastSeq = Math.max(lastSeq, Number(change.rows[0]!.seq));
    }
  }
  return lastSeq;
}

async function ensureConversation(client: ClientBase, p: Payload): Promise<void> {
  await client.query(
    `INSERT INTO frontdesk.conversations (key, owner_id, member_id, member_name, name_key) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING`,
    [str(p.key), str(p.ownerId), str(p.memberId), str(p.memberName) ?? '', str(p.nameKey) ?? ''],
  );
}

async function pushOne(
  client: ClientBase,
  desk: { deskId: string; staff: StaffMember },
  entry: TeamOutboxEntry,
  record: (kind: string, entity: string, payload: Payload) => Promise<void>,
): Promise<void> {
  const p = entry.payload;
  const entity = entityOf(entry);
  switch (entry.kind) {
    case 'message':
      return; // pushMessages
    case 'author': {
      const r = await client.query(
        `UPDATE frontdesk.messages SET author_id = $4, author_name = $5
         WHERE owner_id = $1 AND dedupe_key = $2 AND occurrence = $3 AND author_id IS DISTINCT FROM $4`,
        [str(p.ownerId), str(p.dedupeKey), num(p.occurrence), str(p.staffId), str(p.staffName)],
      );
      if (r.rowCount !== 0) await record('author', entity, p);
      return;
    }
    case 'status': {
      // Last writer by the store's order: the change is applied as it comes.
      await ensureConversation(client, p);
      await client.query('UPDATE frontdesk.conversations SET status = $2, snoozed_until = $3, status_by = $4, status_at = clock_timestamp() WHERE key = $1', [
        entity,
        str(p.status),
        str(p.snoozedUntil),
        str(p.by),
      ]);
      await record('status', entity, p);
      return;
    }
    case 'handled': {
      await ensureConversation(client, p);
      await client.query('UPDATE frontdesk.conversations SET handled_at = $2, handled_by = $3 WHERE key = $1', [entity, str(p.handledAt), str(p.by)]);
      await record('handled', entity, p);
      return;
    }
    case 'tag': {
      // Each tag is its own register: adds and removes of different tags never undo each other.
      await ensureConversation(client, p);
      await client.query(
        `INSERT INTO frontdesk.conversation_tags (key, tag, present, changed_by, seq) VALUES ($1, $2, $3, $4, 0)
         ON CONFLICT (key, tag) DO UPDATE SET present = EXCLUDED.present, changed_by = EXCLUDED.changed_by`,
        [entity, str(p.tag), p.present === true, str(p.by)],
      );
      await record('tag', entity, p);
      return;
    }
    case 'assign': {
      // Compare-and-set: the desk says whom it saw (`from`); if the store has someone else, the
      // change is refused and the store's assignment is sent instead, so every desk shows it.
      await ensureConversation(client, p);
      const { rows } = await client.query<{ assignee_id: string | null; assignee_name: string | null }>(
        'SELECT assignee_id, assignee_name FROM frontdesk.conversations WHERE key = $1 FOR UPDATE',
        [entity],
      );
      const current = rows[0]?.assignee_id ?? null;
      const from = str(p.from);
      const to = str(p.to);
      if (current === from || current === to) {
        await client.query('UPDATE frontdesk.conversations SET assignee_id = $2, assignee_name = $3, assigned_at = clock_timestamp() WHERE key = $1', [
          entity,
          to,
          to === null ? null : str(p.toName),
        ]);
        await record('assign', entity, p);
      } else {
        await record('assign', entity, { ...p, to: current, toName: rows[0]?.assignee_name ?? null, rejected: { deskId: desk.deskId, attempted: to } });
      }
      return;
    }
    case 'note': {
      await ensureConversation(client, p);
      const r = await client.query(
        `INSERT INTO frontdesk.notes (uid, key, author_id, author_name, body, created_at, seq) VALUES ($1, $2, $3, $4, $5, $6, 0) ON CONFLICT (uid) DO NOTHING`,
        [str(p.uid), entity, str(p.authorId), str(p.authorName), str(p.body), str(p.createdAt)],
      );
      if (r.rowCount !== 0) await record('note', entity, p);
      return;
    }
    case 'read': {
      await ensureConversation(client, p);
      await client.query(
        `INSERT INTO frontdesk.reads (key, staff_id, staff_name, read_through, seq) VALUES ($1, $2, $3, $4, 0)
         ON CONFLICT (key, staff_id) DO UPDATE SET staff_name = EXCLUDED.staff_name, read_through = EXCLUDED.read_through`,
        [entity, str(p.staffId), str(p.staffName), str(p.readThrough)],
      );
      await record('read', entity, p);
      return;
    }
    case 'draft': {
      // The first decision wins: a draft one desk sent is never rejected (or sent again) by another.
      const r = await client.query(
        `INSERT INTO frontdesk.draft_decisions (owner_id, dedupe_key, occurrence, status, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING`,
        [str(p.ownerId), str(p.dedupeKey), num(p.occurrence), str(p.status), str(p.decidedBy), str(p.decidedAt)],
      );
      if (r.rowCount !== 0) await record('draft', entity, p);
      return;
    }
    case 'campaign': {
      await client.query(
        `INSERT INTO frontdesk.campaigns (desk_id, campaign_id, payload, updated_at) VALUES ($1, $2, $3, clock_timestamp())
         ON CONFLICT (desk_id, campaign_id) DO UPDATE SET payload = EXCLUDED.payload, updated_at = EXCLUDED.updated_at`,
        [desk.deskId, num(p.campaignId), JSON.stringify(p.campaign ?? {})],
      );
      await record('campaign', entity, p);
      return;
    }
  }
}

interface ChangeRow {
  seq: string;
  kind: TeamChange['kind'];
  payload: Payload;
  desk_id: string;
  staff_id: string | null;
  server_at: Date;
}

/** Changes after `afterSeq`, in order. */
export async function pull(client: ClientBase, afterSeq: number, limit: number): Promise<TeamChange[]> {
  const { rows } = await client.query<ChangeRow>(
    'SELECT seq, kind, payload, desk_id, staff_id, server_at FROM frontdesk.changes WHERE seq > $1 ORDER BY seq LIMIT $2',
    [afterSeq, limit],
  );
  return rows.map((r) => ({ seq: Number(r.seq), kind: r.kind, payload: r.payload, deskId: r.desk_id, staffId: r.staff_id, serverAt: r.server_at.toISOString() }));
}

export async function storeId(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ store_id: string }>('SELECT store_id FROM frontdesk.meta LIMIT 1');
  if (!rows[0]) throw new TeamStoreError('The team store has no identity row (frontdesk.meta); was it set up by Frontdesk?');
  return rows[0].store_id;
}

/** The newest change number (0 for an empty store). */
export async function latestSeq(client: ClientBase): Promise<number> {
  const { rows } = await client.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM frontdesk.changes');
  return rows[0]?.seq ? Number(rows[0].seq) : 0;
}

/**
 * Takes or renews this desk's lease on each inbox it syncs where nobody else holds a live one,
 * and returns every lease with the store's clock.
 */
export async function renewLeases(
  client: ClientBase,
  desk: { deskId: string; staff: StaffMember },
  ownerIds: readonly string[],
  ttlMs: number,
): Promise<{ leases: Lease[]; now: number }> {
  if (ownerIds.length > 0) {
    await client.query(
      `INSERT INTO frontdesk.poll_leases (owner_id, desk_id, staff_id, staff_name, expires_at, epoch)
       SELECT o, $2, $3, $4, clock_timestamp() + $5 * interval '1 millisecond', 1 FROM unnest($1::text[]) AS o
       ON CONFLICT (owner_id) DO UPDATE SET desk_id = EXCLUDED.desk_id, staff_id = EXCLUDED.staff_id, staff_name = EXCLUDED.staff_name,
         expires_at = EXCLUDED.expires_at,
         epoch = frontdesk.poll_leases.epoch + CASE WHEN frontdesk.poll_leases.desk_id = EXCLUDED.desk_id THEN 0 ELSE 1 END
       WHERE frontdesk.poll_leases.desk_id = EXCLUDED.desk_id OR frontdesk.poll_leases.expires_at < clock_timestamp()`,
      [ownerIds, desk.deskId, desk.staff.id, desk.staff.name, ttlMs],
    );
  }
  await client.query(
    `INSERT INTO frontdesk.desks (desk_id, staff_id, staff_name, last_seen) VALUES ($1, $2, $3, clock_timestamp())
     ON CONFLICT (desk_id) DO UPDATE SET staff_id = EXCLUDED.staff_id, staff_name = EXCLUDED.staff_name, last_seen = EXCLUDED.last_seen`,
    [desk.deskId, desk.staff.id, desk.staff.name],
  );
  const { rows } = await client.query<{ owner_id: string; desk_id: string; staff_id: string | null; staff_name: string | null; expires_at: Date; now: Date }>(
    'SELECT owner_id, desk_id, staff_id, staff_name, expires_at, clock_timestamp() AS now FROM frontdesk.poll_leases WHERE expires_at > clock_timestamp() ORDER BY owner_id',
  );
  const now = rows[0]?.now.getTime() ?? Date.now();
  return {
    now,
    leases: rows.map((r) => ({
      ownerId: r.owner_id,
      deskId: r.desk_id,
      staff: r.staff_id !== null && r.staff_name !== null ? { id: r.staff_id, name: r.staff_name } : null,
      expiresAt: r.expires_at.getTime(),
    })),
  };
}

/** A desk closing lets go of its leases, so another takes over at once instead of after expiry. */
export async function releaseLeases(client: ClientBase, deskId: string): Promise<void> {
  await client.query('DELETE FROM frontdesk.poll_leases WHERE desk_id = $1', [deskId]);
}

export async function staffSeen(client: ClientBase): Promise<StaffSeen[]> {
  const { rows } = await client.query<{ staff_id: string; staff_name: string; last_seen: Date | null }>(
    `SELECT DISTINCT ON (staff_id) staff_id, staff_name, last_seen FROM (
       SELECT staff_id, staff_name, last_seen FROM frontdesk.desks
       UNION ALL SELECT assignee_id, assignee_name, NULL FROM frontdesk.conversations WHERE assignee_id IS NOT NULL AND assignee_name IS NOT NULL
     ) s ORDER BY staff_id, last_seen DESC NULLS LAST`,
  );
  return rows.map((r) => ({ staff: { id: r.staff_id, name: r.staff_name }, lastSeenAt: r.last_seen ? r.last_seen.toISOString() : null }));
}

export async function publishPresence(client: ClientBase, payload: string): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, payload]);
}

/** Messages and resolves in [from, to), for response-time reports in team mode. */
export async function responseEvents(client: ClientBase, range: { from: string; to: string }): Promise<ResponseEvent[]> {
  const messages = await client.query<{ owner_id: string; key: string; direction: string; sent_at: string; author_id: string | null; author_name: string | null; intent: string | null }>(
    `SELECT owner_id, key, direction, sent_at, author_id, author_name, intent FROM frontdesk.messages
     WHERE sent_at >= $1 AND sent_at < $2 ORDER BY sent_at`,
    [range.from, range.to],
  );
  const resolves = await client.query<{ entity: string; payload: Payload; staff_id: string | null; server_at: Date }>(
    `SELECT entity, payload, staff_id, server_at FROM frontdesk.changes
     WHERE kind = 'status' AND payload->>'status' = 'resolved' AND server_at >= $1 AND server_at < $2 ORDER BY seq`,
    [range.from, range.to],
  );
  const events: ResponseEvent[] = messages.rows.map((r) => ({
    kind: 'message',
    ownerId: r.owner_id,
    key: r.key,
    direction: r.direction === 'inbound' || r.direction === 'outbound' || r.direction === 'system' ? r.direction : null,
    at: r.sent_at,
    staff: r.author_id !== null && r.author_name !== null ? { id: r.author_id, name: r.author_name } : null,
    intent: r.intent,
  }));
  for (const r of resolves.rows) {
    events.push({
      kind: 'resolved',
      ownerId: str(r.payload.ownerId) ?? '',
      key: r.entity,
      direction: null,
      at: r.server_at.toISOString(),
      staff: r.staff_id !== null ? { id: r.staff_id, name: r.staff_id } : null,
      intent: null,
    });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
