// The undo journal's SQL (import_undo, migration 20261209010000): written beside each chunk of
// an import applied in chunks on PGlite, read back and emptied by the undo (import-undo.ts).
import { sql } from 'kysely';
import type { Db, Trx } from '../db/schema.js';
import type { ImportUndoPrior } from '../db/tables/import-undo.table.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import {
  type ObservationRow,
  observationColumns,
} from '../observations/observations.repository.js';

/** One figure an import chunk wrote, and how to take it back. */
export interface UndoRecord {
  observation_id: string;
  /** The figure before the import; null when the import created it. */
  prior: ImportUndoPrior | null;
  /** The version the import gave it. */
  written_version: number;
}

/** Writes a chunk's undo records, in the chunk's transaction. */
export async function insertJournal(
  trx: Trx,
  importId: string,
  records: UndoRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await sql`
    insert into import_undo (import_id, observation_id, prior, written_version)
    select ${importId}::uuid, r.observation_id, r.prior, r.written_version
    from json_to_recordset(${JSON.stringify(records)}::json)
      as r(observation_id uuid, prior jsonb, written_version int)`.execute(trx);
}

/** Deletes an import's journal, or only these figures' entries of it. */
export async function deleteJournal(trx: Trx, importId: string, ids?: string[]): Promise<void> {
  let q = trx.deleteFrom('import_undo').where('import_id', '=', importId);
  if (ids) q = q.where('observation_id', 'in', ids);
  await q.execute();
}

/** The imports that have a journal (or only `onlyId`, when it has one). */
export async function journalImportIds(db: Db, onlyId?: string): Promise<string[]> {
  let q = db.selectFrom('import_undo').select('import_id').distinct();
  if (onlyId) q = q.where('import_id', '=', onlyId);
  return (await q.execute()).map((r) => r.import_id);
}

/** Up to `limit` entries of an import's journal. */
export async function journalEntries(trx: Trx, importId: string, limit: number) {
  return trx
    .selectFrom('import_undo')
    .select(['observation_id', 'prior', 'written_version'])
    .where('import_id', '=', importId)
    .orderBy('observation_id')
    .limit(limit)
    .execute();
}

export type LockedFigure = ObservationRow & { period_type: MeasureRow['period_type'] };

/** These figures as they are now, locked for the transaction, with their measure's period type. */
export async function lockFigures(trx: Trx, ids: string[]): Promise<LockedFigure[]> {
  const { rows } = await sql<LockedFigure>`
    select ${sql.join(observationColumns.map((c) => sql.ref(`o.${c}`)))}, m.period_type
    from observations o join measures m on m.id = o.measure_id
    where o.id = any(${ids}::uuid[])
    for update of o`.execute(trx);
  return rows;
}

/** Deletes these figures where they still have the version given. */
export async function deleteFiguresAt(
  trx: Trx,
  figures: { id: string; version: number }[],
): Promise<void> {
  if (figures.length === 0) return;
  await sql`
    delete from observations o
    using json_to_recordset(${JSON.stringify(figures)}::json) as v(id uuid, version int)
    where o.id = v.id and o.version = v.version`.execute(trx);
}
