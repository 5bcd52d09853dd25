// The permission table's entries for CSV exports and imports, the system map, and scorecards and
// series (docs/permissions.md), for ROUTES in ../table.ts.
import { getImportJob, startImportJob } from '../../../src/imports/import-jobs.js';
import { ALL, type Route } from '../policy.js';
import {
  globalScope,
  measureId,
  measureScopes,
  orgId,
  orgScopes,
  programId,
  tableId,
  tableScopes,
  unique,
  V1,
} from '../scopes.js';

export function dataRoutes(): Route[] {
  return [
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
      scopes: orgScopes('read', (c, o) => ({
        url: `${V1}/organizations/${orgId(c, o)}/scorecard`,
      })),
    },
  ];
}
