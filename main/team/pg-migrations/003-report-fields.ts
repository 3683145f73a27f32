// Team store version 3: what reports need to be as exact as a desk's own (README, "Reports").
// A message now carries when its desk first stored it (a text already stale when stored, such as
// a first import of history, starts no request), whether ClubOS gave its minute (a text dated
// without a minute counts but is not timed), whether it asks for a reply, and the sender's name
// as ClubOS writes it; a resolve carries the desk's moment and actor in its payload (`at`,
// `actor`, written with the local change: db/queries/conversations.ts, setStatus). A desk adds
// when it stored a message as it pushes (db/queries/team.ts, outbox.peek). Rows stored
// before this version have NULLs, which the reports read as before (timed, asking). An index by
// conversation lets a report read the earlier history of the conversations its period touches.
// The push function is the same as version 2's but for the message insert.
import type { PgMigration } from './pg-migration';

export const reportFields: PgMigration = {
  version: 3,
  name: 'report-fields',
  sql: `
ALTER TABLE frontdesk.messages
  ADD COLUMN received_at text,
  ADD COLUMN timed boolean,
  ADD COLUMN requires_response boolean,
  ADD COLUMN sender_name text,
  -- The order messages reached the store: texts of the same minute keep the order a desk stored them in.
  ADD COLUMN ord bigserial;
-- A conversation's earlier history, read for the conversations a report's period touches.
CREATE INDEX messages_by_key ON frontdesk.messages (key, sent_at);

CREATE OR REPLACE FUNCTION frontdesk.push(p_desk text, p_staff text, p_entries jsonb)
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
      INSERT INTO frontdesk.messages (owner_id, dedupe_key, occurrence, key, direction, sent_at, intent, received_at, timed, requires_response, sender_name)
      VALUES (p->>'ownerId', p->>'dedupeKey', (p->>'occurrence')::int, p->>'key', p->>'direction', p->>'sentAt', p->>'intent',
        p->>'receivedAt', CASE WHEN p ? 'localTime' THEN p->>'localTime' IS NOT NULL END,
        CASE WHEN p ? 'requiresResponse' THEN p->>'requiresResponse' IN ('1', 'true') END, p->>'senderName')
      ON CONFLICT DO NOTHING;
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n = 0 AND p->>'receivedAt' IS NOT NULL THEN
        -- Known from before these columns: the first desk that tells fills them.
        UPDATE frontdesk.messages SET received_at = p->>'receivedAt', timed = CASE WHEN p ? 'localTime' THEN p->>'localTime' IS NOT NULL END,
          requires_response = CASE WHEN p ? 'requiresResponse' THEN p->>'requiresResponse' IN ('1', 'true') END, sender_name = p->>'senderName'
        WHERE owner_id = p->>'ownerId' AND dedupe_key = p->>'dedupeKey' AND occurrence = (p->>'occurrence')::int AND received_at IS NULL;
      END IF;
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
