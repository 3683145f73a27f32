// Team store version 2: the push as one server-side function. A desk sends a batch of its outbox
// in one call; the store applies each field's rule where the data is (one round trip per batch
// instead of several per change), holding the push lock so change numbers follow commit order.
// The rules (ARCHITECTURE.md "Team mode"):
//   message   new by (owner, dedupe key, occurrence) only; a member's live text sent at or after
//             the conversation's status was set reopens it (a `status` change by the store)
//   author    who sent a reply, once known
//   status    last writer in the store's order (status and snooze together)
//   handled   last writer
//   tag       per tag, last writer (add/remove with a tombstone row): concurrent adds unite
//   assign    compare-and-set: applied only if the store's assignee is the one the desk saw
//             (`from`) or already the target; otherwise refused, and the store's assignee is
//             sent instead, marked `rejected` for the desk that tried
//   note      append-only, once per uid
//   read      per staff member, last writer
//   draft     the first decision wins
//   campaign  each desk's own campaigns, last report
import type { PgMigration } from './pg-migration';

export const pushFunction: PgMigration = {
  version: 2,
  name: 'push-function',
  sql: `
CREATE FUNCTION frontdesk.push(p_desk text, p_staff text, p_entries jsonb)
RETURNS TABLE (pushed_through bigint, last_seq bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  already bigint;
  e jsonb;
  p jsonb;
  k text;
  entity text;
  last bigint := 0;
  s bigint;
  through bigint := 0;
  cur_id text;
  cur_name text;
  cur_status text;
  cur_status_at timestamptz;
  n integer;
BEGIN
  PERFORM pg_advisory_xact_lock(1178880818); -- 'FDK2': one push at a time
  SELECT x.pushed_through INTO already FROM frontdesk.pushes x WHERE x.desk_id = p_desk;
  already := coalesce(already, 0);
  FOR e IN SELECT value FROM jsonb_array_elements(p_entries) LOOP
    through := greatest(through, (e->>'seq')::bigint);
    CONTINUE WHEN (e->>'seq')::bigint <= already;
    k := e->>'kind';
    p := e->'payload';
    IF k IN ('message', 'author', 'draft') THEN
      entity := (p->>'ownerId') || '|' || (p->>'dedupeKey') || '|' || (p->>'occurrence');
    ELSIF k = 'campaign' THEN
      entity := 'campaign|' || (p->>'campaignId');
    ELSE
      entity := p->>'key';
      INSERT INTO frontdesk.conversations (key, owner_id, member_id, member_name, name_key)
      VALUES (entity, p->>'ownerId', p->>'memberId', coalesce(p->>'memberName', ''), coalesce(p->>'nameKey', ''))
      ON CONFLICT (key) DO NOTHING;
    END IF;
    s := NULL;
    IF k = 'message' THEN
      INSERT INTO frontdesk.conversations (key, owner_id, member_id, member_name, name_key)
      VALUES (p->>'key', p->>'ownerId', p->>'memberId', coalesce(p->>'memberName', ''), coalesce(p->>'nameKey', ''))
      ON CONFLICT (key) DO NOTHING;
      INSERT INTO frontdesk.messages (owner_id, dedupe_key, occurrence, key, direction, sent_at, intent)
      VALUES (p->>'ownerId', p->>'dedupeKey', (p->>'occurrence')::int, p->>'key', p->>'direction', p->>'sentAt', p->>'intent')
      ON CONFLICT DO NOTHING;
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n > 0 THEN
        INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('message', entity, p, p_desk, p_staff) RETURNING seq INTO s;
        last := greatest(last, s);
        IF p->>'direction' = 'inbound' AND coalesce(p->>'source', '') <> 'history' THEN
          SELECT c.status, c.status_at INTO cur_status, cur_status_at FROM frontdesk.conversations c WHERE c.key = p->>'key' FOR UPDATE;
          IF cur_status IN ('resolved', 'snoozed') AND (cur_status_at IS NULL OR (p->>'sentAt')::timestamptz >= date_trunc('minute', cur_status_at)) THEN
            UPDATE frontdesk.conversations SET status = 'open', snoozed_until = NULL, status_by = NULL, status_at = clock_timestamp() WHERE key = p->>'key';
            INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id)
            VALUES ('status', p->>'key', jsonb_build_object('key', p->'key', 'ownerId', p->'ownerId', 'memberId', p->'memberId', 'memberName', p->'memberName',
              'nameKey', p->'nameKey', 'status', 'open', 'snoozedUntil', NULL, 'by', NULL), p_desk, NULL) RETURNING seq INTO s;
            last := greatest(last, s);
          END IF;
        END IF;
      END IF;
    ELSIF k = 'author' THEN
      UPDATE frontdesk.messages SET author_id = p->>'staffId', author_name = p->>'staffName'
      WHERE owner_id = p->>'ownerId' AND dedupe_key = p->>'dedupeKey' AND occurrence = (p->>'occurrence')::int AND author_id IS DISTINCT FROM p->>'staffId';
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n > 0 THEN
        INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('author', entity, p, p_desk, p_staff) RETURNING seq INTO s;
      END IF;
    ELSIF k = 'status' THEN
      UPDATE frontdesk.conversations SET status = p->>'status', snoozed_until = p->>'snoozedUntil', status_by = p->>'by', status_at = clock_timestamp() WHERE key = entity;
      INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('status', entity, p, p_desk, p_staff) RETURNING seq INTO s;
    ELSIF k = 'handled' THEN
      UPDATE frontdesk.conversations SET handled_at = p->>'handledAt', handled_by = p->>'by' WHERE key = entity;
      INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('handled', entity, p, p_desk, p_staff) RETURNING seq INTO s;
    ELSIF k = 'tag' THEN
      INSERT INTO frontdesk.conversation_tags (key, tag, present, changed_by, seq) VALUES (entity, p->>'tag', (p->>'present')::boolean, p->>'by', 0)
      ON CONFLICT (key, tag) DO UPDATE SET present = EXCLUDED.present, changed_by = EXCLUDED.changed_by;
      INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('tag', entity, p, p_desk, p_staff) RETURNING seq INTO s;
    ELSIF k = 'assign' THEN
      SELECT c.assignee_id, c.assignee_name INTO cur_id, cur_name FROM frontdesk.conversations c WHERE c.key = entity FOR UPDATE;
      IF cur_id IS NOT DISTINCT FROM p->>'from' OR cur_id IS NOT DISTINCT FROM p->>'to' THEN
        UPDATE frontdesk.conversations SET assignee_id = p->>'to', assignee_name = CASE WHEN p->>'to' IS NULL THEN NULL ELSE p->>'toName' END,
          assigned_at = clock_timestamp() WHERE key = entity;
        INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('assign', entity, p, p_desk, p_staff) RETURNING seq INTO s;
      ELSE
        INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id)
        VALUES ('assign', entity, p || jsonb_build_object('to', cur_id, 'toName', cur_name,
          'rejected', jsonb_build_object('deskId', p_desk, 'attempted', p->'to')), p_desk, p_staff) RETURNING seq INTO s;
      END IF;
    ELSIF k = 'note' THEN
      INSERT INTO frontdesk.notes (uid, key, author_id, author_name, body, created_at, seq)
      VALUES (p->>'uid', entity, p->>'authorId', p->>'authorName', p->>'body', p->>'createdAt', 0) ON CONFLICT (uid) DO NOTHING;
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n > 0 THEN
        INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('note', entity, p, p_desk, p_staff) RETURNING seq INTO s;
      END IF;
    ELSIF k = 'read' THEN
      INSERT INTO frontdesk.reads (key, staff_id, staff_name, read_through, seq) VALUES (entity, p->>'staffId', p->>'staffName', p->>'readThrough', 0)
      ON CONFLICT (key, staff_id) DO UPDATE SET staff_name = EXCLUDED.staff_name, read_through = EXCLUDED.read_through;
      INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('read', entity, p, p_desk, p_staff) RETURNING seq INTO s;
    ELSIF k = 'draft' THEN
      INSERT INTO frontdesk.draft_decisions (owner_id, dedupe_key, occurrence, status, decided_by, decided_at)
      VALUES (p->>'ownerId', p->>'dedupeKey', (p->>'occurrence')::int, p->>'status', p->>'decidedBy', p->>'decidedAt') ON CONFLICT DO NOTHING;
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n > 0 THEN
        INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('draft', entity, p, p_desk, p_staff) RETURNING seq INTO s;
      END IF;
    ELSIF k = 'campaign' THEN
      INSERT INTO frontdesk.campaigns (desk_id, campaign_id, payload, updated_at) VALUES (p_desk, (p->>'campaignId')::bigint, coalesce(p->'campaign', '{}'::jsonb), clock_timestamp())
      ON CONFLICT (desk_id, campaign_id) DO UPDATE SET payload = EXCLUDED.payload, updated_at = EXCLUDED.updated_at;
      INSERT INTO frontdesk.changes (kind, entity, payload, desk_id, staff_id) VALUES ('campaign', entity, p, p_desk, p_staff) RETURNING seq INTO s;
    END IF;
    IF s IS NOT NULL THEN last := greatest(last, s); END IF;
  END LOOP;
  IF through > already THEN
    INSERT INTO frontdesk.pushes (desk_id, pushed_through) VALUES (p_desk, through)
    ON CONFLICT (desk_id) DO UPDATE SET pushed_through = greatest(frontdesk.pushes.pushed_through, EXCLUDED.pushed_through);
  END IF;
  IF last > 0 THEN PERFORM pg_notify('frontdesk_changes', last::text); END IF;
  RETURN QUERY SELECT through, last;
END
$fn$;
`,
};
