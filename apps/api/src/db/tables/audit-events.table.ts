import type { ColumnType, Generated } from 'kysely';

export interface AuditEventsTable {
  id: Generated<number>;
  at: ColumnType<Date, never, never>;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  request_id: string | null;
  /** The hash chain, set by the database's BEFORE INSERT trigger (migration audit-chain). */
  seq: ColumnType<number, never, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

/** One row: the sequence number and hash of the newest audit event. */
export interface AuditChainHeadTable {
  id: ColumnType<boolean, never, never>;
  seq: ColumnType<number, never, never>;
  hash: ColumnType<string, never, never>;
}
