// Names in two languages beyond the setup screens (issue #21): the CSV exports carry each French
// name in a `*_fr` column beside its English twin; the system map and the partnership answers give
// names in the caller's language with the French beside them; an import may name a measure in
// French; and e-mails name agencies, tables and periods in the recipient's language. The French
// names are written straight into the `*_fr` columns, as any way of setting them would leave them.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchPeriod } from '../src/mail/messages.js';
import { WORLD_PERIOD } from '../support/world.js';
import type { Client } from './helpers/api.js';
import { afterDue, buildMailWorld, type MailWorld, PERIODS } from './mail/mail-world.js';

const FR = {
  orgA: 'Organisme A',
  table: 'Table des jeunes',
  result: 'Tous les jeunes vont bien',
  programA: 'Counseling pour jeunes',
  countA: 'Nombre de jeunes servis',
  counselling: 'Counseling et thérapie (test)',
  /** Quotes, a comma and a leading dash a spreadsheet would read as a formula. */
  indicator: '-Jeunes en "bonne" santé mentale, selon eux',
  north: 'Nord',
};

let m: MailWorld;
const as: Record<string, Client> = {};
const auth: Record<string, string> = {};
const c = (who: string) => as[who] as Client;
const sink = () => m.smtp ?? expect.unreachable('no SMTP server');
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

async function download(who: string, url: string) {
  const res = await m.t
    .http()
    .get(`/api/v1${url}`)
    .set('authorization', auth[who] as string)
    .buffer(true)
    .parse((r, cb) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => {
        text += chunk;
      });
      r.on('end', () => cb(null, text));
    });
  expect(res.status).toBe(200);
  return res.body as string;
}

const records = (text: string) =>
  parse(text, { columns: true, bom: true }) as Record<string, string>[];
const header = (text: string) => (parse(text, { bom: true, to_line: 1 })[0] ?? []) as string[];

beforeAll(async () => {
  m = await buildMailWorld();
  const { w } = m;
  for (const [who, u] of Object.entries({ ...w.users, editorFr: m.editorFr, editorB: m.editorB })) {
    auth[who] = await m.t.login(u.email, u.password);
    as[who] = await m.as(u);
  }
  await c('admin').post('/dimensions', {
    code: 'region',
    name: 'Region',
    values: [
      { code: 'north', label: 'North' },
      { code: 'south', label: 'South' },
    ],
  });
  await c('editorA').put(`/programs/${w.programA.id}/profile`, {
    serviceTypes: ['counselling_therapy'],
    ageGroups: [],
    regions: ['north'],
    languages: ['en', 'fr'],
  });
  // French names for agency A, the table, its result, program A, its count, a service type and
  // a region; agency B, its program and its count keep their English names only.
  const db = m.t.db;
  await db
    .updateTable('organizations')
    .set({ name_fr: FR.orgA })
    .where('id', '=', w.orgA.id)
    .execute();
  await db
    .updateTable('planning_tables')
    .set({ name_fr: FR.table })
    .where('id', '=', w.table.id)
    .execute();
  await db
    .updateTable('results')
    .set({ title_fr: FR.result })
    .where('id', '=', w.result.id)
    .execute();
  await db
    .updateTable('programs')
    .set({ name_fr: FR.programA })
    .where('id', '=', w.programA.id)
    .execute();
  await db
    .updateTable('measures')
    .set({ name_fr: FR.countA })
    .where('id', '=', w.countA.id)
    .execute();
  await db
    .updateTable('measures')
    .set({ name_fr: FR.indicator })
    .where('id', '=', w.indicator.id)
    .execute();
  await db
    .updateTable('service_types')
    .set({ name_fr: FR.counselling })
    .where('code', '=', 'counselling_therapy')
    .execute();
  await db
    .updateTable('dimension_values')
    .set({ label_fr: FR.north })
    .where('code', '=', 'north')
    .execute();
});
afterAll(async () => m?.close());

describe('CSV exports', () => {
  it('write each measure’s French name beside its English one in the long layout', async () => {
    const text = await download('admin', `/exports/observations.csv?tableId=${m.w.table.id}`);
    expect(header(text).slice(0, 4)).toEqual([
      'measure_code',
      'measure_name',
      'measure_name_fr',
      'organization_code',
    ]);
    const rows = records(text);
    const a = rows.find(
      (r) => r.organization_code === m.w.orgA.code && r.measure_code === 'SERVED',
    );
    expect(a).toMatchObject({ measure_name: '# served', measure_name_fr: FR.countA, value: '12' });
    const b = rows.find(
      (r) => r.organization_code === m.w.orgB.code && r.measure_code === 'SERVED',
    );
    expect(b).toMatchObject({ measure_name: '# served', measure_name_fr: '', value: '7' });
    const indicator = rows.find((r) => r.measure_code === m.w.indicator.code);
    expect(indicator?.measure_name_fr).toBe(`'${FR.indicator}`);
    // On PostgreSQL the file above is written by COPY, and with CRLF by the batch path: the
    // same cells either way.
    const batch = await download(
      'admin',
      `/exports/observations.csv?tableId=${m.w.table.id}&crlf=true`,
    );
    expect(records(batch)).toEqual(rows);
    // The header is the contract's machine names whatever the caller's language.
    const french = await download(
      'editorFr',
      `/exports/observations.csv?organizationId=${m.w.orgA.id}&lang=fr`,
    );
    expect(header(french)).toEqual(header(text));
    expect(records(french).find((r) => r.measure_code === 'SERVED')?.measure_name).toBe('# served');
  });

  it('write them in the wide layout too', async () => {
    const text = await download(
      'admin',
      `/exports/observations.csv?tableId=${m.w.table.id}&layout=wide`,
    );
    expect(header(text).slice(0, 6)).toEqual([
      'measure_code',
      'measure_name',
      'measure_name_fr',
      'organization_code',
      'unit',
      'breakdown',
    ]);
    const rows = records(text);
    const a = rows.find(
      (r) =>
        r.organization_code === m.w.orgA.code && r.measure_code === 'SERVED' && r.breakdown === '',
    );
    expect(a).toMatchObject({ measure_name_fr: FR.countA, [WORLD_PERIOD]: '12' });
    const b = rows.find(
      (r) => r.organization_code === m.w.orgB.code && r.measure_code === 'SERVED',
    );
    expect(b?.measure_name_fr).toBe('');
  });

  it('write the scorecard’s result, program and measure in both languages', async () => {
    const text = await download(
      'coordinator',
      `/exports/scorecard.csv?tableId=${m.w.table.id}&period=${WORLD_PERIOD}`,
    );
    expect(header(text).slice(0, 9)).toEqual([
      'section',
      'result',
      'result_fr',
      'program',
      'program_fr',
      'organization_code',
      'measure_code',
      'measure_name',
      'measure_name_fr',
    ]);
    const rows = records(text);
    const at = (org: string) =>
      rows.find((r) => r.organization_code === org && r.measure_code === 'SERVED');
    expect(at(m.w.orgA.code)).toMatchObject({
      result: 'All youth are well',
      result_fr: FR.result,
      program: 'Counselling',
      program_fr: FR.programA,
      measure_name: '# served',
      measure_name_fr: FR.countA,
    });
    expect(at(m.w.orgB.code)).toMatchObject({
      result_fr: FR.result,
      program: 'Outreach',
      program_fr: '',
      measure_name_fr: '',
    });
  });
});

describe('imports', () => {
  it('find a measure by its French name', async () => {
    const res = await m.t
      .http()
      .post('/api/v1/imports')
      .set('authorization', auth.editorA as string)
      .field(
        'mapping',
        JSON.stringify({
          mode: 'long',
          measure: { column: 'measure', by: 'name' },
          period: { column: 'period' },
          value: { column: 'value' },
        }),
      )
      .attach(
        'file',
        Buffer.from(`measure,period,value\n${FR.countA},FY2025-26-Q2,5\n`),
        'data.csv',
      );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rejected: [], inserted: 1 });
    expect(res.body.changes[0]).toMatchObject({ measureId: m.w.countA.id });
  });
});

describe('the system map', () => {
  it('names service types, the table, results, agencies, programs and regions in French', async () => {
    const url = `/tables/${m.w.table.id}/system-map?by=region`;
    const map = await c('coordinator').get(`${url}&lang=fr`);
    expect(map.table).toEqual({ id: m.w.table.id, name: FR.table, nameFr: FR.table });
    const result = map.results.find((r: { id: string }) => r.id === m.w.result.id);
    expect(result).toMatchObject({ title: FR.result, titleFr: FR.result });
    const partner = (id: string) =>
      result.partners.find((p: { organization: { id: string } }) => p.organization.id === id);
    expect(partner(m.w.orgA.id).organization).toMatchObject({ name: FR.orgA, nameFr: FR.orgA });
    expect(partner(m.w.orgA.id).programs[0]).toMatchObject({
      name: FR.programA,
      nameFr: FR.programA,
    });
    // No French: the English name, and null beside it (the client marks it lang="en").
    expect(partner(m.w.orgB.id).organization).toMatchObject({
      name: m.w.orgB.name,
      nameFr: null,
    });
    const counselling = map.coverage.serviceTypes.find(
      (t: { code: string }) => t.code === 'counselling_therapy',
    );
    expect(counselling).toEqual({
      code: 'counselling_therapy',
      name: FR.counselling,
      nameFr: FR.counselling,
    });
    expect(map.coverage.values).toEqual([
      { code: 'north', label: FR.north, labelFr: FR.north },
      { code: 'south', label: 'South', labelFr: null },
    ]);
    const cell = map.coverage.cells.find(
      (x: { serviceType: string; value: string }) =>
        x.serviceType === 'counselling_therapy' && x.value === 'north',
    );
    expect(cell.programs[0]).toMatchObject({
      name: FR.programA,
      organization: { name: FR.orgA, nameFr: FR.orgA },
    });

    // In English, the English names with the French beside them.
    const english = await c('coordinator').get(`${url}&lang=en`);
    expect(english.table).toEqual({ id: m.w.table.id, name: m.w.table.name, nameFr: FR.table });
    expect(english.coverage.values[0]).toEqual({
      code: 'north',
      label: 'North',
      labelFr: FR.north,
    });
  });

  it('exports the grid with the French names in their own columns', async () => {
    const text = await download('coordinator', `/tables/${m.w.table.id}/system-map.csv?lang=fr`);
    expect(header(text)).toEqual([
      'service_type',
      'service_type_name',
      'service_type_name_fr',
      'region',
      'region_label',
      'region_label_fr',
      'status',
      'programs',
      'capacity',
      'french_programs',
      'program_names',
      'program_names_fr',
    ]);
    const north = records(text).find(
      (r) => r.service_type === 'counselling_therapy' && r.region === 'north',
    );
    expect(north).toMatchObject({
      service_type_name: 'Counselling and therapy',
      service_type_name_fr: FR.counselling,
      region_label: 'North',
      region_label_fr: FR.north,
      program_names: `${m.w.orgA.code}: Counselling`,
      program_names_fr: `${m.w.orgA.code}: ${FR.programA}`,
    });
  });

  it('takes a service type’s French name', async () => {
    const made = await c('admin').post('/service-types', {
      code: 'peer_support_fr',
      name: 'Peer support',
      nameFr: 'Soutien par les pairs',
    });
    expect(made).toMatchObject({ name: 'Peer support', nameFr: 'Soutien par les pairs' });
    const list = await c('admin').get('/service-types?lang=fr');
    expect(list.items.find((t: { code: string }) => t.code === 'peer_support_fr')).toMatchObject({
      name: 'Soutien par les pairs',
      nameFr: 'Soutien par les pairs',
    });
  });
});

describe('partnership surveys and e-mails', () => {
  let surveyId: string;

  it('invite each editor naming the table and the agency in their language', async () => {
    await m.run(new Date()); // delivers whatever the world's set-up queued
    sink().clear();
    const survey = await c('coordinator').post(`/tables/${m.w.table.id}/partnership-surveys`, {
      title: 'Working together',
      period: '2026',
      opens: day(-1),
      closes: day(10),
    });
    surveyId = survey.id;
    await m.run(new Date());
    const [fr] = sink().to(m.editorFr.email);
    expect(fr?.subject).toMatch(new RegExp(`^Sondage de partenariat de ${FR.table}\u00a0:`));
    expect(fr?.text).toContain(`${FR.table} demande à ${FR.orgA} de répondre`);
    const [en] = sink().to(m.w.users.editorA.email);
    expect(en?.subject).toMatch(new RegExp(`^Partnership survey of ${m.w.table.name}:`));
    expect(en?.text).toContain(`${m.w.table.name} asks ${m.w.orgA.name} to answer`);
    expect(en?.text).not.toContain(FR.orgA);
    // Agency B has no French name: its French-speaking readers would read the English one.
    const [b] = sink().to(m.editorB.email);
    expect(b?.text).toContain(m.w.orgB.name);
  });

  it('give the network’s and the response form’s agencies in the caller’s language', async () => {
    const network = await c('coordinator').get(`/partnership-surveys/${surveyId}/network?lang=fr`);
    const node = (id: string) =>
      network.nodes.find((n: { organization: { id: string } }) => n.organization.id === id);
    expect(node(m.w.orgA.id).organization).toEqual({
      id: m.w.orgA.id,
      code: m.w.orgA.code,
      name: FR.orgA,
      nameFr: FR.orgA,
    });
    expect(node(m.w.orgB.id).organization).toMatchObject({ name: m.w.orgB.name, nameFr: null });
    const english = await c('coordinator').get(`/partnership-surveys/${surveyId}/network?lang=en`);
    expect(
      english.nodes.find((n: { organization: { id: string } }) => n.organization.id === m.w.orgA.id)
        .organization,
    ).toMatchObject({ name: m.w.orgA.name, nameFr: FR.orgA });

    const form = await c('editorB').get(`/partnership-surveys/${surveyId}/my-response?lang=fr`);
    expect(
      form.partners.map((p: { organization: { name: string } }) => p.organization.name),
    ).toEqual([FR.orgA]);
    const mine = await c('editorFr').get('/me/partnership-surveys');
    expect(mine.items.find((s: { id: string }) => s.id === surveyId)?.organization).toMatchObject({
      name: FR.orgA,
      nameFr: FR.orgA,
    });
  });

  it('remind of a due date naming the agency and the quarter in French for a French reader', async () => {
    sink().clear();
    await m.run(afterDue(PERIODS.Q1.due, -7, 1));
    const [fr] = sink().to(m.editorFr.email);
    expect(fr?.subject).toBe(`Rappel\u00a0: ${FR.orgA}, T1 2026-2027 attendue le 15 juillet 2026`);
    expect(fr?.text).toContain(`Les données de ${FR.orgA} pour le T1 2026-2027 sont attendues`);
    const [en] = sink().to(m.w.users.editorA.email);
    expect(en?.subject).toBe(`Reminder: ${m.w.orgA.name}, FY2026-27 Q1 is due on July 15, 2026`);
  });

  it('tell of a return in each editor’s language, with the period as French writes it', async () => {
    const base = `/organizations/${m.w.orgA.id}/periods/2025-08`;
    await c('editorA').post(`${base}/submit`);
    await c('coordinator').post(`${base}/return`, { note: 'Please check' });
    sink().clear();
    await m.run(new Date('2026-06-01T00:00:00Z'));
    const [fr] = sink().to(m.editorFr.email);
    expect(fr?.subject).toBe(`Renvoyée pour correction\u00a0: ${FR.orgA}, août 2025`);
    expect(fr?.text).toContain(`les données de ${FR.orgA} pour août 2025 pour correction`);
    const [en] = sink().to(m.w.users.editorA.email);
    expect(en?.subject).toBe(`Returned for correction: ${m.w.orgA.name}, 2025-08`);
    // The in-app notification is the same text.
    const inbox = await c('editorFr').get('/me/notifications');
    expect(inbox.items[0].subject).toBe(fr?.subject);
    // Each says which language it is written in, for a client to mark it (lang) when the
    // reader's language changed since.
    expect(inbox.items[0].lang).toBe('fr');
    const englishInbox = await c('editorA').get('/me/notifications?lang=fr');
    expect(englishInbox.items[0].lang).toBe('en');
  });
});

describe('periods in French messages', () => {
  it('read as French writes them, with the article « pour » needs', () => {
    expect(frenchPeriod('2026')).toEqual({ name: '2026', forPeriod: 'pour 2026' });
    expect(frenchPeriod('2026-Q3')).toEqual({ name: 'T3 2026', forPeriod: 'pour le T3 2026' });
    expect(frenchPeriod('2026-02')).toEqual({
      name: 'février 2026',
      forPeriod: 'pour février 2026',
    });
    expect(frenchPeriod('FY2026-27')).toEqual({
      name: 'exercice 2026-2027',
      forPeriod: 'pour l’exercice 2026-2027',
    });
    expect(frenchPeriod('FY2026-27-Q4').name).toBe('T4 2026-2027');
    // A fiscal year that starts in January is the calendar year.
    expect(frenchPeriod('FY2026').name).toBe('exercice 2026');
    expect(frenchPeriod('FY2026-Q2').name).toBe('T2 2026');
  });
});
