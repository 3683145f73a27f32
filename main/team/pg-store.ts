// The team store's SQL: migrating its schema, accepting a desk's outbox (applying each field's
// conflict rule), reading changes after a sequence number, poll leases, the roster and report
// events. Every function takes a connected client; connections and retries are pg-link.ts's.
import type { ClientBase } from 'pg';
import type { StaffMember } from '../../common/contract';
import { PG_LATEST_VERSION, PG_MIGRATIONS } from './pg-migrations/list';
import type { Lease, PushResult, ResponseEvent, StaffSeen, TeamChange, TeamOutboxEntry } from './types';

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

/**
 * Accepts a desk's outbox entries (oldest first) in one transaction and returns how far it got.
 * The rules run in the store (frontdesk.push, pg-migrations/002-push-function.ts). Entries the
 * store already has from this desk are skipped, so a push repeated after a crash changes nothing.
 */
export async function push(client: ClientBase, desk: { deskId: string; staff: StaffMember }, entries: readonly TeamOutboxEntry[]): Promise<PushResult> {
  if (entries.length === 0) return { pushedThrough: 0, lastSeq: 0 };
  const batch = entries.map((e) => ({ seq: e.seq, kind: e.kind, payload: e.payload }));
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ pushed_through: string; last_seq: string }>('SELECT pushed_through, last_seq FROM frontdesk.push($1, $2, $3::jsonb)', [
      desk.deskId,
      desk.staff.id,
      JSON.stringify(batch),
    ]);
    await client.query('COMMIT');
    return { pushedThrough: Number(rows[0]?.pushed_through ?? 0), lastSeq: Number(rows[0]?.last_seq ?? 0) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
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
  const resolves = await client.query<{ entity: string; payload: Payload; staff_id: string | null; staff_name: string | null; server_at: Date }>(
    `SELECT c.entity, c.payload, c.staff_id, d.staff_name, c.server_at FROM frontdesk.changes c
     LEFT JOIN LATERAL (SELECT staff_name FROM frontdesk.desks WHERE staff_id = c.staff_id ORDER BY last_seen DESC LIMIT 1) d ON true
     WHERE c.kind = 'status' AND c.payload->>'status' = 'resolved' AND c.server_at >= $1 AND c.server_at < $2 ORDER BY c.seq`,
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
      staff: r.staff_id !== null ? { id: r.staff_id, name: r.staff_name ?? r.staff_id } : null,
      intent: null,
    });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
