// A person signs in through the web page in Chromium and reaches the shell, in English and French.
// Black-box: the built API serves the built client; nothing here reaches into either.

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/messages.en';
import { fr } from '../src/i18n/messages.fr';
import { type ApiServer, startApiServer, webDir } from './support/api-server';
import { seriousViolations } from './support/axe';
import { chromiumPath } from './support/browser';

const screenshotDir = path.resolve(webDir, '../../docs/screenshots');
const admin = { email: 'admin@example.org', password: 'e2e-first-Passphrase-2025!' };

let server: ApiServer;
let profileDir: string;
let context: BrowserContext;
let page: Page;
let userName: string;

// Console errors the page logs; a step that expects one (a deliberate 401) says so.
const consoleErrors: string[] = [];
let expectedErrors: RegExp[] = [];

function recordConsoleError(text: string) {
  if (!expectedErrors.some((pattern) => pattern.test(text))) consoleErrors.push(text);
}

function navLinks() {
  return page.getByRole('navigation').getByRole('link');
}

async function h1Text(name: string) {
  const heading = page.getByRole('heading', { level: 1, name, exact: true });
  await heading.waitFor({ state: 'visible', timeout: 15_000 });
  return heading.textContent();
}

async function expectAccessible(label: string) {
  const violations = await seriousViolations(page);
  expect(violations, `axe: serious or critical violations on ${label}`).toEqual([]);
}

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  }
  server = await startApiServer({ adminEmail: admin.email, adminPassword: admin.password });

  // The name the shell should show, asked of the API the way any client would.
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  userName = ((await login.json()) as { user: { name: string } }).user.name;

  profileDir = await mkdtemp(path.join(tmpdir(), 'rba-e2e-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'en-CA',
    viewport: { width: 1280, height: 800 },
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
    if (message.type() === 'error') recordConsoleError(message.text());
  });
  page.on('pageerror', (error) => recordConsoleError(`pageerror: ${error.message}`));
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
  await server?.stop();
});

describe('web shell in Chromium', () => {
  it('opens an accessible login page, in English then in French', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(/\/login$/);
    expect(await h1Text(en['login.title'])).toBe(en['login.title']);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible('the login page in English');
    await page.screenshot({ path: path.join(screenshotDir, 'login.png') });

    await page.getByRole('button', { name: 'Français', exact: true }).click();
    expect(await h1Text(fr['login.title'])).toBe(fr['login.title']);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectAccessible('the login page in French');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    expect(await h1Text(en['login.title'])).toBe(en['login.title']);
  });

  it('announces the server’s message when the password is wrong', async () => {
    // Chromium logs the 401 response itself as a console error: expected here, only here.
    expectedErrors = [/status of 401/];
    await page.getByLabel(en['login.email'], { exact: true }).fill(admin.email);
    await page.getByLabel(en['login.password'], { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: en['login.submit'], exact: true }).click();

    const alert = page.getByRole('alert');
    await page.waitForFunction(() => {
      const region = document.querySelector('[role="alert"]');
      return region !== null && (region.textContent ?? '').trim() !== '';
    });
    expect((await alert.textContent())?.trim()).not.toBe('');
    expect(
      await page.getByLabel(en['login.password'], { exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');
    await expectAccessible('the login page showing an error');
    expectedErrors = [];
  });

  it('signs in with the keyboard and reaches the shell with the user’s name', async () => {
    await page.getByLabel(en['login.password'], { exact: true }).fill(admin.password);
    await page.getByLabel(en['login.password'], { exact: true }).press('Enter');

    await page.waitForURL(/\/scorecards$/);
    expect(await h1Text(en['scorecards.title'])).toBe(en['scorecards.title']);
    expect(await navLinks().allTextContents()).toEqual([
      en['nav.scorecards'],
      en['nav.dataEntry'],
      en['review.nav'],
      en['status.nav'],
      en['nav.plans'],
      en['systemMap.nav'],
      en['partnerships.nav'],
      en['nav.imports'],
      en['nav.admin'],
    ]);
    await page.getByText(userName, { exact: false }).first().waitFor();
    expect(await page.getByRole('main').count()).toBe(1);
    await expectAccessible('the shell in English');

    await navLinks().filter({ hasText: en['nav.dataEntry'] }).click();
    expect(await h1Text(en['dataEntry.pageTitle'])).toBe(en['dataEntry.pageTitle']);
    await expectAccessible('the data entry page in English');
  });

  it('switches the shell to French, and keeps it and the session across a reload', async () => {
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    expect(await h1Text(fr['dataEntry.pageTitle'])).toBe(fr['dataEntry.pageTitle']);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await navLinks().allTextContents()).toEqual([
      fr['nav.scorecards'],
      fr['nav.dataEntry'],
      fr['review.nav'],
      fr['status.nav'],
      fr['nav.plans'],
      fr['systemMap.nav'],
      fr['partnerships.nav'],
      fr['nav.imports'],
      fr['nav.admin'],
    ]);
    await expectAccessible('the shell in French');

    await navLinks().filter({ hasText: fr['nav.scorecards'] }).click();
    expect(await h1Text(fr['scorecards.title'])).toBe(fr['scorecards.title']);
    await page.screenshot({ path: path.join(screenshotDir, 'shell-fr.png') });

    await page.reload();
    expect(await h1Text(fr['scorecards.title'])).toBe(fr['scorecards.title']);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByText(userName, { exact: false }).first().waitFor();

    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      fr['skipLink.label'],
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('signs out and returns to the login page', async () => {
    await page.getByRole('button', { name: fr['shell.signOut'], exact: true }).click();
    await page.waitForURL(/\/login$/);
    expect(await h1Text(fr['login.title'])).toBe(fr['login.title']);
    expect(await page.getByRole('status').textContent()).toBe(fr['login.signedOut']);

    // The token is gone: a reload stays on the login page.
    await page.goto(`${server.baseUrl}/scorecards`);
    await page.waitForURL(/\/login/);
    expect(await h1Text(fr['login.title'])).toBe(fr['login.title']);
  });

  it('logged no console errors along the way', () => {
    expect(consoleErrors).toEqual([]);
  });
});
