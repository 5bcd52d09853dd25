// Another party's ids: every route that takes an id (in its path, its query or its body), called
// by users of one organization or table with ids of an organization or table they may not see,
// answers exactly as it does for a well-formed id that exists nowhere — same status, same body
// apart from the ids themselves — shows none of the other party's data, and changes nothing.
// The routes and requests come from the permission table (permissions/table.ts), which must list
// every route the app serves; each request is also sent by an admin, who may make it, so that
// a refusal cannot be blamed on a bad body.
// Ids in bodies and queries that the permission table's requests leave out are in
// cross-id-bodies.test.ts; what both share is in cross-id-setup.ts.
import { describe, expect, it } from 'vitest';
import { c, compare, describeRes, send, setUpCrossId, t, UUID } from './cross-id-setup.js';
import { matchesTemplate, servedRoutes } from './permissions/support.js';
import { ROUTES, type Route, routeKey, type Scope, WHO, type Who } from './permissions/table.js';

setUpCrossId();

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
