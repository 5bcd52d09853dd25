// The Content Security Policy holds for the built client: every main page, loaded in Chromium
// from the built API, raises no `securitypolicyviolation` event and logs no CSP error, in the
// page or in any frame. The public scorecard is also embedded in an iframe of another origin
// (frame-ancestors must let it in), and the Swagger UI at /docs runs under its own policy.
// It also checks what the policy says, so that loosening it is a visible change.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/messages.en';
import { apiAs, signInToApi } from './support/api-client';
import { type ApiServer, startApiServer } from './support/api-server';
import { launchBrowser, settled, signIn } from './support/browser';

const admin = { email: 'admin@example.org', password: 'e2e-first-Passphrase-2025!' };
const demoAdmin = 'admin@northshire.example';
const demoPassword = 'northshire-demo';

interface Violation {
  frame: string;
  directive: string;
  blocked: string;
  sample: string;
}

let server: ApiServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let embedder: Server;
let embedderUrl: string;
const violations: Violation[] = [];
const cspConsole: string[] = [];
let ids: { tableId: string; measureId: string; publicPath: string };

/** Records CSP violations of every frame (the listener is installed before any page script). */
async function watch(ctx: BrowserContext, p: Page) {
  await ctx.exposeBinding('__reportCspViolation', (source, v: Omit<Violation, 'frame'>) => {
    violations.push({ frame: source.frame.url(), ...v });
  });
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation?: (v: unknown) => void })
        .__reportCspViolation;
      report?.({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
      });
    });
  });
  p.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(text)) {
      cspConsole.push(`${text} (${message.location().url})`);
    }
  });
}

beforeAll(async () => {
  server = await startApiServer({
    adminEmail: admin.email,
    adminPassword: admin.password,
    demo: true,
  });
  const { token } = await signInToApi(server.baseUrl, demoAdmin, demoPassword);
  const api = apiAs(server.baseUrl, token);
  const tables = await api<{ items: { id: string }[] }>('GET', '/tables');
  const tableId = tables.items[0]?.id as string;
  const scorecard = await api<{ results: { indicators: { measureId: string }[] }[] }>(
    'GET',
    `/tables/${tableId}/scorecard`,
  );
  const measureId = scorecard.results[0]?.indicators[0]?.measureId as string;
  const link = await api<{ path: string }>('POST', `/tables/${tableId}/public-links`, {
    label: 'CSP check',
  });
  ids = { tableId, measureId, publicPath: link.path };

  // Another origin (another port) embedding the public scorecard, as a table's website would.
  embedder = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="en"><head><title>Partner site</title><link rel="icon" href="data:,"></head><body><h1>Our scorecard</h1><iframe id="embed" title="Scorecard" width="1000" height="700" src="${server.baseUrl}${ids.publicPath}"></iframe></body></html>`,
    );
  });
  await new Promise<void>((resolve) => embedder.listen(0, '127.0.0.1', resolve));
  embedderUrl = `http://localhost:${(embedder.address() as AddressInfo).port}/`;

  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-CA', viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await watch(context, page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => (embedder ? embedder.close(resolve) : resolve(undefined)));
  await server?.stop();
});

function clean(label: string) {
  expect(violations, `CSP violations on ${label}`).toEqual([]);
  expect(cspConsole, `CSP console errors on ${label}`).toEqual([]);
}

describe('the Content Security Policy', () => {
  it('is strict: no inline or eval scripts, no inline styles, nothing from elsewhere, no framing', async () => {
    const res = await fetch(`${server.baseUrl}/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name as string, values]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'self'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    // The public scorecard may be framed by any site; nothing else about it loosens.
    const pub = await fetch(`${server.baseUrl}${ids.publicPath}`);
    const pubCsp = pub.headers.get('content-security-policy') ?? '';
    expect(pubCsp).toMatch(/frame-ancestors \*/);
    expect(pubCsp.replace('frame-ancestors *', '')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(pub.headers.get('x-frame-options')).toBeNull();
  });

  it('holds on the login page', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await settled(page, en['login.title']);
    clean('the login page');
  });

  const pages: { name: string; path: () => string; heading?: () => string | RegExp }[] = [
    {
      name: 'the scorecards index',
      path: () => '/scorecards',
      heading: () => en['scorecards.title'],
    },
    { name: 'a collective scorecard', path: () => `/scorecards/tables/${ids.tableId}` },
    { name: 'a series', path: () => `/measures/${ids.measureId}` },
    { name: 'the dashboard', path: () => '/dashboard' },
    { name: 'data entry', path: () => '/data-entry' },
    { name: 'the review queue', path: () => '/review', heading: () => en['review.title'] },
    { name: 'the plans', path: () => '/plans' },
    { name: 'a plan', path: () => `/plans/${ids.measureId}` },
    { name: 'a curve report', path: () => `/reports/curve/${ids.measureId}` },
    { name: 'imports', path: () => '/imports' },
    { name: 'the admin area', path: () => '/admin/organizations' },
    { name: 'the system map index', path: () => '/system-map' },
    { name: 'a system map', path: () => `/system-map/${ids.tableId}` },
  ];

  it('holds on every main page of a signed-in administrator (each a fresh load)', async () => {
    await signIn(page, server.baseUrl, demoAdmin, demoPassword);
    for (const p of pages) {
      // A full load each time: the session comes back through the refresh cookie.
      await page.goto(`${server.baseUrl}${p.path()}`);
      await settled(page, p.heading?.());
      // Charts draw after their data: give them a moment to finish rendering.
      await page.waitForTimeout(300);
      // The session came back (no sign-in page); an index may move on to its first item.
      const at = new URL(page.url()).pathname;
      expect(at.startsWith(p.path().split('?')[0] ?? ''), `${p.name} went to ${at}`).toBe(true);
      clean(p.name);
    }
  });

  it('lets another origin embed the public scorecard, with no violation inside the frame', async () => {
    await page.goto(embedderUrl);
    const frame = page.frameLocator('#embed');
    await frame.locator('h1').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(500);
    const inner = page.frames().find((f) => f.url().startsWith(server.baseUrl));
    expect(inner, 'the public scorecard frame did not load').toBeDefined();
    expect(await inner?.locator('svg').count()).toBeGreaterThan(0);
    clean('the embedded public scorecard');
  });

  it('keeps other pages out of another origin’s frames', async () => {
    const framed = await context.newPage();
    const refused: string[] = [];
    framed.on('console', (m) => {
      if (/frame-ancestors|Refused to frame/i.test(m.text())) refused.push(m.text());
    });
    await framed.goto(embedderUrl);
    await framed.evaluate((src) => {
      const frame = document.getElementById('embed') as HTMLIFrameElement;
      frame.src = src;
    }, `${server.baseUrl}/login`);
    await framed.waitForTimeout(1500);
    const loginFrame = framed.frames().find((f) => f.url().startsWith(`${server.baseUrl}/login`));
    const heading = loginFrame
      ? await loginFrame
          .locator('h1')
          .count()
          .catch(() => 0)
      : 0;
    expect(heading, 'the login page rendered inside another origin’s frame').toBe(0);
    expect(refused.length, 'Chromium did not report the refused framing').toBeGreaterThan(0);
    await framed.close();
    // That refusal was the point of this test, not a violation of the pages checked.
    cspConsole.length = 0;
    violations.length = 0;
  });

  it('holds on the API documentation (Swagger UI at /docs)', async () => {
    await page.goto(`${server.baseUrl}/docs`);
    await page.locator('.swagger-ui .info .title').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    clean('/docs');
  });
});
