// The permission matrix: every route × every role × own and other scope, against the policy in
// docs/permissions.md (the table is in permissions/table.ts). Allowed calls must succeed; refused
// ones answer 404 when the caller may not know the target exists and 403 when they may see it
// but not do this, and change nothing; calls without a token answer 401. The table must list
// exactly the routes the app serves.
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, fingerprintedTables } from '../support/fingerprint.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { buildMatrixContext } from './permissions/context.js';
import { documentedRoutes, matchesTemplate, servedRoutes } from './permissions/support.js';
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

beforeAll(async () => {
  t = await createTestApp();
  ({ c, auth } = await buildMatrixContext(t, 'permissions-setup'));
  tables = await fingerprintedTables(t.db);
});
afterAll(async () => t.closeAll());

const short = (path: string) => path.replace(/^\/api\/v1/, '');
const LOGOUT = 'POST /api/v1/auth/logout';

function send(route: Route, req: Req, who: Who | null): supertest.Test {
  const agent = t.http();
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let r = agent[method](req.url);
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

async function build(route: Route, scope: Scope, who: Who): Promise<Req> {
  const req = await scope.request(c, who);
  // A request the table builds must be an instance of the route it is listed under.
  expect(matchesTemplate(route.path, req.url), `${req.url} is not ${route.path}`).toBe(true);
  return req;
}

/** "got 404 NOT_FOUND: Organization not found", for failure messages. */
function describeRes(res: supertest.Response): string {
  const error = res.body?.error as { code?: string; message?: string } | undefined;
  if (error?.code) return `got ${res.status} ${error.code}: ${error.message}`;
  return `got ${res.status} ${res.text.length > 200 ? `${res.text.slice(0, 200)}…` : res.text}`;
}

describe('the permission table', () => {
  it('lists every route the app serves, and no route it does not', async () => {
    const served = servedRoutes(t.app);
    const documented = await documentedRoutes(t.http());
    const listed = ROUTES.map(routeKey);
    // Reading the route tree must not lose what the OpenAPI document shows.
    expect([...documented].filter((k) => !served.has(k))).toEqual([]);
    expect(
      [...served].filter((k) => !listed.includes(k)),
      'routes the app serves that the permission table does not list',
    ).toEqual([]);
    expect(
      listed.filter((k) => !served.has(k)),
      'routes in the permission table that the app does not serve',
    ).toEqual([]);
    expect(
      listed.filter((k, i) => listed.indexOf(k) !== i),
      'listed twice',
    ).toEqual([]);
  });

  it('has a database fingerprint that sees a change, so "changed nothing" means something', async () => {
    const before = await fingerprint(t.db, tables);
    const res = await t
      .http()
      .patch(`/api/v1/tables/${c.w.otherTable.id}`)
      .set('authorization', auth.admin)
      .send({ description: 'Fingerprint check' });
    expect(res.status).toBe(200);
    const after = await fingerprint(t.db, tables);
    expect(after.planning_tables).not.toBe(before.planning_tables);
    expect(after.audit_events).not.toBe(before.audit_events);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(['observations', 'role_grants']));
  });
});

interface Check {
  name: string;
  scope: Scope;
  who: Who;
}

function checksOf(route: Route): Check[] {
  return route.scopes.flatMap((scope) =>
    WHO.map((who) => {
      const outcome = scope.may.includes(who)
        ? scope.expect
          ? `allowed (${scope.expect} from the state)`
          : 'allowed'
        : `denied ${scope.see.includes(who) ? 403 : 404}`;
      const where = `${scope.name} scope (${scope.what})`;
      return {
        name: `${route.method} ${short(route.path)} — ${who}, ${where} → ${outcome}`,
        scope,
        who,
      };
    }),
  );
}

/** One call of the matrix: allowed calls succeed; refused ones get 403 or 404 and change nothing. */
async function check(route: Route, scope: Scope, who: Who) {
  const req = await build(route, scope, who);
  const allowed = scope.may.includes(who);
  const write = route.method !== 'GET';
  const before = !allowed && write ? await fingerprint(t.db, tables) : undefined;
  let res: supertest.Response;
  try {
    res = await send(route, req, who);
  } finally {
    // Signing out ends every token of the user: sign them in again for the next checks.
    if (routeKey(route) === LOGOUT) {
      auth[who] = await t.login(c.credentials[who].email, c.credentials[who].password);
    }
  }
  if (allowed) {
    if (scope.expect) {
      expect(res.status, describeRes(res)).toBe(scope.expect);
    } else {
      expect(res.status >= 200 && res.status < 300, `allowed, but ${describeRes(res)}`).toBe(true);
    }
    return;
  }
  const status = scope.see.includes(who) ? 403 : 404;
  expect(res.status, describeRes(res)).toBe(status);
  expect(res.body?.error?.code, describeRes(res)).toBe(status === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
  if (before) {
    expect(await fingerprint(t.db, tables), 'a refused write changed data').toEqual(before);
  }
}

// Plain loops rather than describe.each/it.each, so that each check keeps its whole name in the
// report (interpolated titles are cut at 40 characters).
for (const route of ROUTES) {
  describe(`${route.method} ${short(route.path)}`, () => {
    for (const { name, scope, who } of checksOf(route)) {
      it(name, () => check(route, scope, who));
    }
  });
}

describe('without a token', () => {
  for (const route of ROUTES) {
    const name = `${route.method} ${short(route.path)} → ${route.public ? 'answers (public)' : '401'}`;
    it(name, async () => {
      const scope = route.scopes[0] as Scope;
      const req = await build(route, scope, 'admin');
      const write = route.method !== 'GET';
      const before = !route.public && write ? await fingerprint(t.db, tables) : undefined;
      const res = await send(route, req, null);
      if (route.public) {
        expect(res.status >= 200 && res.status < 400, describeRes(res)).toBe(true);
        return;
      }
      expect(res.status, describeRes(res)).toBe(401);
      expect(res.body?.error?.code, describeRes(res)).toBe('UNAUTHORIZED');
      if (before) {
        expect(await fingerprint(t.db, tables), 'a refused write changed data').toEqual(before);
      }
    });
  }
});

describe('lists show each caller the world entities they may see, and no others', () => {
  const lists = [
    { path: '/api/v1/tables', entities: 'tables' },
    { path: '/api/v1/organizations', entities: 'organizations' },
  ] as const;
  for (const { path, entities } of lists) {
    for (const who of WHO) {
      it(`GET ${short(path)} — ${who}`, async () => {
        const res = await t.http().get(path).query({ limit: 500 }).set('authorization', auth[who]);
        expect(res.status).toBe(200);
        const ids = new Set((res.body.items as { id: string }[]).map((i) => i.id));
        const world = listedEntities(c)[entities];
        const shown = world.filter((e) => ids.has(e.id)).map((e) => e.what);
        const expected = world.filter((e) => e.see.includes(who)).map((e) => e.what);
        expect(shown).toEqual(expected);
      });
    }
  }
});
