import type { Connection } from '../statements';

/** One step of the schema. `up` runs inside the runner's transaction and must not open its own. */
export interface Migration {
  /** The `PRAGMA user_version` the database has once this step ran: 1, 2, 3… with no gaps. */
  version: number;
  name: string;
  up(conn: Connection): void;
}
