// The permission table's entries for quarterly reporting and turn-the-curve plans
// (docs/permissions.md), for ROUTES in ../table.ts.
import {
  ALL,
  CHECK_ORG,
  type Ctx,
  RESTRICTED,
  type Route,
  SEE_ORG,
  SEE_TABLE,
  without,
} from '../policy.js';
import {
  approvedPeriod,
  globalScope,
  measureId,
  measureScopes,
  nextQuarter,
  nextReportingQuarter,
  ORGS,
  orgId,
  orgScopes,
  planOf,
  submittedPeriod,
  unique,
  V1,
} from '../scopes.js';

export function reportingRoutes(): Route[] {
  return [
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
  ];
}
