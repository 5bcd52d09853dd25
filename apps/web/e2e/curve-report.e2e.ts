// The printable turn-the-curve report in Chromium: a measure with eight years of figures, targets,
// a baseline and a full plan is set up through the HTTP API, then the report is opened, checked
// for its chart and five sections, run through axe in both languages, and printed to PDF.
// Black-box: the built API serves the built client; nothing here reaches into either.

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, type Messages } from '../src/i18n/messages.en';
import { fr } from '../src/i18n/messages.fr';
import { type ApiServer, startApiServer, webDir } from './support/api-server';
import { seriousViolations } from './support/axe';
import { chromiumPath } from './support/browser';

const screenshotDir = path.resolve(webDir, '../../docs/screenshots');
const admin = { email: 'admin@example.org', password: 'e2e-first-Passphrase-2025!' };

/**
 * Statistics Canada, table 13-10-0096 (Health characteristics, annual estimates), as kept in
 * shared/data/statcan_13100096_health_indicators_by_age_sex_province_2015-2022.csv: Canada
 * (excluding territories), both sexes, 12 to 17 years, "Perceived mental health, fair or poor",
 * percent.
 */
const youthFairOrPoorMentalHealth: readonly [string, number][] = [
  ['2015', 4.1],
  ['2016', 4.4],
  ['2017', 5.8],
  ['2018', 6.7],
  ['2019', 6.0],
  ['2020', 8.3],
  ['2021', 11.9],
  ['2022', 14.7],
];

const measureName = 'Youth 12 to 17 reporting fair or poor mental health';
const sectionTitles = (messages: Messages) => [
  messages['report.curve.title'],
  messages['report.story.title'],
  messages['report.partners.title'],
  messages['report.whatWorks.title'],
  messages['report.actions.title'],
];

let server: ApiServer;
let profileDir: string;
let pdfDir: string;
let context: BrowserContext;
let page: Page;
let token: string;
let measureId: string;

const consoleErrors: string[] = [];

async function api<T>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(response.ok, `${method} ${route} → ${response.status}: ${text}`).toBe(true);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A planning table, a result, an indicator with figures, targets and a baseline, and a plan. */
async function setUpMeasure(): Promise<string> {
  const table = await api<{ id: string }>('POST', '/tables', {
    name: 'Youth Wellbeing Table',
    population: 'Young people aged 12 to 17',
  });
  const agency = await api<{ id: string }>('POST', '/organizations', {
    code: 'YWC',
    name: 'Youth Wellness Centre',
    kind: 'agency',
  });
  await api('POST', `/tables/${table.id}/partners`, { organizationId: agency.id });
  const result = await api<{ id: string }>('POST', `/tables/${table.id}/results`, {
    title: 'Young people are mentally healthy',
  });
  const indicator = await api<{ id: string }>('POST', `/results/${result.id}/indicators`, {
    code: 'YOUTH-MH-FP',
    name: measureName,
    unit: 'percent',
    aggregation: 'mean',
    direction: 'down',
    periodType: 'year',
  });
  for (const [year, value] of youthFairOrPoorMentalHealth) {
    await api('PUT', `/measures/${indicator.id}/observations/${year}`, { value });
  }
  for (const [year, value] of [
    ['2021', 9],
    ['2022', 8.5],
    ['2023', 8],
    ['2024', 7.5],
  ] as const) {
    await api('PUT', `/measures/${indicator.id}/targets/${year}`, { value });
  }
  await api('PATCH', `/measures/${indicator.id}`, { baselinePeriod: '2019' });

  await api('PUT', `/measures/${indicator.id}/curve-plan`, {
    revision: 0,
    story: {
      forcesUp: [
        {
          text: 'Isolation and disrupted schooling during the pandemic',
          evidence: 'School board climate survey, 2021',
        },
        { text: 'Long waits for a first counselling appointment', evidence: null },
      ],
      forcesDown: [
        { text: 'Peer support groups in three high schools', evidence: 'Program records' },
      ],
      narrative:
        'The share of young people reporting fair or poor mental health more than doubled after 2019.\n\nPartners agree that access, not awareness, is now the main barrier.',
    },
    partners: [
      { organizationId: agency.id, role: 'Runs the walk-in clinic and peer groups' },
      { name: 'Public library', role: 'Hosts after-school drop-in space' },
    ],
    whatWorks: [
      {
        idea: 'Single-session walk-in counselling',
        source: 'Evaluation of Ontario walk-in clinics',
        cost: 'low_cost',
        chosen: true,
      },
      { idea: 'Peer mentoring in schools', source: null, cost: 'no_cost', chosen: true },
      { idea: 'A new youth hub', source: 'Table discussion', cost: 'other', chosen: false },
    ],
    actions: [
      {
        title: 'Extend walk-in hours to two evenings a week',
        ownerOrganizationId: agency.id,
        ownerName: 'Sam Lee',
        dueDate: '2024-06-30',
        status: 'in_progress',
      },
      {
        title: 'Train library staff in mental health first aid',
        ownerName: 'Ana Roy',
        dueDate: '2030-01-15',
        status: 'planned',
      },
    ],
    dataDevelopmentAgenda: [
      { name: 'Wait time to a first appointment', description: 'From the clinics’ bookings' },
      { name: 'Young people’s sense of belonging', description: null },
    ],
  });
  return indicator.id;
}

/**
 * Pages in a PDF as Chromium writes it (uncompressed object dictionaries): the "/Type /Page"
 * objects, checked against the page tree's "/Count". Not a PDF parser; enough for Chromium's.
 */
function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  const objects = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const count = Number(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(text)?.[1] ?? Number.NaN);
  expect(objects, 'page objects against the page tree count').toBe(count);
  return objects;
}

async function expectAccessible(label: string) {
  const violations = await seriousViolations(page);
  expect(violations, `axe: serious or critical violations on ${label}`).toEqual([]);
}

async function expectReportIn(messages: Messages) {
  await page
    .getByRole('heading', { level: 1, name: measureName, exact: true })
    .waitFor({ state: 'visible', timeout: 15_000 });
  for (const title of sectionTitles(messages)) {
    const heading = page.getByRole('heading', { level: 2, name: title, exact: true });
    expect(await heading.isVisible(), `section heading "${title}"`).toBe(true);
  }
}

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  }
  server = await startApiServer({ adminEmail: admin.email, adminPassword: admin.password });
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  token = ((await login.json()) as { token: string }).token;
  measureId = await setUpMeasure();

  profileDir = await mkdtemp(path.join(tmpdir(), 'rba-e2e-chromium-'));
  pdfDir = await mkdtemp(path.join(tmpdir(), 'rba-e2e-pdf-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'en-CA',
    viewport: { width: 1100, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
  if (pdfDir) await rm(pdfDir, { recursive: true, force: true });
  await server?.stop();
});

describe('the turn-the-curve report in Chromium', () => {
  it('opens after signing in, straight from its address', async () => {
    const reportPath = `/reports/curve/${measureId}`;
    await page.goto(`${server.baseUrl}${reportPath}`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel(en['login.email'], { exact: true }).fill(admin.email);
    await page.getByLabel(en['login.password'], { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: en['login.submit'], exact: true }).click();
    await page.waitForURL((url) => url.pathname === reportPath);
    await expectReportIn(en);
  });

  it('draws the chart and shows every section, without the app’s navigation', async () => {
    const chart = page.locator('figure.curve-chart [role="img"] svg');
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(400);
    // Eight actual points (circles), four targets (diamonds) on a dotted stepped line, a dashed
    // forecast, a baseline marker. Recharts draws the dots in a layer of their own.
    expect(await page.locator('circle.recharts-line-dot').count()).toBe(8);
    expect(await page.locator('.recharts-line-dots path').count()).toBe(4);
    const dashes = async (line: string) =>
      page.locator(`.${line} path.recharts-curve`).getAttribute('stroke-dasharray');
    expect(await dashes('curve-actual')).toBeNull();
    expect(await dashes('curve-target')).toBe('2 4');
    expect(await dashes('curve-forecast')).toBe('8 5');
    // The curve we were on at the 2019 baseline, dash-dotted, and the verdict under the chart.
    expect(await dashes('curve-baseline-curve')).toBe('12 4 2 4');
    expect(await page.locator('.curve-band').count()).toBe(2);
    expect(await page.locator('.curve-verdict').textContent()).toMatch(
      /^In 2022, the latest figure \(14\.7%\) is worse than the curve we were on/,
    );
    expect(await page.locator('.curve-baseline').count()).toBe(1);
    expect(await page.getByRole('table', { name: en['chart.table.caption'] }).isVisible()).toBe(
      true,
    );
    expect(await page.getByRole('navigation').count()).toBe(0);

    const headline = page.getByRole('region', { name: en['report.headline.label'] });
    expect(await headline.textContent()).toContain('14.7% in 2022');
    const partners = page.getByRole('region', { name: en['report.partners.title'] });
    await partners.getByText('Youth Wellness Centre', { exact: true }).waitFor();
    const plan = page.getByRole('region', { name: en['report.actions.title'] });
    expect(await plan.textContent()).toContain('Sam Lee (Youth Wellness Centre)');
    expect(await plan.textContent()).toContain(en['report.actions.overdue']);

    await expectAccessible('the report in English');
    await page.screenshot({ path: path.join(screenshotDir, 'curve-report.png'), fullPage: true });
  });

  it('is accessible in French, with French numbers and dates', async () => {
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    await expectReportIn(fr);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const headline = page.getByRole('region', { name: fr['report.headline.label'] });
    expect(await headline.textContent()).toMatch(/14,7\s%\sen 2022/u);
    const plan = page.getByRole('region', { name: fr['report.actions.title'] });
    expect(await plan.textContent()).toContain('30 juin 2024');
    expect(await page.locator('.curve-band').count()).toBe(2);
    expect(await page.locator('.curve-verdict').textContent()).toMatch(
      /^En 2022, la dernière valeur \(14,7\s%\) est moins bonne que la courbe que nous suivions/u,
    );
    await expectAccessible('the report in French');
    await page.screenshot({
      path: path.join(screenshotDir, 'curve-report-fr.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expectReportIn(en);
  });

  it('prints without its buttons, links or navigation, the chart and sections kept', async () => {
    const controls = [
      page.getByRole('button', { name: en['report.print'], exact: true }),
      page.getByRole('link', { name: en['report.back'], exact: true }),
      page.getByRole('group', { name: en['language.label'], exact: true }),
    ];
    for (const control of controls) expect(await control.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const control of controls) expect(await control.isVisible()).toBe(false);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.locator('figure.curve-chart svg').first().isVisible()).toBe(true);
    await expectReportIn(en);
  });

  it('fits on one to three pages, A4 and Letter alike', async () => {
    // page.pdf() prints with whatever media is emulated: make sure it is print.
    await page.emulateMedia({ media: 'print' });
    const pdfPath = path.join(pdfDir, 'curve-report-a4.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const a4 = await readFile(pdfPath);
    const letter = await page.pdf({ format: 'Letter', printBackground: true });
    for (const pdf of [a4, letter]) {
      const pages = pdfPageCount(pdf);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
    }
  });

  it('goes back to the plans when it was opened straight from its address', async () => {
    await page.emulateMedia({ media: null });
    await page.getByRole('link', { name: en['report.back'], exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/plans');
    await page.getByRole('heading', { level: 1, name: en['plans.title'], exact: true }).waitFor();
  });

  it('logged no console errors along the way', () => {
    expect(consoleErrors).toEqual([]);
  });
});
