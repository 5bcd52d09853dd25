// The read views in two languages (issue #21): every name a scorecard, a series, the entry sheet,
// the reporting status or a public scorecard shows carries its French twin beside it, and reads
// in French for a French caller (`?lang=fr`, a saved locale, Accept-Language), the English
// standing in where nothing was translated (its twin then null).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/factories.js';
import { buildWorld, WORLD_PERIOD, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
let coordinator: Client;
let editor: Client;
/** A coordinator whose saved locale is French. */
let coordinatorFr: Client;
let token: string;

const FR = {
  table: 'Table jeunesse',
  population: 'Les jeunes',
  result: 'Tous les jeunes vont bien',
  program: 'Counselling (fr)',
  organization: 'Agence A',
  measure: '# de jeunes servis',
  dimension: 'Genre',
  boys: 'Garçons et hommes',
};

// The French is written straight into the columns, so that these views are tested whatever the
// setup routes take.
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await t.db
    .updateTable('planning_tables')
    .set({ name_fr: FR.table, population_fr: FR.population })
    .where('id', '=', w.table.id)
    .execute();
  await t.db
    .updateTable('results')
    .set({ title_fr: FR.result })
    .where('id', '=', w.result.id)
    .execute();
  await t.db
    .updateTable('programs')
    .set({ name_fr: FR.program })
    .where('id', '=', w.programA.id)
    .execute();
  await t.db
    .updateTable('organizations')
    .set({ name_fr: FR.organization })
    .where('id', '=', w.orgA.id)
    .execute();
  await t.db
    .updateTable('measures')
    .set({ name_fr: FR.measure })
    .where('id', '=', w.countA.id)
    .execute();
  await t.db
    .updateTable('dimensions')
    .set({ name_fr: FR.dimension })
    .where('id', '=', w.dimension.id)
    .execute();
  await t.db
    .updateTable('dimension_values')
    .set({ label_fr: FR.boys })
    .where('dimension_id', '=', w.dimension.id)
    .where('code', '=', 'boys')
    .execute();

  coordinator = client(t, await t.login(w.users.coordinator.email, w.users.coordinator.password));
  editor = client(t, await t.login(w.users.editorA.email, w.users.editorA.password));
  const u = await makeUser(t.db, [
    { role: 'table_coordinator', scopeType: 'table', scopeId: w.table.id },
  ]);
  coordinatorFr = client(t, await t.login(u.email, u.password));
  await coordinatorFr.call('patch', '/me', { locale: 'fr' });
  token = (await coordinator.post(`/tables/${w.table.id}/public-links`, { label: 'Site' })).token;
});
afterAll(() => t.closeAll());

// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely
type Any = any;

const byId = (list: Any[], id: string) => list.find((x: Any) => x.id === id);
const byMeasure = (list: Any[], id: string) => list.find((x: Any) => x.measureId === id);

/** The parts of a table scorecard this file seeded, French or not. */
function tableParts(card: Any) {
  const result = byId(card.results, w.result.id);
  const programA = byId(result.programs, w.programA.id);
  const programB = byId(result.programs, w.programB.id);
  return {
    table: card.table,
    result,
    programA,
    programB,
    countA: byMeasure(programA.measures, w.countA.id),
    countB: byMeasure(programB.measures, w.countB.id),
    indicator: byMeasure(result.indicators, w.indicator.id),
    contributorA: card.sharedMeasures[0].contributions.find(
      (c: Any) => c.organization.id === w.orgA.id,
    ),
  };
}

/** A table scorecard read in French: the French where there is one, else the English. */
function expectFrenchTable(card: Any) {
  const p = tableParts(card);
  expect(p.table).toMatchObject({
    name: FR.table,
    nameFr: FR.table,
    population: FR.population,
    populationFr: FR.population,
  });
  expect(p.result).toMatchObject({ title: FR.result, titleFr: FR.result });
  expect(p.programA).toMatchObject({ name: FR.program, nameFr: FR.program });
  expect(p.programA.organization).toMatchObject({
    name: FR.organization,
    nameFr: FR.organization,
  });
  expect(p.countA).toMatchObject({ name: FR.measure, nameFr: FR.measure });
  expect(p.contributorA.organization).toMatchObject({ name: FR.organization });
  // Nothing translated: the English stands in, its twin null.
  expect(p.programB).toMatchObject({ name: 'Outreach', nameFr: null });
  expect(p.programB.organization).toMatchObject({ name: w.orgB.name, nameFr: null });
  expect(p.countB).toMatchObject({ name: '# served', nameFr: null });
  expect(p.indicator).toMatchObject({ name: 'Youth reporting good mental health', nameFr: null });
  expect(card.sharedMeasures[0]).toMatchObject({ name: '% improved', nameFr: null });
}

/** The same scorecard in English: the English, the French beside it as stored. */
function expectEnglishTable(card: Any) {
  const p = tableParts(card);
  expect(p.table).toMatchObject({
    name: w.table.name,
    nameFr: FR.table,
    population: 'Youth',
    populationFr: FR.population,
  });
  expect(p.result).toMatchObject({ title: 'All youth are well', titleFr: FR.result });
  expect(p.programA).toMatchObject({ name: 'Counselling', nameFr: FR.program });
  expect(p.programA.organization).toMatchObject({ name: w.orgA.name, nameFr: FR.organization });
  expect(p.countA).toMatchObject({ name: '# served', nameFr: FR.measure });
  expect(p.programB).toMatchObject({ name: 'Outreach', nameFr: null });
}

describe('the collective scorecard', () => {
  it('reads in French with ?lang=fr, the English standing in where nothing was translated', async () => {
    expectFrenchTable(await coordinator.get(`/tables/${w.table.id}/scorecard?lang=fr`));
  });

  it('reads in English with ?lang=en, the stored French beside each name', async () => {
    expectEnglishTable(await coordinator.get(`/tables/${w.table.id}/scorecard?lang=en`));
    expectEnglishTable(await coordinator.get(`/tables/${w.table.id}/scorecard`));
  });

  it("follows the caller's saved locale, and ?lang beats it", async () => {
    expectFrenchTable(await coordinatorFr.get(`/tables/${w.table.id}/scorecard`));
    expectEnglishTable(await coordinatorFr.get(`/tables/${w.table.id}/scorecard?lang=en`));
  });

  it('keeps ?points working beside ?lang', async () => {
    const card = await coordinator.get(`/tables/${w.table.id}/scorecard?points=1&lang=fr`);
    expectFrenchTable(card);
  });
});

describe("an agency's scorecard", () => {
  it("names the agency, its programs and measures in the caller's language", async () => {
    const fr = await editor.get(`/organizations/${w.orgA.id}/scorecard?lang=fr`);
    expect(fr.organization).toMatchObject({ name: FR.organization, nameFr: FR.organization });
    const program = byId(fr.programs, w.programA.id);
    expect(program).toMatchObject({ name: FR.program, nameFr: FR.program });
    expect(byMeasure(program.measures, w.countA.id)).toMatchObject({
      name: FR.measure,
      nameFr: FR.measure,
    });
    expect(byMeasure(program.measures, w.ratioA.id)).toMatchObject({
      name: '% improved',
      nameFr: null,
    });

    const en = await editor.get(`/organizations/${w.orgA.id}/scorecard?lang=en`);
    expect(en.organization).toMatchObject({ name: w.orgA.name, nameFr: FR.organization });
    expect(byId(en.programs, w.programA.id)).toMatchObject({
      name: 'Counselling',
      nameFr: FR.program,
    });
  });
});

describe("a measure's series and curve report", () => {
  it("names the measure in the caller's language", async () => {
    const fr = await coordinator.get(`/measures/${w.countA.id}/series?lang=fr`);
    expect(fr).toMatchObject({ name: FR.measure, nameFr: FR.measure });
    const en = await coordinator.get(`/measures/${w.countA.id}/series?lang=en`);
    expect(en).toMatchObject({ name: '# served', nameFr: FR.measure });
    const other = await coordinator.get(`/measures/${w.countB.id}/series?lang=fr`);
    expect(other).toMatchObject({ name: '# served', nameFr: null });
  });

  it('gives the curve report its measure in French too', async () => {
    const fr = await coordinator.get(`/measures/${w.countA.id}/curve-report?lang=fr`);
    expect(fr.curve).toMatchObject({ name: FR.measure, nameFr: FR.measure });
    const en = await coordinator.get(`/measures/${w.countA.id}/curve-report?lang=en`);
    expect(en.curve).toMatchObject({ name: '# served', nameFr: FR.measure });
  });
});

describe('the entry sheet', () => {
  const url = `/organizations/{org}/entry-sheet?period=${WORLD_PERIOD}`;
  const sheet = (lang: string) =>
    editor.get(`${url.replace('{org}', w.orgA.id)}&lang=${lang}`) as Promise<Any>;

  it('names the agency, programs, measures, dimensions and their values in French', async () => {
    const fr = await sheet('fr');
    expect(fr.organization).toMatchObject({ name: FR.organization, nameFr: FR.organization });
    const program = byId(fr.programs, w.programA.id);
    expect(program).toMatchObject({ name: FR.program, nameFr: FR.program });
    const count = byId(program.measures, w.countA.id);
    expect(count).toMatchObject({ name: FR.measure, nameFr: FR.measure });
    expect(count.dimensions).toEqual([
      {
        code: w.dimension.code,
        name: FR.dimension,
        nameFr: FR.dimension,
        values: [
          { code: 'girls', label: 'Girls', labelFr: null },
          { code: 'boys', label: FR.boys, labelFr: FR.boys },
        ],
      },
    ]);
    expect(byId(program.measures, w.ratioA.id)).toMatchObject({
      name: '% improved',
      nameFr: null,
    });
  });

  it('gives the English with the French beside it to English callers', async () => {
    const en = await sheet('en');
    expect(en.organization).toMatchObject({ name: w.orgA.name, nameFr: FR.organization });
    const count = byId(byId(en.programs, w.programA.id).measures, w.countA.id);
    expect(count).toMatchObject({ name: '# served', nameFr: FR.measure });
    expect(count.dimensions[0]).toMatchObject({ name: 'Gender', nameFr: FR.dimension });
    expect(count.dimensions[0].values[1]).toEqual({
      code: 'boys',
      label: 'Boys',
      labelFr: FR.boys,
    });
  });
});

describe('the reporting status', () => {
  it("names each agency in the caller's language", async () => {
    const url = `/tables/${w.table.id}/reporting-status?period=${WORLD_PERIOD}`;
    const fr = await coordinator.get(`${url}&lang=fr`);
    const a = fr.items.find((i: Any) => i.organization.id === w.orgA.id);
    const b = fr.items.find((i: Any) => i.organization.id === w.orgB.id);
    expect(a.organization).toMatchObject({ name: FR.organization, nameFr: FR.organization });
    expect(b.organization).toMatchObject({ name: w.orgB.name, nameFr: null });
    const en = await coordinator.get(`${url}&lang=en`);
    expect(en.items.find((i: Any) => i.organization.id === w.orgA.id).organization).toMatchObject({
      name: w.orgA.name,
      nameFr: FR.organization,
    });
  });
});

describe('the public scorecard', () => {
  const get = (query: string, acceptLanguage?: string) => {
    let req = t.http().get(`/api/v1/public/scorecards/${token}${query}`);
    if (acceptLanguage) req = req.set('accept-language', acceptLanguage);
    return req.expect(200).then((res) => res.body as Any);
  };

  it('honours ?lang=fr and ?lang=en', async () => {
    expectFrenchTable(await get('?lang=fr'));
    expectEnglishTable(await get('?lang=en'));
  });

  it('follows Accept-Language when ?lang is absent, and English without either', async () => {
    expectFrenchTable(await get('', 'fr-CA,fr;q=0.9,en;q=0.5'));
    expectEnglishTable(await get('', 'en-CA'));
    expectEnglishTable(await get(''));
    expectEnglishTable(await get('?lang=en', 'fr'));
  });
});
