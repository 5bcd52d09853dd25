// The write step of an import commit: the planned inserts and updates, chunk by chunk, each
// with its audit events, then the import's own audit event. On PostgreSQL all of it is one
// transaction; on PGlite each chunk of figures is its own (import-chunks.ts).

import { randomUUID } from 'node:crypto';
import type { Actor } from '../access/actor.js';
import {
  appendAuditEvents,
  type BulkAuditEvent,
  insertAuditEvent,
} from '../audit/audit.repository.js';
import type { Trx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import { ImportConflictError } from '../errors.js';
import { lockOrganization, type ObservationRow } from '../observations/observations.repository.js';
import { toObservation } from '../observations/observations.service.js';
import type { Plan } from './import-plan.js';
import type { Prepared } from './import-rows.js';
import type { UndoRecord } from './import-undo.js';
import {
  type CellUpdate,
  insertCells,
  type NewCell,
  transactionTime,
  updateCells,
} from './imports.repository.js';
import type { ImportInput } from './imports.service.js';

/**
 * The agencies' row locks, as a figure save takes them: shared, and in id order so that two
 * imports cannot deadlock. A submit or review waits for the import, and the import sees a
 * period the submit locked before it.
 */
export async function lockAgencies(trx: Trx, figures: Prepared[]): Promise<void> {
  const agencies = [
    ...new Set(
      figures.filter((x) => x.m.kind === 'performance').map((x) => x.m.organization_id as string),
    ),
  ].sort();
  for (const id of agencies) await lockOrganization(trx, id, 'share');
}

/** Figures written per statement. */
const WRITE_CHUNK = 5000;

export async function write(
  trx: Trx,
  actor: Actor,
  p: Plan,
  fys: number,
  input: ImportInput,
  jobId: string | null,
): Promise<void> {
  await writeFigures(trx, actor, p, fys);
  await writeCommitEvent(trx, actor, p.report, input, jobId);
}

/**
 * The plan's inserts and updates with their audit events (one per figure); returns how to take
 * each back (the undo journal of a chunked import, import-chunks.ts).
 */
export async function writeFigures(
  trx: Trx,
  actor: Actor,
  p: Plan,
  fys: number,
): Promise<UndoRecord[]> {
  const undo: UndoRecord[] = [];
  // As a PUT does: population figures are approved when saved, program figures are drafts, or
  // `returned` in a period handed back for correction (figureStatus, observations.service.ts).
  const statusOf = (x: Prepared): ObservationStatus =>
    x.m.kind === 'indicator' ? 'approved' : p.held.has(x) ? 'returned' : 'draft';
  // Ids are chosen here and the clock is the transaction's, so every audited row is known
  // without reading the written rows back. Chunk by chunk, the next chunk is prepared while
  // the database writes the last one, and no more than a chunk of audit JSON is held.
  const at = await transactionTime(trx);
  const figureEvents = { actorId: actor.userId, requestId: actor.requestId, entity: 'observation' };
  const cellOf = (x: Prepared): NewCell => ({
    id: randomUUID(),
    measure_id: x.m.id,
    period_start: x.start,
    period_end: x.end,
    breakdown: x.key,
    ...x.figure,
    note: x.note ?? null,
    status: statusOf(x),
    entered_by: actor.userId,
  });
  const conflict = () =>
    new ImportConflictError(
      'Someone saved some of these figures while the import ran; nothing was written, run it again',
    );
  let pending: Promise<void> = Promise.resolve();
  const send = async (work: () => Promise<void>) => {
    await pending;
    pending = work();
    pending.catch(() => {}); // awaited below; this only keeps it from counting as unhandled
    await new Promise((resolve) => setImmediate(resolve)); // let the queries go out
  };
  for (let i = 0; i < p.inserts.length; i += WRITE_CHUNK) {
    const cells: NewCell[] = [];
    const events: BulkAuditEvent[] = [];
    for (const x of p.inserts.slice(i, i + WRITE_CHUNK)) {
      const cell = cellOf(x);
      cells.push(cell);
      undo.push({ observation_id: cell.id, prior: null, written_version: 1 });
      const row: ObservationRow = { ...cell, version: 1, updated_at: at };
      events.push({
        action: 'observation.create',
        entityId: cell.id,
        before: undefined,
        after: toObservation(row, x.m, fys),
      });
    }
    await send(async () => {
      if ((await insertCells(trx, cells)) !== cells.length) throw conflict();
      await appendAuditEvents(trx, figureEvents, events);
    });
  }
  for (let i = 0; i < p.updates.length; i += WRITE_CHUNK) {
    const changes: CellUpdate[] = [];
    const events: BulkAuditEvent[] = [];
    for (const { p: x, existing } of p.updates.slice(i, i + WRITE_CHUNK)) {
      const change: CellUpdate = {
        id: existing.id,
        version: existing.version,
        ...x.figure,
        note: x.note === undefined ? existing.note : x.note,
        status: statusOf(x),
        entered_by: actor.userId,
      };
      changes.push(change);
      undo.push({
        observation_id: existing.id,
        prior: {
          value: existing.value,
          numerator: existing.numerator,
          denominator: existing.denominator,
          note: existing.note,
          status: existing.status,
          entered_by: existing.entered_by,
        },
        written_version: existing.version + 1,
      });
      const row: ObservationRow = {
        ...existing,
        ...change,
        version: existing.version + 1,
        updated_at: at,
      };
      events.push({
        action: 'observation.update',
        entityId: existing.id,
        before: toObservation(existing, x.m, fys),
        after: toObservation(row, x.m, fys),
      });
    }
    await send(async () => {
      if ((await updateCells(trx, changes)) !== changes.length) throw conflict();
      await appendAuditEvents(trx, figureEvents, events);
    });
  }
  await pending;
  return undo;
}

/** The import's own audit event, with its counts: the sign that it committed. */
export async function writeCommitEvent(
  trx: Trx,
  actor: Actor,
  report: Plan['report'],
  input: ImportInput,
  jobId: string | null,
): Promise<void> {
  await insertAuditEvent(trx, {
    actorId: actor.userId,
    action: 'import.commit',
    entity: 'import',
    entityId: jobId,
    after: {
      filename: input.filename ?? null,
      mode: input.mapping.mode,
      rowsRead: report.rowsRead,
      inserted: report.inserted,
      updated: report.updated,
      unchanged: report.unchanged,
    },
    requestId: actor.requestId,
  });
}
