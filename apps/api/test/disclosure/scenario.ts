// Builds a planning table for the disclosure attack through the real services: dimensions,
// a table with a result and shared measures, agencies with a program and program measures,
// figures with their breakdowns, each period submitted and approved by the table's
// coordinator; then a restricted reader (a funder of the table and of every agency) and a
// public link. Setup goes through services for speed; the attacker reads only through HTTP.
import type { Actor } from '../../src/access/actor.js';
import { createDimension, getDimensions } from '../../src/dimensions/dimensions.service.js';
import {
  createIndicator,
  createProgramMeasure,
  createSharedMeasure,
} from '../../src/measures/measures.service.js';
import { putObservation, saveObservations } from '../../src/observations/observations.service.js';
import { addPartner, createTable } from '../../src/planning-tables/planning-tables.service.js';
import { createProgram } from '../../src/programs/programs.service.js';
import { publishLink } from '../../src/public-links/public-links.service.js';
import { approvePeriod, submitPeriod } from '../../src/reporting/reporting.service.js';
import { createResult } from '../../src/results/results.service.js';
import { makeOrganization, makeUser, uniqueSuffix } from '../../support/factories.js';
import type { TestApp } from '../helpers/app.js';

export type MeasureKind = 'count' | 'ratio';

export interface DimensionDef {
  code: string;
  values: string[];
}

export interface FigureDef {
  period: string;
  /** dimension code → value code; absent for the total. */
  breakdown?: Record<string, string>;
  value?: number;
  numerator?: number;
  denominator?: number;
}

export interface MeasureDef {
  code: string;
  kind: MeasureKind;
  dimensions: string[];
  /** The code of the table's shared measure this measure reports, if any. */
  shared?: string;
  figures: FigureDef[];
}

export interface ScenarioDef {
  dimensions: DimensionDef[];
  shared: { code: string; kind: MeasureKind; dimensions: string[] }[];
  /** The table's own indicators (population data: approved when saved). */
  indicators?: Omit<MeasureDef, 'shared'>[];
  agencies: { code: string; measures: MeasureDef[] }[];
  /** Periods every agency submits and the coordinator approves. */
  approve: string[];
}

export interface Scenario {
  tableId: string;
  /** Agency code as given → organization id. */
  organizations: Record<string, string>;
  /** The real organization codes (made unique), by the code given. */
  organizationCodes: Record<string, string>;
  /** `AGENCY/CODE` for program measures, `CODE` for shared measures → measure id. */
  measures: Record<string, string>;
  /** Bearer header of a funder of the table and of each agency. */
  funderAuth: string;
  /** The public link's token. */
  token: string;
}

function actorOf(userId: string, grants: Actor['grants']): Actor {
  return { userId, grants, requestId: 'disclosure-attack' };
}

function measureBody(code: string, kind: MeasureKind, dimensions: string[]) {
  return kind === 'count'
    ? {
        code,
        name: `# ${code}`,
        unit: 'count' as const,
        direction: 'up' as const,
        periodType: 'fiscal_quarter' as const,
        category: 'how_much' as const,
        dimensions,
      }
    : {
        code,
        name: `% ${code}`,
        unit: 'percent' as const,
        aggregation: 'ratio' as const,
        direction: 'up' as const,
        periodType: 'fiscal_quarter' as const,
        category: 'better_off' as const,
        dimensions,
      };
}

export async function buildScenario(t: TestApp, def: ScenarioDef): Promise<Scenario> {
  const { db } = t;
  const s = uniqueSuffix();
  const adminUser = await makeUser(db, [{ role: 'admin' }]);
  const admin = actorOf(adminUser.id, [{ role: 'admin', scopeType: null, scopeId: null }]);

  const known = new Set((await getDimensions(db)).map((d) => d.code));
  for (const d of def.dimensions) {
    if (known.has(d.code)) continue;
    await createDimension(db, admin, {
      code: d.code,
      name: d.code,
      values: d.values.map((v) => ({ code: v, label: v })),
    });
    known.add(d.code);
  }

  const table = await createTable(db, admin, { name: `Attack ${s}`, population: 'Youth' });
  const coordinatorUser = await makeUser(db, [
    { role: 'table_coordinator', scopeType: 'table', scopeId: table.id },
  ]);
  const coordinator = actorOf(coordinatorUser.id, [
    { role: 'table_coordinator', scopeType: 'table', scopeId: table.id },
  ]);
  const result = await createResult(db, coordinator, table.id, { title: 'All youth thrive' });
  const measures: Record<string, string> = {};
  for (const sh of def.shared) {
    const m = await createSharedMeasure(
      db,
      coordinator,
      table.id,
      measureBody(sh.code, sh.kind, sh.dimensions),
    );
    measures[sh.code] = m.id;
  }

  for (const ind of def.indicators ?? []) {
    const { category: _, ...body } = measureBody(ind.code, ind.kind, ind.dimensions);
    const m = await createIndicator(db, coordinator, result.id, body);
    measures[ind.code] = m.id;
    for (const f of ind.figures) {
      await putObservation(db, coordinator, m.id, f.period, {
        ...(f.breakdown && Object.keys(f.breakdown).length > 0 ? { breakdown: f.breakdown } : {}),
        ...(ind.kind === 'count'
          ? { value: f.value ?? null }
          : { numerator: f.numerator ?? null, denominator: f.denominator ?? null }),
      });
    }
  }

  const organizations: Record<string, string> = {};
  const organizationCodes: Record<string, string> = {};
  for (const agency of def.agencies) {
    const org = await makeOrganization(db, { code: `${agency.code}-${s}` });
    organizations[agency.code] = org.id;
    organizationCodes[agency.code] = org.code;
    await addPartner(db, admin, table.id, org.id);
    const program = await createProgram(db, admin, org.id, {
      name: `Program of ${agency.code}`,
      resultIds: [result.id],
    });
    const items: Parameters<typeof saveObservations>[3] = [];
    for (const md of agency.measures) {
      const sharedId = md.shared ? measures[md.shared] : undefined;
      if (md.shared && !sharedId) throw new Error(`no shared measure ${md.shared}`);
      const m = await createProgramMeasure(db, admin, program.id, {
        ...measureBody(md.code, md.kind, md.dimensions),
        ...(sharedId ? { sharedMeasureId: sharedId } : {}),
      });
      measures[`${agency.code}/${md.code}`] = m.id;
      for (const f of md.figures) {
        items.push({
          measureId: m.id,
          period: f.period,
          ...(f.breakdown && Object.keys(f.breakdown).length > 0 ? { breakdown: f.breakdown } : {}),
          ...(md.kind === 'count'
            ? { value: f.value ?? null }
            : { numerator: f.numerator ?? null, denominator: f.denominator ?? null }),
        });
      }
    }
    if (items.length > 0) await saveObservations(db, admin, org.id, items);
    for (const p of def.approve) {
      await submitPeriod(db, admin, org.id, p);
      await approvePeriod(db, coordinator, org.id, p);
    }
  }

  const funder = await makeUser(db, [
    { role: 'funder_viewer', scopeType: 'table', scopeId: table.id },
    ...Object.values(organizations).map((id) => ({
      role: 'funder_viewer' as const,
      scopeType: 'organization' as const,
      scopeId: id,
    })),
  ]);
  const link = await publishLink(db, coordinator, table.id, 'Attack');
  return {
    tableId: table.id,
    organizations,
    organizationCodes,
    measures,
    funderAuth: await t.login(funder.email, funder.password),
    token: link.token,
  };
}

/**
 * A measure's figures for one period from its finest cells: with no dimension the one value is
 * the total; otherwise `leaves` holds the full cross-classification (in the order of `cells`),
 * and every coarser cell (each single dimension, the total) is their exact sum.
 */
export function consistentFigures(
  period: string,
  dims: DimensionDef[],
  kind: MeasureKind,
  leaves: { value?: number; numerator?: number; denominator?: number }[],
): FigureDef[] {
  const fine = crossCells(dims);
  if (fine.length !== leaves.length) throw new Error('one leaf per finest cell');
  const out: FigureDef[] = [];
  for (const cell of allCells(dims)) {
    const inside = fine
      .map((f, i) => ({ f, leaf: leaves[i] as (typeof leaves)[number] }))
      .filter(({ f }) => Object.entries(cell).every(([d, v]) => f[d] === v));
    const sum = (k: 'value' | 'numerator' | 'denominator') =>
      inside.reduce((acc, { leaf }) => acc + (leaf[k] ?? 0), 0);
    out.push({
      period,
      ...(Object.keys(cell).length > 0 ? { breakdown: cell } : {}),
      ...(kind === 'count'
        ? { value: sum('value') }
        : { numerator: sum('numerator'), denominator: sum('denominator') }),
    });
  }
  return out;
}

/** The finest cells: one value of every dimension (one empty cell without dimensions). */
export function crossCells(dims: DimensionDef[]): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const d of dims) out = out.flatMap((c) => d.values.map((v) => ({ ...c, [d.code]: v })));
  return out;
}

/** The total, each single dimension's cells, and (with two or more) the cross cells. */
export function allCells(dims: DimensionDef[]): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const n = dims.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const chosen = dims.filter((_, i) => mask & (1 << i));
    out.push(...crossCells(chosen));
  }
  return out;
}
