// The demo in both languages (issue #21): everything it names has a French name, and its
// francophone agency's editor works in French because her saved locale says so, with no ?lang
// and no Accept-Language.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCIES, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-content.js';
import { PROGRAMS } from '../src/demo/demo-programs.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const DAY = '2026-11-26';
let t: TestApp;

/** Each table's French columns and their English twins. */
const TWINS: Record<string, [english: string, french: string][]> = {
  organizations: [['name', 'name_fr']],
  planning_tables: [
    ['name', 'name_fr'],
    ['population', 'population_fr'],
    ['description', 'description_fr'],
  ],
  results: [
    ['title', 'title_fr'],
    ['description', 'description_fr'],
  ],
  programs: [
    ['name', 'name_fr'],
    ['description', 'description_fr'],
  ],
  dimensions: [['name', 'name_fr']],
  dimension_values: [['label', 'label_fr']],
  measures: [
    ['name', 'name_fr'],
    ['definition', 'definition_fr'],
  ],
  service_types: [['name', 'name_fr']],
};

const francophone = DEMO_ACCOUNTS.find((a) => a.key === 'editorFrancophone');

beforeAll(async () => {
  t = await createTestApp({ DEMO: 'true' });
  await seedDemo(t.db, { today: DAY });
}, 180_000);
afterAll(async () => t.closeAll());

describe('the demo in English and French', () => {
  it('gives every name, title, label, population, description and definition a French twin', async () => {
    const missing: string[] = [];
    let rows = 0;
    for (const [table, twins] of Object.entries(TWINS)) {
      const all = await sql<
        Record<string, string | null>
      >`select * from ${sql.table(table)}`.execute(t.db);
      expect(all.rows.length, `${table}: rows`).toBeGreaterThan(0);
      rows += all.rows.length;
      for (const row of all.rows) {
        for (const [english, french] of twins) {
          if (row[english] !== null && row[french] === null) {
            missing.push(`${table}.${french} of ${row[english]}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(rows).toBeGreaterThan(60);
  });

  it('gives the francophone editor a French locale, and her agency and its work in French', async () => {
    expect(francophone).toBeDefined();
    const editor = client(t, await t.login(francophone?.email as string, DEMO_PASSWORD));
    const me = await editor.get('/me');
    expect(me).toMatchObject({ name: 'Geneviève Lavoie', locale: 'fr' });
    const grant = me.roles.find((r: { role: string }) => r.role === 'partner_editor');
    expect(grant.scopeType).toBe('organization');

    // No ?lang, no Accept-Language: the saved locale alone makes the answer French.
    const sheet = await editor.get(`/organizations/${grant.scopeId}/entry-sheet`);
    const agency = AGENCIES.find((a) => a.code === 'CSCN');
    expect(sheet.organization).toMatchObject({ code: 'CSCN', name: agency?.nameFr });
    const program = PROGRAMS.find((p) => p.agency === 'CSCN');
    expect(sheet.programs.map((p: { name: string }) => p.name)).toEqual([program?.nameFr]);
    expect(sheet.programs[0].nameFr).toBe(program?.nameFr);
    expect(
      sheet.programs[0].measures.map((m: { code: string; name: string }) => [m.code, m.name]),
    ).toEqual(program?.measures.map((m) => [m.code, m.nameFr]));
    const ageGroup = sheet.programs[0].measures[0].dimensions[0];
    expect(ageGroup.name).toBe('Groupe d’âge');
    expect(ageGroup.values.map((v: { label: string }) => v.label)).toContain('12 à 17 ans');

    // Her errors are in French too.
    const missingAgency = await editor.fail(
      'get',
      '/organizations/00000000-0000-4000-8000-000000000000/entry-sheet',
    );
    expect(missingAgency.status).toBe(404);
    expect(missingAgency.error.message).not.toEqual(
      (
        await client(t, await t.login('editor.ncmhc@northshire.example', DEMO_PASSWORD)).fail(
          'get',
          '/organizations/00000000-0000-4000-8000-000000000000/entry-sheet',
        )
      ).error.message,
    );
  });

  it('answers in English to an English-speaking editor, with the French beside', async () => {
    const editor = client(t, await t.login('editor.ncmhc@northshire.example', DEMO_PASSWORD));
    const me = await editor.get('/me');
    expect(me.locale).toBe('en');
    const grant = me.roles.find((r: { role: string }) => r.role === 'partner_editor');
    const sheet = await editor.get(`/organizations/${grant.scopeId}/entry-sheet`);
    const program = PROGRAMS.find((p) => p.agency === 'NCMHC');
    expect(sheet.programs[0]).toMatchObject({ name: program?.name, nameFr: program?.nameFr });
    expect(sheet.programs[0].measures[0]).toMatchObject({
      name: program?.measures[0]?.name,
      nameFr: program?.measures[0]?.nameFr,
    });
    // ?lang=fr turns the same answer French.
    const french = await editor.get(`/organizations/${grant.scopeId}/entry-sheet?lang=fr`);
    expect(french.programs[0].name).toBe(program?.nameFr);
  });

  it('lists the francophone editor on the sign-in page, agencies named in the caller’s language', async () => {
    const english = (await t.http().get('/api/v1/demo/accounts')).body;
    const row = english.accounts.find((a: { email: string }) => a.email === francophone?.email);
    expect(row).toMatchObject({
      name: 'Geneviève Lavoie',
      role: 'partner_editor',
      organization: 'Centre de santé communautaire du Nord',
      quarter: 'approved',
    });
    const lead = AGENCIES.find((a) => a.code === 'NCMHC');
    const organizations = (body: { accounts: { organization: string | null }[] }) =>
      body.accounts.map((a) => a.organization);
    expect(organizations(english)).toContain(lead?.name);
    const french = (await t.http().get('/api/v1/demo/accounts?lang=fr')).body;
    expect(organizations(french)).toContain(lead?.nameFr);
    expect(organizations(french)).not.toContain(lead?.name);
  });

  it('has a plan written in French by the francophone agency', async () => {
    const editor = client(t, await t.login(francophone?.email as string, DEMO_PASSWORD));
    const me = await editor.get('/me');
    const grant = me.roles.find((r: { role: string }) => r.role === 'partner_editor');
    const sheet = await editor.get(`/organizations/${grant.scopeId}/entry-sheet`);
    const served = sheet.programs[0].measures.find((m: { code: string }) => m.code === 'FR-SERVED');
    const plan = await editor.get(`/measures/${served.id}/curve-plan`);
    expect(plan.story.narrative).toMatch(/^Le nombre d’enfants et de jeunes servis en français/);
  });
});
