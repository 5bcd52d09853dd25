// The undo journal of an import applied in chunks on the embedded database (import-chunks.ts):
// written beside each chunk's figures, in the chunk's transaction; deleted by the import's last
// transaction. What is left in it belongs to an import that failed or stopped half-way, and is
// undone here, in short transactions too: a figure the import created is deleted, a figure it
// updated gets its values from before back, each with its audit event, but only while the figure
// still has the version the import wrote (whoever saved it since wins, and is counted).

import { appendAuditEvents, type BulkAuditEvent } from '../audit/audit.repository.js';
import type { Db, Trx } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import type { ObservationRow } from '../observations/observations.repository.js';
import { toObservation } from '../observations/observations.service.js';
import { getSettings } from '../settings/settings.service.js';
import {
  deleteFiguresAt,
  deleteJournal,
  insertJournal,
  journalEntries,
  journalImportIds,
  lockFigures,
} from './import-undo.repository.js';
import { type CellUpdate, transactionTime, updateCells } from './imports.repository.js';
import { yieldToEventLoop } from './pacing.js';

export type { UndoRecord } from './import-undo.repository.js';

/** Imports applying chunks in this process: their journals are theirs, never abandoned. */
export const liveImports = new Set<string>();

/** Figures undone per transaction. */
const UNDO_CHUNK = 1000;

/** Writes a chunk's undo records, in the chunk's transaction. */
export const journal = insertJournal;

/** The import's journal is done with: its figures stay (the import's last transaction). */
export async function forgetJournal(trx: Trx, importId: string): Promise<void> {
  await deleteJournal(trx, importId);
}

/** Imports with a journal that no import of this process is writing. */
export async function abandonedJournals(db: Db, onlyId?: string): Promise<string[]> {
  return (await journalImportIds(db, onlyId)).filter((id) => !liveImports.has(id));
}

export interface UndoOutcome {
  /** Figures put back as they were (deleted, or their values restored). */
  undone: number;
  /** Figures someone saved after the import wrote them: left as that save made them. */
  kept: number;
}

async function undoSome(
  trx: Trx,
  importId: string,
  by: { actorId: string | null; requestId: string | null },
  fys: number,
): Promise<UndoOutcome | null> {
  const entries = await journalEntries(trx, importId, UNDO_CHUNK);
  if (entries.length === 0) return null;
  const ids = entries.map((e) => e.observation_id);
  const current = await lockFigures(trx, ids);
  const byId = new Map(current.map((o) => [o.id, o]));
  const at = await transactionTime(trx);
  const deletes: { id: string; version: number }[] = [];
  const restores: CellUpdate[] = [];
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
      restores.push({
        id: o.id,
        version: o.version,
        ...e.prior,
        status: e.prior.status as CellUpdate['status'],
      });
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
  await deleteFiguresAt(trx, deletes);
  if (restores.length > 0) await updateCells(trx, restores);
  if (events.length > 0) {
    await appendAuditEvents(
      trx,
      { actorId: by.actorId, requestId: by.requestId, entity: 'observation' },
      events,
    );
  }
  await deleteJournal(trx, importId, ids);
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
