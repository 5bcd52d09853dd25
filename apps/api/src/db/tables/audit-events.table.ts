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
}
