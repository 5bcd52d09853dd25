// A small system map for the component tests: two results, three agencies, three service types
// across two regions, with a gap and a possible duplication.

import { vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { CoverageCell, ProgramProfile, SystemMap } from '../../api/system-map-api';
import {
  authRoutes,
  type FakeRoute,
  fakeApi,
  holdRefreshCookie,
  testUser,
} from '../../test/fake-api';

export const tableId = '00000000-0000-4000-8000-000000000001';
export const resultHealthy = '00000000-0000-4000-8000-000000000011';
export const resultBelong = '00000000-0000-4000-8000-000000000012';
export const orgCentre = {
  id: '00000000-0000-4000-8000-000000000021',
  code: 'NCC',
  name: 'Northshire Children’s Centre',
  nameFr: null,
};
export const orgHub = {
  id: '00000000-0000-4000-8000-000000000022',
  code: 'YWH',
  name: 'Youth Wellness Hub',
  nameFr: null,
};
export const counselling = {
  id: '00000000-0000-4000-8000-000000000031',
  name: 'Counselling',
  nameFr: null,
};
export const dropIn = { id: '00000000-0000-4000-8000-000000000032', name: 'Drop-in', nameFr: null };
export const circle = {
  id: '00000000-0000-4000-8000-000000000033',
  name: 'Family circle',
  nameFr: null,
};

const inCell = (
  program: { id: string; name: string; nameFr: string | null },
  organization: typeof orgCentre,
) => ({
  ...program,
  organization,
});

function cells(french: boolean): CoverageCell[] {
  const both = [inCell(counselling, orgCentre), inCell(dropIn, orgHub)];
  return [
    {
      serviceType: 'counselling_therapy',
      value: 'central',
      programs: french ? [inCell(counselling, orgCentre)] : both,
      capacity: french ? 1400 : 3170,
      status: french ? 'covered' : 'duplication',
    },
    {
      serviceType: 'counselling_therapy',
      value: 'south',
      programs: [inCell(counselling, orgCentre)],
      capacity: 1400,
      status: 'covered',
    },
    {
      serviceType: 'intensive_treatment',
      value: 'central',
      programs: french ? [] : [inCell(dropIn, orgHub)],
      capacity: null,
      status: french ? 'gap' : 'covered',
    },
    {
      serviceType: 'intensive_treatment',
      value: 'south',
      programs: [],
      capacity: null,
      status: 'gap',
    },
  ];
}

export function systemMap(by: 'region' | 'age_group' = 'region'): SystemMap {
  const values =
    by === 'region'
      ? [
          { code: 'central', label: 'Central Northshire', labelFr: null },
          { code: 'south', label: 'South Lakes', labelFr: null },
        ]
      : [
          { code: 'central', label: '6–11', labelFr: null },
          { code: 'south', label: '12–17', labelFr: null },
        ];
  return {
    table: { id: tableId, name: 'Northshire Planning Table', nameFr: null },
    results: [
      {
        id: resultHealthy,
        title: 'All children are mentally healthy',
        titleFr: null,
        partners: [
          {
            organization: orgCentre,
            programs: [
              {
                ...counselling,
                headlineMeasures: [
                  {
                    measureId: '00000000-0000-4000-8000-000000000041',
                    code: 'CT-IMPROVED',
                    name: '% whose functioning improved',
                    nameFr: null,
                    targetStatus: 'near',
                    trend: 'down',
                    periods: 3,
                    favorable: false,
                  },
                ],
              },
            ],
          },
          { organization: orgHub, programs: [{ ...dropIn, headlineMeasures: [] }] },
        ],
      },
      { id: resultBelong, title: 'All children feel they belong', titleFr: null, partners: [] },
    ],
    coverage: {
      by,
      serviceTypes: [
        { code: 'counselling_therapy', name: 'Counselling and therapy', nameFr: null },
        { code: 'intensive_treatment', name: 'Intensive treatment services', nameFr: null },
      ],
      values,
      cells: cells(false),
    },
    frenchCoverage: { cells: cells(true) },
    unlinkedResults: [{ id: resultBelong, title: 'All children feel they belong', titleFr: null }],
    unlinkedPrograms: [inCell(circle, orgHub)],
    unprofiledPrograms: [inCell(circle, orgHub)],
  };
}

export const serviceTypes = [
  {
    id: '00000000-0000-4000-8000-000000000051',
    code: 'counselling_therapy',
    name: 'Counselling and therapy',
  },
  {
    id: '00000000-0000-4000-8000-000000000052',
    code: 'crisis_support',
    name: 'Crisis support services',
  },
  {
    id: '00000000-0000-4000-8000-000000000053',
    code: 'intensive_treatment',
    name: 'Intensive treatment services',
  },
];

export const dimensions = [
  {
    id: '00000000-0000-4000-8000-000000000061',
    code: 'age_group',
    name: 'Age group',
    values: [
      { code: '6_11', label: '6–11' },
      { code: '12_17', label: '12–17' },
    ],
  },
  {
    id: '00000000-0000-4000-8000-000000000062',
    code: 'region',
    name: 'Region',
    values: [
      { code: 'central', label: 'Central Northshire' },
      { code: 'south', label: 'South Lakes' },
    ],
  },
];

export const results = [
  {
    id: resultHealthy,
    tableId,
    title: 'All children are mentally healthy',
    description: null,
    sortOrder: 0,
    archivedAt: null,
  },
  {
    id: resultBelong,
    tableId,
    title: 'All children feel they belong',
    description: null,
    sortOrder: 1,
    archivedAt: null,
  },
];

export const tables = [
  {
    id: tableId,
    name: 'Northshire Planning Table',
    population: 'Children and youth in Northshire',
    description: null,
    archivedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
];

export const profile: ProgramProfile = {
  programId: counselling.id,
  serviceTypes: ['counselling_therapy'],
  ageGroups: ['12_17'],
  regions: ['central'],
  languages: ['en'],
  capacity: 1400,
  updatedAt: '2026-06-01T12:00:00.000Z',
};

export const coordinator: User = {
  ...testUser,
  roles: [{ role: 'table_coordinator', scopeType: 'table', scopeId: tableId }],
};

export const centreEditor: User = {
  ...testUser,
  roles: [{ role: 'partner_editor', scopeType: 'organization', scopeId: orgCentre.id }],
};

export const funder: User = {
  ...testUser,
  roles: [{ role: 'funder_viewer', scopeType: 'table', scopeId: tableId }],
};

/** The routes every system-map page reads, with the map answering by its `by` parameter. */
export function mapRoutes(): Record<string, FakeRoute> {
  return {
    'GET /api/v1/tables': () => ({ status: 200, body: { items: tables, total: 1 } }),
    [`GET /api/v1/tables/${tableId}/results`]: () => ({
      status: 200,
      body: { items: results, total: results.length },
    }),
    'GET /api/v1/service-types': () => ({ status: 200, body: { items: serviceTypes } }),
    'GET /api/v1/dimensions': () => ({ status: 200, body: { items: dimensions } }),
  };
}

export interface RecordedApi {
  /** Every URL asked for, query string included. */
  urls: string[];
  calls: { method: string; path: string; body: unknown }[];
}

/** Stubs fetch with the auth routes, the given routes, and the map keyed on its `by` parameter. */
export function serveSystemMap(
  routes: Record<string, FakeRoute>,
  user: User = coordinator,
): RecordedApi {
  const api = fakeApi({ ...authRoutes(user), ...mapRoutes(), ...routes });
  const record: RecordedApi = { urls: [], calls: api.calls };
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    record.urls.push(`${url.pathname}${url.search}`);
    if (url.pathname === `/api/v1/tables/${tableId}/system-map`) {
      const by = url.searchParams.get('by') === 'age_group' ? 'age_group' : 'region';
      return new Response(JSON.stringify(systemMap(by)), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    return api.fetch(input, init);
  };
  vi.stubGlobal('fetch', fetchImpl);
  holdRefreshCookie();
  return record;
}
