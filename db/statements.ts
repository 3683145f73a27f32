// Prepared statements, compiled once per connection. Queries with optional filters produce a
// handful of distinct SQL texts, each cached under its text.
import type Database from 'better-sqlite3';

export type Connection = Database.Database;
export type Statement = Database.Statement;
export type Prepare = (sql: string) => Statement;

export function statementCache(conn: Connection): Prepare {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = conn.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}
