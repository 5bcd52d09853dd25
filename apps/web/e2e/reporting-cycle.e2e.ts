// The reporting cycle, in Chromium: a coordinator's status board shows an agency that is
// overdue and one that has submitted; the overdue agency's editor lands on a home that says how
// overdue its quarter is, with one click into entry; the coordinator's bell counts the notice of
// the submission, which the notifications page lists and marks read.
// Black-box: the built API serves the built client on an empty database, set up over HTTP.

import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/messages.en';
import { periodName } from '../src/i18n/period-name';
import { type Api, apiAs, signInToApi } from './support/api-client';
import { type ApiServer, startApiServer } from './support/api-server';
import {
  launchBrowser,
  openSession,
  type Session,
  settled,
  signIn,
  switchLanguage,
} from './support/browser';
import { expectAccessible, fill, photograph, screenshotDir } from './support/page-checks';

const admin = { email: 'admin@example.org', password: 'e2e-first-Passphrase-2025!' };
const password = 'cycle-Password-2025';
const people = {
  late: { email: 'lee@riverside.example', name: 'Lee Late' },
  prompt: { email: 'pia@hillside.example', name: 'Pia Prompt' },
  coordinator: { email: 'cato@valley.example', name: 'Cato Coordinator' },
};
const late = { code: 'RYC', name: 'Riverside Youth Centre' };
const prompt = { code: 'HFC', name: 'Hillside Family Centre' };

let server: ApiServer;
let browser: Browser;
let period: string;
const opened: Session[] = [];

async function session(): Promise<Session> {
  const s = await openSession(browser);
  opened.push(s);
  return s;
}

async function setUp() {
  const { token } = await signInToApi(server.baseUrl, admin.email, admin.password);
  const api: Api = apiAs(server.baseUrl, token);
  const table = await api<{ id: string }>('POST', '/tables', {
    name: 'Valley Youth Table',
    population: 'Young people living in the valley',
  });
  const result = await api<{ id: string }>('POST', `/tables/${table.id}/results`, {
    title: 'Young people in the valley are well',
  });
  const coordinator = await api<{ id: string }>('POST', '/users', {
    ...people.coordinator,
    password,
  });
  await api('POST', `/users/${coordinator.id}/roles`, {
    role: 'table_coordinator',
    scopeType: 'table',
    scopeId: table.id,
  });
  const agencies: Record<'late' | 'prompt', string> = { late: '', prompt: '' };
  for (const [key, org] of [
    ['late', late],
    ['prompt', prompt],
  ] as const) {
    const agency = await api<{ id: string }>('POST', '/organizations', { ...org, kind: 'agency' });
    agencies[key] = agency.id;
    await api('POST', `/tables/${table.id}/partners`, { organizationId: agency.id });
    const program = await api<{ id: string }>('POST', `/organizations/${agency.id}/programs`, {
      name: 'Drop-in',
      resultIds: [result.id],
    });
    await api('POST', `/programs/${program.id}/measures`, {
      code: `${org.code}-SERVED`,
      name: '# of young people served',
      unit: 'count',
      category: 'how_much',
      direction: 'up',
      periodType: 'fiscal_quarter',
      headline: true,
    });
    const user = await api<{ id: string }>('POST', '/users', { ...people[key], password });
    await api('POST', `/users/${user.id}/roles`, {
      role: 'partner_editor',
      scopeType: 'organization',
      scopeId: agency.id,
    });
  }
  const sheet = await api<{ period: { label: string; start: string; end: string } }>(
    'GET',
    `/organizations/${agencies.late}/entry-sheet`,
  );
  period = sheet.period.label;
  // Due yesterday (UTC), open until the quarter ends: the late agency is one day overdue.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const [opens] = [sheet.period.start, yesterday].sort();
  await api('POST', '/reporting-periods', {
    period,
    opens,
    due: yesterday,
    closes: [sheet.period.end, yesterday].sort()[1],
  });
  // The prompt agency enters and submits: its coordinator is told.
  const { token: promptToken } = await signInToApi(server.baseUrl, people.prompt.email, password);
  const asPrompt = apiAs(server.baseUrl, promptToken);
  const measures = await asPrompt<{ programs: { measures: { id: string }[] }[] }>(
    'GET',
    `/organizations/${agencies.prompt}/entry-sheet`,
  );
  const measureId = measures.programs[0]?.measures[0]?.id as string;
  await asPrompt('PUT', `/measures/${measureId}/observations/${period}`, { value: 42 });
  await asPrompt('POST', `/organizations/${agencies.prompt}/periods/${period}/submit`);
}

beforeAll(async () => {
  server = await startApiServer({ adminEmail: admin.email, adminPassword: admin.password });
  await setUp();
  browser = await launchBrowser();
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  for (const s of opened) await s.context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('the reporting cycle, in Chromium', () => {
  it("shows the coordinator's status board with the overdue agency first", async () => {
    const { page } = await session();
    await signIn(page, server.baseUrl, people.coordinator.email, password);
    await page.getByRole('link', { name: en['status.nav'], exact: true }).click();
    await settled(page);
    const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
    await rows.first().waitFor();
    const first = (await rows.nth(0).textContent()) ?? '';
    expect(first).toContain(late.name);
    expect(first).toContain(en['status.overdue']);
    const second = (await rows.nth(1).textContent()) ?? '';
    expect(second).toContain(prompt.name);
    expect(second).not.toContain(en['status.overdue']);
    await page
      .getByText(fill('status.summary.many', { submitted: '1', total: '2', overdue: '1' }))
      .waitFor();
    await expectAccessible(page, 'the status board, in English');
    await photograph(page, 'status-board.png', 900);
    await switchLanguage(page, 'fr');
    await expectAccessible(page, 'the status board, in French');
    await switchLanguage(page, 'en');
  });

  it("counts the submission's notice on the coordinator's bell, lists it and marks it read", async () => {
    const { page } = opened[0] as Session;
    const bell = page.getByRole('link', { name: new RegExp(en['bell.label']) });
    await page.waitForFunction(
      (text) => document.querySelector('.bell')?.textContent?.includes(text),
      en['bell.unreadOne'],
    );
    await bell.click();
    await settled(page, en['notifications.title']);
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text).toContain(prompt.name);
    expect(text.includes(periodName(period)) || text.includes(period)).toBe(true);
    await expectAccessible(page, 'the notifications');
    await photograph(page, 'notifications.png', 700);
    await page.getByRole('button', { name: en['notifications.markAll'], exact: true }).click();
    await page.waitForFunction(() => !document.querySelector('.bell-count'));
  });

  it("lands the overdue agency's editor on a home that says so, one click from entry", async () => {
    const { page } = await session();
    await signIn(page, server.baseUrl, people.late.email, password);
    await settled(page, en['home.title']);
    const main = (await page.getByRole('main').textContent()) ?? '';
    expect(main).toContain(en['home.due.overdueOne']);
    expect(main).toContain(fill('home.figuresEntered', { entered: '0', expected: '1' }));
    await expectAccessible(page, "an editor's home");
    await photograph(page, 'partner-home.png', 700);
    await page
      .getByText(fill('home.enter', { period: periodName(period) }), { exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/data-entry');
    await settled(page, en['dataEntry.pageTitle']);
  });

  it('logged no console errors along the way', () => {
    expect(opened.flatMap((s) => s.errors)).toEqual([]);
  });
});
