// The comparison an import makes with what is stored: which rows it would insert, update or
// leave unchanged, which it refuses (locked or closed periods, parts over their total), and the
// dry run's figure-by-figure report.

import { IMPORT_CHANGES_LIMIT, type ImportChange, type ImportReport } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/actor.js';
import type { DbOrTrx } from '../db/schema.js';
import { listDimensions } from '../dimensions/dimensions.repository.js';
import { parseBreakdownKey } from '../observations/breakdown.js';
import type { ObservationRow } from '../observations/observations.repository.js';
import { checkPartsAgainstTotal } from '../observations/parts.js';
import { labelOf } from '../periods/periods.js';
import { isCorrecting, isLocking } from '../reporting/period-locks.js';
import { type Prepared, reasonOf } from './import-rows.js';
import { cellsOfPeriods, closedReportingPeriods, submissionsOf } from './imports.repository.js';
import type { Extracted, LineReason } from './mapping.js';
import { pacer } from './pacing.js';

/** The limits a PUT's body puts on a note. */

export interface Plan {
  report: ImportReport;
  inserts: Prepared[];
  updates: { p: Prepared; existing: ObservationRow }[];
  /** Inserts (existing null) and updates in file order, the first IMPORT_CHANGES_LIMIT. */
  changed: { p: Prepared; existing: ObservationRow | null }[];
  /** Program figures of periods handed back for correction: saved `returned`, not draft. */
  held: Set<Prepared>;
}

/** Compares with what is stored: what a commit would insert, update or leave unchanged. */
export async function plan(
  db: DbOrTrx,
  actor: Actor,
  extracted: Extracted,
  rowsRead: number,
  prepared: Prepared[],
  rejectedBefore: LineReason[],
): Promise<Plan> {
  const rejected = [...rejectedBefore];
  // Long loops give the event loop a turn now and then (pacing.ts).
  const pace = pacer();
  const vocabulary = await listDimensions(db);
  const pairs = new Map<string, { measureId: string; periodStart: string }>();
  for (const [i, p] of prepared.entries()) {
    if (i % 1024 === 0) await pace();
    pairs.set(`${p.m.id}|${p.start}`, { measureId: p.m.id, periodStart: p.start });
  }
  const stored = await cellsOfPeriods(db, [...pairs.values()]);
  // Parts are checked against their total only where a period has parts, in the file or stored.
  const withParts = new Set<string>();
  for (const s of stored)
    if (s.breakdown !== '') withParts.add(`${s.measure_id}|${s.period_start}`);
  for (const p of prepared) if (p.key !== '') withParts.add(`${p.m.id}|${p.start}`);
  const groups = new Map<string, Map<string, ObservationRow | Prepared>>();
  for (const s of stored) {
    const g = `${s.measure_id}|${s.period_start}`;
    if (!withParts.has(g)) continue;
    if (!groups.has(g)) groups.set(g, new Map());
    groups.get(g)?.set(s.breakdown, s);
  }
  const existingOf = new Map(
    stored.map((s) => [`${s.measure_id}|${s.period_start}|${s.breakdown}`, s]),
  );

  const orgs = [
    ...new Set(
      prepared.filter((p) => p.m.kind === 'performance').map((p) => p.m.organization_id as string),
    ),
  ];
  const submissions = await submissionsOf(db, orgs);
  const closed = isAdmin(actor) || orgs.length === 0 ? [] : await closedReportingPeriods(db);

  const sameAsStored = (p: Prepared) => {
    const existing = existingOf.get(`${p.m.id}|${p.start}|${p.key}`);
    if (!existing) return false;
    const nextNote = p.note === undefined ? existing.note : p.note;
    return (
      existing.value === p.figure.value &&
      existing.numerator === p.figure.numerator &&
      existing.denominator === p.figure.denominator &&
      existing.note === nextNote
    );
  };

  // A row that matches what is stored changes nothing, so a locked or closed period does not
  // refuse it: re-importing an export of approved quarters reports them unchanged.
  let unchangedInLocked = 0;
  const open: Prepared[] = [];
  const held = new Set<Prepared>();
  for (const [i, p] of prepared.entries()) {
    if (i % 512 === 0) await pace();
    if (p.m.kind === 'performance') {
      const covering = submissions.filter(
        (l) =>
          l.organization_id === p.m.organization_id &&
          l.period_start <= p.start &&
          l.period_end >= p.end,
      );
      const lock = covering.find((l) => isLocking(l.status));
      // A period handed back for correction stays open after its reporting period closed.
      const correcting = covering.some((l) => isCorrecting(l.status));
      if (correcting) held.add(p);
      const closedHere =
        !correcting && closed.some((c) => c.period_start <= p.start && c.period_end >= p.start);
      if ((lock || closedHere) && sameAsStored(p)) {
        unchangedInLocked++;
        continue;
      }
      if (lock) {
        rejected.push({
          line: p.line,
          reason: `period locked: this period is ${lock.status}; a coordinator must return it before it can change`,
        });
        continue;
      }
      if (closedHere) {
        rejected.push({
          line: p.line,
          reason: 'period closed: the reporting period for these figures has closed',
        });
        continue;
      }
    }
    open.push(p);
  }
  // Parts against their total, with the file's figures laid over what is stored.
  for (const p of open) {
    const g = `${p.m.id}|${p.start}`;
    if (!withParts.has(g)) continue;
    if (!groups.has(g)) groups.set(g, new Map());
    groups.get(g)?.set(p.key, p);
  }
  const cellsOfGroup = new Map<
    string,
    {
      breakdown: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
    }[]
  >();
  const checked: Prepared[] = [];
  for (const [i, p] of open.entries()) {
    if (i % 512 === 0) await pace();
    const g = `${p.m.id}|${p.start}`;
    if (!withParts.has(g)) {
      checked.push(p);
      continue;
    }
    let cells = cellsOfGroup.get(g);
    if (!cells) {
      cells = [...(groups.get(g)?.entries() ?? [])].map(([breakdown, x]) =>
        'figure' in x
          ? { breakdown, ...x.figure }
          : { breakdown, value: x.value, numerator: x.numerator, denominator: x.denominator },
      );
      cellsOfGroup.set(g, cells);
    }
    if (cells.length > 1) {
      try {
        checkPartsAgainstTotal(p.m, cells, p.key, vocabulary);
      } catch (err) {
        rejected.push({ line: p.line, reason: reasonOf(err) });
        continue;
      }
    }
    checked.push(p);
  }

  const inserts: Prepared[] = [];
  const updates: Plan['updates'] = [];
  const changed: Plan['changed'] = [];
  let unchanged = unchangedInLocked;
  for (const [i, p] of checked.entries()) {
    if (i % 512 === 0) await pace();
    const existing = existingOf.get(`${p.m.id}|${p.start}|${p.key}`);
    if (sameAsStored(p)) {
      unchanged++;
      continue;
    }
    if (!existing) inserts.push(p);
    else updates.push({ p, existing });
    if (changed.length < IMPORT_CHANGES_LIMIT) changed.push({ p, existing: existing ?? null });
  }
  rejected.sort((a, b) => a.line - b.line);
  return {
    report: {
      rowsRead,
      inserted: inserts.length,
      updated: updates.length,
      unchanged,
      rejected,
      committed: false,
      skipped: extracted.skipped,
      filtered: extracted.filtered,
    },
    inserts,
    updates,
    changed,
    held,
  };
}

/** A dry run's report: what is stored and what would be, figure by figure (`changes`). */
export function withChanges(p: Plan, fys: number): ImportReport {
  const figure = (x: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    note: string | null;
  }) => ({ value: x.value, numerator: x.numerator, denominator: x.denominator, note: x.note });
  const changes: ImportChange[] = p.changed.map(({ p: x, existing }) => ({
    line: x.line,
    measureId: x.m.id,
    measureCode: x.m.code,
    organizationCode: x.m.organization_code,
    period: labelOf(x.start, x.m.period_type, fys),
    breakdown: parseBreakdownKey(x.key),
    before: existing ? figure(existing) : null,
    after: figure({
      ...x.figure,
      note: x.note === undefined ? (existing?.note ?? null) : x.note,
    }),
  }));
  return {
    ...p.report,
    changes,
    changesTruncated: p.report.inserted + p.report.updated > changes.length,
  };
}
