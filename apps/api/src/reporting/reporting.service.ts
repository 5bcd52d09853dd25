// The quarterly workflow: an organization submits a period, a coordinator of a table it is a
// partner at approves it or returns it with a note. Submitted and approved periods are locked.
import type { Submission } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { requireAdmin } from '../access/require.js';
import {
  canEditOrganization,
  canReviewOrganization,
  deny,
  organizationView,
  statusesFor,
  type View,
} from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db } from '../db/schema.js';
import type { SubmissionStatus } from '../db/tables/reporting.table.js';
import { inTransaction } from '../db/transaction.js';
import { InvalidTransitionError, issue, NotFoundError, ValidationError } from '../errors.js';
import { queueSubmissionNotices } from '../mail/notify.service.js';
import { lockOrganization } from '../observations/observations.repository.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { labelOf, resolvePeriod } from '../periods/periods.js';
import { listPartners } from '../planning-tables/planning-tables.repository.js';
import { visibleTable } from '../planning-tables/planning-tables.service.js';
import { getSettings } from '../settings/settings.service.js';
import { computePeriodChecks } from './period-checks.service.js';
import { CORRECTING_STATUSES, isCorrecting } from './period-locks.js';
import {
  dropApprovedCopies,
  findSubmission,
  insertReportingPeriod,
  insertSubmission,
  keepApprovedCopies,
  listReportingPeriods,
  listSubmissions,
  type SubmissionRow,
  setObservationStatus,
  transitionSubmission,
} from './reporting.repository.js';

/**
 * Return notes are the agency's and its reviewers': its own staff (view `all`, admins too) and
 * the coordinators of a table it is a partner at. Table members and funders get null.
 */
export function showsReturnNotes(view: View, reviewer: boolean): boolean {
  return view === 'all' || reviewer;
}

function toSubmission(r: SubmissionRow, fys: number, lockedObservations = 0): Submission {
  return {
    id: r.id,
    organizationId: r.organization_id,
    period: labelOf(r.period_start, r.period_type, fys),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
    reviewNote: r.review_note,
    lockedObservations,
    missingCount: r.missing_count,
    flaggedCount: r.flagged_count,
  };
}

async function visibleOrganization(db: Db, actor: Actor, organizationId: string) {
  const view = await organizationView(db, actor, organizationId);
  if (!view || !(await findOrganization(db, organizationId)))
    throw new NotFoundError('Organization');
  return view;
}

function invalid(status: SubmissionStatus | 'draft', action: string): never {
  throw new InvalidTransitionError(`A period that is ${status} cannot be ${action}`, {
    status,
  });
}

export async function submitPeriod(
  db: Db,
  actor: Actor,
  organizationId: string,
  periodLabel: string,
) {
  await visibleOrganization(db, actor, organizationId);
  if (!canEditOrganization(actor, organizationId)) deny(true, 'Organization');
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const period = resolvePeriod(periodLabel, fys);
  return inTransaction(db, async (trx) => {
    await lockOrganization(trx, organizationId, 'update');
    const existing = await findSubmission(trx, organizationId, period.type, period.start);
    // The checks inform the reviewer; they never stop a submission.
    const checks = await computePeriodChecks(trx, organizationId, period.label, statusesFor('all'));
    const counts = { missing_count: checks.missing.length, flagged_count: checks.flagged.length };
    let row: SubmissionRow | undefined;
    if (!existing) {
      row = await insertSubmission(trx, {
        organization_id: organizationId,
        period_type: period.type,
        period_start: period.start,
        period_end: period.end,
        submitted_by: actor.userId,
        ...counts,
      });
      if (!row) invalid('submitted', 'submitted again');
    } else {
      // Only a period handed back for correction is submitted again.
      if (!isCorrecting(existing.status)) invalid(existing.status, 'submitted again');
      row = await transitionSubmission(trx, existing.id, [...CORRECTING_STATUSES], {
        status: 'submitted',
        submitted_by: actor.userId,
        submitted_at: new Date(),
        reviewed_by: null,
        reviewed_at: null,
        ...counts,
      });
      if (!row) invalid('submitted', 'submitted again');
    }
    // A reopened period's figures are `returned`: the agency holds them, as after a return.
    const locked = await setObservationStatus(
      trx,
      organizationId,
      period.start,
      period.end,
      ['draft', 'returned'],
      'submitted',
    );
    const result = toSubmission(row, fys, locked);
    await queueSubmissionNotices(trx, {
      kind: 'submitted',
      submission: row,
      period: period.label,
      actorId: actor.userId,
    });
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'submission.submit',
      entity: 'submission',
      entityId: row.id,
      before: existing ? toSubmission(existing, fys) : undefined,
      after: result,
      requestId: actor.requestId,
    });
    return result;
  });
}

async function review(
  db: Db,
  actor: Actor,
  organizationId: string,
  periodLabel: string,
  decision: 'approved' | 'returned',
  note: string | null,
) {
  await visibleOrganization(db, actor, organizationId);
  if (!(await canReviewOrganization(db, actor, organizationId))) deny(true, 'Organization');
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const period = resolvePeriod(periodLabel, fys);
  const verb = decision === 'approved' ? 'approved' : 'returned';
  return inTransaction(db, async (trx) => {
    await lockOrganization(trx, organizationId, 'update');
    const existing = await findSubmission(trx, organizationId, period.type, period.start);
    if (!existing) invalid('draft', verb);
    if (existing.status !== 'submitted') invalid(existing.status, verb);
    const row = await transitionSubmission(trx, existing.id, ['submitted'], {
      status: decision,
      reviewed_by: actor.userId,
      reviewed_at: new Date(),
      review_note: note,
    });
    if (!row) invalid(existing.status, verb);
    const changed = await setObservationStatus(
      trx,
      organizationId,
      period.start,
      period.end,
      ['submitted'],
      decision,
    );
    // Approved again: the corrected figures are the published ones now.
    if (decision === 'approved')
      await dropApprovedCopies(trx, organizationId, period.start, period.end);
    const result = toSubmission(row, fys, decision === 'approved' ? changed : 0);
    if (decision === 'returned')
      await queueSubmissionNotices(trx, {
        kind: 'returned',
        submission: row,
        period: period.label,
        actorId: actor.userId,
      });
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: decision === 'approved' ? 'submission.approve' : 'submission.return',
      entity: 'submission',
      entityId: row.id,
      before: toSubmission(existing, fys),
      after: result,
      requestId: actor.requestId,
    });
    return result;
  });
}

export function approvePeriod(db: Db, actor: Actor, organizationId: string, periodLabel: string) {
  return review(db, actor, organizationId, periodLabel, 'approved', null);
}

export function returnPeriod(
  db: Db,
  actor: Actor,
  organizationId: string,
  periodLabel: string,
  note: string,
) {
  if (note.trim() === '')
    throw new ValidationError('note: say what needs fixing', issue('body.note', 'required'));
  return review(db, actor, organizationId, periodLabel, 'returned', note);
}

/**
 * Reopens an approved period for correction (coordinators of a table the agency is at, admins):
 * its figures go back to the agency as after a return, and a copy of each as approved is kept
 * for everyone else until the period is approved again (docs/decisions.md).
 */
export async function reopenPeriod(
  db: Db,
  actor: Actor,
  organizationId: string,
  periodLabel: string,
  reason: string,
) {
  if (reason.trim() === '')
    throw new ValidationError(
      'reason: say what needs correcting',
      issue('body.reason', 'required'),
    );
  await visibleOrganization(db, actor, organizationId);
  if (!(await canReviewOrganization(db, actor, organizationId))) deny(true, 'Organization');
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const period = resolvePeriod(periodLabel, fys);
  return inTransaction(db, async (trx) => {
    await lockOrganization(trx, organizationId, 'update');
    const existing = await findSubmission(trx, organizationId, period.type, period.start);
    if (!existing) invalid('draft', 'reopened');
    if (existing.status !== 'approved') invalid(existing.status, 'reopened');
    await keepApprovedCopies(trx, organizationId, period.start, period.end);
    const row = await transitionSubmission(trx, existing.id, ['approved'], {
      status: 'reopened',
      reviewed_by: actor.userId,
      reviewed_at: new Date(),
      review_note: reason.trim(),
    });
    if (!row) invalid(existing.status, 'reopened');
    const unlocked = await setObservationStatus(
      trx,
      organizationId,
      period.start,
      period.end,
      ['approved'],
      'returned',
    );
    const result = toSubmission(row, fys, 0);
    await queueSubmissionNotices(trx, {
      kind: 'reopened',
      submission: row,
      period: period.label,
      actorId: actor.userId,
    });
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'submission.reopen',
      entity: 'submission',
      entityId: row.id,
      before: toSubmission(existing, fys),
      after: { ...result, unlockedObservations: unlocked },
      requestId: actor.requestId,
    });
    return result;
  });
}

export async function organizationSubmissions(
  db: Db,
  actor: Actor,
  organizationId: string,
  q: { status?: SubmissionStatus | undefined; limit: number; offset: number },
) {
  const view = await visibleOrganization(db, actor, organizationId);
  const notes = showsReturnNotes(view, await canReviewOrganization(db, actor, organizationId));
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const rows = await listSubmissions(
    db,
    { organizationIds: [organizationId], status: q.status },
    q.limit,
    q.offset,
  );
  return rows.map((r) => {
    const s = toSubmission(r, fys);
    return notes ? s : { ...s, reviewNote: null };
  });
}

/** The review queue: submissions of a table's partners. */
export async function tableSubmissions(
  db: Db,
  actor: Actor,
  tableId: string,
  q: { status?: SubmissionStatus | undefined; limit: number; offset: number },
) {
  const { view } = await visibleTable(db, actor, tableId);
  if (view !== 'all' && view !== 'review') deny(true, 'Planning table');
  const partners = await listPartners(db, tableId);
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const rows = await listSubmissions(
    db,
    { organizationIds: partners.map((p) => p.id), status: q.status },
    q.limit,
    q.offset,
  );
  return rows.map((r) => toSubmission(r, fys));
}

export async function defineReportingPeriod(
  db: Db,
  actor: Actor,
  body: { period: string; opens: string; due: string; closes: string },
) {
  requireAdmin(actor);
  if (!(body.opens <= body.due && body.due <= body.closes)) {
    throw new ValidationError(
      'opens, due and closes must come in that order',
      issue('body.due', 'out_of_order', { fields: ['opens', 'due', 'closes'] }),
    );
  }
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const period = resolvePeriod(body.period, fys);
  return inTransaction(db, async (trx) => {
    const row = await insertReportingPeriod(trx, {
      period_type: period.type,
      period_start: period.start,
      period_end: period.end,
      opens: body.opens,
      due: body.due,
      closes: body.closes,
    });
    const result = {
      id: row.id,
      period: period.label,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      opens: row.opens,
      due: row.due,
      closes: row.closes,
    };
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'reporting_period.define',
      entity: 'reporting_period',
      entityId: row.id,
      after: result,
      requestId: actor.requestId,
    });
    return result;
  });
}

export async function reportingPeriods(db: Db, limit: number, offset: number) {
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  return (await listReportingPeriods(db, limit, offset)).map((r) => ({
    id: r.id,
    period: labelOf(r.period_start, r.period_type, fys),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    opens: r.opens,
    due: r.due,
    closes: r.closes,
  }));
}
