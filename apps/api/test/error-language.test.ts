// Errors people can act on (issue #21): every validation problem is a code with params in
// `details` (the list of problems), and the message follows the caller's language (the signed-in
// user's saved locale, then Accept-Language, then English). The `error.code` values stay what they were.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../src/errors.js';
import { acceptedLanguage, requestLanguage } from '../src/i18n/language.js';
import { ERROR_MESSAGES_FR } from '../src/i18n/messages.js';
import { makeUser } from '../support/factories.js';
import { buildWorld, WORLD_PERIOD, type World } from '../support/world.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
let admin: string;
let editor: string;
let adminFr: string;
let editorFr: string;

interface Issue {
  path: string;
  code: string;
  params: Record<string, unknown>;
  message: string;
}
interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  // biome-ignore lint/suspicious/noExplicitAny: a list for validation errors, an object otherwise
  details: any;
}

async function send(
  method: 'get' | 'post' | 'put' | 'patch',
  url: string,
  opts: { auth?: string; body?: object; lang?: string } = {},
): Promise<ErrorAnswer> {
  let req = t.http()[method](`/api/v1${url}`);
  if (opts.auth) req = req.set('authorization', opts.auth);
  if (opts.lang !== undefined) req = req.set('accept-language', opts.lang);
  if (opts.body !== undefined) req = req.send(opts.body);
  const res = await req;
  expect(res.status).toBeGreaterThanOrEqual(400);
  return { status: res.status, ...res.body.error };
}

function issuesOf(a: ErrorAnswer): Issue[] {
  expect(a.details, `${a.code} ${a.message}`).toBeInstanceOf(Array);
  return (a.details ?? []) as Issue[];
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await t.login(w.users.admin.email, w.users.admin.password);
  editor = await t.login(w.users.editorA.email, w.users.editorA.password);
  // Their French twins: a signed-in caller's saved locale decides the language of the answers.
  const french = async (roles: Parameters<typeof makeUser>[1]) => {
    const u = await makeUser(t.db, roles);
    const token = await t.login(u.email, u.password);
    await t
      .http()
      .patch('/api/v1/me')
      .set('authorization', token)
      .send({ locale: 'fr' })
      .expect(200);
    return token;
  };
  adminFr = await french([{ role: 'admin' }]);
  editorFr = await french([
    { role: 'partner_editor', scopeType: 'organization', scopeId: w.orgA.id },
  ]);
});
afterAll(() => t.closeAll());

const figureUrl = () => `/measures/${w.countA.id}/observations/${WORLD_PERIOD}`;

describe('the language of a request', () => {
  it('reads Accept-Language with its q-values', () => {
    expect(acceptedLanguage('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(acceptedLanguage('en-CA,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(acceptedLanguage('en;q=0.5, fr')).toBe('fr');
    expect(acceptedLanguage('de, fr;q=0.3')).toBe('fr');
    expect(acceptedLanguage('fr;q=0, en;q=0.1')).toBe('en');
    expect(acceptedLanguage('FR')).toBe('fr');
    expect(acceptedLanguage('de')).toBeUndefined();
    expect(acceptedLanguage('*')).toBeUndefined();
    expect(acceptedLanguage('')).toBeUndefined();
    expect(acceptedLanguage('fr;q=abc, en;q=0.2')).toBe('en');
  });

  it('takes the user’s saved locale, then Accept-Language, then English', () => {
    expect(requestLanguage(undefined, 'fr')).toBe('fr');
    // The saved locale first, as the contract orders it; Accept-Language for everyone else.
    expect(requestLanguage('en', 'fr')).toBe('fr');
    expect(requestLanguage('fr', undefined)).toBe('fr');
    expect(requestLanguage('de', 'fr')).toBe('fr');
    expect(requestLanguage(undefined, undefined)).toBe('en');
  });

  it('has a French message for every code of the catalogue', () => {
    const missing = errorCatalogue.map((d) => d.code).filter((c) => !(c in ERROR_MESSAGES_FR));
    expect(missing).toEqual([]);
  });
});

describe('a bad body', () => {
  const body = { email: 'not-an-email', name: 'Someone', password: 'short', shoeSize: 44 };

  it('answers in English by default, with codes and params', async () => {
    const a = await send('post', '/users', { auth: admin, body });
    expect(a.status).toBe(400);
    expect(a.code).toBe('VALIDATION_ERROR');
    // The English message is the one clients and tests have always read.
    expect(a.message).toMatch(/^body\./);
    const issues = issuesOf(a);
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'body.email',
          code: 'invalid_format',
          params: { format: 'email' },
          message: 'Enter an email address.',
        },
        {
          path: 'body.password',
          code: 'too_short',
          params: { minimum: 12 },
          message: 'Enter at least 12 characters.',
        },
        {
          path: 'body.shoeSize',
          code: 'unknown_field',
          params: { field: 'shoeSize' },
          message: 'shoeSize is not a field here; remove it.',
        },
      ]),
    );
  });

  it('answers in French when Accept-Language prefers it, for a caller not signed in', async () => {
    const a = await send('post', '/auth/login', {
      body: { email: '', shoeSize: 44 },
      lang: 'fr-CA,fr;q=0.9,en;q=0.8',
    });
    expect(a.code).toBe('VALIDATION_ERROR');
    const issues = issuesOf(a);
    expect(issues.find((i) => i.path === 'body.password')).toMatchObject({
      code: 'required',
      message: 'Veuillez remplir ce champ.',
    });
    expect(issues.find((i) => i.code === 'unknown_field')?.message).toMatch(/shoeSize/);
    const first = issues[0];
    expect(a.message.startsWith(`${first?.path.split('.').slice(1).join('.')} : Veuillez`)).toBe(
      true,
    );
    expect(a.message).toMatch(/\(et 2 autres problèmes\)$/);
  });

  it('answers a signed-in caller in their saved language, English here', async () => {
    const a = await send('post', '/users', { auth: admin, body, lang: 'fr-CA,fr;q=0.5' });
    expect(issuesOf(a)[0]?.message).not.toMatch(/Veuillez/);
    expect(a.message).toMatch(/^body\./);
    const fr = await send('post', '/users', { auth: adminFr, body });
    expect(fr.message).toMatch(/Veuillez/);
    expect(issuesOf(fr).find((i) => i.path === 'body.password')).toMatchObject({
      code: 'too_short',
      params: { minimum: 12 },
      message: 'Veuillez saisir au moins 12 caractères.',
    });
    expect(issuesOf(fr).find((i) => i.code === 'invalid_format')?.message).toBe(
      'Veuillez saisir une adresse courriel.',
    );
  });

  it('says a field is missing', async () => {
    const a = await send('post', '/users', {
      auth: admin,
      body: { name: 'x', password: 'x'.repeat(14) },
    });
    expect(issuesOf(a)).toEqual([
      { path: 'body.email', code: 'required', params: {}, message: 'Fill in this field.' },
    ]);
  });

  it('says an option is not one of the list', async () => {
    const a = await send('post', '/organizations', {
      auth: adminFr,
      body: { code: `K-${randomUUID().slice(0, 6)}`, name: 'Agency', kind: 'spaceship' },
      lang: 'fr',
    });
    const [i] = issuesOf(a);
    expect(i?.path).toBe('body.kind');
    expect(i?.code).toBe('invalid_option');
    expect(i?.params.options).toEqual(expect.arrayContaining(['agency', 'funder']));
    expect(i?.message).toMatch(/^Veuillez choisir l’une des valeurs suivantes : /);
  });

  it('says a path id is not a uuid', async () => {
    const a = await send('get', '/measures/not-a-uuid', { auth: admin });
    expect(a.code).toBe('VALIDATION_ERROR');
    expect(issuesOf(a)).toEqual([
      {
        path: 'params.id',
        code: 'invalid_format',
        params: { format: 'uuid' },
        message: 'Enter an identifier (UUID).',
      },
    ]);
  });

  it('says a number is expected', async () => {
    const a = await send('put', figureUrl(), { auth: editor, body: { value: 'twelve' } });
    expect(issuesOf(a)[0]).toMatchObject({ path: 'body.value', code: 'not_a_number' });
  });

  it('says a list query parameter is out of range', async () => {
    const a = await send('get', '/users?limit=0', { auth: adminFr, lang: 'fr' });
    expect(issuesOf(a)[0]).toMatchObject({
      path: 'query.limit',
      code: 'too_small',
      params: { minimum: 1, inclusive: true },
      message: 'Veuillez saisir une valeur égale ou supérieure à 1.',
    });
  });
});

describe('the rules of a figure', () => {
  it('refuses a count that is not a whole number', async () => {
    const en = await send('put', figureUrl(), { auth: editor, body: { value: 2.5 } });
    expect(en.code).toBe('VALIDATION_ERROR');
    expect(en.message).toBe('value: a count must be a whole number of at least 0');
    expect(issuesOf(en)).toEqual([
      {
        path: 'body.value',
        code: 'not_integer',
        params: { minimum: 0 },
        message: 'Enter a whole number, 0 or more.',
      },
    ]);
    const fr = await send('put', figureUrl(), { auth: editorFr, body: { value: 2.5 }, lang: 'fr' });
    expect(fr.message).toBe('value : Veuillez saisir un nombre entier égal ou supérieur à 0.');
  });

  it('refuses a negative count', async () => {
    const a = await send('put', figureUrl(), { auth: editorFr, body: { value: -3 }, lang: 'fr' });
    expect(issuesOf(a)).toEqual([
      {
        path: 'body.value',
        code: 'too_small',
        params: { minimum: 0, inclusive: true },
        message: 'Veuillez saisir une valeur égale ou supérieure à 0.',
      },
    ]);
  });

  it('refuses a numerator above its denominator', async () => {
    const url = `/measures/${w.ratioA.id}/observations/${WORLD_PERIOD}`;
    const a = await send('put', url, { auth: editor, body: { numerator: 11, denominator: 10 } });
    expect(a.code).toBe('VALIDATION_ERROR');
    expect(a.message).toBe('numerator: may not be greater than the denominator');
    expect(issuesOf(a)).toEqual([
      {
        path: 'body.numerator',
        code: 'numerator_exceeds_denominator',
        params: { numerator: 11, denominator: 10 },
        message: 'The numerator may not be greater than the denominator.',
      },
    ]);
  });

  it('refuses a breakdown the measure does not have', async () => {
    const a = await send('put', figureUrl(), {
      auth: editor,
      body: { value: 1, breakdown: { region: 'north' } },
    });
    expect(issuesOf(a)[0]).toMatchObject({
      path: 'body.breakdown.region',
      code: 'unknown_dimension',
      params: { dimension: 'region', dimensions: [w.dimension.code] },
    });
  });

  it('refuses a part larger than its total (422, the code unchanged)', async () => {
    const a = await send('put', figureUrl(), {
      auth: editorFr,
      body: { value: 13, breakdown: { [w.dimension.code]: 'girls' } },
      lang: 'fr',
    });
    expect(a.status).toBe(422);
    expect(a.code).toBe('BREAKDOWN_EXCEEDS_TOTAL');
    const key = `${w.dimension.code}=girls`;
    expect(a.details?.breakdowns).toEqual([key]);
    // Not a validation error: its details stay an object, its problems under `issues`.
    expect(a.details?.issues).toEqual([
      {
        path: 'body.breakdown',
        code: 'part_exceeds_total',
        params: { breakdowns: [key] },
        message: `Une partie ne peut pas dépasser son total (${key}).`,
      },
    ]);
    expect(a.message).toBe(`Une partie ne peut pas dépasser son total (${key}).`);
  });

  it('puts an item’s issues under its index in a bulk save', async () => {
    const a = await send('put', `/organizations/${w.orgA.id}/observations`, {
      auth: editor,
      body: {
        items: [
          { measureId: w.countA.id, period: WORLD_PERIOD, value: 12 },
          { measureId: w.countA.id, period: 'FY2024-25-Q1', value: -1 },
        ],
      },
    });
    expect(a.code).toBe('VALIDATION_ERROR');
    expect(issuesOf(a)[0]).toMatchObject({
      path: 'body.items.1.value',
      code: 'too_small',
    });
  });
});

describe('other errors', () => {
  it('words the generic codes in French, and keeps the codes', async () => {
    const missing = await send('get', `/measures/${randomUUID()}`, { auth: adminFr, lang: 'fr' });
    expect(missing).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Mesure introuvable.',
    });
    const english = await send('get', `/measures/${randomUUID()}`, { auth: admin });
    expect(english).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Measure not found' });
    const anonymous = await send('get', '/users', { lang: 'fr' });
    expect(anonymous).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'Veuillez vous connecter.',
    });
    const forbidden = await send('get', '/users', { auth: editorFr, lang: 'fr' });
    expect(forbidden).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(forbidden.message).toBe('Vous n’avez pas l’autorisation d’effectuer cette action.');
    const json = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', adminFr)
      .set('accept-language', 'fr')
      .set('content-type', 'application/json')
      .send('{ not json');
    expect(json.body.error).toEqual({
      code: 'INVALID_JSON',
      message: 'Le corps de la demande n’est pas du JSON valide.',
    });
  });
});

describe('a signed-in French user', () => {
  it('reads errors in French, her saved language, whatever Accept-Language says', async () => {
    const email = `fr-${randomUUID().slice(0, 8)}@example.org`;
    const password = 'Un mot de passe assez long 2025';
    await t
      .http()
      .post('/api/v1/users')
      .set('authorization', admin)
      .send({ email, name: 'Francine', password })
      .expect(201);
    const francine = await t.login(email, password);
    await t
      .http()
      .patch('/api/v1/me')
      .set('authorization', francine)
      .send({ locale: 'fr' })
      .expect(200);
    const bad = await send('patch', '/me', { auth: francine, body: { locale: 'de' } });
    expect(bad.code).toBe('VALIDATION_ERROR');
    expect(bad.message).toMatch(/^locale : Veuillez choisir/);
    expect(issuesOf(bad)[0]).toMatchObject({
      path: 'body.locale',
      code: 'invalid_option',
      params: { options: ['en', 'fr'] },
    });
    const asked = await send('patch', '/me', {
      auth: francine,
      body: { locale: 'de' },
      lang: 'en',
    });
    expect(asked.message).toMatch(/^locale : Veuillez choisir/);
    const missing = await send('get', `/measures/${randomUUID()}`, { auth: francine });
    expect(missing.message).toBe('Mesure introuvable.');
  });
});
