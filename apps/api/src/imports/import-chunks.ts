// An import commit on the embedded database (PGlite): applied in short transactions of a few
// thousand figures each, so that the other requests, which share PGlite's one connection and
// Node's one thread, run between them (issue #22). PostgreSQL keeps its one transaction
// (imports.service.ts).
//
// Each chunk's transaction takes the agencies' share locks, compares the chunk with the
// database again as the plan did (a figure saved since the plan, a period locked or closed
// since: the chunk refuses), writes the chunk's figures and their audit events, and the undo
// journal of the chunk (import-undo.ts). The last chunk's transaction writes `import.commit`
// and forgets the journal instead. If any chunk fails, the chunks already applied are undone from the
// journal, so the import is all or nothing still; a process that stops half-way leaves the
// journal, and the next start undoes it (import-jobs.ts). Meanwhile, for the seconds the
// import runs, readers see it partly applied: the trade, written in docs/decisions.md.

import { randomUUID } from 'node:crypto';
import type { ImportReport } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { ImportConflictError } from '../errors.js';
import { type Plan, plan } from './import-plan.js';
import type { Prepared } from './import-rows.js';
import { forgetJournal, journal, liveImports, undoJournal } from './import-undo.js';
import { lockAgencies, writeCommitEvent, writeFigures } from './import-write.js';
import type { ImportInput } from './imports.service.js';
import type { Extracted } from './mapping.js';
import { yieldToEventLoop } from './pacing.js';

/**
 * Figures per transaction. Measured on the 100,000-row bench (bench/import-pglite.bench.ts):
 * small enough that a chunk holds the connection for well under a tenth of a second, large
 * enough that the per-chunk work (locks, the second comparison, the journal) stays a small part.
 */
export const IMPORT_CHUNK = 1000;

/** A chunk's comparison with the database found rows it must refuse now. */
class RefusedNow extends Error {
  constructor() {
    super('refused since the plan');
  }
}

const conflict = () =>
  new ImportConflictError(
    'Someone saved some of these figures while the import ran; nothing was written, run it again',
  );

/**
 * The planned figures in chunks of about `size`, a (measure, period) never split: its parts are
 * checked against its total together, as the plan checked them.
 */
export function chunksOf(p: Plan, size: number): Prepared[][] {
  const groups = new Map<string, Prepared[]>();
  // In file order: the file's first lines are written first.
  const all = [...p.inserts, ...p.updates.map((u) => u.p)].sort((a, b) => a.line - b.line);
  for (const x of all) {
    const g = `${x.m.id}|${x.start}`;
    const list = groups.get(g);
    if (list) list.push(x);
    else groups.set(g, [x]);
  }
  const out: Prepared[][] = [];
  let current: Prepared[] = [];
  for (const list of groups.values()) {
    if (current.length > 0 && current.length + list.length > size) {
      out.push(current);
      current = [];
    }
    current.push(...list);
  }
  if (current.length > 0) out.push(current);
  return out;
}

export interface ChunkedCommit {
  db: Db;
  actor: Actor;
  input: ImportInput;
  fys: number;
  extracted: Extracted;
  rowsRead: number;
  prepared: Prepared[];
  /** The plan made before the first chunk: what the import reports and commits. */
  planned: Plan;
  jobId: string | null;
  chunkSize?: number;
  /** Told the share of the planned figures written after each chunk's transaction. */
  onShare?: (share: number) => Promise<void>;
}

export async function commitInChunks(c: ChunkedCommit): Promise<ImportReport> {
  const { db, actor, planned } = c;
  // A job's journal goes by the job's id, so that closing an interrupted job finds it.
  const importId = c.jobId ?? randomUUID();
  const insertOf = new Set(planned.inserts);
  const versionOf = new Map(planned.updates.map((u) => [u.p, u.existing.version]));
  liveImports.add(importId);
  try {
    try {
      const chunks = chunksOf(planned, c.chunkSize ?? IMPORT_CHUNK);
      // Nothing to change still commits: the import's event, in a transaction of its own.
      if (chunks.length === 0) chunks.push([]);
      const figures = Math.max(
        1,
        chunks.reduce((n, chunk) => n + chunk.length, 0),
      );
      let written = 0;
      for (const [i, chunk] of chunks.entries()) {
        const last = i === chunks.length - 1;
        await yieldToEventLoop();
        await inTransaction(db, async (trx) => {
          await lockAgencies(trx, chunk);
          const now = await plan(trx, actor, c.extracted, c.rowsRead, chunk, []);
          if (now.report.rejected.length > 0) throw new RefusedNow();
          // Every figure of the chunk as planned: an insert still new, an update of the very
          // version compared. Anything else was saved by someone since the plan.
          const same =
            now.inserts.length + now.updates.length === chunk.length &&
            now.inserts.every((x) => insertOf.has(x)) &&
            now.updates.every((u) => versionOf.get(u.p) === u.existing.version);
          if (!same) throw conflict();
          const undo = await writeFigures(trx, actor, now, c.fys);
          if (!last) {
            await journal(trx, importId, undo);
            return;
          }
          // The last chunk commits the import: its event, and the journal forgotten (an import
          // of one chunk is one transaction, as on PostgreSQL, and journals nothing).
          await forgetJournal(trx, importId);
          await writeCommitEvent(trx, actor, planned.report, c.input, c.jobId);
        });
        written += chunk.length;
        await c.onShare?.(last ? 1 : written / figures);
      }
    } catch (err) {
      // Take back what the chunks wrote, then answer as the one transaction would have.
      await undoJournal(db, importId, { actorId: actor.userId, requestId: actor.requestId });
      if (!(err instanceof RefusedNow)) throw err;
      // A period locked or closed (or a total exceeded) since the plan: the whole file's report
      // as it now stands, with the rows refused.
      const again = await plan(db, actor, c.extracted, c.rowsRead, c.prepared, []);
      if (again.report.rejected.length === 0) throw conflict();
      return again.report;
    }
  } finally {
    liveImports.delete(importId);
  }
  return { ...planned.report, committed: true };
}
