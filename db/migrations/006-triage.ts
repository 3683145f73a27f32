// Version 6: triage. `handled_at` is staff saying "nothing to answer here" without replying: the
// member's texts stored before it stop waiting. `subject` keeps a sent email's subject line, which
// ClubOS's follow-up log does not show. The index serves "longest waiting first".
import type { Migration } from './migration';

const instant = (col: string): string =>
  `CHECK (${col} IS NULL OR (length(${col}) = 24 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'))`;

const TRIAGE = `
ALTER TABLE conversations ADD COLUMN handled_at TEXT ${instant('handled_at')};
ALTER TABLE messages ADD COLUMN subject TEXT CHECK (subject IS NULL OR length(subject) <= 200);
CREATE INDEX conversations_waiting ON conversations (waiting_since, id)
  WHERE conversation_status IN ('open', 'pending', 'snoozed') AND requires_response = 1;
`;

export const triage: Migration = {
  version: 6,
  name: 'triage',
  up(conn) {
    conn.exec(TRIAGE);
  },
};
