// Owners: whose ClubOS inboxes are synced, and each one's sync state.
import { z } from 'zod';
import { errorCodeSchema, type ApiError } from '../../common/contract';
import type { DbContext } from '../db-context';
import { notFound } from '../errors';
import { epochToStored } from '../iso-time';
import type { OwnerRecord } from '../types';
import { parseInput } from '../validate';
import { clubosIdSchema } from '../../common/clubos-id';

const ownerInput = z.object({
  ownerId: clubosIdSchema,
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().optional(),
});

interface OwnerRow {
  owner_id: string;
  name: string;
  enabled: number;
  last_success_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  consecutive_failures: number;
  history_imported: number;
  import_started_at: string | null;
  import_recent_stored: number;
}

function toOwner(r: OwnerRow): OwnerRecord {
  let lastError: ApiError | null = null;
  if (r.last_error_code !== null && r.last_error_message !== null) {
    // A code this version does not know (written by a newer one) still reads as an error.
    const code = errorCodeSchema.safeParse(r.last_error_code);
    lastError = { code: code.success ? code.data : 'internal', message: r.last_error_message };
  }
  return {
    ownerId: r.owner_id,
    name: r.name,
    enabled: r.enabled === 1,
    lastSuccessAt: r.last_success_at,
    lastError,
    consecutiveFailures: r.consecutive_failures,
    historyImported: r.history_imported === 1,
    importStartedAt: r.import_started_at,
    importRecentStored: r.import_recent_stored === 1,
  };
}

const COLUMNS = `owner_id, name, enabled, last_success_at, last_error_code, last_error_message, consecutive_failures, history_imported, import_started_at, import_recent_stored`;

export interface OwnerQueries {
  /** Adds the owner, or renames it (and sets `enabled` when given); sync state is kept. */
  upsert(owner: { ownerId: string; name: string; enabled?: boolean }): OwnerRecord;
  get(ownerId: string): OwnerRecord | null;
  list(): OwnerRecord[];
  setEnabled(ownerId: string, enabled: boolean): OwnerRecord;
  /** Deletes the owner with its conversations and messages. False when there was none. */
  remove(ownerId: string): boolean;
  /** A poll succeeded at `at` (epoch ms): failures reset, error cleared. */
  recordSyncSuccess(ownerId: string, at: number, options?: { historyImported?: boolean }): void;
  /** A poll failed; `consecutiveFailures` defaults to one more than stored. */
  recordSyncFailure(ownerId: string, error: ApiError, consecutiveFailures?: number): void;
  setHistoryImported(ownerId: string, imported: boolean): void;
  /** Sets when the first import began, unless already set; returns the owner as stored. */
  beginImport(ownerId: string, at: number): OwnerRecord;
  /** An import attempt stored every row dated on or after the import's first day. */
  setImportRecentStored(ownerId: string): void;
}

export function ownerQueries(ctx: DbContext): OwnerQueries {
  function get(ownerId: string): OwnerRecord | null {
    const row = ctx.prepare(`SELECT ${COLUMNS} FROM owners WHERE owner_id = ?`).get(ownerId) as OwnerRow | undefined;
    return row ? toOwner(row) : null;
  }

  function getOrThrow(ownerId: string): OwnerRecord {
    const owner = get(ownerId);
    if (!owner) throw notFound('owner', ownerId);
    return owner;
  }

  const changed = (ownerId: string, changes: number): void => {
    if (changes === 0) throw notFound('owner', ownerId);
  };

  return {
    upsert(input) {
      const o = parseInput(ownerInput, input, 'owner');
      return ctx.transaction(() => {
        ctx
          .prepare(
            `INSERT INTO owners (owner_id, name, enabled, added_at) VALUES (@ownerId, @name, @enabled, @now)
             ON CONFLICT (owner_id) DO UPDATE SET name = excluded.name,
               enabled = CASE WHEN @keepEnabled THEN enabled ELSE excluded.enabled END`,
          )
          .run({ ownerId: o.ownerId, name: o.name, enabled: o.enabled === false ? 0 : 1, keepEnabled: o.enabled === undefined ? 1 : 0, now: ctx.nowIso() });
        return getOrThrow(o.ownerId);
      });
    },
    get,
    list: () => (ctx.prepare(`SELECT ${COLUMNS} FROM owners ORDER BY added_at, owner_id`).all() as OwnerRow[]).map(toOwner),
    setEnabled(ownerId, enabled) {
      changed(ownerId, ctx.prepare('UPDATE owners SET enabled = ? WHERE owner_id = ?').run(enabled ? 1 : 0, ownerId).changes);
      return getOrThrow(ownerId);
    },
    remove: (ownerId) => ctx.transaction(() => ctx.prepare('DELETE FROM owners WHERE owner_id = ?').run(ownerId).changes > 0),
    recordSyncSuccess(ownerId, at, options = {}) {
      const result = ctx
        .prepare(
          `UPDATE owners SET last_success_at = ?, last_error_code = NULL, last_error_message = NULL, consecutive_failures = 0,
             history_imported = coalesce(?, history_imported)
           WHERE owner_id = ?`,
        )
        .run(epochToStored(at), options.historyImported === undefined ? null : options.historyImported ? 1 : 0, ownerId);
      changed(ownerId, result.changes);
    },
    recordSyncFailure(ownerId, error, consecutiveFailures) {
      const result = ctx
        .prepare(
          `UPDATE owners SET last_error_code = ?, last_error_message = ?,
             consecutive_failures = coalesce(?, consecutive_failures + 1) WHERE owner_id = ?`,
        )
        .run(error.code, error.message, consecutiveFailures ?? null, ownerId);
      changed(ownerId, result.changes);
    },
    beginImport(ownerId, at) {
      return ctx.transaction(() => {
        changed(ownerId, ctx.prepare('UPDATE owners SET import_started_at = coalesce(import_started_at, ?) WHERE owner_id = ?').run(epochToStored(at), ownerId).changes);
        return getOrThrow(ownerId);
      });
    },
    setImportRecentStored(ownerId) {
      changed(ownerId, ctx.prepare('UPDATE owners SET import_recent_stored = 1 WHERE owner_id = ?').run(ownerId).changes);
    },
    setHistoryImported(ownerId, imported) {
      changed(ownerId, ctx.prepare('UPDATE owners SET history_imported = ? WHERE owner_id = ?').run(imported ? 1 : 0, ownerId).changes);
    },
  };
}
