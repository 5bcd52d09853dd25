// Another party's ids: every route that takes an id (in its path, its query or its body), called
// by users of one organization or table with ids of an organization or table they may not see,
// answers exactly as it does for a well-formed id that exists nowhere — same status, same body
// apart from the ids themselves — shows none of the other party's data, and changes nothing.
// The routes and requests come from the permission table (permissions/table.ts), which must list
// every route the app serves; each request is also sent by an admin, who may make it, so that
// a refusal cannot be blamed on a bad body.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/access/actor.js';
import { savePlan } from '../src/curve-plans/curve-plans.service.js';
import { startImportJob } from '../src/imports/import-jobs.js';
import { createSharedMeasure } from '../src/measures/measures.service.js';
import { publishLink, revokePublicLink } from '../src/public-links/public-links.service.js';
import { fingerprint, fingerprintedTables } from '../support/fingerprint.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { buildMatrixContext } from './permissions/context.js';
import { matchesTemplate, servedRoutes } from './permissions/support.js';
import {
  type Ctx,
  listedEntities,
  type Req,
  ROUTES,
  type Route,
  routeKey,
  type Scope,
  WHO,
  type Who,
} from './permissions/table.js';

let t: TestApp;
let c: Ctx;
let tables: string[];
let auth: Record<Who, string>;
/** Ids of the other table that the world lacks: a shared measure and a public link. */
let otherShared: string;
let otherLinkToken: string;
let jobOfX: string;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

beforeAll(async () => {
  t = await createTestApp();
  ({ c, auth } = await buildMatrixContext(t, 'cross-id-setup'));
  const { w, system } = c;
  otherShared = (
    await createSharedMeasure(t.db, system, w.otherTable.id, {
      code: 'OTHER-SHARED',
      name: 'Adults helped',
      unit: 'count',
      direction: 'up',
      periodType: 'fiscal_quarter',
    })
  ).id;
  // Plans on other parties' measures, a link of the other table (revoked: a dead token and a
  // never-issued one must look the same), and an import job of agency X's editor.
  for (const m of [w.countX.id, w.countB.id]) {
    await savePlan(t.db, system, m, {
      revision: 0,
      story: { forcesUp: [], forcesDown: [], narrative: 'Secret plan' },
    });
  }
  const link = await publishLink(t.db, system, w.otherTable.id, 'other');
  otherLinkToken = link.token;
  await revokePublicLink(t.db, system, w.otherTable.id, link.id);
  const editorX: Actor = {
    userId: w.users.editorX.id,
    grants: [{ role: 'partner_editor', scopeType: 'organization', scopeId: w.outside.id }],
    requestId: 'cross-id-setup',
  };
  jobOfX = (
    await startImportJob(
      t.db,
      editorX,
      {
        file: Buffer.from('period,value\nFY2011-12-Q1,5\n'),
        mapping: {
          mode: 'long',
          measureId: w.countX.id,
          period: { column: 'period', format: 'auto' },
          value: { column: 'value', scale: 1 },
        },
      } as Parameters<typeof startImportJob>[2],
      false,
    )
  ).jobId;
  // Let the import job finish, so that it changes nothing while the checks run.
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{
      status: string;
    }>`select status from import_jobs where id = ${jobOfX}`.execute(t.db);
    if (rows[0]?.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  tables = await fingerprintedTables(t.db);
});
afterAll(async () => t.closeAll());

// ---------------------------------------------------------------------------------------------
// What "the other party" is for each user: what they may not see, by name, code and id.

/** Text that must not appear in a reply to `who`: names, codes and ids of what they cannot see. */
function hiddenFrom(who: Who): string[] {
  const w = c.w;
  const listed = listedEntities(c);
  const out: string[] = [];
  const tableNames: Record<string, string[]> = {
    [w.table.id]: [w.table.name, w.result.title],
    [w.otherTable.id]: [
      w.otherTable.name,
      w.otherResult.title,
      'ADULTS-WELL',
      'Adults helped',
      'OTHER-SHARED',
    ],
  };
  for (const e of listed.tables) {
    if (!(e.see as readonly Who[]).includes(who)) out.push(e.id, ...(tableNames[e.id] ?? []));
  }
  const orgExtras: Record<string, string[]> = {
    [w.orgB.id]: [w.orgB.code, w.orgB.name, w.programB.name, w.programB.id, w.countB.id],
    [w.outside.id]: [w.outside.code, w.outside.name, w.programX.name, w.programX.id, w.countX.id],
    [w.funderOrg.id]: [w.funderOrg.code, w.funderOrg.name],
  };
  for (const e of listed.organizations) {
    if (!(e.see as readonly Who[]).includes(who)) out.push(e.id, ...(orgExtras[e.id] ?? []));
  }
  if (out.includes(w.otherTable.id)) out.push(c.otherIndicatorId, w.otherResult.id, otherShared);
  return out.filter((s) => s.length >= 4);
}

// ---------------------------------------------------------------------------------------------
// Sending, and comparing two replies.

function send(method: string, req: Req, who: Who | null): supertest.Test {
  const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let r = t.http()[m](req.url);
  if (req.query) r = r.query(req.query);
  if (who) r = r.set('authorization', auth[who]);
  if (req.multipart) {
    for (const [k, v] of Object.entries(req.multipart.fields)) r = r.field(k, v);
    r = r.attach('file', Buffer.from(req.multipart.file), 'upload.csv');
  } else if (req.body !== undefined) {
    r = r.send(req.body as object);
  }
  return r;
}

/** The same request with every id in its path and query replaced by one that exists nowhere. */
function nowhere(req: Req, only?: string): { req: Req; swaps: [string, string][] } {
  const swaps = new Map<string, string>();
  const swap = (s: string) =>
    s.replace(UUID, (id) => {
      if (only !== undefined && id !== only) return id;
      if (!swaps.has(id)) swaps.set(id, randomUUID());
      return swaps.get(id) as string;
    });
  const query = req.query
    ? Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, swap(String(v))]))
    : undefined;
  return {
    req: { ...req, url: swap(req.url), ...(query ? { query } : {}) },
    swaps: [...swaps.entries()],
  };
}

/** A reply's text with the given ids written as placeholders, and request ids dropped. */
function normalize(text: string, ids: string[]): string {
  let out = text;
  ids.forEach((id, i) => {
    out = out.split(id).join(`<id${i}>`);
  });
  return out.replace(/"requestId":"[^"]*"/g, '"requestId":"-"');
}

function describeRes(res: supertest.Response): string {
  return `${res.status} ${res.text.length > 240 ? `${res.text.slice(0, 240)}…` : res.text}`;
}

/**
 * Sends the request with the other party's ids and with ids from nowhere, and says what is wrong:
 * a different status or body, a success, the other party's data in the reply, a change.
 */
async function compare(
  method: string,
  foreign: Req,
  who: Who,
  options: { alsoSwap?: [string, string][]; only?: string; mayAnswer?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = [];
  const alsoSwap = options.alsoSwap ?? [];
  const { req: ghost, swaps } = nowhere(foreign, options.only);
  const allSwaps = [...swaps, ...alsoSwap];
  expect(allSwaps.length, `no id to swap in ${foreign.url}`).toBeGreaterThan(0);
  const before = await fingerprint(t.db, tables);
  const a = await send(method, foreign, who);
  const afterA = await fingerprint(t.db, tables);
  const b = await send(method, ghost, who);
  const afterB = await fingerprint(t.db, tables);
  if (a.status < 400 && !options.mayAnswer) {
    problems.push(`the other party's id was served: ${describeRes(a)}`);
  }
  if (a.status !== b.status) {
    problems.push(
      `status ${a.status} for the other party's id, ${b.status} for an id from nowhere`,
    );
  }
  const textA = normalize(
    a.text,
    allSwaps.map(([from]) => from),
  );
  const textB = normalize(
    b.text,
    allSwaps.map(([, to]) => to),
  );
  if (textA !== textB)
    problems.push(
      `bodies differ:\n    other party: ${textA.slice(0, 300)}\n    nowhere:     ${textB.slice(0, 300)}`,
    );
  if ((a.headers['content-type'] ?? '') !== (b.headers['content-type'] ?? '')) {
    problems.push(
      `content types differ: ${a.headers['content-type']} / ${b.headers['content-type']}`,
    );
  }
  const sent = new Set(
    [
      foreign.url,
      JSON.stringify(foreign.query ?? {}),
      JSON.stringify(foreign.body ?? {}),
      foreign.multipart?.fields.mapping ?? '',
    ]
      .join(' ')
      .match(UUID) ?? [],
  );
  const given = JSON.stringify(foreign);
  const leaked = hiddenFrom(who).filter(
    (s) => !sent.has(s) && !given.includes(s) && a.text.includes(s),
  );
  if (leaked.length > 0) problems.push(`the reply shows the other party's ${leaked.join(', ')}`);
  const changedA = Object.keys(before).filter((k) => before[k] !== afterA[k]);
  const changedB = Object.keys(afterA).filter((k) => afterA[k] !== afterB[k]);
  if (changedA.length) problems.push(`the refused call changed ${changedA.join(', ')}`);
  if (changedB.length)
    problems.push(`the call with an id from nowhere changed ${changedB.join(', ')}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Routes from the permission table: every scope a user may not see (404), and admin-only scopes
// (403 whatever the target).

const PERSPECTIVES = WHO.filter((w) => w !== 'admin');
const idRoute = (r: Route) => r.path.includes(':') && r.path.startsWith('/api/v1/');
/** Ids in the query: the route takes an id there. */
const ID_QUERY = /(^|[?&])(tableId|organizationId|measureId|programId|entityId|resultId)=/;
/** Routes with a path id that have no other party: checked separately below. */
const NO_OTHER_PARTY: Record<string, string> = {
  'GET /api/v1/dimensions/:code': 'dimensions are shared by every table and agency',
  'GET /api/v1/public/scorecards/:token':
    'a token, not an id: checked below (a dead token looks like one never issued)',
  'POST /api/v1/me/notifications/:id/read':
    "the caller's own notifications only: another user's answers 404 as one from nowhere, to admins too (mail/notices.test.ts)",
};

function foreignScopes(route: Route): { scope: Scope; who: Who }[] {
  const out: { scope: Scope; who: Who }[] = [];
  for (const scope of route.scopes) {
    for (const who of PERSPECTIVES) {
      if (scope.may.includes(who)) continue;
      const hidden = !scope.see.includes(who);
      // A target everyone may know of (a user, the audit trail): refused alike, whatever it is.
      const open = scope.see.length === WHO.length;
      if (hidden || open) out.push({ scope, who });
    }
  }
  return out;
}

describe('the routes that take an id', () => {
  it('are all checked here (read from the app itself)', () => {
    const served = [...servedRoutes(t.app)].filter(
      (k) => k.includes(':') && k.includes(' /api/v1/'),
    );
    const covered = ROUTES.filter((r) => idRoute(r) && foreignScopes(r).length > 0).map(routeKey);
    const missing = served.filter((k) => !covered.includes(k) && !(k in NO_OTHER_PARTY));
    expect(missing, 'routes with an id and no other-party check').toEqual([]);
  });
});

for (const route of ROUTES) {
  const queryIds = route.method === 'GET' && !idRoute(route);
  if (!idRoute(route) && !queryIds) continue;
  const cases = foreignScopes(route);
  if (cases.length === 0) continue;
  const name = `${route.method} ${route.path.replace(/^\/api\/v1/, '')}`;
  it(`${name}: another party's ids answer as ids from nowhere`, async () => {
    const problems: string[] = [];
    let tried = 0;
    for (const { scope, who } of cases) {
      const req = await scope.request(c, who);
      expect(matchesTemplate(route.path, req.url)).toBe(true);
      const hasId =
        UUID.test(req.url) ||
        ID_QUERY.test(
          new URLSearchParams(
            Object.entries(req.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
          ).toString(),
        );
      UUID.lastIndex = 0;
      if (!hasId) continue;
      tried++;
      for (const p of await compare(route.method, req, who)) {
        problems.push(`${who}, ${scope.name} scope (${scope.what}): ${p}`);
      }
    }
    if (queryIds && tried === 0) return;
    expect(tried, 'no request with an id').toBeGreaterThan(0);
    // The same requests are valid: an admin, who may make them, gets what the policy says.
    for (const scope of new Set(cases.map((x) => x.scope))) {
      const req = await scope.request(c, 'admin');
      const res = await send(route.method, req, 'admin');
      const ok = scope.expect ? res.status === scope.expect : res.status >= 200 && res.status < 300;
      if (!ok)
        problems.push(
          `control: an admin sending the ${scope.name} scope's request got ${describeRes(res)}`,
        );
    }
    expect(problems).toEqual([]);
  });
}

// ---------------------------------------------------------------------------------------------
// Ids in bodies and queries that the permission table's requests leave out.

interface Extra {
  name: string;
  who: Who;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The request with the other party's id; `id` is that id. */
  request(c: Ctx): Req;
  id(c: Ctx): string;
  /**
   * A filter or a dry run may answer (an empty export, a report of unknown rows), as long as
   * the answer is the one an id from nowhere gets.
   */
  mayAnswer?: boolean;
  /** A request an allowed user may make in the same shape, with their own id. */
  control?: { who: Who; request(c: Ctx): Req; expect?: number };
}

function importReq(mapping: Record<string, unknown>, file = 'period,value\nFY2011-12-Q1,5\n'): Req {
  return {
    url: '/api/v1/imports',
    multipart: { fields: { mapping: JSON.stringify(mapping) }, file },
  };
}

const EXTRAS: Extra[] = [
  ...(['countB', 'countX'] as const).map(
    (m): Extra => ({
      name: `an agency's figures naming ${m === 'countB' ? 'a sibling' : 'an outside'} agency's measure`,
      who: 'editorA',
      method: 'PUT',
      request: (c) => ({
        url: `/api/v1/organizations/${c.w.orgA.id}/observations`,
        body: { items: [{ measureId: c.w[m].id, period: 'FY2013-14-Q1', value: 3 }] },
      }),
      id: (c) => c.w[m].id,
      control: {
        who: 'editorA',
        request: (c) => ({
          url: `/api/v1/organizations/${c.w.orgA.id}/observations`,
          body: { items: [{ measureId: c.w.countA.id, period: 'FY2013-14-Q1', value: 3 }] },
        }),
      },
    }),
  ),
  ...(['countB', 'countX'] as const).map(
    (m): Extra => ({
      name: `an import into ${m === 'countB' ? 'a sibling' : 'an outside'} agency's measure`,
      who: 'editorA',
      method: 'POST',
      request: (c) =>
        importReq({
          mode: 'long',
          measureId: c.w[m].id,
          period: { column: 'period' },
          value: { column: 'value' },
        }),
      id: (c) => c.w[m].id,
      control: {
        who: 'editorA',
        request: (c) =>
          importReq({
            mode: 'long',
            measureId: c.w.countA.id,
            period: { column: 'period' },
            value: { column: 'value' },
          }),
      },
    }),
  ),
  {
    name: "an import by code narrowed to an outside agency's measures",
    mayAnswer: true,
    who: 'editorA',
    method: 'POST',
    request: (c) =>
      importReq(
        {
          mode: 'long',
          measure: { column: 'code' },
          organizationId: c.w.outside.id,
          period: { column: 'period' },
          value: { column: 'value' },
        },
        'code,period,value\nSERVED,FY2011-12-Q1,5\n',
      ),
    id: (c) => c.w.outside.id,
    control: {
      who: 'editorA',
      request: (c) =>
        importReq(
          {
            mode: 'long',
            measure: { column: 'code' },
            organizationId: c.w.orgA.id,
            period: { column: 'period' },
            value: { column: 'value' },
          },
          'code,period,value\nSERVED,FY2011-12-Q1,5\n',
        ),
    },
  },
  {
    name: "an import by code narrowed to the other table's measures",
    mayAnswer: true,
    who: 'coordinator',
    method: 'POST',
    request: (c) =>
      importReq(
        {
          mode: 'long',
          measure: { column: 'code' },
          tableId: c.w.otherTable.id,
          period: { column: 'period' },
          value: { column: 'value' },
        },
        'code,period,value\nADULTS-WELL,2011,5\n',
      ),
    id: (c) => c.w.otherTable.id,
  },
  {
    name: "a program contributing to the other table's result",
    who: 'editorA',
    method: 'POST',
    request: (c) => ({
      url: `/api/v1/organizations/${c.w.orgA.id}/programs`,
      body: { name: 'Cross program', resultIds: [c.w.otherResult.id] },
    }),
    id: (c) => c.w.otherResult.id,
    control: {
      who: 'editorA',
      request: (c) => ({
        url: `/api/v1/organizations/${c.w.orgA.id}/programs`,
        body: { name: 'Own program', resultIds: [c.w.result.id] },
      }),
    },
  },
  {
    name: "a program measure reporting the other table's shared measure",
    who: 'editorA',
    method: 'POST',
    request: (c) => ({
      url: `/api/v1/programs/${c.w.programA.id}/measures`,
      body: {
        code: 'CROSS-SHARED',
        name: 'Cross',
        unit: 'count',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'how_much',
        sharedMeasureId: otherShared,
      },
    }),
    id: () => otherShared,
  },
  {
    name: "a program re-linked to the other table's result",
    who: 'editorA',
    method: 'PATCH',
    request: (c) => ({
      url: `/api/v1/programs/${c.w.programA.id}`,
      body: { resultIds: [c.w.otherResult.id] },
    }),
    id: (c) => c.w.otherResult.id,
  },
  ...(['outside', 'orgB'] as const).map(
    (o): Extra => ({
      name: `a plan naming ${o === 'orgB' ? 'a sibling' : 'an outside'} agency as a partner`,
      who: 'editorA',
      method: 'PUT',
      request: (c) => ({
        url: `/api/v1/measures/${c.w.countA.id}/curve-plan`,
        body: { revision: 0, partners: [{ organizationId: c.w[o].id, role: 'help' }] },
      }),
      id: (c) => c.w[o].id,
    }),
  ),
  ...(['measureId', 'programId'] as const).map(
    (param): Extra => ({
      name: `an export filtered by an outside agency's ${param === 'measureId' ? 'measure' : 'program'}`,
      who: 'coordinator',
      method: 'GET',
      request: (c) => ({
        url: '/api/v1/exports/observations.csv',
        query: { [param]: param === 'measureId' ? c.w.countX.id : c.w.programX.id },
      }),
      id: (c) => (param === 'measureId' ? c.w.countX.id : c.w.programX.id),
      control: {
        who: 'coordinator',
        request: (c) => ({
          url: '/api/v1/exports/observations.csv',
          query: { [param]: param === 'measureId' ? c.w.countA.id : c.w.programA.id },
        }),
      },
    }),
  ),
  {
    name: "an export filtered by a sibling agency's measure (for its partner's staff)",
    who: 'editorA',
    method: 'GET',
    request: (c) => ({
      url: '/api/v1/exports/observations.csv',
      query: { measureId: c.w.countB.id },
    }),
    id: (c) => c.w.countB.id,
  },
  {
    name: 'an export of table T narrowed to an outside agency',
    mayAnswer: true,
    who: 'coordinator',
    method: 'GET',
    request: (c) => ({
      url: '/api/v1/exports/observations.csv',
      query: { tableId: c.w.table.id, organizationId: c.w.outside.id },
    }),
    id: (c) => c.w.outside.id,
  },
  ...(['system-map', 'system-map.csv'] as const).map(
    (path): Extra => ({
      name: `table T's ${path} narrowed to the other table's result`,
      mayAnswer: true,
      who: 'coordinator',
      method: 'GET',
      request: (c) => ({
        url: `/api/v1/tables/${c.w.table.id}/${path}`,
        query: { resultId: c.w.otherResult.id },
      }),
      id: (c) => c.w.otherResult.id,
      control: {
        who: 'coordinator',
        request: (c) => ({
          url: `/api/v1/tables/${c.w.table.id}/${path}`,
          query: { resultId: c.w.result.id },
        }),
      },
    }),
  ),
  {
    name: 'the audit trail of an outside agency',
    who: 'coordinator',
    method: 'GET',
    request: (c) => ({
      url: '/api/v1/audit',
      query: { entity: 'organization', entityId: c.w.outside.id },
    }),
    id: (c) => c.w.outside.id,
  },
  {
    name: "an import job of another agency's editor",
    who: 'editorA',
    method: 'GET',
    request: () => ({ url: `/api/v1/imports/${jobOfX}` }),
    id: () => jobOfX,
  },
];

describe('ids in bodies and queries', () => {
  for (const x of EXTRAS) {
    it(`${x.who}: ${x.name} answers as an id from nowhere`, async () => {
      const req = x.request(c);
      const id = x.id(c);
      const ghostId = randomUUID();
      const swapIn = (v: unknown): unknown =>
        JSON.parse(
          JSON.stringify(v ?? null)
            .split(id)
            .join(ghostId),
        );
      const problems: string[] = [];
      // The body's id is swapped here; compare() swaps those of the path and query.
      const foreign = req;
      const { req: base } = { req: { ...req } };
      const ghost: Req = {
        ...base,
        ...(req.body !== undefined ? { body: swapIn(req.body) } : {}),
        ...(req.multipart
          ? {
              multipart: {
                ...req.multipart,
                fields: { mapping: (req.multipart.fields.mapping ?? '').split(id).join(ghostId) },
              },
            }
          : {}),
      };
      const inBody =
        JSON.stringify(req.body ?? '').includes(id) ||
        (req.multipart?.fields.mapping ?? '').includes(id);
      if (inBody) {
        // Two sends, compared by hand: the same path and query, the body's id differs.
        const before = await fingerprint(t.db, tables);
        const a = await send(x.method, foreign, x.who);
        const mid = await fingerprint(t.db, tables);
        const b = await send(x.method, ghost, x.who);
        const after = await fingerprint(t.db, tables);
        if (a.status < 400 && !x.mayAnswer) {
          problems.push(`the other party's id was accepted: ${describeRes(a)}`);
        }
        if (a.status !== b.status)
          problems.push(
            `status ${a.status} for the other party's id, ${b.status} for one from nowhere`,
          );
        const ta = normalize(a.text, [id]);
        const tb = normalize(b.text, [ghostId]);
        if (ta !== tb)
          problems.push(
            `bodies differ:\n    other party: ${ta.slice(0, 300)}\n    nowhere:     ${tb.slice(0, 300)}`,
          );
        const given = JSON.stringify(req);
        const leaked = hiddenFrom(x.who).filter(
          (s) => s !== id && !given.includes(s) && a.text.includes(s),
        );
        if (leaked.length) problems.push(`the reply shows the other party's ${leaked.join(', ')}`);
        const ca = Object.keys(before).filter((k) => before[k] !== mid[k]);
        const cb = Object.keys(mid).filter((k) => mid[k] !== after[k]);
        if (ca.length) problems.push(`the refused call changed ${ca.join(', ')}`);
        if (cb.length) problems.push(`the call with an id from nowhere changed ${cb.join(', ')}`);
      } else {
        problems.push(
          ...(await compare(x.method, foreign, x.who, {
            only: id,
            ...(x.mayAnswer ? { mayAnswer: true } : {}),
          })),
        );
      }
      if (x.control) {
        const res = await send(x.method, x.control.request(c), x.control.who);
        const ok = x.control.expect
          ? res.status === x.control.expect
          : res.status >= 200 && res.status < 300;
        if (!ok) problems.push(`control with the caller's own id: ${describeRes(res)}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('a revoked public link of the other table answers as a token never issued', async () => {
    const a = await t.http().get(`/api/v1/public/scorecards/${otherLinkToken}`);
    const b = await t
      .http()
      .get(
        `/api/v1/public/scorecards/${otherLinkToken.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))}`,
      );
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(a.text).toBe(b.text);
  });
});
