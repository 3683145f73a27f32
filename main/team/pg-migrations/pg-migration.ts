/** One step of the team store's schema: applied in order, each in the migrating transaction. */
export interface PgMigration {
  /** 1, 2, 3… with no gaps; recorded in frontdesk.migrations. */
  version: number;
  name: string;
  sql: string;
}
