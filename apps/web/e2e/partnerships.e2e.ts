// Partnership surveys (issue #23), in Chromium on the demo collaborative: the coordinator opens a
// survey for this year from the table's surveys page; a partner agency's editor finds it on the
// home page and answers it by keyboard alone (Tab and Enter to the form, arrows in the radio
// groups, Space for a contribution, typing a comment), waits for the announced "Saved", and finds
// the answers kept after a reload; the network page compares the demo's two yearly surveys in
// English and in French (figures, the bridging organization, the isolate, the table alternative);
// and on a phone the form and the network page never scroll sideways. axe-core finds nothing on
// the form and the network page. Screenshots: docs/screenshots/partnership-form.png, network.png,
// network-fr.png, partnership-form-phone.png.
// Black-box: the built API seeds the demo (DEMO=true) into an empty database and serves the
// built client; the expected figures are worked out here from the demo's answers.

import { mkdir } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/messages.en';
import { fr } from '../src/i18n/messages.fr';
import { periodName } from '../src/i18n/period-name';
import { type Api, apiAs, signInToApi } from './support/api-client';
import { type ApiServer, startApiServer } from './support/api-server';
import { axeViolations } from './support/axe';
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
import { fill, photograph, screenshotDir } from './support/page-checks';
import {
  checkNetwork,
  expected,
  type Network,
  type Org,
  type Survey,
  squash,
} from './support/partnership-network';
import {
  checkTableScrolls,
  expectNoSidewaysScroll,
  openPhoneSession,
  photographPhone,
} from './support/phone';

const admin = { email: 'admin@example.org', password: 'e2e-first-Passphrase-2025!' };
const demoPassword = 'northshire-demo';
const accounts = {
  coordinator: 'coordinator@northshire.example',
  editor: 'editor.ncl@northshire.example',
} as const;

let server: ApiServer;
let browser: Browser;
let asCoordinator: Api;
let tableId: string;
let tableName: string;
let tableNameFr: string;
const orgs = new Map<string, Org>();
/** The demo's two closed surveys, the earlier first. */
let earlier: Survey;
let later: Survey;
const sessions: Session[] = [];

const year = new Date().getUTCFullYear();
const today = new Date().toISOString().slice(0, 10);
const inThreeWeeks = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
const newTitle = `How we work together ${year}`;
let opened: Survey;

const org = (code: string): Org => {
  const found = orgs.get(code);
  if (!found) throw new Error(`no demo organization ${code}`);
  return found;
};

/** Text as a person reads it: every run of spaces (no-break ones too) as one space. */

async function session(kind: 'desktop' | 'phone' = 'desktop'): Promise<Session> {
  const s = kind === 'phone' ? await openPhoneSession(browser) : await openSession(browser);
  sessions.push(s);
  return s;
}

async function expectNoAxeViolations(page: Page, what: string) {
  expect(await axeViolations(page), `axe: violations on ${what}`).toEqual([]);
}

beforeAll(async () => {
  server = await startApiServer({
    adminEmail: admin.email,
    adminPassword: admin.password,
    demo: true,
  });
  const { token } = await signInToApi(server.baseUrl, accounts.coordinator, demoPassword);
  asCoordinator = apiAs(server.baseUrl, token);
  const tables = await asCoordinator<{
    items: { id: string; name: string; nameFr: string | null }[];
  }>('GET', '/tables?lang=en');
  const table = tables.items[0];
  if (!table) throw new Error('the demo has no planning table');
  tableId = table.id;
  tableName = table.name;
  tableNameFr = table.nameFr ?? table.name;
  const found = await asCoordinator<{ items: Org[] }>('GET', '/organizations?limit=100&lang=en');
  for (const o of found.items) orgs.set(o.code, o);
  const surveys = await asCoordinator<{ items: Survey[] }>(
    'GET',
    `/tables/${tableId}/partnership-surveys`,
  );
  const byPeriod = (period: number) => surveys.items.find((s) => s.period === String(period));
  const first = byPeriod(year - 2);
  const second = byPeriod(year - 1);
  if (!first || !second) throw new Error(`the demo has no surveys of ${year - 2} and ${year - 1}`);
  earlier = first;
  later = second;
  browser = await launchBrowser();
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('the demo’s partnership surveys, as the API gives them', () => {
  it('has the two closed yearly surveys, the later one answered by every agency', () => {
    expect(earlier.state).toBe('closed');
    expect(later.state).toBe('closed');
    expect(earlier.partners).toBe(8);
    expect(earlier.responses).toBe(6);
    expect(later.responses).toBe(8);
  });
});

describe('a coordinator opens a survey for this year', () => {
  it('opens it from the table’s surveys page', async () => {
    const { page } = await session();
    await signIn(page, server.baseUrl, accounts.coordinator, demoPassword);
    await page.goto(`${server.baseUrl}/partnerships/tables/${tableId}`);
    await settled(page, fill('partnerships.surveys.title', { table: tableName }));
    const form = page.getByRole('region', { name: en['partnerships.new.title'] });
    await form.getByLabel(en['partnerships.new.surveyTitle'], { exact: true }).fill(newTitle);
    await expect
      .poll(() => form.getByLabel(en['partnerships.new.period'], { exact: true }).inputValue())
      .toBe(String(year));
    await form.getByLabel(en['partnerships.new.opens'], { exact: true }).fill(today);
    await form.getByLabel(en['partnerships.new.closes'], { exact: true }).fill(inThreeWeeks);
    await form.getByRole('button', { name: en['partnerships.new.submit'], exact: true }).click();
    await form.getByText(fill('partnerships.new.done', { title: newTitle })).waitFor();

    const surveys = await asCoordinator<{ items: Survey[] }>(
      'GET',
      `/tables/${tableId}/partnership-surveys`,
    );
    const created = surveys.items.find((s) => s.title === newTitle);
    expect(created).toMatchObject({
      period: String(year),
      state: 'open',
      partners: 8,
      responses: 0,
      minRespondents: 3,
    });
    opened = created as Survey;
    // It stands in the table's list, open.
    const row = page.getByRole('row').filter({ hasText: newTitle });
    await expect
      .poll(async () => squash(await row.textContent()))
      .toContain(en['partnerships.state.open']);
    await expectNoAxeViolations(page, 'the table’s surveys page');
    await photograph(page, 'partnership-surveys.png', 1100);
  });
});

/** Where the focus is in the form: the control's name, its group and its partner agency. */
async function inForm(page: Page) {
  const at = await focused(page);
  const place = await page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    const legend = (selector: string) =>
      element?.closest(selector)?.querySelector(':scope > legend')?.textContent?.trim() ?? '';
    return {
      partner: legend('fieldset.survey-partner'),
      group: legend('fieldset'),
      type: element?.type ?? '',
      checked: Boolean(element?.checked),
    };
  });
  return { ...at, ...place };
}

/** Tab once; the focus must land on the control named, in the group named. */
async function tabOnce(page: Page, name: string, group: string) {
  await page.keyboard.press('Tab');
  const at = await inForm(page);
  expect({ name: at.name, group: at.group }, 'Tab went elsewhere').toEqual({ name, group });
}

/** Arrow right `times` in a radio group: the focused radio, checked, is the one named. */
async function arrowTo(page: Page, times: number, name: string) {
  for (let i = 0; i < times; i++) await page.keyboard.press('ArrowRight');
  const at = await inForm(page);
  expect({ name: at.name, checked: at.checked }).toEqual({ name, checked: true });
}

describe('a partner editor answers it by keyboard alone', () => {
  let page: Page;
  let partners: Org[];
  const comment = 'Monthly case conferences would help us both.';
  const formTitle = () =>
    fill('partnerships.form.title', { title: newTitle, period: periodName(String(year)) });

  it('finds the survey on the home page and opens the form with Tab and Enter', async () => {
    ({ page } = await session());
    const { token } = await signInToApi(server.baseUrl, accounts.editor, demoPassword);
    const mine = await apiAs(server.baseUrl, token)<{
      partners: { organization: Org }[];
    }>('GET', `/partnership-surveys/${opened.id}/my-response`);
    partners = mine.partners.map((p) => p.organization);
    expect(partners).toHaveLength(7);
    expect(partners.map((p) => p.code)).not.toContain('NCL');

    await signInWithKeyboard(page, server.baseUrl, accounts.editor, demoPassword);
    await settled(page, en['home.title']);
    const card = page.getByRole('region', { name: en['home.survey.title'] });
    await card.waitFor();
    const text = squash(await card.textContent());
    expect(text).toContain(
      fill('home.survey.item', {
        title: newTitle,
        period: periodName(String(year)),
        agency: org('NCL').name,
      }),
    );
    const closes = new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${inThreeWeeks}T00:00:00Z`),
    );
    expect(text).toContain(squash(fill('home.survey.closes', { date: closes })));
    await expectNoAxeViolations(page, 'the partner home with its survey');
    await photograph(page, 'partnership-home.png', 700);
    await tabTo(page, en['home.survey.answer'], { max: 80 });
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/partnerships/surveys/${opened.id}/response`);
    await settled(page, formTitle());
  });

  it('chooses levels with the arrows, rates trust and value, ticks with Space, types a comment', async () => {
    const [first, second] = partners as [Org, Org];
    // The first partner: coordination, six ratings, two contributions and a comment.
    await tabTo(page, en['partnerships.level.0'], { max: 40 });
    expect((await inForm(page)).partner).toBe(first.name);
    await arrowTo(page, 3, en['partnerships.level.3']);
    const low = {
      trust: en['partnerships.form.trust.low'],
      value: en['partnerships.form.value.low'],
    };
    const high = {
      trust: en['partnerships.form.trust.high'],
      value: en['partnerships.form.value.high'],
    };
    const ratings: [kind: 'trust' | 'value', item: 0 | 1 | 2, choice: number][] = [
      ['trust', 0, 3],
      ['trust', 1, 4],
      ['trust', 2, 3],
      ['value', 0, 2],
      ['value', 1, 3],
      ['value', 2, 4],
    ];
    for (const [kind, item, choice] of ratings) {
      await tabOnce(page, low[kind], en[`partnerships.${kind}.${item}`]);
      await arrowTo(page, choice - 1, choice === 4 ? high[kind] : String(choice));
    }
    const contributions = en['partnerships.form.contributions.legend'];
    await tabOnce(page, en['partnerships.contribution.referrals'], contributions);
    await page.keyboard.press('Space');
    await tabOnce(page, en['partnerships.contribution.funding'], contributions);
    await tabOnce(page, en['partnerships.contribution.data'], contributions);
    await page.keyboard.press('Space');
    expect((await inForm(page)).checked).toBe(true);
    await tabTo(page, en['partnerships.form.comment'], { max: 10 });
    await page.keyboard.type(comment);

    // The second partner: no contact (Space checks the focused radio).
    await tabOnce(page, en['partnerships.level.0'], en['partnerships.form.level.legend']);
    expect((await inForm(page)).partner).toBe(second.name);
    await page.keyboard.press('Space');
    expect((await inForm(page)).checked).toBe(true);

    // The save is announced in a status region.
    await page
      .getByRole('status')
      .filter({ hasText: en['partnerships.save.saved'] })
      .waitFor({ timeout: 15_000 });
    await page
      .getByText(fill('partnerships.form.progress', { answered: '2', total: '7' }))
      .waitFor();
  });

  it('keeps the answers after a reload, as the API has them', async () => {
    const [first, second] = partners as [Org, Org];
    await page.reload();
    await settled(page, formTitle());
    const a = page.getByRole('group', { name: first.name, exact: true });
    const checked = (scope: Locator, name: string) =>
      scope.getByRole('radio', { name, exact: true }).isChecked();
    expect(await checked(a, en['partnerships.level.3'])).toBe(true);
    const item = (kind: 'trust' | 'value', index: 0 | 1 | 2) =>
      a.getByRole('group', { name: en[`partnerships.${kind}.${index}`], exact: true });
    expect(await checked(item('trust', 0), '3')).toBe(true);
    expect(await checked(item('trust', 1), en['partnerships.form.trust.high'])).toBe(true);
    expect(await checked(item('trust', 2), '3')).toBe(true);
    expect(await checked(item('value', 0), '2')).toBe(true);
    expect(await checked(item('value', 1), '3')).toBe(true);
    expect(await checked(item('value', 2), en['partnerships.form.value.high'])).toBe(true);
    const box = (name: string) => a.getByRole('checkbox', { name, exact: true }).isChecked();
    expect(await box(en['partnerships.contribution.referrals'])).toBe(true);
    expect(await box(en['partnerships.contribution.funding'])).toBe(false);
    expect(await box(en['partnerships.contribution.data'])).toBe(true);
    expect(await a.getByLabel(en['partnerships.form.comment']).inputValue()).toBe(comment);
    const b = page.getByRole('group', { name: second.name, exact: true });
    expect(await checked(b, en['partnerships.level.0'])).toBe(true);
    await page
      .getByText(fill('partnerships.form.progress', { answered: '2', total: '7' }))
      .waitFor();

    const { token } = await signInToApi(server.baseUrl, accounts.editor, demoPassword);
    const saved = await apiAs(server.baseUrl, token)<{
      partners: { organization: Org; answer: Record<string, unknown> | null }[];
    }>('GET', `/partnership-surveys/${opened.id}/my-response`);
    const answers = new Map(saved.partners.map((p) => [p.organization.id, p.answer]));
    expect(answers.get(first.id)).toMatchObject({
      level: 3,
      trust: [3, 4, 3],
      value: [2, 3, 4],
      contributions: ['referrals', 'data'],
      comment,
    });
    expect(answers.get(second.id)).toMatchObject({ level: 0, trust: null, value: null });
    expect(saved.partners.filter((p) => p.answer !== null)).toHaveLength(2);
  });

  it('passes axe, and is photographed', async () => {
    await expectNoAxeViolations(page, 'the survey form');
    await photograph(page, 'partnership-form.png', 1300);
  });

  it('no longer shows the survey on the home page once answered', async () => {
    // Within the page (no reload): the saved answer has refreshed the list of surveys to answer.
    await page
      .getByRole('navigation', { name: en['shell.navLabel'] })
      .getByRole('link', { name: en['home.nav'], exact: true })
      .click();
    await settled(page, en['home.title']);
    await page.getByRole('link', { name: /Enter figures|Correct figures|View figures/ }).waitFor();
    expect(await page.getByRole('region', { name: en['home.survey.title'] }).count()).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// The network page.

/** What the demo's answers make, worked out by hand from apps/api/src/demo/demo-partnerships.ts. */
describe('the network page compares the two yearly surveys', () => {
  let page: Page;
  let networks: [Network, Network];

  it('shows the figures, the bridge, the isolate and the table, in English', async () => {
    networks = [
      await asCoordinator<Network>('GET', `/partnership-surveys/${earlier.id}/network`),
      await asCoordinator<Network>('GET', `/partnership-surveys/${later.id}/network`),
    ];
    // The API's figures are the hand-computed ones.
    expect(networks[0]).toMatchObject({ isolates: 0 });
    expect(networks[1]).toMatchObject({ isolates: 1 });
    expect(networks[0].responseRate).toBeCloseTo(expected.earlier.responseRate, 6);
    expect(networks[1].responseRate).toBeCloseTo(expected.later.responseRate, 6);
    expect(networks[0].density).toBeCloseTo(expected.earlier.density, 6);
    expect(networks[1].density).toBeCloseTo(expected.later.density, 6);
    expect(networks[0].reciprocity).toBeCloseTo(expected.earlier.reciprocity, 6);
    expect(networks[1].reciprocity).toBeCloseTo(expected.later.reciprocity, 6);
    expect((networks[1].meanTrust as number) > (networks[0].meanTrust as number)).toBe(true);

    ({ page } = await session());
    await signIn(page, server.baseUrl, accounts.coordinator, demoPassword);
    await page.goto(
      `${server.baseUrl}/partnerships/tables/${tableId}/network?survey=${later.id}&compare=${earlier.id}`,
    );
    await settled(page, fill('partnerships.network.title', { table: tableName }));
    await page.locator('svg.network-drawing').nth(1).waitFor();
    await checkNetwork(page, 'en', networks, { org, earlier, later });
    await expectNoAxeViolations(page, 'the network page (en)');
    await photograph(page, 'network.png', 1800);
  });

  it('says the same in French', async () => {
    await switchLanguage(page, 'fr');
    await page
      .getByRole('heading', {
        level: 1,
        name: fr['partnerships.network.title'].replace('{table}', tableNameFr),
      })
      .waitFor();
    await checkNetwork(page, 'fr', networks, { org, earlier, later });
    await expectNoAxeViolations(page, 'the network page (fr)');
    await photograph(page, 'network-fr.png', 1800);
    await switchLanguage(page, 'en');
  });
});

describe('on a phone (390×844, touch)', () => {
  it('the form does not scroll sideways', async () => {
    const { page } = await session('phone');
    await signIn(page, server.baseUrl, accounts.editor, demoPassword);
    await page.goto(`${server.baseUrl}/partnerships/surveys/${opened.id}/response`);
    await settled(
      page,
      fill('partnerships.form.title', { title: newTitle, period: periodName(String(year)) }),
    );
    await page
      .getByRole('radio', { name: en['partnerships.level.3'], exact: true })
      .first()
      .waitFor();
    await expectNoSidewaysScroll(page, 'the survey form (en)');
    await photographPhone(page, 'partnership-form-phone.png', 1600);
    await switchLanguage(page, 'fr');
    await expectNoSidewaysScroll(page, 'the survey form (fr)');
    await switchLanguage(page, 'en');
  });

  it('the network page does not scroll sideways; its tables scroll in their own box', async () => {
    const { page } = await session('phone');
    await signIn(page, server.baseUrl, accounts.coordinator, demoPassword);
    await page.goto(
      `${server.baseUrl}/partnerships/tables/${tableId}/network?survey=${later.id}&compare=${earlier.id}`,
    );
    await settled(page, fill('partnerships.network.title', { table: tableName }));
    await page.locator('svg.network-drawing').nth(1).waitFor();
    await expectNoSidewaysScroll(page, 'the network page (en)');
    await checkTableScrolls(page, 'the network page (en)');
    await switchLanguage(page, 'fr');
    await expectNoSidewaysScroll(page, 'the network page (fr)');
    await checkTableScrolls(page, 'the network page (fr)');
    await switchLanguage(page, 'en');
  });
});

describe('along the way', () => {
  it('logged no console errors', () => {
    expect(sessions.flatMap((s) => s.errors)).toEqual([]);
  });
});
