// A cheap fingerprint of the whole database, to show that a refused request changed nothing:
// the permission tests and the fuzzer take one before and after each request.
import { sql } from 'kysely';
import type { Db } from '../src/db/schema.js';

// Tables a refused request may legitimately touch: migration bookkeeping, and login counters.
const NOT_FINGERPRINTED = new Set(['kysely_migration', 'kysely_migration_lock', 'rate_limits']);
// Append-only: its row count and highest id say whether anything was added.
const APPEND_ONLY = new Set(['audit_events']);

export async function fingerprintedTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  return rows.map((r) => r.table_name).filter((n) => !NOT_FINGERPRINTED.has(n));
}

/** One query: per table, its row count and a hash of every row (the audit trail: count, max id). */
export async function fingerprint(db: Db, tables: string[]): Promise<Record<string, string>> {
  const parts = tables.map((name) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`odd table name ${name}`);
    return APPEND_ONLY.has(name)
      ? `select '${name}' as name, count(*)::text || ' rows, max id ' || coalesce(max(id)::text, '-') as print from ${name}`
      : `select '${name}' as name, count(*)::text || ' rows, ' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as print from ${name} x`;
  });
  const { rows } = await sql
    .raw<{ name: string; print: string }>(parts.join(' union all '))
    .execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}
