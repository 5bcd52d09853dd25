// The permission table's entries for results, indicators and shared measures, programs and their
// measures, dimensions, measures of every kind, and figures and targets (docs/permissions.md), for
// ROUTES in ../table.ts.
import { createProgram } from '../../../src/programs/programs.service.js';
import { createResult } from '../../../src/results/results.service.js';
import { ALL, type Route } from '../policy.js';
import {
  freshMeasure,
  globalScope,
  measureId,
  measureScopes,
  nextQuarter,
  orgId,
  orgScopes,
  periodFor,
  programId,
  resultId,
  tableId,
  tableScopes,
  unique,
  V1,
} from '../scopes.js';

export function structureRoutes(): Route[] {
  return [
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
  ];
}
