// Debian's Chromium through playwright-core: one browser per test file, a fresh context (its own
// sessionStorage and localStorage) per person, sign-in through the page, and keyboard helpers.

import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { en, type MessageKey } from '../../src/i18n/messages.en';
import { fr } from '../../src/i18n/messages.fr';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions the page logged, except those `expect` allows. */
  errors: string[];
  /** Console errors to tolerate from now on (a 401 a step provokes on purpose). */
  allow: (patterns: RegExp[]) => void;
}

/** A new browser context at the screenshots' size and locale, recording console errors. */
export async function openSession(
  browser: Browser,
  options: {
    locale?: string;
    width?: number;
    height?: number;
    /** A phone: touch, a mobile viewport and a device pixel ratio of 2. */
    touch?: boolean;
  } = {},
): Promise<Session> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-CA',
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    acceptDownloads: true,
    ...(options.touch ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  let allowed: RegExp[] = [];
  const record = (text: string) => {
    if (!allowed.some((pattern) => pattern.test(text))) errors.push(text);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') record(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => record(`pageerror: ${error.message}`));
  return {
    context,
    page,
    errors,
    allow: (patterns) => {
      allowed = patterns;
    },
  };
}

/** Signs in through the login page with the mouse and the fields' labels. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(en['login.email'], { exact: true }).fill(email);
  await page.getByLabel(en['login.password'], { exact: true }).fill(password);
  await page.getByRole('button', { name: en['login.submit'], exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** What has the focus: its tag, and the name a person hears (label, aria-label or text). */
export interface Focused {
  tag: string;
  name: string;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return { tag: '', name: '' };
    const labelledBy = element.getAttribute('aria-labelledby');
    const byId = labelledBy
      ? labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const labels = (element as HTMLInputElement).labels;
    const name =
      element.getAttribute('aria-label') ??
      (byId ||
        (labels && labels.length > 0 ? (labels[0]?.textContent ?? '') : '') ||
        (element.textContent ?? ''));
    return { tag: element.tagName.toLowerCase(), name: name.replace(/\s+/g, ' ').trim() };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches, as a keyboard user
 * would; fails after `max` presses, naming where the focus went.
 */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  options: { max?: number; backwards?: boolean } = {},
): Promise<Focused> {
  const visited: string[] = [];
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const now = await focused(page);
  if (matches(now.name)) return now;
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const at = await focused(page);
    if (matches(at.name)) return at;
    visited.push(`${at.tag} "${at.name.slice(0, 60)}"`);
  }
  throw new Error(`Tab never reached "${String(name)}"; it went through:\n${visited.join('\n')}`);
}

/** Signs in with the keyboard only: Tab to each field, type, Enter. */
export async function signInWithKeyboard(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
) {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('heading', { level: 1, name: en['login.title'] }).waitFor();
  await tabTo(page, en['login.email']);
  await page.keyboard.type(email);
  await tabTo(page, en['login.password']);
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const loading = [en['app.loading'], fr['app.loading']];

/**
 * Waits until the page has its heading (the one named, when a name is given: a lazy page keeps
 * the previous page's heading until it loads) and nothing on it still says it is loading.
 */
export async function settled(page: Page, heading?: string | RegExp, timeout = 20_000) {
  const h1 =
    heading === undefined
      ? page.locator('h1').first()
      : page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' });
  await h1.waitFor({ state: 'visible', timeout });
  await page.waitForFunction(
    (words) => {
      const text = document.body.textContent ?? '';
      return (
        !words.some((word) => text.includes(word)) &&
        document.querySelector('[aria-busy="true"]') === null
      );
    },
    loading,
    { timeout },
  );
}

/**
 * Switches the language with the switch in the page (clicking it, or with the keyboard: Shift+Tab
 * back to it and Enter), and waits for the page to follow.
 */
export async function switchLanguage(
  page: Page,
  to: 'en' | 'fr',
  options: { keyboard?: boolean } = {},
) {
  const label = to === 'en' ? en['language.en'] : fr['language.fr'];
  if (options.keyboard) {
    await tabTo(page, label, { backwards: true });
    await page.keyboard.press('Enter');
  } else {
    await page.getByRole('button', { name: label, exact: true }).first().click();
  }
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
  await settled(page);
}

/** A message in both catalogues, for assertions that hold in either language. */
export function both(key: MessageKey): [string, string] {
  return [en[key], fr[key]];
}
