// Correcting an approved quarter, in Chromium: the coordinator reopens it with a reason; the
// funder keeps the approved figure, marked under revision; the partner reads the reason,
// corrects the figure, reads its history and submits again; the coordinator sees what changed
// since the reopening, figure by figure, and approves; the funder then reads the correction.
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
const people = {
  partner: { email: 'pat@harbour.example', name: 'Pat Partner', password: 'partner-Password-2025' },
  coordinator: {
    email: 'cora@harbour.example',
    name: 'Cora Coordinator',
    password: 'coordinator-Password-2025',
  },
  funder: { email: 'fay@fund.example', name: 'Fay Funder', password: 'funder-Password-2025' },
};
const agencyName = 'Harbour Family Services';
const served = { code: 'HFS-SERVED', name: '# of families served' };
const approvedValue = 120;
const correctedValue = 112;
const reason =
  'The 120 families served counted eight families twice (seen at both sites). Please correct it.';

let server: ApiServer;
let browser: Browser;
let as: Record<'partner' | 'coordinator' | 'funder', Api>;
let agencyId: string;
let measureId: string;
let period: string;
const opened: Session[] = [];

async function session(): Promise<Session> {
  const s = await openSession(browser);
  opened.push(s);
  return s;
}

async function setUp() {
  const { token } = await signInToApi(server.baseUrl, admin.email, admin.password);
  const api = apiAs(server.baseUrl, token);
  const table = await api<{ id: string }>('POST', '/tables', {
    name: 'Harbour Families Table',
    population: 'Families with young children living in Harbour',
  });
  const agency = await api<{ id: string }>('POST', '/organizations', {
    code: 'HFS',
    name: agencyName,
    kind: 'agency',
  });
  agencyId = agency.id;
  await api('POST', `/tables/${table.id}/partners`, { organizationId: agency.id });
  const result = await api<{ id: string }>('POST', `/tables/${table.id}/results`, {
    title: 'Families in Harbour are thriving',
  });
  const program = await api<{ id: string }>('POST', `/organizations/${agency.id}/programs`, {
    name: 'Family support',
    resultIds: [result.id],
  });
  const measure = await api<{ id: string }>('POST', `/programs/${program.id}/measures`, {
    ...served,
    unit: 'count',
    category: 'how_much',
    direction: 'up',
    periodType: 'fiscal_quarter',
    headline: true,
  });
  measureId = measure.id;
  const grants = {
    partner: { role: 'partner_editor', scopeType: 'organization', scopeId: agency.id },
    coordinator: { role: 'table_coordinator', scopeType: 'table', scopeId: table.id },
    funder: { role: 'funder_viewer', scopeType: 'table', scopeId: table.id },
  } as const;
  const clients = {} as typeof as;
  for (const key of ['partner', 'coordinator', 'funder'] as const) {
    const person = people[key];
    const user = await api<{ id: string }>('POST', '/users', person);
    await api('POST', `/users/${user.id}/roles`, grants[key]);
    const signedIn = await signInToApi(server.baseUrl, person.email, person.password);
    clients[key] = apiAs(server.baseUrl, signedIn.token);
  }
  as = clients;
  const sheet = await as.partner<{ period: { label: string } }>(
    'GET',
    `/organizations/${agency.id}/entry-sheet`,
  );
  period = sheet.period.label;
  // The quarter as it was approved: entered, submitted, approved.
  await as.partner('PUT', `/measures/${measureId}/observations/${period}`, {
    value: approvedValue,
  });
  await as.partner('POST', `/organizations/${agency.id}/periods/${period}/submit`);
  await as.coordinator('POST', `/organizations/${agency.id}/periods/${period}/approve`);
}

interface Latest {
  period: string;
  value: number | null;
  underRevision?: boolean;
}
const funderLatest = async () =>
  (await as.funder<{ latest: Latest }>('GET', `/measures/${measureId}/series`)).latest;

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

const reviewUrl = () => `${server.baseUrl}/review/${agencyId}/${encodeURIComponent(period)}`;
const reviewTitle = () =>
  fill('review.detail.title', { organization: agencyName, period: periodName(period) });

let failedStep: string | null = null;
function step(name: string, run: () => Promise<void>) {
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

describe('correcting an approved quarter, in Chromium', () => {
  step('the coordinator reopens the approved quarter with a reason', async () => {
    const { page } = await session();
    await signIn(page, server.baseUrl, people.coordinator.email, people.coordinator.password);
    await page.goto(reviewUrl());
    await settled(page, reviewTitle());
    const reasonBox = page.getByRole('textbox', {
      name: fill('review.reopen.reasonLabel', { period: periodName(period) }),
    });
    // No reason, no reopening: the form says so and nothing changes.
    await page.getByRole('button', { name: en['review.reopen.submit'], exact: true }).click();
    await page.getByText(en['review.reopen.reasonRequired']).waitFor();
    expect((await funderLatest()).underRevision).toBeUndefined();
    await reasonBox.fill(reason);
    await expectAccessible(page, 'the reopen form, in English');
    await switchLanguage(page, 'fr');
    await expectAccessible(page, 'the reopen form, in French');
    await switchLanguage(page, 'en');
    await photograph(page, 'review-reopen.png', 1000);
    await page.getByRole('button', { name: en['review.reopen.submit'], exact: true }).click();
    await page
      .getByText(
        fill('review.reopen.done', { organization: agencyName, period: periodName(period) }),
      )
      .waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  step('the funder keeps the approved figure, marked under revision', async () => {
    expect(await funderLatest()).toMatchObject({
      period,
      value: approvedValue,
      underRevision: true,
    });
    const { page } = await session();
    await signIn(page, server.baseUrl, people.funder.email, people.funder.password);
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await settled(page, en['dashboard.title']);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(served.name) }) })
      .first();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`${approvedValue}${en['figures.revision.mark']}`);
    expect(text).toContain(en['figures.revision.spoken']);
    await page
      .getByText(fill('figures.revision.legend', { mark: en['figures.revision.mark'] }))
      .first()
      .waitFor();
    await expectAccessible(page, 'the funder dashboard with a figure under revision');
    await photograph(page, 'dashboard-under-revision.png', 900);
    await page.context().close();
  });

  step(
    'the partner reads the reason, corrects the figure, reads its history and submits again',
    async () => {
      const { page } = await session();
      await signIn(page, server.baseUrl, people.partner.email, people.partner.password);
      await page.goto(`${server.baseUrl}/data-entry`);
      await settled(page, en['dataEntry.pageTitle']);
      const banner = page.getByRole('region', {
        name: new RegExp(fill('dataEntry.reopened.title', { period: periodName(period) })),
      });
      expect(await banner.textContent()).toContain(reason);
      expect(await banner.textContent()).toContain(people.coordinator.name);
      await expectAccessible(page, 'a reopened quarter');

      const cell = page.getByRole('textbox', {
        name: fill('dataEntry.cell.label', { name: served.name, period: periodName(period) }),
      });
      expect(await cell.inputValue()).toBe(String(approvedValue));
      await cell.fill(String(correctedValue));
      await cell.press('Enter');
      await page.waitForFunction(
        () => document.querySelectorAll('.entry-status-saved').length === 1,
      );

      await page
        .getByRole('button', { name: fill('dataEntry.details.openNote', { name: served.name }) })
        .click();
      const panel = page.getByRole('dialog');
      await panel.getByRole('button', { name: en['dataEntry.history.title'] }).click();
      const history = panel.getByRole('table');
      await history.waitFor();
      await page.waitForFunction(
        (text) => document.querySelector('[role="dialog"] table')?.textContent?.includes(text),
        String(correctedValue),
      );
      const text = (await history.textContent()) ?? '';
      for (const expected of [
        en['history.action.approved'],
        en['history.action.reopened'],
        reason,
        String(approvedValue),
        String(correctedValue),
      ]) {
        expect(text, `the history mentions ${expected}`).toContain(expected);
      }
      await expectAccessible(page, "a figure's history in data entry");
      await photograph(page, 'figure-history.png', 1000);
      await panel.getByRole('button', { name: en['dataEntry.panel.close'], exact: true }).click();
      await panel.waitFor({ state: 'detached' });

      await page
        .getByRole('button', {
          name: fill('dataEntry.submit.again', { period: periodName(period) }),
        })
        .click();
      await page.getByRole('button', { name: en['dataEntry.submit.confirm'], exact: true }).click();
      const [lockedBefore = ''] = en['dataEntry.lock.submitted'].split('{date}');
      await page.getByText(lockedBefore, { exact: false }).waitFor({ timeout: 15_000 });
      // Submitted is not approved: the funder still reads the approved figure.
      expect(await funderLatest()).toMatchObject({ value: approvedValue, underRevision: true });
      await page.context().close();
    },
  );

  step('the coordinator sees what changed since the reopening and approves', async () => {
    const { page } = await session();
    await signIn(page, server.baseUrl, people.coordinator.email, people.coordinator.password);
    await page.goto(reviewUrl());
    await settled(page, reviewTitle());
    const changes = page.getByRole('region', { name: /Changed since it was reopened on/ });
    await changes.waitFor();
    const row = changes.getByRole('row').filter({ hasText: served.code });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.join(' | ')).toContain(String(approvedValue));
    expect(cells.join(' | ')).toContain(String(correctedValue));
    await expectAccessible(page, 'the changes since the reopening');
    await photograph(page, 'review-changes.png', 1200);
    await page.getByRole('button', { name: en['review.decision.approve'], exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/review');
    await page
      .getByText(
        fill('review.done.approved', { organization: agencyName, period: periodName(period) }),
      )
      .waitFor();
  });

  step('the funder reads the correction, no longer under revision', async () => {
    const latest = await funderLatest();
    expect(latest).toMatchObject({ period, value: correctedValue });
    expect(latest.underRevision).toBeUndefined();
  });

  it('logged no console errors along the way', () => {
    expect(opened.flatMap((s) => s.errors)).toEqual([]);
  });
});
