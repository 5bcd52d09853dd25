// The undo journal of an import applied in chunks on the embedded database (import-chunks.ts):
// written beside each chunk's figures, in the chunk's transaction; deleted by the import's last
// transaction. What is left in it belongs to an import that failed or stopped half-way, and is
// undone here, in short transactions too: a figure the import created is deleted, a figure it
// updated gets its values from before back, each with its audit event, but only while the figure
// still has the version the import wrote (whoever saved it since wins, and is counted).

import { sql } from 'kysely';
import { appendAuditEvents, type BulkAuditEvent } from '../audit/audit.repository.js';
import type { Db, Trx } from '../db/schema.js';
import type { ImportUndoPrior } from '../db/tables/import-undo.table.js';
import { inTransaction } from '../db/transaction.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import {
  type ObservationRow,
  observationColumns,
} from '../observations/observations.repository.js';
import { toObservation } from '../observations/observations.service.js';
import { getSettings } from '../settings/settings.service.js';
import { yieldToEventLoop } from './pacing.js';

/** One figure an import chunk wrote, and how to take it back. */
export interface UndoRecord {
  observation_id: string;
  /** The figure before the import; null when the import created it. */
  prior: ImportUndoPrior | null;
  /** The version the import gave it. */
  written_version: number;
}

/** Imports applying chunks in this process: their journals are theirs, never abandoned. */
export const liveImports = new Set<string>();

/** Figures undone per transaction. */
const UNDO_CHUNK = 1000;

/** Writes a chunk's undo records, in the chunk's transaction. */
export async function journal(trx: Trx, importId: string, records: UndoRecord[]): Promise<void> {
  if (records.length === 0) return;
  await sql`
    insert into import_undo (import_id, observation_id, prior, written_version)
    select ${importId}::uuid, r.observation_id, r.prior, r.written_version
    from json_to_recordset(${JSON.stringify(records)}::json)
      as r(observation_id uuid, prior jsonb, written_version int)`.execute(trx);
}

/** The import's journal is done with: its figures stay (the import's last transaction). */
export async function forgetJournal(trx: Trx, importId: string): Promise<void> {
  await trx.deleteFrom('import_undo').where('import_id', '=', importId).execute();
}

/** Imports with a journal that no import of this process is writing. */
export async function abandonedJournals(db: Db, onlyId?: string): Promise<string[]> {
  let q = db.selectFrom('import_undo').select('import_id').distinct();
  if (onlyId) q = q.where('import_id', '=', onlyId);
  const rows = await q.execute();
  return rows.map((r) => r.import_id).filter((id) => !liveImports.has(id));
}

export interface UndoOutcome {
  /** Figures put back as they were (deleted, or their values restored). */
  undone: number;
  /** Figures someone saved after the import wrote them: left as that save made them. */
  kept: number;
}

type Current = ObservationRow & { period_type: MeasureRow['period_type'] };

async function undoSome(
  trx: Trx,
  importId: string,
  by: { actorId: string | null; requestId: string | null },
  fys: number,
): Promise<UndoOutcome | null> {
  const entries = await trx
    .selectFrom('import_undo')
    .select(['observation_id', 'prior', 'written_version'])
    .where('import_id', '=', importId)
    .orderBy('observation_id')
    .limit(UNDO_CHUNK)
    .execute();
  if (entries.length === 0) return null;
  const ids = entries.map((e) => e.observation_id);
  const { rows: current } = await sql<Current>`
    select ${sql.join(observationColumns.map((c) => sql.ref(`o.${c}`)))}, m.period_type
    from observations o join measures m on m.id = o.measure_id
    where o.id = any(${ids}::uuid[])
    for update of o`.execute(trx);
  const byId = new Map(current.map((o) => [o.id, o]));
  const { rows: clock } = await sql<{ now: Date }>`select now() as now`.execute(trx);
  const at = (clock[0] as { now: Date }).now;
  const deletes: { id: string; version: number }[] = [];
  const restores: (ImportUndoPrior & { id: string; version: number })[] = [];
  const events: BulkAuditEvent[] = [];
  let kept = 0;
  for (const e of entries) {
    const o = byId.get(e.observation_id);
    if (!o || o.version !== e.written_version) {
      kept++;
      continue;
    }
    const m = { period_type: o.period_type } as MeasureRow;
    const before = toObservation(o, m, fys);
    if (e.prior === null) {
      deletes.push({ id: o.id, version: o.version });
      events.push({ action: 'observation.delete', entityId: o.id, before, after: null });
    } else {
      restores.push({ id: o.id, version: o.version, ...e.prior });
      const restored: ObservationRow = {
        ...o,
        ...e.prior,
        status: e.prior.status as ObservationRow['status'],
        version: o.version + 1,
        updated_at: at,
      };
      events.push({
        action: 'observation.update',
        entityId: o.id,
        before,
        after: toObservation(restored, m, fys),
      });
    }
  }
  if (deletes.length > 0) {
    await sql`
      delete from observations o
      using json_to_recordset(${JSON.stringify(deletes)}::json) as v(id uuid, version int)
      where o.id = v.id and o.version = v.version`.execute(trx);
  }
  if (restores.length > 0) {
    await sql`
      update observations o set
        value = v.value, numerator = v.numerator, denominator = v.denominator, note = v.note,
        status = v.status, entered_by = v.entered_by, version = o.version + 1, updated_at = now()
      from json_to_recordset(${JSON.stringify(restores)}::json) as v(
        id uuid, version int, value numeric, numerator numeric, denominator numeric, note text,
        status text, entered_by uuid)
      where o.id = v.id and o.version = v.version`.execute(trx);
  }
  if (events.length > 0) {
    await appendAuditEvents(
      trx,
      { actorId: by.actorId, requestId: by.requestId, entity: 'observation' },
      events,
    );
  }
  await trx
    .deleteFrom('import_undo')
    .where('import_id', '=', importId)
    .where('observation_id', 'in', ids)
    .execute();
  return { undone: deletes.length + restores.length, kept };
}

/**
 * Undoes what an import's journal holds, a thousand figures per transaction with the event
 * loop free between them, and empties the journal. `by` is who the undo's audit events name:
 * the importing user when its own import failed, nobody (the system) after a restart.
 */
export async function undoJournal(
  db: Db,
  importId: string,
  by: { actorId: string | null; requestId: string | null },
): Promise<UndoOutcome> {
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const total: UndoOutcome = { undone: 0, kept: 0 };
  for (;;) {
    const step = await inTransaction(db, (trx) => undoSome(trx, importId, by, fys));
    if (!step) return total;
    total.undone += step.undone;
    total.kept += step.kept;
    await yieldToEventLoop();
  }
}

/** Undoes every journal no import of this process is writing (start-up, a stale job). */
export async function undoAbandonedJournals(
  db: Db,
  onlyId?: string,
): Promise<Map<string, UndoOutcome>> {
  const out = new Map<string, UndoOutcome>();
  for (const id of await abandonedJournals(db, onlyId)) {
    out.set(id, await undoJournal(db, id, { actorId: null, requestId: null }));
  }
  return out;
}
