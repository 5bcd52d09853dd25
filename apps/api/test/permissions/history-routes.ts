// The permission table's entries for a figure's history and a period's changes since its last
// return (docs/permissions.md), for ROUTES in table.ts: `...historyRoutes(),`. They need table.ts
// to export V1, ORGS, SEE_ORG, CHECK_ORG, EDIT_TABLE, MEASURES, seeOf, measureId and orgId. A
// function, not a const: table.ts and this file import each other, and ROUTES is built once
// table.ts's consts exist.
import { WORLD_PERIOD } from '../../support/world.js';
import {
  CHECK_ORG,
  type Ctx,
  EDIT_TABLE,
  MEASURES,
  measureId,
  ORGS,
  orgId,
  type Route,
  type Scope,
  SEE_ORG,
  seeOf,
  V1,
} from './table.js';

export function historyRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: `${V1}/measures/:id/observations/:period/history`,
      // A program figure: its agency's staff, admins and the coordinators of a table the agency is
      // at (CHECK_ORG); an indicator or a shared measure: its table's coordinators and admins.
      // Members and funders, who see the measure, 403. A shared measure's figure is computed:
      // an allowed caller gets 422 SHARED_MEASURE_COMPUTED.
      scopes: MEASURES.map((m): Scope => {
        const program = m.owner === 'A' || m.owner === 'B' || m.owner === 'X';
        const scope: Scope = {
          name: m.name,
          what: m.what,
          see: seeOf(m.owner),
          may: program ? CHECK_ORG[m.owner as 'A' | 'B' | 'X'] : EDIT_TABLE[m.owner as 'T' | 'OT'],
          request: (c: Ctx) => ({
            url: `${V1}/measures/${measureId(c, m.key)}/observations/${
              m.kind === 'indicator' ? '2024' : WORLD_PERIOD
            }/history`,
          }),
        };
        if (m.kind === 'shared') scope.expect = 422;
        return scope;
      }),
    },
    {
      method: 'GET',
      path: `${V1}/organizations/:id/periods/:period/changes`,
      // Like a period's checks: the agency's own staff, admins and its tables' coordinators.
      scopes: ORGS.map(({ key, name, what }) => ({
        name,
        what,
        see: SEE_ORG[key],
        may: CHECK_ORG[key],
        request: (c: Ctx) => ({
          url: `${V1}/organizations/${orgId(c, key)}/periods/${WORLD_PERIOD}/changes`,
        }),
      })),
    },
  ];
}
