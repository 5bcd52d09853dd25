// The system map: gaps and possible duplication on a small hand-built table, permissions,
// and the CSV export.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
const as: Record<string, Client> = {};
let programA2: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const [name, u] of Object.entries(w.users))
    as[name] = client(t, await t.login(u.email, u.password));
  const admin = as.admin as Client;
  await admin.post('/dimensions', {
    code: 'region',
    name: 'Region',
    values: [
      { code: 'north', label: 'North' },
      { code: 'south', label: 'South' },
      { code: 'east', label: 'East' },
    ],
  });
  await admin.post('/dimensions', {
    code: 'age_group',
    name: 'Age group',
    values: [
      { code: '6_11', label: '6–11' },
      { code: '12_17', label: '12–17' },
    ],
  });
  programA2 = await (as.editorA as Client).post(`/organizations/${w.orgA.id}/programs`, {
    name: 'Unlinked drop-in',
  });
  // A: counselling for 12–17 in the north and south; B: counselling for 12–17 in the north
  // too (possible duplication there); A2: crisis support for 6–11 in the south, in French.
  await (as.editorA as Client).put(`/programs/${w.programA.id}/profile`, {
    serviceTypes: ['counselling_therapy'],
    ageGroups: ['12_17'],
    regions: ['north', 'south'],
    languages: ['en'],
    capacity: 300,
  });
  await (as.admin as Client).put(`/programs/${w.programB.id}/profile`, {
    serviceTypes: ['counselling_therapy', 'targeted_prevention'],
    ageGroups: ['12_17'],
    regions: ['north'],
    languages: ['en', 'fr'],
    capacity: 120,
  });
  await (as.editorA as Client).put(`/programs/${programA2.id}/profile`, {
    serviceTypes: ['crisis_support'],
    ageGroups: ['6_11'],
    regions: ['south'],
    languages: ['fr'],
  });
});
afterAll(async () => t.closeAll());

type Cell = {
  serviceType: string;
  value: string;
  status: string;
  capacity: number | null;
  programs: { id: string }[];
};
const cell = (cells: Cell[], serviceType: string, value: string) =>
  cells.find((c) => c.serviceType === serviceType && c.value === value) as Cell;

describe('the system map', () => {
  it('finds gaps and possible duplication by region', async () => {
    const map = await (as.coordinator as Client).get(`/tables/${w.table.id}/system-map`);
    expect(map.coverage.by).toBe('region');
    expect(map.coverage.serviceTypes).toHaveLength(7);
    expect(map.coverage.cells).toHaveLength(7 * 3);
    const north = cell(map.coverage.cells, 'counselling_therapy', 'north');
    expect(north.status).toBe('duplication');
    expect(north.programs.map((p) => p.id).sort()).toEqual([w.programA.id, w.programB.id].sort());
    expect(north.capacity).toBe(420);
    expect(cell(map.coverage.cells, 'counselling_therapy', 'south')).toMatchObject({
      status: 'covered',
      capacity: 300,
    });
    // Nobody serves the east, for anything.
    expect(
      map.coverage.cells
        .filter((c: Cell) => c.value === 'east')
        .every((c: Cell) => c.status === 'gap'),
    ).toBe(true);
    expect(cell(map.coverage.cells, 'crisis_support', 'south')).toMatchObject({
      status: 'covered',
      capacity: null,
    });
    expect(cell(map.coverage.cells, 'intensive_treatment', 'north').status).toBe('gap');
    // French-language coverage counts only programs serving in French.
    expect(
      cell(map.frenchCoverage.cells, 'counselling_therapy', 'north').programs.map(
        (p: { id: string }) => p.id,
      ),
    ).toEqual([w.programB.id]);
    expect(cell(map.frenchCoverage.cells, 'counselling_therapy', 'south').status).toBe('gap');
  });

  it('looks across regions when mapping by age group', async () => {
    const map = await (as.coordinator as Client).get(
      `/tables/${w.table.id}/system-map?by=age_group`,
    );
    // A and B both offer counselling to 12–17 and share the north: possible duplication.
    expect(cell(map.coverage.cells, 'counselling_therapy', '12_17').status).toBe('duplication');
    expect(cell(map.coverage.cells, 'counselling_therapy', '6_11').status).toBe('gap');
    expect(cell(map.coverage.cells, 'targeted_prevention', '12_17').status).toBe('covered');
  });

  it('shows who contributes to each result, and calls out what is unlinked', async () => {
    const map = await (as.coordinator as Client).get(`/tables/${w.table.id}/system-map`);
    const result = map.results.find((r: { id: string }) => r.id === w.result.id);
    expect(
      result.partners.map((p: { organization: { id: string } }) => p.organization.id).sort(),
    ).toEqual([w.orgA.id, w.orgB.id].sort());
    expect(map.unlinkedPrograms.map((p: { id: string }) => p.id)).toEqual([programA2.id]);
    expect(map.unlinkedResults).toEqual([]);
    const filtered = await (as.coordinator as Client).get(
      `/tables/${w.table.id}/system-map?serviceType=crisis_support&value=south`,
    );
    expect(filtered.coverage.cells).toEqual([
      expect.objectContaining({ serviceType: 'crisis_support', value: 'south' }),
    ]);
  });

  it('lets partners keep their own profiles only, with known codes', async () => {
    const editor = as.editorA as Client;
    expect(
      (
        await editor.fail('put', `/programs/${w.programB.id}/profile`, {
          serviceTypes: [],
          ageGroups: [],
          regions: [],
          languages: [],
        })
      ).status,
    ).toBe(404);
    const bad = await editor.fail('put', `/programs/${w.programA.id}/profile`, {
      serviceTypes: ['counselling_therapy', 'astrology'],
      ageGroups: [],
      regions: [],
      languages: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.error.message).toMatch(/astrology/);
    expect((await editor.get(`/programs/${w.programA.id}/profile`)).serviceTypes).toEqual([
      'counselling_therapy',
    ]);
  });

  it('is open to the table: funders and partners see it, others do not', async () => {
    expect(
      (await (as.funder as Client).get(`/tables/${w.table.id}/system-map`)).coverage.cells.length,
    ).toBe(21);
    expect((await (as.viewerA as Client).get(`/tables/${w.table.id}/system-map`)).table.id).toBe(
      w.table.id,
    );
    expect(
      (await (as.editorX as Client).fail('get', `/tables/${w.table.id}/system-map`)).status,
    ).toBe(404);
    expect(
      (
        await (as.coordinator as Client).fail('post', '/service-types', {
          code: 'peer_support',
          name: 'Peer support',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await (as.admin as Client).post('/service-types', {
          code: 'peer_support',
          name: 'Peer support',
        })
      ).code,
    ).toBe('peer_support');
  });

  it('exports the coverage grid as CSV', async () => {
    const res = await (as.coordinator as Client).call(
      'get',
      `/tables/${w.table.id}/system-map.csv`,
    );
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    const north = rows.find(
      (r) => r.service_type === 'counselling_therapy' && r.region === 'north',
    );
    expect(north).toMatchObject({
      status: 'duplication',
      programs: '2',
      capacity: '420',
      french_programs: '1',
    });
    expect(rows.filter((r) => r.status === 'gap').length).toBeGreaterThan(10);
  });
});
