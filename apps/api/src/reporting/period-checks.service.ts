// Checks of an agency's period before it is submitted (CONTRACT.md "Reporting status,
// plausibility and reminders"): the figures still empty, and those that look wrong by the
// modified z-score against the same cell's figures of up to 12 earlier periods. They inform;
// submitting is never refused because of them.
import { modifiedZScore, shiftPeriod } from '@rba/domain';
import type { PeriodChecks } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { canReviewOrganization, deny, organizationView, statusesFor } from '../access/scopes.js';
import type { DbOrTrx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import { NotFoundError } from '../errors.js';
import { parseBreakdownKey } from '../observations/breakdown.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { resolvePeriod } from '../periods/periods.js';
import { getSettings } from '../settings/settings.service.js';
import { measuresOfType, valuesBetween } from './period-checks.repository.js';

/** How many earlier periods of the same cell make its history. */
export const CHECK_HISTORY_PERIODS = 12;

/** The checks over the figures of the given statuses (see {@link periodChecks} for whose). */
export async function computePeriodChecks(
  db: DbOrTrx,
  organizationId: string,
  periodLabel: string,
  statuses: ObservationStatus[],
): Promise<PeriodChecks> {
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const period = resolvePeriod(periodLabel, fys);
  const from = resolvePeriod(shiftPeriod(period.label, -CHECK_HISTORY_PERIODS, fys), fys).start;
  const measures = await measuresOfType(db, organizationId, period.type);
  const rows = await valuesBetween(
    db,
    measures.map((m) => m.id),
    { from, to: period.start, statuses },
  );
  const history = new Map<string, number[]>();
  const current = rows.filter((r) => r.period_start === period.start);
  for (const r of rows) {
    if (r.period_start === period.start) continue;
    const key = `${r.measure_id}|${r.breakdown}`;
    const list = history.get(key);
    if (list) list.push(r.value as number);
    else history.set(key, [r.value as number]);
  }
  const codeOf = new Map(measures.map((m) => [m.id, m.code]));
  const entered = new Set(current.filter((r) => r.breakdown === '').map((r) => r.measure_id));
  const flagged: PeriodChecks['flagged'] = [];
  for (const r of current) {
    const value = r.value as number;
    const result = modifiedZScore(history.get(`${r.measure_id}|${r.breakdown}`) ?? [], value);
    if (!result.outlier) continue;
    flagged.push({
      measureId: r.measure_id,
      code: codeOf.get(r.measure_id) as string,
      breakdown: parseBreakdownKey(r.breakdown),
      value,
      score: result.score,
    });
  }
  const order = new Map(measures.map((m, i) => [m.id, i]));
  flagged.sort(
    (a, b) =>
      (order.get(a.measureId) as number) - (order.get(b.measureId) as number) ||
      Object.entries(a.breakdown).join().localeCompare(Object.entries(b.breakdown).join()),
  );
  return {
    period: period.label,
    missing: measures
      .filter((m) => !entered.has(m.id))
      .map((m) => ({ measureId: m.id, code: m.code })),
    flagged,
  };
}

/**
 * For the agency's people (every figure, drafts included) and the coordinators of a table it is
 * a partner at (the figures their view shows: a draft never submitted stays the agency's own).
 */
export async function periodChecks(
  db: DbOrTrx,
  actor: Actor,
  organizationId: string,
  periodLabel: string,
): Promise<PeriodChecks> {
  const view = await organizationView(db, actor, organizationId);
  if (!view || !(await findOrganization(db, organizationId)))
    throw new NotFoundError('Organization');
  if (view !== 'all' && !(await canReviewOrganization(db, actor, organizationId))) {
    deny(true, 'Organization');
  }
  const statuses = view === 'all' ? statusesFor('all') : statusesFor('review');
  return computePeriodChecks(db, organizationId, periodLabel, statuses);
}
