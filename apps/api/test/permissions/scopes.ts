// How the permission table's routes are tried: fresh names and periods, the scope families
// (tables, agencies, measures) with who sees and who may in each, and fresh objects to delete.
import { findPlanByMeasure } from '../../src/curve-plans/curve-plans.repository.js';
import { savePlan } from '../../src/curve-plans/curve-plans.service.js';
import {
  createIndicator,
  createProgramMeasure,
  createSharedMeasure,
} from '../../src/measures/measures.service.js';
import { approvePeriod, submitPeriod } from '../../src/reporting/reporting.service.js';
import {
  ALL,
  type Ctx,
  EDIT_ORG,
  EDIT_TABLE,
  editOf,
  type OrgKey,
  PLAN_EDIT,
  RESTRICTED,
  REVIEW_ORG,
  type Req,
  type Scope,
  SEE_ORG,
  SEE_TABLE,
  seeOf,
  type TableKey,
  type Who,
  without,
} from './policy.js';

export const V1 = '/api/v1';

// ---------------------------------------------------------------------------------------------
// Fresh names, codes and periods, so that repeated allowed calls each succeed.

let counter = 0;
export const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

let quarterIndex = 0;
/**
 * A fiscal quarter no other call touches, long past (a period that has not started takes no
 * figure): FY1600-01-Q1, FY1600-01-Q2, ...
 */
export function nextQuarter(): string {
  const n = quarterIndex++;
  const y = 1600 + Math.floor(n / 4);
  return `FY${y}-${String((y + 1) % 100).padStart(2, '0')}-Q${(n % 4) + 1}`;
}
let yearIndex = 0;
/** A calendar year no other call touches: 1900, 1901, ... */
const nextYear = () => String(1900 + yearIndex++);
let reportingIndex = 0;
/** A quarter for reporting-period definitions, far from the figures: FY3000-01-Q1, ... */
export const nextReportingQuarter = () => {
  const n = reportingIndex++;
  const y = 3000 + Math.floor(n / 4);
  return `FY${y}-${String((y + 1) % 100).padStart(2, '0')}-Q${(n % 4) + 1}`;
};

// ---------------------------------------------------------------------------------------------
// Scope families.

export const tableId = (c: Ctx, k: TableKey) => (k === 'T' ? c.w.table.id : c.w.otherTable.id);
export const resultId = (c: Ctx, k: TableKey) => (k === 'T' ? c.w.result.id : c.w.otherResult.id);
export const orgId = (c: Ctx, k: OrgKey) =>
  k === 'A' ? c.w.orgA.id : k === 'B' ? c.w.orgB.id : c.w.outside.id;
export const programId = (c: Ctx, k: OrgKey) =>
  k === 'A' ? c.w.programA.id : k === 'B' ? c.w.programB.id : c.w.programX.id;

const TABLES: { key: TableKey; name: string; what: string }[] = [
  { key: 'T', name: 'own', what: 'table T' },
  { key: 'OT', name: 'other', what: 'the other table' },
];
export const ORGS: { key: OrgKey; name: string; what: string }[] = [
  { key: 'A', name: 'own', what: 'agency A' },
  { key: 'B', name: 'sibling', what: 'agency B, also at table T' },
  { key: 'X', name: 'other', what: 'outside agency X' },
];

type Access = 'read' | 'edit' | 'admin';

/** Table T and the other table: read (see), edit (coordinators), admin (admins only). */
export function tableScopes(
  access: Access,
  request: (c: Ctx, table: TableKey, who: Who) => Req | Promise<Req>,
): Scope[] {
  return TABLES.map(({ key, name, what }) => ({
    name,
    what,
    see: SEE_TABLE[key],
    may: access === 'read' ? SEE_TABLE[key] : access === 'edit' ? EDIT_TABLE[key] : ['admin'],
    request: (c, who) => request(c, key, who),
  }));
}

/** Agencies A (own), B (sibling at the same table) and X (outside). */
export function orgScopes(
  access: 'read' | 'edit' | 'review',
  request: (c: Ctx, org: OrgKey, who: Who) => Req | Promise<Req>,
): Scope[] {
  return ORGS.map(({ key, name, what }) => ({
    name,
    what,
    see: SEE_ORG[key],
    may: access === 'read' ? SEE_ORG[key] : access === 'edit' ? EDIT_ORG[key] : REVIEW_ORG[key],
    request: (c, who) => request(c, key, who),
  }));
}

type MeasureKey = 'countA' | 'countB' | 'countX' | 'indicator' | 'otherIndicator' | 'shared';
interface MeasureTarget {
  key: MeasureKey;
  name: string;
  what: string;
  owner: TableKey | OrgKey;
  kind: 'performance' | 'indicator' | 'shared';
}
export const MEASURES: MeasureTarget[] = [
  {
    key: 'countA',
    name: 'own',
    what: "agency A's program measure",
    owner: 'A',
    kind: 'performance',
  },
  {
    key: 'countB',
    name: 'sibling',
    what: "agency B's program measure",
    owner: 'B',
    kind: 'performance',
  },
  {
    key: 'countX',
    name: 'other',
    what: "agency X's program measure",
    owner: 'X',
    kind: 'performance',
  },
  { key: 'indicator', name: 'own', what: "table T's indicator", owner: 'T', kind: 'indicator' },
  {
    key: 'otherIndicator',
    name: 'other',
    what: "the other table's indicator",
    owner: 'OT',
    kind: 'indicator',
  },
  { key: 'shared', name: 'own', what: "table T's shared measure", owner: 'T', kind: 'shared' },
];

export function measureId(c: Ctx, key: MeasureKey): string {
  switch (key) {
    case 'countA':
      return c.w.countA.id;
    case 'countB':
      return c.w.countB.id;
    case 'countX':
      return c.w.countX.id;
    case 'indicator':
      return c.w.indicator.id;
    case 'otherIndicator':
      return c.otherIndicatorId;
    case 'shared':
      return c.w.shared.id;
  }
}

/** The measure's plan, made once by an admin; the plan routes act on it. */
export async function planOf(c: Ctx, m: MeasureTarget): Promise<{ id: string; revision: number }> {
  const id = measureId(c, m.key);
  let plan = await findPlanByMeasure(c.db, id);
  if (!plan) {
    await savePlan(c.db, c.system, id, {
      revision: 0,
      story: { forcesUp: [], forcesDown: [], narrative: 'Start' },
    });
    plan = await findPlanByMeasure(c.db, id);
  }
  if (!plan) throw new Error('no plan');
  return { id: plan.id, revision: plan.revision };
}

/** A period of the measure's type that no other call touches. */
export const periodFor = (m: MeasureTarget) =>
  m.kind === 'indicator' ? nextYear() : nextQuarter();

/**
 * Every kind of measure: read (whoever sees its owner), write (its agency's editors, or its
 * table's coordinators for indicators and shared measures), cells (raw figures: not funders),
 * comment (on its plan: every reader but funders, who write nothing).
 */
export function measureScopes(
  access: 'read' | 'write' | 'cells' | 'plan' | 'comment',
  request: (c: Ctx, m: MeasureTarget, who: Who) => Req | Promise<Req>,
  expect?: (m: MeasureTarget) => number | undefined,
): Scope[] {
  return MEASURES.map((m) => {
    const scope: Scope = {
      name: m.name,
      what: m.what,
      see: seeOf(m.owner),
      may:
        access === 'read'
          ? seeOf(m.owner)
          : access === 'write'
            ? editOf(m.owner)
            : access === 'plan'
              ? m.owner === 'T' || m.owner === 'OT'
                ? PLAN_EDIT[m.owner]
                : EDIT_ORG[m.owner]
              : without(seeOf(m.owner), RESTRICTED[m.owner]),
      request: (c, who) => request(c, m, who),
    };
    const status = expect?.(m);
    if (status !== undefined) scope.expect = status;
    return scope;
  });
}

/** A route with no target: anyone may know it exists, so a refusal is 403. */
export function globalScope(may: readonly Who[], request: Scope['request']): Scope[] {
  return [{ name: 'global', what: 'no particular target', see: ALL, may, request }];
}

// ---------------------------------------------------------------------------------------------
// Fresh objects for deletes, so each allowed delete removes something of its own.

export async function freshMeasure(c: Ctx, m: MeasureTarget): Promise<string> {
  const code = `DEL-${unique()}`;
  const base = { code, name: 'To delete', unit: 'count', direction: 'up' } as const;
  if (m.kind === 'performance') {
    const owner = m.owner as OrgKey;
    return (
      await createProgramMeasure(c.db, c.system, programId(c, owner), {
        ...base,
        periodType: 'fiscal_quarter',
        category: 'how_much',
      })
    ).id;
  }
  if (m.kind === 'indicator') {
    return (
      await createIndicator(c.db, c.system, resultId(c, m.owner as TableKey), {
        ...base,
        periodType: 'year',
      })
    ).id;
  }
  return (
    await createSharedMeasure(c.db, c.system, tableId(c, m.owner as TableKey), {
      ...base,
      periodType: 'fiscal_quarter',
    })
  ).id;
}

export async function submittedPeriod(c: Ctx, org: OrgKey): Promise<string> {
  const period = nextQuarter();
  await submitPeriod(c.db, c.system, orgId(c, org), period);
  return period;
}

export async function approvedPeriod(c: Ctx, org: OrgKey): Promise<string> {
  const period = await submittedPeriod(c, org);
  await approvePeriod(c.db, c.system, orgId(c, org), period);
  return period;
}
