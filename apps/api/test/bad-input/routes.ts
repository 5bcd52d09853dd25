// The bad-input table: for every write route of the API, who may write there and the bad
// requests they send. The test fails when the OpenAPI document lists a write route not here.

import type { World } from '../../support/world.js';
import type { BadCase, Who } from './builders.js';
import { mailRouteSpecs } from './mail-routes.js';
import { accountRouteSpecs } from './routes/accounts.js';
import { deletionRouteSpecs } from './routes/deletions.js';
import { figureRouteSpecs } from './routes/figures.js';
import { measureRouteSpecs } from './routes/measures.js';
import { organizationRouteSpecs } from './routes/organizations.js';
import { partnershipRouteSpecs } from './routes/partnerships.js';
import { planRouteSpecs } from './routes/plans.js';
import { reportingRouteSpecs } from './routes/reporting.js';
import { resultRouteSpecs } from './routes/results.js';

export interface Context {
  w: World;
  /** An indicator measured as a rate per 1,000 (numerator and denominator). */
  rateIndicator: { id: string };
  /** A month orgA has submitted (so that returning it is a valid request). */
  submittedMonth: string;
  /** A month orgA has had approved (so that reopening it is a valid request). */
  approvedMonth: string;
  /** A fiscal quarter orgA has submitted (so its figures are locked). */
  submittedQuarter: string;
  /** The email of the world's admin, for duplicate-email cases. */
  adminEmail: string;
  /** countA's turn-the-curve plan, saved twice (revisions 1 and 2). */
  plan: { id: string; revision: number };
}

export interface RouteSpec {
  /** As in the OpenAPI document: `METHOD /api/v1/path/{param}`. */
  route: string;
  /** The user who may write here and sends the cases. */
  who: Who;
  cases(c: Context): BadCase[];
  /**
   * A valid request, sent after all bad ones, to prove the cases' base body was valid. `read`
   * GETs a path as the route's user, for controls that need the current state.
   */
  control?(
    c: Context,
    read: (path: string) => Promise<Record<string, unknown>>,
  ): Control | Promise<Control>;
}

type Control = { path: string; body?: unknown; who?: Who; multipart?: BadCase['multipart'] };

export function routeSpecs(): RouteSpec[] {
  return [
    ...mailRouteSpecs,
    ...accountRouteSpecs,
    ...organizationRouteSpecs,
    ...resultRouteSpecs,
    ...measureRouteSpecs,
    ...figureRouteSpecs,
    ...reportingRouteSpecs,
    ...planRouteSpecs,
    ...partnershipRouteSpecs,
    ...deletionRouteSpecs,
  ];
}
