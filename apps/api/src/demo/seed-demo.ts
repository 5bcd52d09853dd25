// Seeds the demo collaborative into an empty database through the platform's own services,
// so every figure obeys the same rules and lands in the audit trail. Deterministic: given the
// day it runs, the content is always the same (ids and timestamps aside).
import { parsePeriod, periodContaining, shiftPeriod } from '@rba/domain';
import type { Actor } from '../access/actor.js';
import { savePlan } from '../curve-plans/curve-plans.service.js';
import type { Db, Trx } from '../db/schema.js';
import type { Role } from '../db/tables/role-grants.table.js';
import { inTransaction } from '../db/transaction.js';
import { createDimension } from '../dimensions/dimensions.service.js';
import {
  createIndicator,
  createProgramMeasure,
  createSharedMeasure,
} from '../measures/measures.service.js';
import {
  putTarget,
  type SaveItem,
  saveObservations,
} from '../observations/observations.service.js';
import { createOrganization } from '../organizations/organizations.service.js';
import { addPartner, createTable } from '../planning-tables/planning-tables.service.js';
import { createProgram } from '../programs/programs.service.js';
import { approvePeriod, returnPeriod, submitPeriod } from '../reporting/reporting.service.js';
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
  PROGRAMS,
  RESULTS,
  RETURN_NOTE,
  type ResultKey,
  type Shape,
  STATCAN_INDICATORS,
  TABLE,
} from './demo-content.js';
import { apportion, seededRandom } from './prng.js';
import { importStatcanHistory } from './statcan-history.js';

export const DEMO_QUARTERS = 12;

export interface DemoResult {
  seeded: boolean;
  accounts: { email: string; role: string; password: string }[];
  quarters: string[];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** The value of a shape at quarter i, with seeded noise. */
function at(shape: Shape, i: number, rand: () => number): number {
  const turn = shape.turnAt ?? Number.POSITIVE_INFINITY;
  const before = Math.min(i, turn);
  const after = Math.max(0, i - turn);
  return (
    shape.start +
    shape.slope * before +
    (shape.after ?? shape.slope) * after +
    shape.noise * gaussian(rand)
  );
}

const BREAKDOWN_WEIGHTS = {
  age_group: { codes: ['0_5', '6_11', '12_17', '18_24'], weights: [0.12, 0.33, 0.47, 0.08] },
  gender: { codes: ['girls_women', 'boys_men', 'gender_diverse'], weights: [0.56, 0.415, 0.025] },
} as const;

export function demoQuarters(today: string, fiscalYearStart: number): string[] {
  const current = periodContaining(today, 'fiscal_quarter', fiscalYearStart);
  return Array.from({ length: DEMO_QUARTERS }, (_, k) =>
    shiftPeriod(current, k - DEMO_QUARTERS + 1, fiscalYearStart),
  );
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
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
      (await createUser(db, null, { email: a.email, name: a.name, password: DEMO_PASSWORD })).id;
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
        values: d.values.map((v) => ({ ...v })),
      });
    }
  }

  const table = await createTable(db, admin, TABLE);
  const orgs = new Map<string, string>();
  for (const a of AGENCIES) {
    const org = await createOrganization(db, admin, { code: a.code, name: a.name, kind: 'agency' });
    orgs.set(a.code, org.id);
    await addPartner(db, admin, table.id, org.id);
  }
  const funderOrgs = new Map<string, string>();
  for (const f of FUNDERS) {
    funderOrgs.set(
      f.code,
      (await createOrganization(db, admin, { code: f.code, name: f.name, kind: 'funder' })).id,
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
    results.set(r.key, (await createResult(db, admin, table.id, { title: r.title })).id);

  const coordinator = as('coordinator');
  const indicators = new Map<string, string>();
  for (const ind of STATCAN_INDICATORS) {
    const m = await createIndicator(db, coordinator, results.get(ind.result) as string, {
      code: ind.code,
      name: ind.name,
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
    unit: 'percent',
    direction: AGENDA_INDICATOR.direction,
    periodType: 'fiscal_year',
    onDataDevelopmentAgenda: true,
    definition:
      'Of families who asked any partner for help, the share who received a first service within 30 days.',
  });
  await importStatcanHistory(db, coordinator, indicators);

  const sharedServed = await createSharedMeasure(db, coordinator, table.id, {
    code: 'SHARED-SERVED',
    name: '# of children and youth served across the system',
    unit: 'count',
    direction: 'up',
    periodType: 'fiscal_quarter',
    category: 'how_much',
    headline: true,
  });
  const sharedImproved = await createSharedMeasure(db, coordinator, table.id, {
    code: 'SHARED-IMPROVED',
    name: '% of children and youth whose functioning improved',
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
  type Planned = { id: string; spec: (typeof PROGRAMS)[number]['measures'][number]; org: string };
  const measures: Planned[] = [];
  for (const p of PROGRAMS) {
    const orgId = orgs.get(p.agency) as string;
    const program = await createProgram(db, admin, orgId, {
      name: p.name,
      description: p.description,
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

  const draws = new Map(measures.map((m) => [m.id, seededRandom(hash(m.spec.code))]));
  for (const [i, quarter] of quarters.entries()) {
    const isCurrent = i === quarters.length - 1;
    for (const agency of AGENCIES) {
      const state = isCurrent ? CURRENT_QUARTER[agency.code] : 'approved';
      if (state === 'not_started') continue;
      const items: (SaveItem & { measureId: string })[] = [];
      const own = measures.filter((x) => x.org === agency.code);
      // Partly entered: the first measure's figures saved, the others still empty.
      for (const m of state === 'in_progress' ? own.slice(0, 1) : own) {
        const rand = draws.get(m.id) as () => number;
        const size = Math.max(0, Math.round(at(m.spec.shape, i, rand)));
        if (m.spec.unit === 'percent') {
          const rate = Math.min(1, Math.max(0, at(m.spec.rate as Shape, i, rand)));
          const denominator = Math.max(1, size);
          items.push({
            measureId: m.id,
            period: quarter,
            numerator: Math.round(denominator * rate),
            denominator,
          });
        } else if (m.spec.unit === 'days') {
          let days = Math.round(at(m.spec.shape, i, rand) * 10) / 10;
          if (agency.code === 'NGH' && isCurrent) days = 71; // the figure the coordinator questions
          items.push({ measureId: m.id, period: quarter, value: Math.max(1, days) });
        } else {
          items.push({ measureId: m.id, period: quarter, value: size });
          if (m.spec.breakdown) {
            const { codes, weights } = BREAKDOWN_WEIGHTS[m.spec.breakdown];
            const jitter = weights.map((w) => w * (0.85 + 0.3 * rand()));
            apportion(size, jitter).forEach((part, k) => {
              items.push({
                measureId: m.id,
                period: quarter,
                value: part,
                breakdown: { [m.spec.breakdown as string]: codes[k] as string },
              });
            });
          }
        }
      }
      const orgId = orgs.get(agency.code) as string;
      await saveObservations(db, as(editorOf(agency.code)), orgId, items);
      if (state === 'in_progress') continue;
      await submitPeriod(db, as(editorOf(agency.code)), orgId, quarter);
      if (state === 'approved') await approvePeriod(db, coordinator, orgId, quarter);
      if (state === 'returned') await returnPeriod(db, coordinator, orgId, quarter, RETURN_NOTE);
    }
  }

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
    today,
    indicators,
    orgs,
    measureId: (code) => measures.find((m) => m.spec.code === code)?.id as string,
  });
}

async function seedPlans(
  db: Db,
  s: {
    coordinator: Actor;
    editor: Actor;
    today: string;
    indicators: Map<string, string>;
    orgs: Map<string, string>;
    measureId: (code: string) => string;
  },
) {
  const org = (code: string) => s.orgs.get(code) as string;
  await savePlan(db, s.coordinator, s.indicators.get('YOUTH-MH-FAIR-POOR') as string, {
    revision: 0,
    story: {
      forcesUp: [
        {
          text: 'Pandemic isolation and school closures (2020–2022)',
          evidence: 'CCHS 2020–2022; Kids Help Phone volumes',
        },
        {
          text: 'Long waits for counselling push youth towards crisis services',
          evidence: 'NGH wait-time data',
        },
        {
          text: 'Social media pressure, especially for girls',
          evidence: 'School climate survey 2023',
        },
      ],
      forcesDown: [
        { text: 'Less stigma: youth ask for help earlier', evidence: 'Hub intake interviews' },
        { text: 'Walk-in single-session counselling at the Youth Wellness Hub' },
      ],
      narrative:
        'The share of Ontario youth rating their mental health fair or poor tripled between 2015 and 2022, and girls carry most of the rise. Our partners see the same curve in their waiting rooms. Forecast: without change, one youth in five by 2025.',
    },
    partners: [
      { organizationId: org('NCMHC'), role: 'Lead agency: single-session walk-in counselling' },
      { organizationId: org('NDSB'), role: 'Mental health literacy in every grade 7–12 classroom' },
      { organizationId: org('YWH'), role: 'Peer support and evening drop-in hours' },
      { name: 'Northshire Public Library', role: 'Quiet spaces and after-school drop-in hours' },
    ],
    whatWorks: [
      {
        idea: 'Single-session walk-in counselling',
        source: 'Ontario CYMH Centre of Excellence evidence brief',
        cost: 'low_cost',
        chosen: true,
      },
      {
        idea: 'Peer support workers with lived experience',
        source: 'Youth Wellness Hubs Ontario evaluation',
        cost: 'low_cost',
        chosen: true,
      },
      {
        idea: 'Classroom mental health literacy (grades 7–12)',
        source: 'School Mental Health Ontario',
        cost: 'no_cost',
        chosen: true,
      },
      { idea: 'A second full-time child psychiatrist', cost: 'other', chosen: false },
    ],
    actions: [
      {
        title: 'Open walk-in counselling on Saturdays',
        ownerOrganizationId: org('NCMHC'),
        ownerName: 'Priya Patel',
        dueDate: addDays(s.today, -21),
        status: 'in_progress',
      },
      {
        title: 'Train 12 peer support workers',
        ownerOrganizationId: org('YWH'),
        dueDate: addDays(s.today, 45),
        status: 'planned',
      },
      {
        title: 'Roll out literacy lessons in all secondary schools',
        ownerOrganizationId: org('NDSB'),
        dueDate: addDays(s.today, 120),
        status: 'planned',
      },
      {
        title: 'Publish a shared referral directory',
        ownerName: 'Chantal Coordinator',
        dueDate: addDays(s.today, -90),
        status: 'done',
      },
    ],
    dataDevelopmentAgenda: [
      {
        name: 'Northshire-level youth mental health estimates',
        description: 'Oversample Northshire in the next school climate survey.',
      },
      { name: 'Wait time from first call to first service, all partners' },
    ],
  });
  await savePlan(db, s.coordinator, s.indicators.get('YOUTH-BELONGING') as string, {
    revision: 0,
    story: {
      forcesUp: [{ text: 'Youth-led events in the new community hub' }],
      forcesDown: [
        { text: 'Fewer after-school programs since 2020', evidence: 'Recreation department data' },
      ],
      narrative: 'Belonging fell after 2019 and has not recovered.',
    },
    partners: [{ organizationId: org('MBFS'), role: 'Family wellness circles on the land' }],
    whatWorks: [
      { idea: 'Youth advisory councils in every partner agency', cost: 'no_cost', chosen: true },
    ],
    actions: [
      {
        title: 'Start a youth advisory council at the planning table',
        ownerName: 'Chantal Coordinator',
        dueDate: addDays(s.today, 60),
        status: 'planned',
      },
    ],
    dataDevelopmentAgenda: [],
  });
  await savePlan(db, s.editor, s.measureId('CT-WITHIN-30'), {
    revision: 0,
    story: {
      forcesUp: [{ text: 'New intake coordinator since last year' }],
      forcesDown: [{ text: 'Two clinician vacancies' }],
      narrative: 'Timeliness dipped while two positions were vacant, and is recovering.',
    },
    partners: [
      {
        organizationId: org('NGH'),
        role: 'Shares its waitlist so families are offered the first opening',
      },
    ],
    whatWorks: [{ idea: 'Central intake across agencies', cost: 'low_cost', chosen: true }],
    actions: [
      {
        title: 'Fill the two clinician vacancies',
        ownerOrganizationId: org('NCMHC'),
        dueDate: addDays(s.today, 30),
        status: 'in_progress',
      },
    ],
    dataDevelopmentAgenda: [],
  });
}
