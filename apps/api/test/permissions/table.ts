// The permission table: docs/permissions.md, route by route. For each route, the scopes it is
// tried in (own and other table, own, sibling and other agency, ...), how to build a request
// there, who may know the target exists ("see": a refusal is then 403, else 404) and who may do
// it ("may"). The expected values come from the policy, never from the code.
import type { Actor } from '../../src/access/actor.js';
import { findPlanByMeasure } from '../../src/curve-plans/curve-plans.repository.js';
import { savePlan } from '../../src/curve-plans/curve-plans.service.js';
import type { Db } from '../../src/db/schema.js';
import { getImportJob, startImportJob } from '../../src/imports/imports.service.js';
import {
  createIndicator,
  createProgramMeasure,
  createSharedMeasure,
} from '../../src/measures/measures.service.js';
import { addPartner, createTable } from '../../src/planning-tables/planning-tables.service.js';
import { createProgram } from '../../src/programs/programs.service.js';
import { publishLink } from '../../src/public-links/public-links.service.js';
import { approvePeriod, submitPeriod } from '../../src/reporting/reporting.service.js';
import { createResult } from '../../src/results/results.service.js';
import { grantRole } from '../../src/users/users.service.js';
import { makeOrganization } from '../../support/factories.js';
import type { World } from '../../support/world.js';
import { historyRoutes } from './history-routes.js';
import { mailRoutes } from './mail-routes.js';
import { statusRoutes } from './status-routes.js';

/** The world's nine users, plus a funder scoped to agency A (funder_viewer has both scopes). */
export const WHO = [
  'admin',
  'coordinator',
  'member',
  'editorA',
  'viewerA',
  'funder',
  'funderA',
  'otherCoordinator',
  'editorX',
  'nobody',
] as const;
export type Who = (typeof WHO)[number];

export interface Ctx {
  db: Db;
  w: World;
  /** An admin actor for setting up fresh objects through the services. */
  system: Actor;
  userIds: Record<Who, string>;
  credentials: Record<Who, { email: string; password: string }>;
  /** A user nobody but an admin has any business with. */
  strangerId: string;
  /** An indicator of the other table (the world has none). */
  otherIndicatorId: string;
}

export interface Req {
  url: string;
  query?: Record<string, string | number>;
  body?: unknown;
  /** A multipart upload: text fields and a CSV file's content. */
  multipart?: { fields: Record<string, string>; file: string };
}

export interface Scope {
  /** own, other, sibling, ..., and what that is here. */
  name: string;
  what: string;
  see: readonly Who[];
  may: readonly Who[];
  request(c: Ctx, who: Who): Req | Promise<Req>;
  /** The status an allowed call gets when the state, not the permission, refuses it. */
  expect?: number;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: Method;
  path: string;
  /** Answers without a token. */
  public?: boolean;
  scopes: Scope[];
}

// ---------------------------------------------------------------------------------------------
// Who sees and who changes what, from docs/permissions.md.

const ALL: readonly Who[] = WHO;

/** Planning table (its results, indicators, shared measures, partners, collective scorecard). */
const SEE_TABLE = {
  // admins; its coordinators, members and table-scoped funders; staff of its partner agencies
  T: ['admin', 'coordinator', 'member', 'funder', 'editorA', 'viewerA'],
  OT: ['admin', 'otherCoordinator', 'editorX'],
} as const satisfies Record<string, readonly Who[]>;

/** Organization (its programs, program measures, scorecard, submissions). */
export const SEE_ORG = {
  // admins; its own staff; coordinators, members and table-scoped funders of a table it is a
  // partner at; a funder scoped to that organization
  A: ['admin', 'editorA', 'viewerA', 'coordinator', 'member', 'funder', 'funderA'],
  // B is at table T too, but A's staff may not see another agency
  B: ['admin', 'coordinator', 'member', 'funder'],
  X: ['admin', 'editorX', 'otherCoordinator'],
} as const satisfies Record<string, readonly Who[]>;

/** Change or archive a table; its results, indicators, shared measures, figures, targets. */
export const EDIT_TABLE = {
  T: ['admin', 'coordinator'],
  OT: ['admin', 'otherCoordinator'],
} as const satisfies Record<keyof typeof SEE_TABLE, readonly Who[]>;

/** Programs, program measures, their figures and targets, submitting a period. */
const EDIT_ORG = {
  A: ['admin', 'editorA'],
  B: ['admin'],
  X: ['admin', 'editorX'],
} as const satisfies Record<keyof typeof SEE_ORG, readonly Who[]>;

/** Approving or returning an agency's period: coordinators of a table it is a partner at. */
const REVIEW_ORG = {
  A: ['admin', 'coordinator'],
  B: ['admin', 'coordinator'],
  X: ['admin', 'otherCoordinator'],
} as const satisfies Record<keyof typeof SEE_ORG, readonly Who[]>;

/** A period's checks before submitting: the agency's own staff and its table's coordinators. */
export const CHECK_ORG = {
  A: ['admin', 'editorA', 'viewerA', 'coordinator'],
  B: ['admin', 'coordinator'],
  X: ['admin', 'editorX', 'otherCoordinator'],
} as const satisfies Record<keyof typeof SEE_ORG, readonly Who[]>;

/** Restricted view (funders): no raw cells. */
const RESTRICTED = {
  T: ['funder'],
  OT: [],
  A: ['funder', 'funderA'],
  B: ['funder'],
  X: [],
} as const satisfies Record<string, readonly Who[]>;

type TableKey = keyof typeof SEE_TABLE;
type OrgKey = keyof typeof SEE_ORG;

const without = (list: readonly Who[], drop: readonly Who[]) =>
  list.filter((w) => !drop.includes(w));

// ---------------------------------------------------------------------------------------------
// Fresh names, codes and periods, so that repeated allowed calls each succeed.

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

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
const nextReportingQuarter = () => {
  const n = reportingIndex++;
  const y = 3000 + Math.floor(n / 4);
  return `FY${y}-${String((y + 1) % 100).padStart(2, '0')}-Q${(n % 4) + 1}`;
};

// ---------------------------------------------------------------------------------------------
// Scope families.

const tableId = (c: Ctx, k: TableKey) => (k === 'T' ? c.w.table.id : c.w.otherTable.id);
const resultId = (c: Ctx, k: TableKey) => (k === 'T' ? c.w.result.id : c.w.otherResult.id);
export const orgId = (c: Ctx, k: OrgKey) =>
  k === 'A' ? c.w.orgA.id : k === 'B' ? c.w.orgB.id : c.w.outside.id;
const programId = (c: Ctx, k: OrgKey) =>
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
function tableScopes(
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
function orgScopes(
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

/** Turn-the-curve plans: a table's coordinators and members; an agency's editors. */
const PLAN_EDIT = {
  T: ['admin', 'coordinator', 'member'],
  OT: ['admin', 'otherCoordinator'],
} as const satisfies Record<TableKey, readonly Who[]>;

export const seeOf = (owner: TableKey | OrgKey): readonly Who[] =>
  owner === 'T' || owner === 'OT' ? SEE_TABLE[owner] : SEE_ORG[owner];
const editOf = (owner: TableKey | OrgKey): readonly Who[] =>
  owner === 'T' || owner === 'OT' ? EDIT_TABLE[owner] : EDIT_ORG[owner];

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
async function planOf(c: Ctx, m: MeasureTarget): Promise<{ id: string; revision: number }> {
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
const periodFor = (m: MeasureTarget) => (m.kind === 'indicator' ? nextYear() : nextQuarter());

/**
 * Every kind of measure: read (whoever sees its owner), write (its agency's editors, or its
 * table's coordinators for indicators and shared measures), cells (raw figures: not funders),
 * comment (on its plan: every reader but funders, who write nothing).
 */
function measureScopes(
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
function globalScope(may: readonly Who[], request: Scope['request']): Scope[] {
  return [{ name: 'global', what: 'no particular target', see: ALL, may, request }];
}

// ---------------------------------------------------------------------------------------------
// Fresh objects for deletes, so each allowed delete removes something of its own.

async function freshMeasure(c: Ctx, m: MeasureTarget): Promise<string> {
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

async function submittedPeriod(c: Ctx, org: OrgKey): Promise<string> {
  const period = nextQuarter();
  await submitPeriod(c.db, c.system, orgId(c, org), period);
  return period;
}

async function approvedPeriod(c: Ctx, org: OrgKey): Promise<string> {
  const period = await submittedPeriod(c, org);
  await approvePeriod(c.db, c.system, orgId(c, org), period);
  return period;
}

// ---------------------------------------------------------------------------------------------
// The table.

export const V1 = '/api/v1';
const logoutReq: Req = { url: `${V1}/auth/logout` };

export const ROUTES: Route[] = [
  ...historyRoutes(),
  ...statusRoutes(),
  ...mailRoutes(),
  // Public: health, the API document and its viewer, signing in.
  ...[
    '/healthz',
    '/readyz',
    '/api/v1/openapi.json',
    '/docs',
    '/docs/',
    '/docs/json',
    '/docs/yaml',
    '/docs/static/index.html',
    '/docs/static/swagger-initializer.js',
  ].map(
    (path): Route => ({
      method: 'GET',
      path,
      public: true,
      scopes: globalScope(ALL, () => ({ url: path })).map((s) =>
        // The viewer's own index page sends the browser on to /docs/.
        path === '/docs/static/index.html' ? { ...s, expect: 302 } : s,
      ),
    }),
  ),
  {
    method: 'GET',
    path: '/docs/*',
    public: true,
    scopes: globalScope(ALL, () => ({ url: '/docs/static/swagger-ui.css' })),
  },
  {
    method: 'POST',
    path: `${V1}/auth/login`,
    public: true,
    scopes: globalScope(ALL, (c, who) => ({
      url: `${V1}/auth/login`,
      body: c.credentials[who],
    })),
  },

  // Signed in: everyone, about themself.
  {
    method: 'POST',
    path: `${V1}/auth/logout`,
    scopes: [
      { name: 'own', what: 'their own session', see: ALL, may: ALL, request: () => logoutReq },
    ],
  },
  {
    method: 'GET',
    path: `${V1}/me`,
    scopes: [
      { name: 'own', what: 'themself', see: ALL, may: ALL, request: () => ({ url: `${V1}/me` }) },
    ],
  },
  {
    // Needs no bearer token but a refresh cookie, which this table's requests do not carry: 204
    // "no session" with or without a token (auth-hardening.test.ts tries it with cookies).
    method: 'POST',
    path: `${V1}/auth/refresh`,
    public: true,
    scopes: globalScope(ALL, () => ({ url: `${V1}/auth/refresh` })).map((s) => ({
      ...s,
      expect: 204,
    })),
  },
  {
    // A right current password would end the caller's sessions mid-matrix: a wrong one shows the
    // route is open to everyone about themself (auth-hardening.test.ts changes one for real).
    method: 'POST',
    path: `${V1}/auth/password`,
    scopes: [
      {
        name: 'own',
        what: 'their own password, with a wrong current one',
        see: ALL,
        may: ALL,
        expect: 422,
        request: () => ({
          url: `${V1}/auth/password`,
          body: { currentPassword: 'not-the-current-one', newPassword: 'another-fine-passphrase' },
        }),
      },
    ],
  },

  {
    method: 'PATCH',
    path: `${V1}/me`,
    scopes: [
      {
        name: 'own',
        what: 'their own language',
        see: ALL,
        may: ALL,
        request: () => ({ url: `${V1}/me`, body: { locale: 'en' } }),
      },
    ],
  },
  {
    method: 'PATCH',
    path: `${V1}/users/:id`,
    scopes: [
      {
        name: 'own',
        what: 'their own name',
        see: ALL,
        may: ALL,
        request: (c, who) => ({
          url: `${V1}/users/${c.userIds[who]}`,
          body: { name: `Name ${unique()}` },
        }),
      },
      {
        name: 'other',
        what: 'another user',
        // Admin-only: refused with 403 before any lookup.
        see: ALL,
        may: ['admin'],
        request: (c) => ({
          url: `${V1}/users/${c.strangerId}`,
          body: { name: `Name ${unique()}` },
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: `${V1}/users/:id/password`,
    scopes: [
      {
        name: 'other',
        what: "another user's password",
        // Admin-only: refused with 403 before any lookup.
        see: ALL,
        may: ['admin'],
        request: (c) => ({
          url: `${V1}/users/${c.strangerId}/password`,
          body: { password: `Reset ${unique()} passphrase` },
        }),
      },
      {
        name: 'own',
        what: 'their own password (admins use POST /auth/password for that)',
        see: ALL,
        may: ['admin'],
        expect: 422,
        request: (c, who) => ({
          url: `${V1}/users/${c.userIds[who]}/password`,
          body: { password: `Reset ${unique()} passphrase` },
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: `${V1}/users/:id/roles/revoke`,
    scopes: [
      {
        name: 'other',
        what: "another user's grant",
        see: ALL,
        may: ['admin'],
        request: async (c) => {
          const grant = {
            role: 'table_member',
            scopeType: 'table',
            scopeId: c.w.otherTable.id,
          } as const;
          await grantRole(c.db, null, c.strangerId, grant);
          return { url: `${V1}/users/${c.strangerId}/roles/revoke`, body: grant };
        },
      },
    ],
  },

  // Public scorecard links: the table's coordinators publish, list and revoke; anyone holding
  // a live link reads the restricted scorecard.
  {
    method: 'POST',
    path: `${V1}/tables/:id/public-links`,
    scopes: tableScopes('edit', (c, k) => ({
      url: `${V1}/tables/${tableId(c, k)}/public-links`,
      body: { label: 'x' },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/tables/:id/public-links`,
    scopes: tableScopes('edit', (c, k) => ({ url: `${V1}/tables/${tableId(c, k)}/public-links` })),
  },
  {
    method: 'POST',
    path: `${V1}/tables/:id/public-links/:linkId/revoke`,
    scopes: tableScopes('edit', async (c, k) => {
      const link = await publishLink(c.db, c.system, tableId(c, k), null);
      return { url: `${V1}/tables/${tableId(c, k)}/public-links/${link.id}/revoke` };
    }),
  },
  {
    method: 'GET',
    path: `${V1}/demo/accounts`,
    public: true,
    scopes: globalScope(ALL, () => ({ url: `${V1}/demo/accounts` })),
  },
  {
    method: 'GET',
    path: `${V1}/public/scorecards/:token`,
    public: true,
    scopes: globalScope(ALL, async (c) => {
      const link = await publishLink(c.db, c.system, c.w.table.id, null);
      return { url: `${V1}/public/scorecards/${link.token}` };
    }),
  },

  // Users and role grants: admins. A user sees themself.
  {
    method: 'POST',
    path: `${V1}/users`,
    scopes: globalScope(['admin'], () => ({
      url: `${V1}/users`,
      body: {
        email: `made-${unique()}@example.org`,
        name: 'Made',
        password: 'a-long-enough-password',
      },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/users`,
    scopes: globalScope(['admin'], () => ({ url: `${V1}/users` })),
  },
  {
    method: 'GET',
    path: `${V1}/users/:id`,
    scopes: [
      {
        name: 'own',
        what: 'themself',
        see: ALL,
        may: ALL,
        request: (c, who) => ({ url: `${V1}/users/${c.userIds[who]}` }),
      },
      {
        name: 'other',
        what: 'another user',
        see: ['admin'],
        may: ['admin'],
        request: (c) => ({ url: `${V1}/users/${c.strangerId}` }),
      },
    ],
  },
  {
    method: 'POST',
    path: `${V1}/users/:id/roles`,
    scopes: [
      {
        name: 'own',
        what: 'a grant to themself',
        see: ALL,
        may: ['admin'],
        request: (c, who) => ({
          url: `${V1}/users/${c.userIds[who]}/roles`,
          body: { role: 'table_member', scopeType: 'table', scopeId: c.w.otherTable.id },
        }),
      },
      {
        name: 'other',
        what: 'a grant to another user',
        // Admin-only actions refuse everyone else with 403 before looking anything up.
        see: ALL,
        may: ['admin'],
        request: (c) => ({
          url: `${V1}/users/${c.strangerId}/roles`,
          body: { role: 'table_member', scopeType: 'table', scopeId: c.w.otherTable.id },
        }),
      },
    ],
  },

  // Organizations: admins create them; who sees one is the organization rule.
  {
    method: 'POST',
    path: `${V1}/organizations`,
    scopes: globalScope(['admin'], () => ({
      url: `${V1}/organizations`,
      body: { code: `ORG-${unique()}`, name: 'Made', kind: 'agency' },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/organizations`,
    scopes: globalScope(ALL, () => ({ url: `${V1}/organizations` })),
  },
  {
    method: 'GET',
    path: `${V1}/organizations/:id`,
    scopes: orgScopes('read', (c, o) => ({ url: `${V1}/organizations/${orgId(c, o)}` })),
  },

  // The audit trail: admins; coordinators, for entities of their own table.
  {
    method: 'GET',
    path: `${V1}/audit`,
    scopes: [
      {
        name: 'own',
        what: "table T's trail",
        see: ALL,
        may: ['admin', 'coordinator'],
        request: (c) => ({
          url: `${V1}/audit`,
          query: { entity: 'planning_table', entityId: c.w.table.id },
        }),
      },
      {
        name: 'other',
        what: "the other table's trail",
        see: ALL,
        may: ['admin', 'otherCoordinator'],
        request: (c) => ({
          url: `${V1}/audit`,
          query: { entity: 'planning_table', entityId: c.w.otherTable.id },
        }),
      },
      {
        name: 'global',
        what: 'the whole trail',
        see: ALL,
        may: ['admin'],
        request: () => ({ url: `${V1}/audit` }),
      },
    ],
  },

  // Settings: everyone reads them, admins change them.
  {
    method: 'GET',
    path: `${V1}/settings`,
    scopes: globalScope(ALL, () => ({ url: `${V1}/settings` })),
  },
  {
    method: 'PATCH',
    path: `${V1}/settings`,
    // The default threshold again: an allowed call changes nothing the other checks read.
    scopes: globalScope(['admin'], () => ({
      url: `${V1}/settings`,
      body: { smallCellThreshold: 5 },
    })),
  },

  // Planning tables: admins create and delete them and their partners; coordinators change them.
  {
    method: 'POST',
    path: `${V1}/tables`,
    scopes: globalScope(['admin'], () => ({
      url: `${V1}/tables`,
      body: { name: `Made ${unique()}`, population: 'Everyone' },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/tables`,
    scopes: globalScope(ALL, () => ({ url: `${V1}/tables` })),
  },
  {
    method: 'GET',
    path: `${V1}/tables/:id`,
    scopes: tableScopes('read', (c, k) => ({ url: `${V1}/tables/${tableId(c, k)}` })),
  },
  {
    method: 'PATCH',
    path: `${V1}/tables/:id`,
    scopes: tableScopes('edit', (c, k) => ({
      url: `${V1}/tables/${tableId(c, k)}`,
      body: { description: `Changed ${unique()}` },
    })),
  },
  {
    method: 'DELETE',
    path: `${V1}/tables/:id`,
    scopes: [
      // Both world tables have results: an admin's delete is refused by state (409 HAS_DATA).
      ...tableScopes('admin', (c, k) => ({ url: `${V1}/tables/${tableId(c, k)}` })).map(
        (s): Scope => ({ ...s, expect: 409 }),
      ),
      {
        name: 'empty',
        what: 'a fresh empty table nobody has a role at',
        see: ['admin'],
        may: ['admin'],
        request: async (c) => {
          const t = await createTable(c.db, c.system, {
            name: `Empty ${unique()}`,
            population: 'No one',
          });
          return { url: `${V1}/tables/${t.id}` };
        },
      },
    ],
  },
  {
    method: 'GET',
    path: `${V1}/tables/:id/partners`,
    scopes: tableScopes('read', (c, k) => ({ url: `${V1}/tables/${tableId(c, k)}/partners` })),
  },
  {
    method: 'POST',
    path: `${V1}/tables/:id/partners`,
    scopes: tableScopes('admin', async (c, k) => {
      const org = await makeOrganization(c.db, { code: `NEW-${unique()}` });
      return { url: `${V1}/tables/${tableId(c, k)}/partners`, body: { organizationId: org.id } };
    }),
  },
  {
    method: 'DELETE',
    path: `${V1}/tables/:id/partners/:organizationId`,
    scopes: tableScopes('admin', async (c, k) => {
      const org = await makeOrganization(c.db, { code: `GONE-${unique()}` });
      await addPartner(c.db, c.system, tableId(c, k), org.id);
      return { url: `${V1}/tables/${tableId(c, k)}/partners/${org.id}` };
    }),
  },

  // Results: the table's coordinators.
  {
    method: 'POST',
    path: `${V1}/tables/:id/results`,
    scopes: tableScopes('edit', (c, k) => ({
      url: `${V1}/tables/${tableId(c, k)}/results`,
      body: { title: `Made ${unique()}` },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/tables/:id/results`,
    scopes: tableScopes('read', (c, k) => ({ url: `${V1}/tables/${tableId(c, k)}/results` })),
  },
  {
    method: 'GET',
    path: `${V1}/results/:id`,
    scopes: tableScopes('read', (c, k) => ({ url: `${V1}/results/${resultId(c, k)}` })),
  },
  {
    method: 'PATCH',
    path: `${V1}/results/:id`,
    scopes: tableScopes('edit', (c, k) => ({
      url: `${V1}/results/${resultId(c, k)}`,
      body: { description: `Changed ${unique()}` },
    })),
  },
  {
    method: 'DELETE',
    path: `${V1}/results/:id`,
    scopes: tableScopes('edit', async (c, k) => {
      const r = await createResult(c.db, c.system, tableId(c, k), { title: `Gone ${unique()}` });
      return { url: `${V1}/results/${r.id}` };
    }),
  },

  // Indicators and shared measures: the table's coordinators.
  {
    method: 'POST',
    path: `${V1}/results/:id/indicators`,
    scopes: tableScopes('edit', (c, k) => ({
      url: `${V1}/results/${resultId(c, k)}/indicators`,
      body: {
        code: `IND-${unique()}`,
        name: 'Made',
        unit: 'count',
        direction: 'up',
        periodType: 'year',
      },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/results/:id/indicators`,
    scopes: tableScopes('read', (c, k) => ({
      url: `${V1}/results/${resultId(c, k)}/indicators`,
    })),
  },
  {
    method: 'POST',
    path: `${V1}/tables/:id/shared-measures`,
    scopes: tableScopes('edit', (c, k) => ({
      url: `${V1}/tables/${tableId(c, k)}/shared-measures`,
      body: {
        code: `SH-${unique()}`,
        name: 'Made',
        unit: 'count',
        direction: 'up',
        periodType: 'fiscal_quarter',
      },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/tables/:id/shared-measures`,
    scopes: tableScopes('read', (c, k) => ({
      url: `${V1}/tables/${tableId(c, k)}/shared-measures`,
    })),
  },

  // Programs and their measures: the agency's partner editors.
  {
    method: 'POST',
    path: `${V1}/organizations/:id/programs`,
    scopes: orgScopes('edit', (c, o) => ({
      url: `${V1}/organizations/${orgId(c, o)}/programs`,
      body: { name: `Made ${unique()}` },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/organizations/:id/programs`,
    scopes: orgScopes('read', (c, o) => ({ url: `${V1}/organizations/${orgId(c, o)}/programs` })),
  },
  {
    method: 'GET',
    path: `${V1}/programs/:id`,
    scopes: orgScopes('read', (c, o) => ({ url: `${V1}/programs/${programId(c, o)}` })),
  },
  {
    method: 'PATCH',
    path: `${V1}/programs/:id`,
    scopes: orgScopes('edit', (c, o) => ({
      url: `${V1}/programs/${programId(c, o)}`,
      body: { description: `Changed ${unique()}` },
    })),
  },
  {
    method: 'DELETE',
    path: `${V1}/programs/:id`,
    scopes: orgScopes('edit', async (c, o) => {
      const p = await createProgram(c.db, c.system, orgId(c, o), { name: `Gone ${unique()}` });
      return { url: `${V1}/programs/${p.id}` };
    }),
  },
  {
    method: 'POST',
    path: `${V1}/programs/:id/measures`,
    scopes: orgScopes('edit', (c, o) => ({
      url: `${V1}/programs/${programId(c, o)}/measures`,
      body: {
        code: `PM-${unique()}`,
        name: 'Made',
        unit: 'count',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'how_much',
      },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/programs/:id/measures`,
    scopes: orgScopes('read', (c, o) => ({ url: `${V1}/programs/${programId(c, o)}/measures` })),
  },

  // Dimensions: everyone reads them; admins and any table coordinator define them.
  {
    method: 'POST',
    path: `${V1}/dimensions`,
    scopes: globalScope(['admin', 'coordinator', 'otherCoordinator'], () => ({
      url: `${V1}/dimensions`,
      body: { code: `dim_${unique()}`, name: 'Made', values: [{ code: 'a', label: 'A' }] },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/dimensions`,
    scopes: globalScope(ALL, () => ({ url: `${V1}/dimensions` })),
  },
  {
    method: 'GET',
    path: `${V1}/dimensions/:code`,
    scopes: globalScope(ALL, (c) => ({ url: `${V1}/dimensions/${c.w.dimension.code}` })),
  },

  // Measures of every kind.
  {
    method: 'GET',
    path: `${V1}/measures/:id`,
    scopes: measureScopes('read', (c, m) => ({ url: `${V1}/measures/${measureId(c, m.key)}` })),
  },
  {
    method: 'PATCH',
    path: `${V1}/measures/:id`,
    scopes: measureScopes('write', (c, m) => ({
      url: `${V1}/measures/${measureId(c, m.key)}`,
      body: { definition: `Changed ${unique()}` },
    })),
  },
  {
    method: 'DELETE',
    path: `${V1}/measures/:id`,
    scopes: measureScopes('write', async (c, m) => ({
      url: `${V1}/measures/${await freshMeasure(c, m)}`,
    })),
  },

  // Figures and targets: whoever changes the measure.
  {
    method: 'PUT',
    path: `${V1}/measures/:id/observations/:period`,
    scopes: measureScopes(
      'write',
      (c, m) => ({
        url: `${V1}/measures/${measureId(c, m.key)}/observations/${periodFor(m)}`,
        body: { value: 42 },
      }),
      // A shared measure's figure is computed, never entered: 422 SHARED_MEASURE_COMPUTED.
      (m) => (m.kind === 'shared' ? 422 : undefined),
    ),
  },
  {
    method: 'GET',
    path: `${V1}/measures/:id/observations`,
    scopes: measureScopes('cells', (c, m) => ({
      url: `${V1}/measures/${measureId(c, m.key)}/observations`,
    })),
  },
  {
    method: 'PUT',
    path: `${V1}/measures/:id/targets/:period`,
    scopes: measureScopes('write', (c, m) => ({
      url: `${V1}/measures/${measureId(c, m.key)}/targets/${periodFor(m)}`,
      body: { value: 50 },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/measures/:id/series`,
    scopes: measureScopes('read', (c, m) => ({
      url: `${V1}/measures/${measureId(c, m.key)}/series`,
    })),
  },
  {
    method: 'PUT',
    path: `${V1}/organizations/:id/observations`,
    scopes: orgScopes('edit', (c, o) => ({
      url: `${V1}/organizations/${orgId(c, o)}/observations`,
      body: {
        items: [
          {
            measureId: o === 'A' ? c.w.countA.id : o === 'B' ? c.w.countB.id : c.w.countX.id,
            period: nextQuarter(),
            value: 7,
          },
        ],
      },
    })),
  },

  // Quarterly reporting: editors submit; coordinators of a table the agency is at review.
  {
    method: 'POST',
    path: `${V1}/organizations/:id/periods/:period/submit`,
    scopes: orgScopes('edit', (c, o) => ({
      url: `${V1}/organizations/${orgId(c, o)}/periods/${nextQuarter()}/submit`,
    })),
  },
  {
    method: 'POST',
    path: `${V1}/organizations/:id/periods/:period/approve`,
    scopes: orgScopes('review', async (c, o) => ({
      url: `${V1}/organizations/${orgId(c, o)}/periods/${await submittedPeriod(c, o)}/approve`,
    })),
  },
  {
    method: 'POST',
    path: `${V1}/organizations/:id/periods/:period/return`,
    scopes: orgScopes('review', async (c, o) => ({
      url: `${V1}/organizations/${orgId(c, o)}/periods/${await submittedPeriod(c, o)}/return`,
      body: { note: 'Please check the count' },
    })),
  },
  {
    method: 'POST',
    path: `${V1}/organizations/:id/periods/:period/reopen`,
    scopes: orgScopes('review', async (c, o) => ({
      url: `${V1}/organizations/${orgId(c, o)}/periods/${await approvedPeriod(c, o)}/reopen`,
      body: { reason: 'The count included visits' },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/organizations/:id/submissions`,
    scopes: orgScopes('read', (c, o) => ({
      url: `${V1}/organizations/${orgId(c, o)}/submissions`,
    })),
  },
  {
    method: 'GET',
    path: `${V1}/organizations/:id/periods/:period/checks`,
    scopes: ORGS.map(({ key, name, what }) => ({
      name,
      what,
      see: SEE_ORG[key],
      may: CHECK_ORG[key],
      request: (c: Ctx) => ({
        url: `${V1}/organizations/${orgId(c, key)}/periods/FY2025-26-Q1/checks`,
      }),
    })),
  },
  {
    method: 'GET',
    path: `${V1}/organizations/:id/entry-sheet`,
    // Whoever sees the agency reads its entry sheet, except funders: raw cells are not theirs.
    scopes: ORGS.map(({ key, name, what }) => ({
      name,
      what,
      see: SEE_ORG[key],
      may: without(SEE_ORG[key], RESTRICTED[key]),
      request: (c: Ctx) => ({ url: `${V1}/organizations/${orgId(c, key)}/entry-sheet` }),
    })),
  },
  {
    method: 'GET',
    path: `${V1}/tables/:id/submissions`,
    // The review queue is the coordinators' (docs/permissions.md): others who see the table are
    // refused with 403.
    scopes: [
      {
        name: 'own',
        what: 'table T',
        see: SEE_TABLE.T,
        may: ['admin', 'coordinator'],
        request: (c) => ({ url: `${V1}/tables/${c.w.table.id}/submissions` }),
      },
      {
        name: 'other',
        what: 'the other table',
        see: SEE_TABLE.OT,
        may: ['admin', 'otherCoordinator'],
        request: (c) => ({ url: `${V1}/tables/${c.w.otherTable.id}/submissions` }),
      },
    ],
  },
  {
    method: 'POST',
    path: `${V1}/reporting-periods`,
    scopes: globalScope(['admin'], () => ({
      url: `${V1}/reporting-periods`,
      body: {
        period: nextReportingQuarter(),
        opens: '2999-01-01',
        due: '2999-02-01',
        closes: '2999-03-01',
      },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/reporting-periods`,
    scopes: globalScope(ALL, () => ({ url: `${V1}/reporting-periods` })),
  },

  // Turn-the-curve plans: read by whoever sees the measure, edited by the curve's owners,
  // commented on by every reader but funders.
  {
    method: 'GET',
    path: `${V1}/measures/:id/curve-plan`,
    scopes: measureScopes('read', (c, m) => ({
      url: `${V1}/measures/${measureId(c, m.key)}/curve-plan`,
    })),
  },
  {
    method: 'PUT',
    path: `${V1}/measures/:id/curve-plan`,
    scopes: measureScopes('plan', async (c, m) => ({
      url: `${V1}/measures/${measureId(c, m.key)}/curve-plan`,
      body: { revision: (await planOf(c, m)).revision, story: { narrative: `Edit ${unique()}` } },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/measures/:id/curve-report`,
    scopes: measureScopes('read', (c, m) => ({
      url: `${V1}/measures/${measureId(c, m.key)}/curve-report`,
    })),
  },
  {
    method: 'GET',
    path: `${V1}/curve-plans/:id/revisions`,
    scopes: measureScopes('read', async (c, m) => ({
      url: `${V1}/curve-plans/${(await planOf(c, m)).id}/revisions`,
    })),
  },
  {
    method: 'GET',
    path: `${V1}/curve-plans/:id/revisions/:revision`,
    scopes: measureScopes('read', async (c, m) => ({
      url: `${V1}/curve-plans/${(await planOf(c, m)).id}/revisions/1`,
    })),
  },
  {
    method: 'GET',
    path: `${V1}/curve-plans/:id/compare`,
    scopes: measureScopes('read', async (c, m) => ({
      url: `${V1}/curve-plans/${(await planOf(c, m)).id}/compare`,
      query: { from: 1, to: 1 },
    })),
  },
  {
    method: 'POST',
    path: `${V1}/curve-plans/:id/revisions/:revision/restore`,
    scopes: measureScopes('plan', async (c, m) => {
      const plan = await planOf(c, m);
      return {
        url: `${V1}/curve-plans/${plan.id}/revisions/1/restore`,
        body: { revision: plan.revision },
      };
    }),
  },
  {
    method: 'GET',
    path: `${V1}/curve-plans/:id/comments`,
    scopes: measureScopes('read', async (c, m) => ({
      url: `${V1}/curve-plans/${(await planOf(c, m)).id}/comments`,
    })),
  },
  {
    method: 'POST',
    path: `${V1}/curve-plans/:id/comments`,
    scopes: measureScopes('comment', async (c, m) => ({
      url: `${V1}/curve-plans/${(await planOf(c, m)).id}/comments`,
      body: { body: `Comment ${unique()}` },
    })),
  },

  // CSV: exports of what the caller may see; imports into what they may write (a dry run here);
  // an import job is its creator's.
  {
    method: 'GET',
    path: `${V1}/exports/observations.csv`,
    scopes: [
      ...tableScopes('read', (c, k) => ({
        url: `${V1}/exports/observations.csv`,
        query: { tableId: tableId(c, k) },
      })),
      ...orgScopes('read', (c, o) => ({
        url: `${V1}/exports/observations.csv`,
        query: { organizationId: orgId(c, o) },
      })),
    ],
  },
  {
    method: 'GET',
    path: `${V1}/exports/scorecard.csv`,
    scopes: [
      ...tableScopes('read', (c, k) => ({
        url: `${V1}/exports/scorecard.csv`,
        query: { tableId: tableId(c, k) },
      })),
      ...orgScopes('read', (c, o) => ({
        url: `${V1}/exports/scorecard.csv`,
        query: { organizationId: orgId(c, o) },
      })),
    ],
  },
  {
    method: 'POST',
    path: `${V1}/imports`,
    scopes: measureScopes('write', (c, m) => {
      const id = measureId(c, m.key);
      const period = m.kind === 'indicator' ? '2011' : 'FY2011-12-Q1';
      return {
        url: `${V1}/imports`,
        multipart: {
          fields: {
            mapping: JSON.stringify({
              mode: 'long',
              measureId: id,
              period: { column: 'period', format: 'auto' },
              value: { column: 'value' },
            }),
          },
          file: `period,value\n${period},5\n`,
        },
      };
    }),
  },
  {
    method: 'GET',
    path: `${V1}/imports/:id`,
    scopes: [
      {
        name: 'other',
        what: "an admin's import job",
        see: ['admin'],
        may: ['admin'],
        request: async (c) => {
          const job = await startImportJob(
            c.db,
            c.system,
            {
              file: Buffer.from('period,value\n2011,5\n'),
              mapping: {
                mode: 'long',
                measureId: c.w.indicator.id,
                period: { column: 'period', format: 'auto' },
                value: { column: 'value', scale: 1 },
              },
            } as Parameters<typeof startImportJob>[2],
            false,
          );
          // The job runs in the background: let it finish, so it changes nothing mid-check.
          for (let i = 0; i < 200; i++) {
            if ((await getImportJob(c.db, c.system, job.jobId)).status !== 'running') break;
            await new Promise((r) => setTimeout(r, 25));
          }
          return { url: `${V1}/imports/${job.jobId}` };
        },
      },
    ],
  },

  // The system map: service types for everyone signed in (admins add them); program profiles
  // read with the program and kept by its agency's editors; the map is the table's.
  {
    method: 'GET',
    path: `${V1}/service-types`,
    scopes: globalScope(ALL, () => ({ url: `${V1}/service-types` })),
  },
  {
    method: 'POST',
    path: `${V1}/service-types`,
    scopes: globalScope(['admin'], () => ({
      url: `${V1}/service-types`,
      body: { code: `svc_${unique().replace(/[^a-z0-9]/g, '')}`, name: 'A service' },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/programs/:id/profile`,
    scopes: orgScopes('read', (c, o) => ({ url: `${V1}/programs/${programId(c, o)}/profile` })),
  },
  {
    method: 'PUT',
    path: `${V1}/programs/:id/profile`,
    scopes: orgScopes('edit', (c, o) => ({
      url: `${V1}/programs/${programId(c, o)}/profile`,
      body: {
        serviceTypes: ['brief_services'],
        ageGroups: [],
        regions: [],
        languages: ['en'],
        capacity: 10,
      },
    })),
  },
  {
    method: 'GET',
    path: `${V1}/tables/:id/system-map`,
    scopes: tableScopes('read', (c, k) => ({ url: `${V1}/tables/${tableId(c, k)}/system-map` })),
  },
  {
    method: 'GET',
    path: `${V1}/tables/:id/system-map.csv`,
    scopes: tableScopes('read', (c, k) => ({
      url: `${V1}/tables/${tableId(c, k)}/system-map.csv`,
    })),
  },

  // Scorecards and series: whoever sees the table, the agency, the measure.
  {
    method: 'GET',
    path: `${V1}/tables/:id/scorecard`,
    scopes: tableScopes('read', (c, k) => ({ url: `${V1}/tables/${tableId(c, k)}/scorecard` })),
  },
  {
    method: 'GET',
    path: `${V1}/organizations/:id/scorecard`,
    scopes: orgScopes('read', (c, o) => ({ url: `${V1}/organizations/${orgId(c, o)}/scorecard` })),
  },
];

export const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** World entities the list routes show, and who may see each. */
export function listedEntities(c: Ctx) {
  return {
    tables: [
      { id: c.w.table.id, what: 'table T', see: SEE_TABLE.T },
      { id: c.w.otherTable.id, what: 'the other table', see: SEE_TABLE.OT },
    ],
    organizations: [
      { id: c.w.orgA.id, what: 'agency A', see: SEE_ORG.A },
      { id: c.w.orgB.id, what: 'agency B', see: SEE_ORG.B },
      { id: c.w.outside.id, what: 'agency X', see: SEE_ORG.X },
      { id: c.w.funderOrg.id, what: 'the funder organization', see: ['admin'] as readonly Who[] },
    ],
  };
}
