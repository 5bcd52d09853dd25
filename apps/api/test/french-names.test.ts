// Names in two languages (issue #21, the contract's "Languages"): everything people name in the
// set-up routes takes an English and a French text, and answers give the name in the caller's
// language (`?lang`, else the saved locale, else Accept-Language, else English), the French
// as stored beside it, and the English when there is no French.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/factories.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let admin: string;
let adminFr: string;

// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely
type Body = any;

interface Ask {
  auth?: string;
  /** `?lang=` */
  lang?: string;
  /** Accept-Language */
  accept?: string;
  body?: object;
}

async function call(method: 'get' | 'post' | 'patch', url: string, ask: Ask = {}) {
  const full =
    ask.lang === undefined ? url : `${url}${url.includes('?') ? '&' : '?'}lang=${ask.lang}`;
  let req = t
    .http()
    [method](`/api/v1${full}`)
    .set('authorization', ask.auth ?? admin);
  if (ask.accept !== undefined) req = req.set('accept-language', ask.accept);
  if (ask.body !== undefined) req = req.send(ask.body);
  return req;
}

async function get(url: string, ask: Ask = {}): Promise<Body> {
  const res = await call('get', url, ask);
  expect(res.status, `GET ${url} ${res.text}`).toBe(200);
  return res.body;
}

async function post(url: string, body: object): Promise<Body> {
  const res = await call('post', url, { body });
  expect(res.status, `POST ${url} ${res.text}`).toBe(201);
  return res.body;
}

async function patch(url: string, body: object): Promise<Body> {
  const res = await call('patch', url, { body });
  expect(res.status, `PATCH ${url} ${res.text}`).toBe(200);
  return res.body;
}

const suffix = () => randomUUID().slice(0, 8);

let org: Body;
let table: Body;
let result: Body;
let program: Body;
let indicator: Body;
let shared: Body;
let programMeasure: Body;
let dimension: Body;

beforeAll(async () => {
  t = await createTestApp();
  const a = await makeUser(t.db, [{ role: 'admin' }]);
  admin = await t.login(a.email, a.password);
  const f = await makeUser(t.db, [{ role: 'admin' }]);
  adminFr = await t.login(f.email, f.password);
  await t
    .http()
    .patch('/api/v1/me')
    .set('authorization', adminFr)
    .send({ locale: 'fr' })
    .expect(200);

  org = await post('/organizations', {
    code: `AG-${suffix()}`,
    name: 'Family Services',
    nameFr: 'Services à la famille',
    kind: 'agency',
  });
  table = await post('/tables', {
    name: 'Children thrive',
    nameFr: 'Les enfants s’épanouissent',
    population: 'Children 0-12',
    populationFr: 'Enfants de 0 à 12 ans',
    description: 'The city’s children',
    descriptionFr: 'Les enfants de la ville',
  });
  await post(`/tables/${table.id}/partners`, { organizationId: org.id });
  result = await post(`/tables/${table.id}/results`, {
    title: 'Children are safe',
    titleFr: 'Les enfants sont en sécurité',
    description: 'At home and at school',
    descriptionFr: 'À la maison et à l’école',
  });
  program = await post(`/organizations/${org.id}/programs`, {
    name: 'Home visits',
    nameFr: 'Visites à domicile',
    description: 'Nurses visit families',
    descriptionFr: 'Des infirmières visitent les familles',
    resultIds: [result.id],
  });
  const measure = {
    unit: 'count',
    direction: 'up',
    periodType: 'fiscal_quarter',
  };
  indicator = await post(`/results/${result.id}/indicators`, {
    ...measure,
    code: 'IND-1',
    name: 'Children in care',
    nameFr: 'Enfants placés',
    definition: 'Children placed outside their home',
    definitionFr: 'Enfants placés hors de leur foyer',
  });
  shared = await post(`/tables/${table.id}/shared-measures`, {
    ...measure,
    code: 'SH-1',
    name: 'Families served',
    nameFr: 'Familles servies',
  });
  programMeasure = await post(`/programs/${program.id}/measures`, {
    ...measure,
    code: 'PM-1',
    name: 'Visits made',
    nameFr: 'Visites faites',
    category: 'how_much',
  });
  dimension = await post('/dimensions', {
    code: `age_${suffix()}`,
    name: 'Age group',
    nameFr: 'Groupe d’âge',
    values: [
      { code: 'young', label: 'Young', labelFr: 'Jeunes' },
      { code: 'old', label: 'Old' },
    ],
  });
});
afterAll(() => t.closeAll());

/** Every named thing made above: its URL, its stem and both texts. */
function things() {
  return [
    {
      url: `/organizations/${org.id}`,
      field: 'name',
      en: 'Family Services',
      fr: 'Services à la famille',
    },
    {
      url: `/tables/${table.id}`,
      field: 'name',
      en: 'Children thrive',
      fr: 'Les enfants s’épanouissent',
    },
    {
      url: `/tables/${table.id}`,
      field: 'population',
      en: 'Children 0-12',
      fr: 'Enfants de 0 à 12 ans',
    },
    {
      url: `/tables/${table.id}`,
      field: 'description',
      en: 'The city’s children',
      fr: 'Les enfants de la ville',
    },
    {
      url: `/results/${result.id}`,
      field: 'title',
      en: 'Children are safe',
      fr: 'Les enfants sont en sécurité',
    },
    {
      url: `/results/${result.id}`,
      field: 'description',
      en: 'At home and at school',
      fr: 'À la maison et à l’école',
    },
    { url: `/programs/${program.id}`, field: 'name', en: 'Home visits', fr: 'Visites à domicile' },
    {
      url: `/programs/${program.id}`,
      field: 'description',
      en: 'Nurses visit families',
      fr: 'Des infirmières visitent les familles',
    },
    {
      url: `/measures/${indicator.id}`,
      field: 'name',
      en: 'Children in care',
      fr: 'Enfants placés',
    },
    {
      url: `/measures/${indicator.id}`,
      field: 'definition',
      en: 'Children placed outside their home',
      fr: 'Enfants placés hors de leur foyer',
    },
    { url: `/measures/${shared.id}`, field: 'name', en: 'Families served', fr: 'Familles servies' },
    {
      url: `/measures/${programMeasure.id}`,
      field: 'name',
      en: 'Visits made',
      fr: 'Visites faites',
    },
    { url: `/dimensions/${dimension.code}`, field: 'name', en: 'Age group', fr: 'Groupe d’âge' },
  ];
}

describe('creating named things in both languages', () => {
  it('answers the creation with both texts as stored (English caller)', () => {
    expect(org).toMatchObject({ name: 'Family Services', nameFr: 'Services à la famille' });
    expect(table).toMatchObject({
      name: 'Children thrive',
      nameFr: 'Les enfants s’épanouissent',
      populationFr: 'Enfants de 0 à 12 ans',
      descriptionFr: 'Les enfants de la ville',
    });
    expect(result).toMatchObject({
      title: 'Children are safe',
      titleFr: 'Les enfants sont en sécurité',
    });
    expect(program).toMatchObject({ name: 'Home visits', nameFr: 'Visites à domicile' });
    expect(indicator).toMatchObject({
      name: 'Children in care',
      nameFr: 'Enfants placés',
      definitionFr: 'Enfants placés hors de leur foyer',
    });
    expect(dimension).toMatchObject({
      name: 'Age group',
      nameFr: 'Groupe d’âge',
      values: [
        { code: 'young', label: 'Young', labelFr: 'Jeunes' },
        { code: 'old', label: 'Old', labelFr: null },
      ],
    });
  });

  it('records the French in the audit trail', async () => {
    const events = await get(`/audit?entity=planning_table&entityId=${table.id}`, { lang: 'en' });
    const created = events.items.find((e: Body) => e.action === 'table.create');
    expect(created.after).toMatchObject({
      name: 'Children thrive',
      nameFr: 'Les enfants s’épanouissent',
      populationFr: 'Enfants de 0 à 12 ans',
      descriptionFr: 'Les enfants de la ville',
    });
    const dims = await get(`/audit?entity=dimension&entityId=${dimension.id}`, { lang: 'en' });
    expect(dims.items[0].after).toMatchObject({
      nameFr: 'Groupe d’âge',
      values: [{ labelFr: 'Jeunes' }, { labelFr: null }],
    });
  });

  it('shows the audit trail as stored to a French caller: English and French, neither replaced', async () => {
    const events = await get(`/audit?entity=planning_table&entityId=${table.id}`, { lang: 'fr' });
    const created = events.items.find((e: Body) => e.action === 'table.create');
    expect(created.after).toMatchObject({
      name: 'Children thrive',
      nameFr: 'Les enfants s’épanouissent',
    });
  });
});

describe('reading them back', () => {
  it('gives the French with ?lang=fr, the French twin as stored beside it', async () => {
    for (const { url, field, fr } of things()) {
      const body = await get(url, { lang: 'fr' });
      expect(body[field], `${url} ${field}`).toBe(fr);
      expect(body[`${field}Fr`], `${url} ${field}Fr`).toBe(fr);
    }
  });

  it('gives the English with ?lang=en, and the French beside it', async () => {
    for (const { url, field, en, fr } of things()) {
      const body = await get(url, { lang: 'en' });
      expect(body[field], `${url} ${field}`).toBe(en);
      expect(body[`${field}Fr`], `${url} ${field}Fr`).toBe(fr);
    }
  });

  it('gives the English by default', async () => {
    for (const { url, field, en } of things()) {
      expect((await get(url))[field], `${url} ${field}`).toBe(en);
    }
  });

  it('puts a signed-in user’s saved locale (English here) before Accept-Language', async () => {
    for (const { url, field, en } of things()) {
      const body = await get(url, { accept: 'fr-CA,fr;q=0.9,en;q=0.5' });
      expect(body[field], `${url} ${field}`).toBe(en);
    }
  });

  it('follows Accept-Language for a caller not signed in', async () => {
    const res = await t
      .http()
      .get(`/api/v1/tables/${table.id}`)
      .set('accept-language', 'fr-CA,fr;q=0.9,en;q=0.5');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('Veuillez vous connecter.');
    const en = await t.http().get(`/api/v1/tables/${table.id}`).set('accept-language', 'en-CA');
    expect(en.body.error.message).not.toBe('Veuillez vous connecter.');
  });

  it('follows a signed-in user’s saved locale, over Accept-Language', async () => {
    for (const { url, field, fr } of things()) {
      const body = await get(url, { auth: adminFr, accept: 'en' });
      expect(body[field], `${url} ${field}`).toBe(fr);
    }
  });

  it('lets ?lang=en beat a French saved locale', async () => {
    for (const { url, field, en } of things()) {
      const body = await get(url, { auth: adminFr, lang: 'en' });
      expect(body[field], `${url} ${field}`).toBe(en);
    }
  });

  it('gives dimension values their French labels, the English where there is none', async () => {
    const body = await get(`/dimensions/${dimension.code}`, { lang: 'fr' });
    expect(body.values).toEqual([
      { code: 'young', label: 'Jeunes', labelFr: 'Jeunes' },
      { code: 'old', label: 'Old', labelFr: null },
    ]);
  });

  it('gives the names in lists too', async () => {
    const fr = { lang: 'fr' };
    const byId = (items: Body[], id: string) => items.find((i) => i.id === id);
    expect(byId((await get('/organizations', fr)).items, org.id).name).toBe(
      'Services à la famille',
    );
    expect(byId((await get('/tables', fr)).items, table.id)).toMatchObject({
      name: 'Les enfants s’épanouissent',
      population: 'Enfants de 0 à 12 ans',
    });
    expect(byId((await get(`/tables/${table.id}/results`, fr)).items, result.id).title).toBe(
      'Les enfants sont en sécurité',
    );
    expect(byId((await get(`/organizations/${org.id}/programs`, fr)).items, program.id).name).toBe(
      'Visites à domicile',
    );
    expect(byId((await get(`/results/${result.id}/indicators`, fr)).items, indicator.id).name).toBe(
      'Enfants placés',
    );
    expect(byId((await get(`/tables/${table.id}/shared-measures`, fr)).items, shared.id).name).toBe(
      'Familles servies',
    );
    expect(
      byId((await get(`/programs/${program.id}/measures`, fr)).items, programMeasure.id).name,
    ).toBe('Visites faites');
    const dims = (await get('/dimensions', fr)).items;
    expect(byId(dims, dimension.id)).toMatchObject({
      name: 'Groupe d’âge',
      nameFr: 'Groupe d’âge',
    });
    const partners = (await get(`/tables/${table.id}/partners`, fr)).items;
    expect(partners[0].organization).toEqual({
      id: org.id,
      code: org.code,
      name: 'Services à la famille',
      nameFr: 'Services à la famille',
      kind: 'agency',
    });
    const partnersEn = (await get(`/tables/${table.id}/partners`, { lang: 'en' })).items;
    expect(partnersEn[0].organization.name).toBe('Family Services');
  });

  it('falls back to the English for a thing without French, with a null twin', async () => {
    const plain = await post('/tables', { name: 'Seniors age well', population: 'Adults 65+' });
    expect(plain).toMatchObject({ nameFr: null, populationFr: null, descriptionFr: null });
    const body = await get(`/tables/${plain.id}`, { lang: 'fr' });
    expect(body).toMatchObject({
      name: 'Seniors age well',
      nameFr: null,
      population: 'Adults 65+',
      populationFr: null,
      description: null,
      descriptionFr: null,
    });
    const r = await post(`/tables/${plain.id}/results`, { title: 'Seniors are healthy' });
    expect(await get(`/results/${r.id}`, { lang: 'fr' })).toMatchObject({
      title: 'Seniors are healthy',
      titleFr: null,
    });
    const o = await post('/organizations', {
      code: `F-${suffix()}`,
      name: 'Funder',
      kind: 'funder',
    });
    expect(await get(`/organizations/${o.id}`, { auth: adminFr })).toMatchObject({
      name: 'Funder',
      nameFr: null,
    });
  });
});

describe('changing the French', () => {
  it('sets, keeps and clears a table’s French', async () => {
    const made = await post('/tables', { name: 'Youth work', population: 'Youth 15-24' });
    const url = `/tables/${made.id}`;
    const set = await patch(url, { nameFr: 'Les jeunes travaillent', populationFr: 'Jeunes' });
    expect(set).toMatchObject({ name: 'Youth work', nameFr: 'Les jeunes travaillent' });
    expect((await get(url, { lang: 'fr' })).name).toBe('Les jeunes travaillent');
    // Absent leaves it as it is.
    const renamed = await patch(url, { name: 'Youth at work' });
    expect(renamed).toMatchObject({ name: 'Youth at work', nameFr: 'Les jeunes travaillent' });
    // null removes it: French callers read the English again.
    const cleared = await patch(url, { nameFr: null });
    expect(cleared).toMatchObject({ nameFr: null, populationFr: 'Jeunes' });
    expect(await get(url, { lang: 'fr' })).toMatchObject({
      name: 'Youth at work',
      nameFr: null,
      population: 'Jeunes',
    });
    const events = await get(`/audit?entity=planning_table&entityId=${made.id}`, { lang: 'en' });
    const last = events.items.find((e: Body) => e.action === 'table.update');
    expect(last.before.nameFr).toBe('Les jeunes travaillent');
    expect(last.after.nameFr).toBeNull();
  });

  it('sets and clears a result’s, a program’s and a measure’s French', async () => {
    const cases: [string, string, string][] = [
      [`/results/${result.id}`, 'titleFr', 'Les enfants sont protégés'],
      [`/results/${result.id}`, 'descriptionFr', 'Partout'],
      [`/programs/${program.id}`, 'nameFr', 'Visites aux familles'],
      [`/programs/${program.id}`, 'descriptionFr', 'Des visites'],
      [`/measures/${indicator.id}`, 'nameFr', 'Enfants pris en charge'],
      [`/measures/${indicator.id}`, 'definitionFr', 'Une définition'],
    ];
    for (const [url, field, value] of cases) {
      const stem = field.slice(0, -2);
      expect((await patch(url, { [field]: value }))[field], `${url} ${field}`).toBe(value);
      expect((await get(url, { lang: 'fr' }))[stem], `${url} ${stem}`).toBe(value);
      expect((await patch(url, { [field]: null }))[field], `${url} ${field}`).toBeNull();
      const fr = await get(url, { lang: 'fr' });
      expect(fr[field]).toBeNull();
      expect(fr[stem], `${url} ${stem} falls back`).toBe((await get(url, { lang: 'en' }))[stem]);
    }
  });

  it('refuses a blank French text and changes nothing', async () => {
    const cases: [string, string][] = [
      [`/tables/${table.id}`, 'nameFr'],
      [`/tables/${table.id}`, 'populationFr'],
      [`/tables/${table.id}`, 'descriptionFr'],
      [`/results/${result.id}`, 'titleFr'],
      [`/programs/${program.id}`, 'nameFr'],
      [`/measures/${shared.id}`, 'nameFr'],
      [`/measures/${shared.id}`, 'definitionFr'],
    ];
    for (const [url, field] of cases) {
      const before = await get(url, { lang: 'en' });
      const res = await call('patch', url, { body: { [field]: '   ' } });
      expect(res.status, `${url} ${field}`).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details[0]).toMatchObject({
        path: `body.${field}`,
        code: 'too_short',
        params: { minimum: 1 },
      });
      expect(await get(url, { lang: 'en' })).toEqual(before);
    }
  });

  it('refuses a blank French text on creation and creates nothing', async () => {
    const tables = async () => (await get('/tables?limit=500')).items.length;
    const count = await tables();
    const res = await call('post', '/tables', {
      body: { name: 'Blank', nameFr: '', population: 'Everyone' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.nameFr', code: 'too_short' });
    expect(await tables()).toBe(count);
    const dim = await call('post', '/dimensions', {
      body: {
        code: `d_${suffix()}`,
        name: 'Region',
        values: [{ code: 'n', label: 'North', labelFr: ' ' }],
      },
    });
    expect(dim.status).toBe(400);
    expect(dim.body.error.details[0]).toMatchObject({
      path: 'body.values.0.labelFr',
      code: 'too_short',
    });
    const org = await call('post', '/organizations', {
      body: { code: `B-${suffix()}`, name: 'Blank', nameFr: '\t', kind: 'agency' },
    });
    expect(org.status).toBe(400);
    expect(org.body.error.details[0]).toMatchObject({ path: 'body.nameFr', code: 'too_short' });
  });

  it('refuses a French text longer than its English twin may be', async () => {
    const res = await call('patch', `/tables/${table.id}`, { body: { nameFr: 'x'.repeat(201) } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({
      path: 'body.nameFr',
      code: 'too_long',
      params: { maximum: 200 },
    });
  });
});

describe('the language asked for', () => {
  it('refuses a language that is neither English nor French', async () => {
    const res = await call('get', `/tables/${table.id}`, { lang: 'de' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details[0]).toMatchObject({
      path: 'query.lang',
      code: 'invalid_option',
      params: { options: ['en', 'fr'] },
    });
  });

  it('words error messages in the language asked for', async () => {
    const missing = `/tables/${randomUUID()}`;
    const fr = await call('get', missing, { lang: 'fr' });
    expect(fr.status).toBe(404);
    expect(fr.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Table de planification introuvable.',
    });
    const en = await call('get', missing, { auth: adminFr, lang: 'en' });
    expect(en.body.error.message).toBe('Planning table not found');
    const blank = await call('patch', `/results/${result.id}`, {
      lang: 'fr',
      body: { titleFr: '' },
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details[0].message).toMatch(/^Veuillez/);
    expect(blank.body.error.message).toMatch(/^titleFr : Veuillez/);
  });
});
