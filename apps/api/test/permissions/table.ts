// The permission table: docs/permissions.md, route by route. For each route, the scopes it is
// tried in (own and other table, own, sibling and other agency, ...), how to build a request
// there, who may know the target exists ("see": a refusal is then 403, else 404) and who may do
// it ("may"). The expected values come from the policy, never from the code.
import { historyRoutes } from './history-routes.js';
import { mailRoutes } from './mail-routes.js';
import { type Ctx, type Route, SEE_ORG, SEE_TABLE, type Who } from './policy.js';
import { accountRoutes } from './routes/account.js';
import { administrationRoutes } from './routes/administration.js';
import { dataRoutes } from './routes/data.js';
import { partnershipRoutes } from './routes/partnerships.js';
import { reportingRoutes } from './routes/reporting.js';
import { structureRoutes } from './routes/structure.js';
import { statusRoutes } from './status-routes.js';

// The policy (who sees and who changes what) is in policy.ts, the scope families and fresh
// objects in scopes.ts, and the routes by area in routes/. What the tests and the other route
// files use is exported from here.
export {
  CHECK_ORG,
  type Ctx,
  EDIT_TABLE,
  type Method,
  type Req,
  type Route,
  type Scope,
  SEE_ORG,
  seeOf,
  WHO,
  type Who,
} from './policy.js';
export { MEASURES, measureId, nextQuarter, ORGS, orgId, V1 } from './scopes.js';

// ---------------------------------------------------------------------------------------------
// The table.

export const ROUTES: Route[] = [
  ...historyRoutes(),
  ...statusRoutes(),
  ...mailRoutes(),
  ...accountRoutes(),
  ...administrationRoutes(),
  ...structureRoutes(),
  ...reportingRoutes(),
  ...dataRoutes(),
  ...partnershipRoutes(),
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
