// Bad input on every write route: each request, sent by someone allowed to write there, gets a
// 4xx with `{ error: { code, message } }` and leaves the database exactly as it was. The route
// list comes from the OpenAPI document, so a new write route without cases fails this test.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world.js';
import type { BadCase, Who } from './bad-input/builders.js';
import { type Context, type RouteSpec, routeSpecs } from './bad-input/routes.js';
import { client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
// Tables of bookkeeping that a refused request may legitimately touch (login throttling).
const UNWATCHED = new Set(['rate_limits']);
// The tables the brief names; the snapshot covers every table, and these must be among them.
const KEY_TABLES = [
  'organizations',
  'users',
  'role_grants',
  'planning_tables',
  'table_partners',
  'results',
  'programs',
  'measures',
  'measure_dimensions',
  'dimensions',
  'dimension_values',
  'observations',
  'targets',
  'submissions',
  'reporting_periods',
  'settings',
  'audit_events',
];

let t: TestApp;
let ctx: Context;
let tables: string[];
const tokens: Partial<Record<Who, string>> = {};
let requests = 0;
const allFailures: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const w = await buildWorld(t.db);
  tokens.admin = await t.login(w.users.admin.email, w.users.admin.password);
  tokens.coordinator = await t.login(w.users.coordinator.email, w.users.coordinator.password);
  tokens.editorA = await t.login(w.users.editorA.email, w.users.editorA.password);
  tokens.leaver = await t.login(w.users.nobody.email, w.users.nobody.password);
  const coordinator = client(t, tokens.coordinator);
  const rateIndicator = await coordinator.post(`/results/${w.result.id}/indicators`, {
    code: 'RATE-1000',
    name: 'Emergency visits per 1,000 youth',
    unit: 'rate',
    ratePer: 1000,
    direction: 'down',
    periodType: 'year',
  });
  const submittedMonth = '2024-07';
  await client(t, tokens.editorA).post(
    `/organizations/${w.orgA.id}/periods/${submittedMonth}/submit`,
  );
  const approvedMonth = '2024-08';
  await client(t, tokens.editorA).post(
    `/organizations/${w.orgA.id}/periods/${approvedMonth}/submit`,
  );
  await coordinator.post(`/organizations/${w.orgA.id}/periods/${approvedMonth}/approve`);
  const submittedQuarter = 'FY2024-25-Q4';
  await client(t, tokens.editorA).post(
    `/organizations/${w.orgA.id}/periods/${submittedQuarter}/submit`,
  );
  // A turn-the-curve plan with two revisions, when the routes exist.
  const editor = client(t, tokens.editorA);
  let plan = { id: randomUUID(), revision: 2 };
  const first = await editor.call(
    'put',
    `/measures/${w.countA.id}/curve-plan`,
    {
      revision: 0,
      story: { forcesUp: [], forcesDown: [], narrative: 'First' },
    },
    [200, 404],
  );
  if (first.status === 200) {
    const second = await editor.put(`/measures/${w.countA.id}/curve-plan`, {
      revision: 1,
      story: { forcesUp: [], forcesDown: [], narrative: 'Second' },
    });
    plan = { id: second.id, revision: second.revision };
  }
  ctx = {
    w,
    rateIndicator,
    submittedMonth,
    approvedMonth,
    submittedQuarter,
    adminEmail: w.users.admin.email,
    plan,
  };
  const rows = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(t.db);
  tables = rows.rows
    .map((r) => r.table_name)
    .filter((n) => !n.startsWith('kysely_') && !UNWATCHED.has(n));
});

afterAll(async () => {
  console.log(
    `bad-input: ${requests} bad requests sent to ${specs.length} write routes${allFailures.length ? `; ${allFailures.length} refused badly:\n  ${allFailures.join('\n  ')}` : ''}`,
  );
  await t?.closeAll();
});

/** Row count and content hash of every table, in one query. */
async function snapshot(): Promise<Record<string, string>> {
  const parts = tables.map(
    (name) =>
      sql<{ name: string; n: number; h: string }>`select ${name}::text as name, count(*)::int as n,
        coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${sql.table(name)} t`,
  );
  const result = await sql<{ name: string; n: number; h: string }>`${sql.join(
    parts,
    sql` union all `,
  )}`.execute(t.db);
  return Object.fromEntries(result.rows.map((r) => [r.name, `${r.n}:${r.h}`]));
}

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

async function send(c: BadCase, who: Who) {
  let req = t.http()[c.method](`/api/v1${c.path}`);
  const token = tokens[who];
  if (token) req = req.set('authorization', token);
  if (c.multipart) {
    for (const [k, v] of Object.entries(c.multipart.fields ?? {})) req = req.field(k, v);
    const f = c.multipart.file;
    if (f) req = req.attach(f.field, f.data, { filename: f.filename, contentType: 'text/csv' });
  } else if (c.raw) req = req.set('content-type', c.raw.type).send(c.raw.data);
  else if (c.body !== undefined) req = req.send(c.body as object);
  return req;
}

/** What is wrong with the reply to a bad request, or null when it was refused properly. */
function judge(c: BadCase, status: number, body: unknown): string | null {
  if (status < 400 || status >= 500) return `status ${status}`;
  if (c.status && status !== c.status) return `status ${status}, expected ${c.status}`;
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (!error || typeof error !== 'object') return `status ${status} without an error body`;
  if (typeof error.code !== 'string' || error.code === '') return `status ${status}, no error code`;
  if (c.code && error.code !== c.code) return `code ${error.code}, expected ${c.code}`;
  if (typeof error.message !== 'string' || error.message.trim().length < 5) {
    return `status ${status} ${error.code}, no human message`;
  }
  return null;
}

async function runRoute(spec: RouteSpec): Promise<string[]> {
  const all = spec.cases(ctx);
  const cases = [...all.filter((c) => !c.last), ...all.filter((c) => c.last)];
  expect(cases.length).toBeGreaterThan(0);
  const failures: string[] = [];
  let before = await snapshot();
  for (const c of cases) {
    const res = await send(c, c.who ?? spec.who);
    requests++;
    const after = await snapshot();
    const problems: string[] = [];
    const wrong = judge(c, res.status, res.body);
    if (wrong) problems.push(`${wrong}: ${res.text.slice(0, 200)}`);
    const changed = changedTables(before, after);
    if (changed.length > 0) problems.push(`database changed: ${changed.join(', ')}`);
    if (problems.length > 0) {
      failures.push(
        `${c.method.toUpperCase()} ${c.path.slice(0, 120)} — ${c.what} → ${problems.join('; ')}`,
      );
    }
    before = after;
  }
  allFailures.push(...failures.map((f) => `[${spec.route}] ${f}`));
  return failures;
}

const specs = routeSpecs();
// Deletions and sign-out go after the controls: one that wrongly succeeds would change the world
// the others are written against.
const isFinal = (s: RouteSpec) => s.route.startsWith('DELETE ') || s.route.endsWith('/auth/logout');

describe('bad input on every write route', () => {
  it('has cases for every write route in the OpenAPI document, and only for real routes', async () => {
    const res = await t.http().get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const documented: string[] = [];
    for (const [path, item] of Object.entries(res.body.paths as Record<string, object>)) {
      for (const method of Object.keys(item)) {
        if (WRITE_METHODS.includes(method) && path.startsWith('/api/v1/')) {
          documented.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    const covered = new Set(specs.map((s) => s.route));
    expect(
      documented.filter((r) => !covered.has(r)),
      'write routes without bad-input cases',
    ).toEqual([]);
    expect(
      [...covered].filter((r) => !documented.includes(r)),
      'cases for routes that do not exist',
    ).toEqual([]);
    expect(tables).toEqual(expect.arrayContaining(KEY_TABLES));
  });

  for (const spec of specs.filter((s) => !isFinal(s))) {
    it(`${spec.route} refuses bad input with a 4xx and changes nothing`, async () => {
      expect(await runRoute(spec)).toEqual([]);
    });
  }

  it('accepts the valid body each route’s cases were derived from (so they fail for their flaw)', async () => {
    const failures: string[] = [];
    for (const spec of specs) {
      if (!spec.control) continue;
      const read = async (p: string) => {
        const r = await send({ what: 'read', method: 'get', path: p }, spec.who);
        return r.body as Record<string, unknown>;
      };
      const { path, body, who, multipart } = await spec.control(ctx, read);
      const method = spec.route.split(' ')[0]?.toLowerCase() as BadCase['method'];
      const res = await send(
        { what: 'control', method, path, body, ...(multipart ? { multipart } : {}) },
        who ?? spec.who,
      );
      if (res.status >= 300)
        failures.push(`${spec.route}: ${res.status} ${res.text.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
  });

  for (const spec of specs.filter(isFinal)) {
    it(`${spec.route} refuses bad input with a 4xx and changes nothing`, async () => {
      expect(await runRoute(spec)).toEqual([]);
    });
  }
});
