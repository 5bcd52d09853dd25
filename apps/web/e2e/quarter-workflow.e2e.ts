// One quarter from entry to the funder, in Chromium: a partner signs in and enters the quarter
// with the keyboard only and submits it; the coordinator returns it with a note; the partner
// fixes a figure and submits again; the coordinator approves; the funder sees the figure on the
// dashboard and downloads a CSV whose rows are the figures entered.
// Black-box: the built API serves the built client; the table, agency, program, measures and
// people are set up through the HTTP API as the administrator, on an empty database.

import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../src/i18n/messages.en';
import { periodName } from '../src/i18n/period-name';
import { type Api, apiAs, parseCsv, signInToApi } from './support/api-client';
import { type ApiServer, startApiServer } from './support/api-server';
import { seriousViolations } from './support/axe';
import {
  focused,
  launchBrowser,
  openSession,
  type Session,
  settled,
  signIn,
  signInWithKeyboard,
  switchLanguage,
  tabTo,
} from './support/browser';

const admin = { email: 'admin@example.org', password: 'e2e-first-Passphrase-2025!' };
const people = {
  partner: {
    email: 'pat@lakeside.example',
    name: 'Pat Partner',
    password: 'partner-Password-2025',
  },
  coordinator: {
    email: 'cora@lakeside.example',
    name: 'Cora Coordinator',
    password: 'coordinator-Password-2025',
  },
  funder: { email: 'fay@fund.example', name: 'Fay Funder', password: 'funder-Password-2025' },
};
const agencyName = 'Lakeside Youth Centre';
const tableName = 'Lakeside Youth Services Table';

/** The three measures the partner enters, and what goes in first and after the return. */
const served = { code: 'LYC-SERVED', name: '# of young people served' };
const sessions = { code: 'LYC-SESSIONS', name: '# of counselling sessions held' };
const better = { code: 'LYC-BETTER', name: '% who feel better after their visit' };
const firstEntry = { served: '120', sessions: '348', numerator: '45', denominator: '60' };
const corrected = { served: '112' };
const returnNote =
  'The number of young people served looks double-counted: 120 is more than the 96 referrals. Please check it.';

let server: ApiServer;
let browser: Browser;
let api: Api;
let period: string;
const sessions_: Session[] = [];
let coordinator: Session;

function fill(key: MessageKey, params: Record<string, string>, messages = en): string {
  return messages[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

async function expectAccessible(page: Page, label: string) {
  const violations = await seriousViolations(page);
  expect(violations, `axe: serious or critical violations on ${label}`).toEqual([]);
}

async function session(): Promise<Session> {
  const opened = await openSession(browser);
  sessions_.push(opened);
  return opened;
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: en['shell.signOut'], exact: true }).click();
  await page.waitForURL(/\/login$/);
}

async function setUp() {
  const { token } = await signInToApi(server.baseUrl, admin.email, admin.password);
  api = apiAs(server.baseUrl, token);
  const table = await api<{ id: string }>('POST', '/tables', {
    name: tableName,
    population: 'Young people aged 12 to 24 living in Lakeside',
  });
  const agency = await api<{ id: string }>('POST', '/organizations', {
    code: 'LYC',
    name: agencyName,
    kind: 'agency',
  });
  await api('POST', `/tables/${table.id}/partners`, { organizationId: agency.id });
  const result = await api<{ id: string }>('POST', `/tables/${table.id}/results`, {
    title: 'Young people in Lakeside are mentally healthy',
  });
  const program = await api<{ id: string }>('POST', `/organizations/${agency.id}/programs`, {
    name: 'Drop-in counselling',
    resultIds: [result.id],
  });
  const measure = (spec: { code: string; name: string }, extra: Record<string, unknown>) =>
    api('POST', `/programs/${program.id}/measures`, {
      ...spec,
      direction: 'up',
      periodType: 'fiscal_quarter',
      headline: true,
      ...extra,
    });
  await measure(served, { unit: 'count', category: 'how_much' });
  await measure(sessions, { unit: 'count', category: 'how_much' });
  await measure(better, { unit: 'percent', category: 'better_off' });

  const grants = {
    partner: { role: 'partner_editor', scopeType: 'organization', scopeId: agency.id },
    coordinator: { role: 'table_coordinator', scopeType: 'table', scopeId: table.id },
    funder: { role: 'funder_viewer', scopeType: 'table', scopeId: table.id },
  } as const;
  for (const key of ['partner', 'coordinator', 'funder'] as const) {
    const person = people[key];
    const user = await api<{ id: string }>('POST', '/users', {
      email: person.email,
      name: person.name,
      password: person.password,
    });
    await api('POST', `/users/${user.id}/roles`, grants[key]);
  }
  // The quarter the sheet opens on: the fiscal quarter containing today, as the API says.
  const sheet = await api<{ period: { label: string } }>(
    'GET',
    `/organizations/${agency.id}/entry-sheet`,
  );
  period = sheet.period.label;
}

beforeAll(async () => {
  server = await startApiServer({ adminEmail: admin.email, adminPassword: admin.password });
  await setUp();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const opened of sessions_) await opened.context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** From the shell, Tab to "Data entry" in the navigation and press Enter. */
async function openDataEntryWithKeyboard(page: Page) {
  await tabTo(page, en['nav.dataEntry']);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/data-entry');
  await settled(page, en['dataEntry.pageTitle']);
}

const reviewTitle = () =>
  fill('review.detail.title', { organization: agencyName, period: periodName(period) });

const cellName = (name: string) =>
  fill('dataEntry.cell.label', { name, period: periodName(period) });

/** Waits until every figure of the grid shows its "Saved" tick. */
async function allSaved(page: Page, count: number) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.entry-status-saved').length === n,
    count,
    { timeout: 15_000 },
  );
}

/** Tab to the submit button, Enter, then Enter again on the confirmation's "Submit". */
async function submitWithKeyboard(page: Page, button: string) {
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  const confirm = await focused(page);
  expect(confirm.name, 'the confirmation takes the focus').toBe(en['dataEntry.submit.confirm']);
  expect(
    await page.getByRole('alertdialog').textContent(),
    'the confirmation says the figures lock',
  ).toContain(en['dataEntry.submit.confirmBody']);
  await expectAccessible(page, 'the submit confirmation');
  await page.keyboard.press('Enter');
  // The grid locks, saying why: submitted on today's date.
  const [lockedBefore = ''] = en['dataEntry.lock.submitted'].split('{date}');
  await page.getByText(lockedBefore, { exact: false }).waitFor({ timeout: 15_000 });
  expect(await page.locator('.entry-period').textContent()).toContain(
    en['dataEntry.status.submitted'],
  );
}

/** Each step carries on from the one before: after a failure, the rest fail at once. */
let failedStep: string | null = null;
function step(name: string, run: () => Promise<void> | void) {
  it(name, async () => {
    if (failedStep) throw new Error(`not run: the step "${failedStep}" failed`);
    try {
      await run();
    } catch (error) {
      failedStep = name;
      throw error;
    }
  });
}

describe('a quarter from entry to the funder, in Chromium', () => {
  step(
    'the partner signs in, enters the quarter and submits it, with the keyboard only',
    async () => {
      const { page } = await session();
      await signInWithKeyboard(page, server.baseUrl, people.partner.email, people.partner.password);
      await settled(page, en['home.title']);
      await openDataEntryWithKeyboard(page);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        en['dataEntry.pageTitle'],
      );
      await page.getByText(agencyName, { exact: true }).waitFor();
      await expectAccessible(page, 'the data-entry grid, empty');

      // Tab into the grid: its first cell is the first measure of "How much did we do?".
      const first = await tabTo(page, new RegExp(`${periodName(period)}$`));
      expect(first.tag).toBe('input');
      expect(first.name).toBe(cellName(served.name));
      // Typing replaces; Enter commits and moves down to the next measure.
      await page.keyboard.type(firstEntry.served);
      await page.keyboard.press('Enter');
      expect((await focused(page)).name).toBe(cellName(sessions.name));
      await page.keyboard.type(firstEntry.sessions);
      await page.keyboard.press('Enter');
      // A percentage is a numerator and a denominator, the percentage shown as they are typed.
      expect((await focused(page)).name).toBe(
        fill('dataEntry.cell.numerator', { label: cellName(better.name) }),
      );
      await page.keyboard.type(firstEntry.numerator);
      await page.keyboard.press('Tab');
      expect((await focused(page)).name).toBe(
        fill('dataEntry.cell.denominator', { label: cellName(better.name) }),
      );
      await page.keyboard.type(firstEntry.denominator);
      expect(await page.getByTestId('typed-percent').textContent()).toMatch(/^= 75(\.0)?%$/);
      await page.keyboard.press('Enter');
      await allSaved(page, 3);

      await submitWithKeyboard(
        page,
        fill('dataEntry.submit.button', { period: periodName(period) }),
      );
      // The grid is locked, and the focus moved to the reason.
      const notice = await focused(page);
      expect(notice.name).toContain(en['dataEntry.lock.title']);
      expect(await page.locator('input.entry-input').count()).toBe(0);
      await expectAccessible(page, 'the submitted, locked quarter');
    },
  );

  step('the coordinator returns it with a note', async () => {
    coordinator = await session();
    const { page } = coordinator;
    await signIn(page, server.baseUrl, people.coordinator.email, people.coordinator.password);
    await page.getByRole('link', { name: en['review.nav'], exact: true }).click();
    await settled(page, en['review.title']);
    await expectAccessible(page, 'the review queue');
    const open = page.getByRole('link', {
      name: fill('review.open.reviewFor', {
        organization: agencyName,
        period: periodName(period),
      }),
      exact: true,
    });
    await open.click();
    await settled(page, reviewTitle());
    // The figures as entered, in the quarter's column.
    const current = await page.locator('td.review-current').allTextContents();
    expect(current).toContain(firstEntry.served);
    expect(current).toContain(firstEntry.sessions);
    expect(current.join(' ')).toContain(`(${firstEntry.numerator}/${firstEntry.denominator})`);
    await expectAccessible(page, 'a submission under review');

    await page
      .getByRole('textbox', {
        name: fill('review.decision.noteLabel', { organization: agencyName }),
      })
      .fill(returnNote);
    await page.getByRole('button', { name: en['review.decision.return'], exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/review');
    await page
      .getByText(
        fill('review.done.returned', { organization: agencyName, period: periodName(period) }),
      )
      .waitFor();
    await signOut(page);
  });

  step(
    'the partner reads the note, fixes the figure and submits again, with the keyboard',
    async () => {
      const { page } = await session();
      await signInWithKeyboard(page, server.baseUrl, people.partner.email, people.partner.password);
      await settled(page, en['home.title']);
      await openDataEntryWithKeyboard(page);
      const banner = page.getByRole('region', {
        name: new RegExp(fill('dataEntry.returned.title', { period: periodName(period) })),
      });
      expect(await banner.textContent()).toContain(returnNote);
      expect(await banner.textContent()).toContain(people.coordinator.name);
      await expectAccessible(page, 'a returned quarter, in English');
      await switchLanguage(page, 'fr', { keyboard: true });
      await expectAccessible(page, 'a returned quarter, in French');
      await switchLanguage(page, 'en', { keyboard: true });

      const cell = await tabTo(page, cellName(served.name));
      expect(cell.tag).toBe('input');
      expect(await page.getByRole('textbox', { name: cellName(served.name) }).inputValue()).toBe(
        firstEntry.served,
      );
      await page.keyboard.type(corrected.served);
      await page.keyboard.press('Enter');
      await allSaved(page, 1);
      await submitWithKeyboard(
        page,
        fill('dataEntry.submit.again', { period: periodName(period) }),
      );
    },
  );

  step('the coordinator approves it', async () => {
    const { page } = coordinator;
    await signIn(page, server.baseUrl, people.coordinator.email, people.coordinator.password);
    await page.getByRole('link', { name: en['review.nav'], exact: true }).click();
    await settled(page, en['review.title']);
    await page
      .getByRole('link', {
        name: fill('review.open.reviewFor', {
          organization: agencyName,
          period: periodName(period),
        }),
        exact: true,
      })
      .click();
    await settled(page, reviewTitle());
    const current = await page.locator('td.review-current').allTextContents();
    expect(current).toContain(corrected.served);
    await page.getByRole('button', { name: en['review.decision.approve'], exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/review');
    await page
      .getByText(
        fill('review.done.approved', { organization: agencyName, period: periodName(period) }),
      )
      .waitFor();
  });

  step('the funder sees the figure on the dashboard and downloads matching CSV rows', async () => {
    const { page } = await session();
    await signIn(page, server.baseUrl, people.funder.email, people.funder.password);
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await settled(page, en['dashboard.title']);
    const card = page.getByRole('region', { name: new RegExp(tableName) });
    const row = (name: string) =>
      card
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });
    const servedRow = await row(served.name).first().textContent();
    expect(servedRow).toContain(periodName(period));
    expect(servedRow).toContain(corrected.served);
    expect(await row(sessions.name).first().textContent()).toContain(firstEntry.sessions);
    expect(await row(better.name).first().textContent()).toContain(
      `(${firstEntry.numerator}/${firstEntry.denominator})`,
    );
    await expectAccessible(page, 'the funder dashboard, in English');
    await switchLanguage(page, 'fr');
    await expectAccessible(page, 'the funder dashboard, in French');
    await switchLanguage(page, 'en');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: en['figures.export.long'], exact: true }).click(),
    ]);
    const csv = parseCsv(await readFile(await download.path(), 'utf8'));
    const rows = csv.map((r) => ({
      measure: r.measure_code,
      organization: r.organization_code,
      period: r.period,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      status: r.status,
      suppressed: r.suppressed,
    }));
    const expected = [
      { measure: served.code, value: corrected.served, numerator: '', denominator: '' },
      { measure: sessions.code, value: firstEntry.sessions, numerator: '', denominator: '' },
      {
        measure: better.code,
        value: '75',
        numerator: firstEntry.numerator,
        denominator: firstEntry.denominator,
      },
    ].map((r) => ({
      ...r,
      organization: 'LYC',
      period,
      status: 'approved',
      suppressed: 'false',
    }));
    const byMeasure = (a: { measure?: string }, b: { measure?: string }) =>
      String(a.measure).localeCompare(String(b.measure));
    expect(rows.sort(byMeasure)).toEqual(expected.sort(byMeasure));
    expect(
      await page.getByRole('status').filter({ hasText: download.suggestedFilename() }).count(),
    ).toBeGreaterThan(0);
  });

  it('logged no console errors along the way', () => {
    expect(sessions_.flatMap((s) => s.errors)).toEqual([]);
  });
});
