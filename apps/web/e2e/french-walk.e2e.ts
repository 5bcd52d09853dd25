// The French walk (issue #21): every page of the client, in French, on the demo collaborative,
// and not a word of English on any of them. Each page's text nodes, its title, and the
// attributes that name things to assistive technology (aria-label, title, alt, placeholder…) are
// split into words; each word must be French: a word of the French catalogue, of a French name
// the API gives (`nameFr`, `titleFr`, `labelFr`… of the demo), of what Intl writes in French
// (months, days), or a code, an acronym or a person's name the demo holds. Exempt are only what
// is marked `lang="en"` (an English name shown for want of a French one; the language switch's
// "English") and what people wrote in their own words (`data-user-text`: a plan's story, a
// note), which is neither interface nor name.
//
// Screenshots of the French scorecard, data entry with an error and the report go to
// docs/screenshots/ (*-fr.png).

import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordedCodes, wordIssue } from '../src/i18n/issue-wording';
import { fr } from '../src/i18n/messages.fr';
import { type Api, apiAs, signInToApi } from './support/api-client';
import { type ApiServer, startApiServer, webDir } from './support/api-server';
import {
  launchBrowser,
  openSession,
  type Session,
  settled,
  switchLanguage,
} from './support/browser';
import { frenchWords, offendingWords, type PageText, readPageText } from './support/french-text';

const screenshotDir = path.resolve(webDir, '../../docs/screenshots');
const admin = { email: 'admin@example.org', password: 'e2e-first-Passphrase-2025!' };
const demoPassword = 'northshire-demo';

let server: ApiServer;
let browser: Browser;
let vocabulary: Set<string>;
let proper: string[];
const sessions = new Map<string, Session>();
const tally = { pages: 0, textNodes: 0, attributes: 0, words: 0 };
const walked: string[] = [];

interface Demo {
  tableId: string;
  orgIds: Map<string, string>;
  measureIds: Map<string, string>;
  programIds: Map<string, string>;
  quarter: string;
  publicPath: string;
  surveyId: string | null;
  accounts: { email: string; role: string; organization: string | null; quarter: string | null }[];
}
let demo: Demo;

/** Every string under a key ending in `Fr` (the French names) into `names`; codes into `proper`. */
function collect(value: unknown, found: Found, key = ''): void {
  if (typeof value === 'string') {
    if (/Fr$/.test(key)) found.names.push(value);
    else if (key === 'code' || key === 'email') found.proper.push(value);
    return;
  }
  if (Array.isArray(value)) for (const v of value) collect(v, found, key);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collect(v, found, k);
  }
}

interface Found {
  /** The demo's French names. */
  names: string[];
  /**
   * Codes, acronyms, people's names and what people wrote in their own words (a plan, a note, a
   * survey's title, a link's label): no language of the interface's, taken out of a text before
   * it is read.
   */
  proper: string[];
}

/** Keys of an answer that hold no words people wrote (ids, dates, states). */
const NOT_WRITTEN = /(^id$|Id$|At$|Date$|^at$|^status$|^state$|^section$|^kind$|^period$|^lang$)/;

/** Every string of an answer of people's own words (a plan, notes), bar ids, dates and states. */
function collectWritten(value: unknown, into: string[], key = ''): void {
  if (typeof value === 'string') {
    if (!NOT_WRITTEN.test(key) && value.trim()) into.push(value.trim());
  } else if (Array.isArray(value)) for (const v of value) collectWritten(v, into, key);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectWritten(v, into, k);
  }
}

/** The strings under the given keys (a note, a reason, a title) anywhere in an answer. */
function collectKeys(value: unknown, keys: RegExp, into: string[], key = ''): void {
  if (typeof value === 'string') {
    if (keys.test(key) && value.trim()) into.push(value.trim());
  } else if (Array.isArray(value)) for (const v of value) collectKeys(v, keys, into, key);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectKeys(v, keys, into, k);
  }
}

async function findDemo(api: Api): Promise<{ demo: Demo; found: Found }> {
  const names: Found = { names: [], proper: [] };
  const get = async <T>(route: string): Promise<T> => {
    const body = await api<T>('GET', `${route}${route.includes('?') ? '&' : '?'}lang=fr`);
    collect(body, names);
    return body;
  };
  const tables = await get<{ items: { id: string }[] }>('/tables');
  const tableId = tables.items[0]?.id as string;
  const orgs = await get<{ items: { id: string; code: string }[] }>('/organizations?limit=500');
  const users = await get<{ items: { name: string }[] }>('/users?limit=500');
  for (const u of users.items) names.proper.push(u.name);
  // An address's local part is written on its own too (the password rules quote it).
  for (const u of users.items as { email?: string }[]) {
    if (u.email) names.proper.push(u.email.split('@')[0] as string);
  }
  await get('/dimensions');
  const scorecard = await get<{
    results: {
      indicators: { measureId: string; code: string }[];
      programs: { id: string; code?: string; measures: { measureId: string; code: string }[] }[];
    }[];
  }>(`/tables/${tableId}/scorecard`);
  const measureIds = new Map<string, string>();
  const programIds = new Map<string, string>();
  for (const result of scorecard.results) {
    for (const i of result.indicators) measureIds.set(i.code, i.measureId);
    for (const p of result.programs) {
      programIds.set(p.id, p.id);
      for (const m of p.measures) measureIds.set(m.code, m.measureId);
    }
  }
  await get(`/tables/${tableId}/system-map`).catch(() => undefined);
  const orgIds = new Map(orgs.items.map((o) => [o.code, o.id]));
  const sheet = await get<{ period: { label: string } }>(
    `/organizations/${orgIds.get('YWH')}/entry-sheet`,
  );
  const surveys = await get<{ items: { id: string }[] }>(
    `/tables/${tableId}/partnership-surveys`,
  ).catch(() => ({ items: [] }));
  // What people wrote: plans, notes and reasons, survey titles, the links' labels.
  const written = names.proper;
  for (const id of measureIds.values()) {
    const plan = await api('GET', `/measures/${id}/curve-plan`).catch(() => null);
    if (plan) collectWritten(plan, written);
    const observations = await api('GET', `/measures/${id}/observations?limit=500`).catch(
      () => null,
    );
    collectKeys(observations, /^(note|reason)$/, written);
  }
  for (const orgId of orgIds.values()) {
    const entry = await api('GET', `/organizations/${orgId}/entry-sheet`).catch(() => null);
    collectKeys(entry, /^(note|reason|comment|body|reviewNote)$/, written);
  }
  collectKeys(
    await api('GET', `/tables/${tableId}/submissions?limit=500`).catch(() => null),
    /^(note|reason|comment|reviewNote)$/,
    written,
  );
  collectKeys(surveys, /^title$/, written);
  const accounts = (await (await fetch(`${server.baseUrl}/api/v1/demo/accounts`)).json())
    .accounts as Demo['accounts'];
  const link = await api<{ path: string }>('POST', `/tables/${tableId}/public-links`, {
    label: 'Site web de Northshire',
  });
  collectKeys(
    await api('GET', `/tables/${tableId}/public-links`).catch(() => null),
    /^label$/,
    written,
  );
  return {
    demo: {
      tableId,
      orgIds,
      measureIds,
      programIds,
      quarter: sheet.period.label,
      publicPath: link.path,
      surveyId: surveys.items[0]?.id ?? null,
      accounts,
    },
    found: names,
  };
}

const org = (code: string) => demo.orgIds.get(code) ?? `missing-${code}`;
const measure = (code: string) => demo.measureIds.get(code) ?? `missing-${code}`;

/** A French-speaking person's session: the browser says fr-CA, and signs in on the French page. */
async function sessionOf(email: string | null): Promise<Page> {
  const key = email ?? 'public';
  const open = sessions.get(key);
  if (open) return open.page;
  const session = await openSession(browser, { locale: 'fr-CA' });
  sessions.set(key, session);
  if (email) {
    const { page } = session;
    await page.goto(`${server.baseUrl}/login`);
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.getByLabel(fr['login.email'], { exact: true }).fill(email);
    await page.getByLabel(fr['login.password'], { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: fr['login.submit'], exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await settled(page);
    // An account saved in English signs in in English: its person switches to French once,
    // which the account then keeps.
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'fr') {
      await switchLanguage(page, 'fr');
    }
  }
  return session.page;
}

async function expectFrench(page: Page, label: string) {
  const text: PageText = await readPageText(page);
  expect(text.lang, `${label}: <html lang>`).toBe('fr');
  const offending = offendingWords(text, vocabulary, proper);
  tally.pages += 1;
  tally.textNodes += text.textNodes.length;
  tally.attributes += text.attributes.length;
  tally.words += text.wordCount;
  walked.push(label);
  expect(offending.join('\n'), `${label}: words that are not French`).toBe('');
}

interface Stop {
  who: 'admin' | 'coordinator' | 'member' | 'funder' | 'francophone' | 'public';
  name: string;
  path: () => string;
  ready?: string;
  prepare?: (page: Page) => Promise<void>;
  screenshot?: { file: string; maxHeight: number };
}

function emailOf(who: Stop['who']): string | null {
  if (who === 'public') return null;
  if (who === 'admin') return 'admin@northshire.example';
  if (who === 'francophone') {
    const editor = demo.accounts.find(
      (a) => a.role === 'partner_editor' && /fr|franco/i.test(a.email),
    );
    if (!editor) throw new Error('the demo has no French-speaking partner editor');
    return editor.email;
  }
  return `${who}@northshire.example`;
}

const stops: Stop[] = [
  { who: 'coordinator', name: 'home', path: () => '/home' },
  { who: 'coordinator', name: 'scorecards', path: () => '/scorecards' },
  {
    who: 'coordinator',
    name: 'the collective scorecard',
    path: () => `/scorecards/tables/${demo.tableId}`,
    ready: 'svg.sparkline',
    screenshot: { file: 'scorecard-collective-fr.png', maxHeight: 1200 },
  },
  { who: 'coordinator', name: 'reporting status', path: () => '/status' },
  { who: 'coordinator', name: 'review queue', path: () => '/review' },
  {
    who: 'coordinator',
    name: 'a submission under review',
    path: () => `/review/${org('YWH')}/${demo.quarter}`,
  },
  { who: 'coordinator', name: 'plans', path: () => '/plans' },
  {
    who: 'coordinator',
    name: 'a plan',
    path: () => `/plans/${measure('YOUTH-MH-FAIR-POOR')}`,
  },
  {
    who: 'coordinator',
    name: 'the turn-the-curve report',
    path: () => `/reports/curve/${measure('YOUTH-MH-FAIR-POOR')}`,
    ready: 'figure.curve-chart svg',
  },
  { who: 'coordinator', name: 'system map index', path: () => '/system-map' },
  { who: 'coordinator', name: 'system map', path: () => `/system-map/${demo.tableId}` },
  { who: 'coordinator', name: 'partnerships', path: () => '/partnerships' },
  {
    who: 'coordinator',
    name: 'partnership surveys',
    path: () => `/partnerships/tables/${demo.tableId}`,
  },
  {
    who: 'coordinator',
    name: 'partnership network',
    path: () => `/partnerships/tables/${demo.tableId}/network`,
  },
  { who: 'coordinator', name: 'notifications', path: () => '/notifications' },
  { who: 'coordinator', name: 'account', path: () => '/account' },
  {
    who: 'member',
    name: 'an indicator’s series',
    path: () => `/measures/${measure('YOUTH-MH-FAIR-POOR')}`,
    ready: 'figure.curve-chart svg',
  },
  { who: 'member', name: 'a page that does not exist', path: () => '/pas-de-page' },
  {
    who: 'francophone',
    name: 'data entry, the francophone agency',
    path: () => '/data-entry',
    ready: 'table.entry-table',
  },
  { who: 'francophone', name: 'the francophone agency’s home', path: () => '/home' },
  { who: 'francophone', name: 'its scorecards', path: () => '/scorecards' },
  {
    who: 'francophone',
    name: 'the report on its plan, written in French',
    path: () => `/reports/curve/${measure('FR-SERVED')}`,
    ready: 'figure.curve-chart svg',
    screenshot: { file: 'curve-report-agency-fr.png', maxHeight: 1800 },
  },
  { who: 'funder', name: 'the funder dashboard', path: () => '/dashboard', ready: 'svg.sparkline' },
  {
    who: 'funder',
    name: 'the collective scorecard as a funder',
    path: () => `/scorecards/tables/${demo.tableId}`,
    ready: 'svg.sparkline',
  },
  {
    who: 'admin',
    name: 'data entry, a returned quarter, with a refused figure',
    path: () => `/data-entry?organization=${org('NGH')}`,
    ready: 'input.entry-input',
    prepare: enterRefusedFigure,
    screenshot: { file: 'data-entry-error-fr.png', maxHeight: 1000 },
  },
  ...['organizations', 'users', 'tables', 'periods', 'settings', 'public-links', 'outbox'].map(
    (tab): Stop => ({ who: 'admin', name: `admin, ${tab}`, path: () => `/admin/${tab}` }),
  ),
  { who: 'admin', name: 'admin, a table', path: () => `/admin/tables/${demo.tableId}` },
  { who: 'admin', name: 'imports', path: () => '/imports' },
  {
    who: 'public',
    name: 'the public scorecard (?lang=fr)',
    path: () => `${demo.publicPath}?lang=fr`,
    ready: 'svg.sparkline',
  },
];

/** Types a figure the API refuses (a count below zero) in the first editable cell, and saves. */
async function enterRefusedFigure(page: Page) {
  const input = page.locator('input.entry-input:not([readonly])').first();
  await input.fill('-3');
  await input.press('Tab');
  await page.locator('[aria-invalid="true"]').first().waitFor({ timeout: 10_000 });
}

beforeAll(async () => {
  server = await startApiServer({
    adminEmail: admin.email,
    adminPassword: admin.password,
    demo: true,
  });
  const { token } = await signInToApi(server.baseUrl, 'admin@northshire.example', demoPassword);
  const found = await findDemo(apiAs(server.baseUrl, token));
  demo = found.demo;
  // The client words the API's validation problems itself (i18n/issue-wording.ts).
  const issueWords = wordedCodes('fr').map((code) => wordIssue({ code, params: {} }, 'fr'));
  vocabulary = frenchWords(fr, [...found.found.names, ...issueWords]);
  proper = found.found.proper;
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const session of sessions.values()) await session.context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  console.log(
    `French walk: ${tally.pages} pages, ${tally.textNodes} text nodes, ${tally.attributes} attributes, ${tally.words} words checked:\n  ${walked.join('\n  ')}`,
  );
});

describe('every page in French holds no English', () => {
  for (const stop of stops) {
    it(`${stop.who}: ${stop.name}`, async () => {
      const page = await sessionOf(emailOf(stop.who));
      await page.goto(`${server.baseUrl}${stop.path()}`);
      await settled(page);
      if (stop.ready) await page.locator(stop.ready).first().waitFor({ state: 'visible' });
      await stop.prepare?.(page);
      await settled(page);
      await expectFrench(page, `${stop.who}: ${stop.name}`);
      if (stop.screenshot) {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({
          path: path.join(screenshotDir, stop.screenshot.file),
          fullPage: true,
          clip: { x: 0, y: 0, width: 1280, height: Math.min(height, stop.screenshot.maxHeight) },
        });
      }
    });
  }
});
