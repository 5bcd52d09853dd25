// A phone that works (issue #19), in Chromium at 390×844 with touch, on the demo collaborative:
// an agency's editor enters a figure on a phone, one card per measure with this quarter's input
// first, and reads the agency's scorecard; a coordinator reads the collective scorecard, the
// review queue and a submission, and saves a turn-the-curve plan; a funder reads the dashboard.
// On every page the page never scrolls sideways, wide tables scroll in their own named box with
// the first column fixed, the controls that matter are on the screen and big enough to tap, and
// axe-core finds no serious violation. The same pages are checked again at 1280 px (nothing
// regressed) and at 200 % zoom. Screenshots: docs/screenshots/phone-*.png.
// Black-box: the built API seeds the demo (DEMO=true) into an empty database and serves the
// built client.

import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/messages.en';
import { periodName } from '../src/i18n/period-name';
import { type Api, apiAs, signInToApi } from './support/api-client';
import { type ApiServer, startApiServer } from './support/api-server';
import { launchBrowser, type Session, settled, signIn, switchLanguage } from './support/browser';
import { expectAccessible, fill, screenshotDir } from './support/page-checks';
import {
  checkTableScrolls,
  expectNoSidewaysScroll,
  expectTarget,
  expectWithinScreen,
  expectWordsWhole,
  openPhoneSession,
  pageWidth,
  phone,
  photographPhone,
} from './support/phone';

const admin = { email: 'admin@example.org', password: 'e2e-first-Passphrase-2025!' };
const demoPassword = 'northshire-demo';
const accounts = {
  editor: 'editor.ncmhc@northshire.example',
  coordinator: 'coordinator@northshire.example',
  funder: 'funder@northshire.example',
  admin: 'admin@northshire.example',
} as const;
type Account = keyof typeof accounts;

interface EntryMeasureFacts {
  id: string;
  name: string;
  entry: 'value' | 'ratio';
  cells: { period: string; breakdown: Record<string, string>; value: number | null }[];
}
interface Demo {
  tableId: string;
  tableName: string;
  organizations: Map<string, { id: string; name: string }>;
  /** The indicator whose plan the coordinator edits. */
  plan: { id: string; name: string };
  quarter: string;
  /** The editor's agency, its quarter reopened for correction so the editor can enter. */
  agency: { id: string; name: string };
  /** The measure the editor enters on the phone (entered as one value). */
  served: EntryMeasureFacts;
}

let server: ApiServer;
let browser: Browser;
let demo: Demo;
const sessions: Session[] = [];
const pages = new Map<string, Page>();
const checked: string[] = [];
const reopenReason =
  'Please recount the children served: two sites counted the same children this quarter.';

async function findDemo(): Promise<Demo> {
  const { token } = await signInToApi(server.baseUrl, accounts.admin, demoPassword);
  const api = apiAs(server.baseUrl, token);
  const tables = await api<{ items: { id: string; name: string }[] }>('GET', '/tables');
  const table = tables.items[0];
  if (!table) throw new Error('the demo has no planning table');
  const orgs = await api<{ items: { id: string; code: string; name: string }[] }>(
    'GET',
    '/organizations?limit=100',
  );
  const organizations = new Map(orgs.items.map((o) => [o.code, { id: o.id, name: o.name }]));
  type Series = { measureId: string; code: string; name: string };
  const scorecard = await api<{ results: { indicators: Series[] }[] }>(
    'GET',
    `/tables/${table.id}/scorecard`,
  );
  const indicator = scorecard.results
    .flatMap((r) => r.indicators)
    .find((s) => s.code === 'YOUTH-MH-FAIR-POOR');
  if (!indicator) throw new Error('no demo indicator YOUTH-MH-FAIR-POOR');
  const agency = organizations.get('NCMHC');
  if (!agency) throw new Error('no demo agency NCMHC');

  // The editor's agency had its quarter approved: a coordinator reopens it for correction.
  const editor = await signInToApi(server.baseUrl, accounts.editor, demoPassword);
  const asEditor: Api = apiAs(server.baseUrl, editor.token);
  const before = await asEditor<{
    period: { label: string };
    programs: { measures: EntryMeasureFacts[] }[];
  }>('GET', `/organizations/${agency.id}/entry-sheet`);
  const quarter = before.period.label;
  const coordinator = await signInToApi(server.baseUrl, accounts.coordinator, demoPassword);
  await apiAs(server.baseUrl, coordinator.token)(
    'POST',
    `/organizations/${agency.id}/periods/${quarter}/reopen`,
    { reason: reopenReason },
  );
  const served = before.programs.flatMap((p) => p.measures).find((m) => m.entry === 'value');
  if (!served) throw new Error(`${agency.name} has no measure entered as one value`);
  return {
    tableId: table.id,
    tableName: table.name,
    organizations,
    plan: { id: indicator.measureId, name: indicator.name },
    quarter,
    agency,
    served,
  };
}

const org = (code: string) => {
  const found = demo.organizations.get(code);
  if (!found) throw new Error(`no demo organization ${code}`);
  return found;
};

/** One signed-in phone (or other screen) per account and size, kept for the file's tests. */
async function pageOf(
  account: Account,
  size: { width: number; height: number; touch?: boolean } = phone,
): Promise<Page> {
  const key = `${account}@${size.width}x${size.height}`;
  const open = pages.get(key);
  if (open) return open;
  const session = await openPhoneSession(browser, size);
  sessions.push(session);
  await signIn(session.page, server.baseUrl, accounts[account], demoPassword);
  pages.set(key, session.page);
  return session.page;
}

async function open(page: Page, path: string, heading: string, ready?: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await settled(page, heading);
  if (ready) await page.locator(ready).first().waitFor({ state: 'visible' });
  await settled(page);
}

/** The checks every page passes on a phone, in English and then in French. */
async function checkPage(page: Page, what: string) {
  await expectNoSidewaysScroll(page, `${what} (en)`);
  await checkTableScrolls(page, `${what} (en)`);
  await expectAccessible(page, `${what} (en)`);
  checked.push(`${what} (en)`);
  await switchLanguage(page, 'fr');
  await expectNoSidewaysScroll(page, `${what} (fr)`);
  await checkTableScrolls(page, `${what} (fr)`);
  await expectAccessible(page, `${what} (fr)`);
  checked.push(`${what} (fr)`);
  await switchLanguage(page, 'en');
}

const measured: string[] = [];
async function recordWidth(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await pageWidth(page);
  measured.push(`${what}: ${scrollWidth} px in ${innerWidth} px`);
}

beforeAll(async () => {
  server = await startApiServer({
    adminEmail: admin.email,
    adminPassword: admin.password,
    demo: true,
  });
  demo = await findDemo();
  browser = await launchBrowser();
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  for (const session of sessions) await session.context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  console.log(`page widths:\n  ${measured.join('\n  ')}`);
  console.log(`axe checked ${checked.length} page states:\n  ${checked.join('\n  ')}`);
});

const dataEntryTitle = en['dataEntry.pageTitle'];
const cellName = (name: string) =>
  fill('dataEntry.cell.value', {
    label: fill('dataEntry.cell.label', { name, period: periodName(demo.quarter) }),
  });

describe('on a phone (390×844, touch)', () => {
  it('an editor enters a figure: one card per measure, this quarter first, nothing sideways', async () => {
    const page = await pageOf('editor');
    await open(page, '/data-entry', dataEntryTitle, 'input.entry-input');
    await recordWidth(page, 'data entry');
    await expectNoSidewaysScroll(page, 'data entry');
    // The coordinator's reason is at the top.
    await page.getByText(reopenReason).waitFor();

    // Each measure is a card: its name whole, this quarter's figure on the screen beneath it,
    // the quarters before smaller, beneath that.
    const cards = page.locator('tr.entry-row');
    expect(await cards.count()).toBeGreaterThan(1);
    await expectWordsWhole(page.locator('.entry-measure-name'), 'the measures’ names');
    for (let i = 0; i < (await cards.count()); i++) {
      const card = cards.nth(i);
      const name = (await card.locator('.entry-measure-name').textContent()) ?? `card ${i}`;
      await expectWithinScreen(page, card, `the card of ${name}`);
      const inputs = card.locator('input.entry-input');
      for (let j = 0; j < (await inputs.count()); j++) {
        await expectTarget(page, inputs.nth(j), `an input of ${name}`);
      }
      await expectTarget(page, card.locator('button.entry-details'), `the details of ${name}`);
      const layout = await card.evaluate((row) => {
        const box = (selector: string) => row.querySelector(selector)?.getBoundingClientRect();
        const size = (selector: string) => {
          const el = row.querySelector(selector);
          return el ? Number.parseFloat(getComputedStyle(el).fontSize) : 0;
        };
        return {
          name: box('.entry-measure')?.bottom ?? 0,
          current: box('.entry-current')?.top ?? 0,
          currentBottom: box('.entry-current')?.bottom ?? 0,
          previous: box('.entry-previous')?.top ?? 0,
          currentSize: size('.entry-input') || size('.entry-current'),
          previousSize: size('.entry-previous'),
        };
      });
      expect(layout.current, `${name}: this quarter under the name`).toBeGreaterThanOrEqual(
        layout.name - 1,
      );
      expect(layout.previous, `${name}: earlier quarters under this one`).toBeGreaterThanOrEqual(
        layout.currentBottom - 1,
      );
      expect(layout.previousSize, `${name}: earlier quarters smaller`).toBeLessThan(
        layout.currentSize,
      );
    }

    // Tap the figure, type, tap away: it saves, with its tick.
    const served = demo.served;
    const input = page.getByRole('textbox', { name: cellName(served.name), exact: true });
    await expectTarget(page, input, `the input of ${served.name}`);
    await input.tap();
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    const figure = '355';
    await page.keyboard.type(figure);
    await page.locator('.entry-organization').tap();
    const card = page.locator('tr.entry-row', { has: input });
    await card.locator('.entry-status-saved').waitFor({ timeout: 15_000 });
    expect(await input.inputValue()).toBe(figure);
    const { token } = await signInToApi(server.baseUrl, accounts.editor, demoPassword);
    const sheet = await apiAs(server.baseUrl, token)<{
      programs: { measures: EntryMeasureFacts[] }[];
    }>('GET', `/organizations/${demo.agency.id}/entry-sheet`);
    const stored = sheet.programs
      .flatMap((p) => p.measures)
      .find((m) => m.id === served.id)
      ?.cells.find((c) => c.period === demo.quarter && Object.keys(c.breakdown).length === 0);
    expect(stored?.value).toBe(Number(figure));

    // The submit button is on the screen.
    await expectTarget(
      page,
      page.getByRole('button', {
        name: fill('dataEntry.submit.again', { period: periodName(demo.quarter) }),
      }),
      'the submit button',
    );
    await photographPhone(page, 'phone-data-entry.png', 1900);
    await checkPage(page, 'editor: data entry');

    // The breakdowns and note open as a panel the width of the screen.
    await card.locator('button.entry-details').tap();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectNoSidewaysScroll(page, 'the details panel');
    await expectWithinScreen(page, dialog, 'the details panel');
    await expectAccessible(page, 'editor: the details panel');
    checked.push('editor: the details panel (en)');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('an editor reads the agency’s scorecard', async () => {
    const page = await pageOf('editor');
    await open(
      page,
      `/scorecards/organizations/${demo.agency.id}`,
      demo.agency.name,
      'svg.sparkline',
    );
    await recordWidth(page, 'partner scorecard');
    const boxes = await checkTableScrolls(page, 'the partner scorecard');
    expect(
      boxes.some((b) => b.scrolls),
      'the scorecard scrolls in its own box',
    ).toBe(true);
    await expectWithinScreen(page, page.locator('.scorecard-filters'), 'the filters');
    await photographPhone(page, 'phone-scorecard-partner.png', 1400);
    await checkPage(page, 'editor: the partner scorecard');
  });

  it('a coordinator reads the collective scorecard and filters it by partner', async () => {
    const page = await pageOf('coordinator');
    await open(page, `/scorecards/tables/${demo.tableId}`, demo.tableName, 'svg.sparkline');
    await recordWidth(page, 'collective scorecard');
    const partner = page.getByLabel(en['scorecards.filter.partner'], { exact: true });
    await expectTarget(page, partner, 'the partner filter');
    await expectTarget(
      page,
      page.getByLabel(en['scorecards.filter.period'], { exact: true }),
      'the period picker',
    );
    const boxes = await checkTableScrolls(page, 'the collective scorecard');
    expect(boxes.filter((b) => b.scrolls).length).toBeGreaterThan(1);
    await photographPhone(page, 'phone-scorecard-collective.png', 1600);
    await checkPage(page, 'coordinator: the collective scorecard');

    // The longest partner's name: the filter still fits, and filters.
    const ngh = org('NGH');
    await partner.selectOption(ngh.id);
    await page.waitForURL((url) => url.searchParams.get('partner') === ngh.id);
    await settled(page);
    await expectNoSidewaysScroll(page, 'the scorecard filtered by partner');
    await expectWithinScreen(page, partner, 'the partner filter, a long name chosen');
    await partner.selectOption('');
    await page.waitForURL((url) => !url.searchParams.has('partner'));
  });

  it('a coordinator opens the review queue and a submission', async () => {
    const page = await pageOf('coordinator');
    await open(page, '/review', en['review.title'], 'table.review-queue');
    await recordWidth(page, 'review queue');
    const ywh = org('YWH');
    const review = page.getByRole('link', {
      name: fill('review.open.reviewFor', {
        organization: ywh.name,
        period: periodName(demo.quarter),
      }),
      exact: true,
    });
    await expectTarget(page, review, 'the review link');
    await expectWordsWhole(page.locator('.review-queue tbody th'), 'the partners’ names');
    await photographPhone(page, 'phone-review-queue.png', 1300);
    await checkPage(page, 'coordinator: the review queue');

    await review.tap();
    const title = fill('review.detail.title', {
      organization: ywh.name,
      period: periodName(demo.quarter),
    });
    await settled(page, title);
    await page.locator('table.review-changes').first().waitFor();
    await recordWidth(page, 'review submission');
    await expectTarget(
      page,
      page.getByRole('button', { name: en['review.decision.approve'], exact: true }),
      'the approve button',
    );
    await expectTarget(
      page,
      page.getByRole('button', { name: en['review.decision.return'], exact: true }),
      'the return button',
    );
    await expectWithinScreen(
      page,
      page.getByRole('textbox', {
        name: fill('review.decision.noteLabel', { organization: ywh.name }),
      }),
      'the note to the agency',
    );
    await photographPhone(page, 'phone-review-submission.png', 2400);
    await checkPage(page, 'coordinator: a submission under review');
  });

  it('a coordinator edits and saves a turn-the-curve plan', async () => {
    const page = await pageOf('coordinator');
    await open(page, `/plans/${demo.plan.id}`, demo.plan.name, 'figure.curve-chart svg');
    await recordWidth(page, 'plan editor');
    await expectWithinScreen(page, page.locator('figure.curve-chart svg').first(), 'the curve');
    await expectTarget(
      page,
      page.getByRole('button', { name: en['plans.actions.add'], exact: true }),
      'add an action',
    );
    await photographPhone(page, 'phone-plan-editor.png', 1800);
    await checkPage(page, 'coordinator: the plan editor');

    // Typing shows the save bar, on the screen and fixed at its bottom; saving empties it.
    const narrative = page.getByLabel(en['plans.story.narrative'], { exact: true }).first();
    await expectWithinScreen(page, narrative, 'the story’s narrative');
    await narrative.tap();
    await page.keyboard.press('End');
    await page.keyboard.type(' Checked on a phone.');
    const save = page.getByRole('button', { name: en['plans.save.submit'], exact: true });
    await expectTarget(page, save, 'save the plan');
    const box = await save.boundingBox();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(phone.height);
    await expectNoSidewaysScroll(page, 'the plan editor with unsaved changes');
    await save.tap();
    await page
      .locator('.plan-notice', {
        hasText: new RegExp(`^${en['plans.notice.saved'].replace('{revision}', '\\d+')}$`),
      })
      .waitFor({ timeout: 15_000 });
    expect(await save.isDisabled(), 'nothing left to save').toBe(true);
  });

  it('a funder reads the dashboard', async () => {
    const page = await pageOf('funder');
    await open(page, '/dashboard', en['dashboard.title'], 'svg.sparkline');
    await recordWidth(page, 'funder dashboard');
    for (const key of ['figures.export.long', 'figures.export.wide'] as const) {
      await expectTarget(
        page,
        page.getByRole('button', { name: en[key], exact: true }).first(),
        `the download ${en[key]}`,
      );
    }
    const boxes = await checkTableScrolls(page, 'the dashboard');
    expect(boxes.some((b) => b.scrolls)).toBe(true);
    await photographPhone(page, 'phone-dashboard.png', 1600);
    await checkPage(page, 'funder: the dashboard');
  });

  it('someone entering for several agencies picks one in the header, the picker within the screen', async () => {
    const page = await pageOf('admin');
    await open(page, `/data-entry?organization=${org('NGH').id}`, dataEntryTitle, 'tr.entry-row');
    const picker = page.getByLabel(en['dataEntry.organization'], { exact: true });
    await expectTarget(page, picker, 'the agency picker');
    await expectNoSidewaysScroll(page, 'data entry with the agency picker');
    await picker.selectOption(org('YWH').id);
    await page.waitForURL((url) => url.searchParams.get('organization') === org('YWH').id);
    await page.locator('.entry-organization', { hasText: org('YWH').name }).waitFor();
    await expectNoSidewaysScroll(page, 'data entry, another agency');
    await expectWithinScreen(page, picker, 'the agency picker, another agency chosen');
  });
});

/** The phone's pages, on a desktop screen: 1280 px wide, and zoomed to 200 %. */
const desktopVisits: {
  account: Account;
  name: string;
  path: () => string;
  heading: () => string;
  ready?: string;
}[] = [
  {
    account: 'editor',
    name: 'data entry',
    path: () => '/data-entry',
    heading: () => dataEntryTitle,
    ready: 'input.entry-input',
  },
  {
    account: 'editor',
    name: 'the partner scorecard',
    path: () => `/scorecards/organizations/${demo.agency.id}`,
    heading: () => demo.agency.name,
    ready: 'svg.sparkline',
  },
  {
    account: 'coordinator',
    name: 'the collective scorecard',
    path: () => `/scorecards/tables/${demo.tableId}`,
    heading: () => demo.tableName,
    ready: 'svg.sparkline',
  },
  {
    account: 'coordinator',
    name: 'the review queue',
    path: () => '/review',
    heading: () => en['review.title'],
    ready: 'table.review-queue',
  },
  {
    account: 'coordinator',
    name: 'a submission under review',
    path: () => `/review/${org('YWH').id}/${demo.quarter}`,
    heading: () =>
      fill('review.detail.title', {
        organization: org('YWH').name,
        period: periodName(demo.quarter),
      }),
    ready: 'table.review-changes',
  },
  {
    account: 'coordinator',
    name: 'the plan editor',
    path: () => `/plans/${demo.plan.id}`,
    heading: () => demo.plan.name,
    ready: 'figure.curve-chart svg',
  },
  {
    account: 'funder',
    name: 'the dashboard',
    path: () => '/dashboard',
    heading: () => en['dashboard.title'],
    ready: 'svg.sparkline',
  },
];

describe('the same pages on a desktop screen', () => {
  for (const visit of desktopVisits) {
    it(`${visit.account}: ${visit.name} at 1280 px: no serious axe violation, every table whole`, async () => {
      const page = await pageOf(visit.account, { width: 1280, height: 800, touch: false });
      await open(page, visit.path(), visit.heading(), visit.ready);
      await expectNoSidewaysScroll(page, `${visit.name} at 1280 px`);
      const boxes = await checkTableScrolls(page, `${visit.name} at 1280 px`);
      expect(
        boxes.filter((b) => b.scrolls).map((b) => b.name),
        `${visit.name} at 1280 px: tables that do not fit`,
      ).toEqual([]);
      await expectAccessible(page, `${visit.account}: ${visit.name} at 1280 px`);
      checked.push(`${visit.account}: ${visit.name} at 1280 px`);
    });
  }

  it('at 200 % zoom (1280×800 seen as 640×400) no page scrolls sideways', async () => {
    const zoomed = { width: 640, height: 400, touch: false };
    for (const visit of desktopVisits) {
      const page = await pageOf(visit.account, zoomed);
      await open(page, visit.path(), visit.heading(), visit.ready);
      await expectNoSidewaysScroll(page, `${visit.name} at 200 %`);
      await checkTableScrolls(page, `${visit.name} at 200 %`);
    }
  });

  it('logged no console errors', () => {
    expect(sessions.flatMap((s) => s.errors)).toEqual([]);
  });
});
