// Seeds the demo collaborative into an empty database through the platform's own services,
// so every figure obeys the same rules and lands in the audit trail. Deterministic: given the
// day it runs, the content is always the same (ids and timestamps aside).
import { parsePeriod, periodContaining, shiftPeriod } from '@rba/domain';
import type { Actor } from '../access/actor.js';
import type { Db, Trx } from '../db/schema.js';
import type { Role } from '../db/tables/role-grants.table.js';
import { inTransaction } from '../db/transaction.js';
import { createDimension } from '../dimensions/dimensions.service.js';
import {
  createIndicator,
  createProgramMeasure,
  createSharedMeasure,
} from '../measures/measures.service.js';
import { putTarget } from '../observations/observations.service.js';
import { createOrganization } from '../organizations/organizations.service.js';
import { addPartner, createTable } from '../planning-tables/planning-tables.service.js';
import { createProgram } from '../programs/programs.service.js';
import { createResult } from '../results/results.service.js';
import { getSettings } from '../settings/settings.service.js';
import { putProfile } from '../system-map/system-map.service.js';
import { findUserByEmailWithHash } from '../users/users.repository.js';
import { createUser, grantRole } from '../users/users.service.js';
import {
  dimensionCodes,
  hasPlanningTable,
  keepOnlyMessages,
  lockDemoSeed,
} from './demo.repository.js';
import {
  AGENCIES,
  AGENDA_INDICATOR,
  CURRENT_QUARTER,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DIMENSIONS,
  FUNDERS,
  RESULTS,
  type ResultKey,
  SHARED_MEASURES,
  STATCAN_INDICATORS,
  TABLE,
} from './demo-content.js';
import { type Planned, seedFigures } from './demo-figures.js';
import { seedPartnerships } from './demo-partnerships.js';
import { seedPlans } from './demo-plans.js';
import { PROGRAMS } from './demo-programs.js';
import { importStatcanHistory } from './statcan-history.js';

export const DEMO_QUARTERS = 12;

export interface DemoResult {
  seeded: boolean;
  accounts: { email: string; role: string; password: string }[];
  quarters: string[];
}

export function demoQuarters(today: string, fiscalYearStart: number): string[] {
  const current = periodContaining(today, 'fiscal_quarter', fiscalYearStart);
  return Array.from({ length: DEMO_QUARTERS }, (_, k) =>
    shiftPeriod(current, k - DEMO_QUARTERS + 1, fiscalYearStart),
  );
}

/**
 * Seeds the demo when the database has no planning table yet; otherwise does nothing. All of it
 * in one transaction: a start stopped half-way leaves nothing behind, and the next start seeds
 * the whole demo again. Several processes starting together on one database seed it once (an
 * advisory lock, then the check again).
 */
export async function seedDemo(db: Db, options: { today: string }): Promise<DemoResult> {
  const accounts = DEMO_ACCOUNTS.map((a) => ({
    email: a.email,
    role: a.role,
    password: DEMO_PASSWORD,
  }));
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const quarters = demoQuarters(options.today, fys);
  if (await hasPlanningTable(db)) return { seeded: false, accounts, quarters };
  const seeded = await inTransaction(db, async (trx) => {
    await lockDemoSeed(trx);
    if (await hasPlanningTable(trx)) return false;
    await seedContent(trx, { quarters, today: options.today, fys });
    return true;
  });
  return { seeded, accounts, quarters };
}

async function seedContent(
  db: Trx,
  { quarters, today, fys }: { quarters: string[]; today: string; fys: number },
): Promise<void> {
  // People first: the demo admin does the setting up, so the audit trail names someone.
  const users = new Map<string, { id: string; role: Role; org?: string }>();
  for (const a of DEMO_ACCOUNTS) {
    const found = await findUserByEmailWithHash(db, a.email);
    const id =
      found?.id ??
      (
        await createUser(db, null, {
          email: a.email,
          name: a.name,
          password: DEMO_PASSWORD,
          ...('locale' in a ? { locale: a.locale } : {}),
        })
      ).id;
    users.set(a.key, { id, role: a.role, ...('org' in a ? { org: a.org } : {}) });
  }
  const adminId = users.get('admin')?.id as string;
  await grantRole(db, null, adminId, { role: 'admin', scopeType: null, scopeId: null });
  const admin: Actor = {
    userId: adminId,
    grants: [{ role: 'admin', scopeType: null, scopeId: null }],
    requestId: 'demo-seed',
  };
  /** The demo account that edits an agency's figures, or the admin where it has none. */
  const editorOf = (org: string): string =>
    [...users].find(([, u]) => u.role === 'partner_editor' && u.org === org)?.[0] ?? 'admin';
  const as = (key: string): Actor => {
    const u = users.get(key);
    if (!u) throw new Error(`no demo account ${key}`);
    return {
      userId: u.id,
      grants: [{ role: 'admin', scopeType: null, scopeId: null }],
      requestId: 'demo-seed',
    };
  };

  const dims = await dimensionCodes(db);
  for (const d of DIMENSIONS) {
    if (!dims.includes(d.code)) {
      await createDimension(db, admin, {
        code: d.code,
        name: d.name,
        nameFr: d.nameFr,
        values: d.values.map((v) => ({ ...v })),
      });
    }
  }

  const table = await createTable(db, admin, TABLE);
  const orgs = new Map<string, string>();
  for (const a of AGENCIES) {
    const org = await createOrganization(db, admin, {
      code: a.code,
      name: a.name,
      nameFr: a.nameFr,
      kind: 'agency',
    });
    orgs.set(a.code, org.id);
    await addPartner(db, admin, table.id, org.id);
  }
  const funderOrgs = new Map<string, string>();
  for (const f of FUNDERS) {
    funderOrgs.set(
      f.code,
      (
        await createOrganization(db, admin, {
          code: f.code,
          name: f.name,
          nameFr: f.nameFr,
          kind: 'funder',
        })
      ).id,
    );
  }

  for (const [key, u] of users) {
    if (key === 'admin') continue;
    if (u.role === 'partner_editor') {
      await grantRole(db, null, u.id, {
        role: u.role,
        scopeType: 'organization',
        scopeId: orgs.get(u.org as string) as string,
      });
    } else {
      await grantRole(db, null, u.id, { role: u.role, scopeType: 'table', scopeId: table.id });
    }
  }

  const results = new Map<ResultKey, string>();
  for (const r of RESULTS)
    results.set(
      r.key,
      (await createResult(db, admin, table.id, { title: r.title, titleFr: r.titleFr })).id,
    );

  const coordinator = as('coordinator');
  const indicators = new Map<string, string>();
  for (const ind of STATCAN_INDICATORS) {
    const m = await createIndicator(db, coordinator, results.get(ind.result) as string, {
      code: ind.code,
      name: ind.name,
      nameFr: ind.nameFr,
      unit: 'percent',
      aggregation: 'mean',
      direction: ind.direction,
      periodType: 'year',
      decimals: 1,
      headline: true,
      // 2019, the last year before the pandemic: where the curves were headed.
      baselinePeriod: '2019',
      dataSource:
        'Statistics Canada, Table 13-10-0096-01 (Canadian Community Health Survey), Ontario',
      dimensions: ['gender'],
    });
    indicators.set(ind.code, m.id);
  }
  await createIndicator(db, coordinator, results.get(AGENDA_INDICATOR.result) as string, {
    code: AGENDA_INDICATOR.code,
    name: AGENDA_INDICATOR.name,
    nameFr: AGENDA_INDICATOR.nameFr,
    unit: 'percent',
    direction: AGENDA_INDICATOR.direction,
    periodType: 'fiscal_year',
    onDataDevelopmentAgenda: true,
    definition: AGENDA_INDICATOR.definition,
    definitionFr: AGENDA_INDICATOR.definitionFr,
  });
  await importStatcanHistory(db, coordinator, indicators);

  const sharedServed = await createSharedMeasure(db, coordinator, table.id, {
    ...SHARED_MEASURES.served,
    unit: 'count',
    direction: 'up',
    periodType: 'fiscal_quarter',
    category: 'how_much',
    headline: true,
  });
  const sharedImproved = await createSharedMeasure(db, coordinator, table.id, {
    ...SHARED_MEASURES.improved,
    unit: 'percent',
    direction: 'up',
    periodType: 'fiscal_quarter',
    category: 'better_off',
    headline: true,
  });
  for (const q of quarters.slice(-4)) {
    await putTarget(db, coordinator, sharedImproved.id, q, { value: 70 });
  }

  // Programs and their measures, and every figure of every quarter.
  const measures: Planned[] = [];
  for (const p of PROGRAMS) {
    const orgId = orgs.get(p.agency) as string;
    const program = await createProgram(db, admin, orgId, {
      name: p.name,
      nameFr: p.nameFr,
      description: p.description,
      descriptionFr: p.descriptionFr,
      resultIds: p.results.map((r) => results.get(r) as string),
    });
    await putProfile(db, admin, program.id, {
      serviceTypes: p.profile.services,
      ageGroups: p.profile.ageGroups,
      regions: p.profile.regions,
      languages: p.profile.languages,
      capacity: p.profile.capacity ?? null,
    });
    for (const spec of p.measures) {
      const m = await createProgramMeasure(db, admin, program.id, {
        code: spec.code,
        name: spec.name,
        nameFr: spec.nameFr,
        unit: spec.unit,
        direction: spec.direction,
        periodType: 'fiscal_quarter',
        category: spec.category,
        ...(spec.unit === 'days' ? { aggregation: 'mean' as const, decimals: 1 } : {}),
        headline: spec.headline ?? false,
        baselinePeriod: quarters[5] as string,
        ...(spec.shared
          ? { sharedMeasureId: spec.shared === 'served' ? sharedServed.id : sharedImproved.id }
          : {}),
        ...(spec.breakdown ? { dimensions: [spec.breakdown] } : {}),
      });
      measures.push({ id: m.id, spec, org: p.agency });
      if (spec.target !== undefined) {
        for (const q of quarters.slice(-4))
          await putTarget(db, admin, m.id, q, { value: spec.target });
      }
    }
  }
  await seedFigures(db, { quarters, measures, orgs, coordinator, editorOf, as });

  // The made-up history told nobody anything: only the notices still waiting on someone stay
  // (the coordinator's of the submitted quarter, the editors' of the returned one).
  const currentStart = parsePeriod(quarters.at(-1) as string, fys).start;
  await keepOnlyMessages(
    db,
    Object.entries(CURRENT_QUARTER)
      .filter(([, state]) => state === 'submitted' || state === 'returned')
      .map(([code, state]) => ({
        organizationId: orgs.get(code) as string,
        periodStart: currentStart,
        kind: state as 'submitted' | 'returned',
      })),
  );

  await seedPlans(db, {
    coordinator,
    editor: as('editorLead'),
    francophoneEditor: as('editorFrancophone'),
    today,
    indicators,
    orgs,
    measureId: (code) => measures.find((m) => m.spec.code === code)?.id as string,
  });

  await seedPartnerships(db, {
    tableId: table.id,
    resultId: results.get('help') as string,
    today,
    coordinator,
    orgs,
    editorOf: (code) => as(editorOf(code)),
  });
}
