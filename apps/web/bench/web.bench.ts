// pnpm bench:web — a benchmark script, not a test. On the built client and API (pnpm build), in
// Debian's headless Chromium, it measures:
//
//  1. the JavaScript a route loads: the login page, and the data-entry page opened straight from
//     its address by a signed-in partner. Method: the page is loaded in a fresh browser context
//     with the HTTP cache off, every script response is recorded, and each body is gzipped here
//     (zlib, level 9: what the server sends a client that accepts gzip; brotli, which browsers
//     ask for, is about 15% smaller: see lighthouse.bench.ts).
//     Aim: under 200 KB gzipped, the charts and admin left out.
//  2. the demo collective scorecard, scaled to 300 measures, loading and drawing every chart:
//     navigation start → every sparkline of the table in the DOM and a frame painted, read from
//     the page's own clock (performance.now()), median of several loads. Beside it, measured in
//     the same run on the same server: the login page, and the same scorecard as the demo seeds
//     it. The 300 measures are added through the HTTP API (agencies, programs, measures, twelve
//     quarters of figures, submitted and approved) to a fresh server seeded with the demo.
//     Aim: under 1.5 s.
//
// Prints a table and writes apps/web/bench/results.json.

import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { type Api, apiAs, signInToApi } from '../e2e/support/api-client';
import { type ApiServer, startApiServer, webDir } from '../e2e/support/api-server';
import { launchBrowser, settled, signIn } from '../e2e/support/browser';
import { en } from '../src/i18n/messages.en';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const targetMeasures = Number(process.env.BENCH_MEASURES ?? 300);
const demoPassword = 'northshire-demo';
const coordinatorEmail = 'coordinator@northshire.example';
const partnerEmail = 'editor.ncmhc@northshire.example';

interface Script {
  file: string;
  bytes: number;
  gzip: number;
}

interface RouteBundle {
  route: string;
  scripts: Script[];
  bytes: number;
  gzip: number;
  chartsLoaded: boolean;
  adminLoaded: boolean;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const ms = (value: number) => Math.round(value);

/** Loads a route with the cache off and sums the scripts it fetched, each gzipped here. */
async function routeBundle(
  browser: Browser,
  baseUrl: string,
  route: string,
  ready: (page: Page) => Promise<void>,
  signInAs?: string,
): Promise<RouteBundle> {
  const context = await browser.newContext({
    locale: 'en-CA',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  if (signInAs) await signIn(page, baseUrl, signInAs, demoPassword);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const pending: Promise<Script | null>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith('.js')) return;
    pending.push(
      response
        .body()
        .then((body) => ({
          file: path.basename(url.pathname),
          bytes: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
        }))
        .catch(() => null),
    );
  });
  await page.goto(`${baseUrl}${route}`);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const scripts = (await Promise.all(pending)).filter((s): s is Script => s !== null);
  await context.close();
  scripts.sort((a, b) => b.gzip - a.gzip);
  return {
    route,
    scripts,
    bytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
    gzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
    chartsLoaded: scripts.some((s) => /curve-chart|recharts/.test(s.file)),
    adminLoaded: scripts.some((s) => /admin/.test(s.file)),
  };
}

/** The fiscal quarter before a label such as FY2026-27-Q3. */
function previousQuarter(label: string): string {
  const match = /^FY(\d{4})-(\d{2})-Q([1-4])$/.exec(label);
  if (!match) throw new Error(`not a fiscal quarter: ${label}`);
  const [, start, end, q] = match;
  if (q !== '1') return `FY${start}-${end}-Q${Number(q) - 1}`;
  const year = Number(start) - 1;
  return `FY${year}-${String(year + 1).slice(-2)}-Q4`;
}

interface SeriesRow {
  measureId: string;
}
interface TableScorecard {
  results: { indicators: SeriesRow[]; programs: { measures: SeriesRow[] }[] }[];
  sharedMeasures: (SeriesRow & { contributions: unknown[] })[];
}

/** The rows the scorecard draws (each with its sparkline), and the distinct measures behind them. */
function countScorecard(scorecard: TableScorecard) {
  const measures = new Set<string>();
  let rows = 0;
  for (const result of scorecard.results) {
    for (const s of result.indicators) {
      rows++;
      measures.add(s.measureId);
    }
    for (const program of result.programs) {
      for (const s of program.measures) {
        rows++;
        measures.add(s.measureId);
      }
    }
  }
  for (const shared of scorecard.sharedMeasures) {
    rows += 1 + shared.contributions.length;
    measures.add(shared.measureId);
  }
  return { rows, measures: measures.size };
}

/** Adds agencies, programs and measures with twelve approved quarters until the table has `target` measures. */
async function scaleUp(api: Api, tableId: string, quarter: string, target: number) {
  const scorecard = await api<TableScorecard>('GET', `/tables/${tableId}/scorecard`);
  const before = countScorecard(scorecard).measures;
  const results = await api<{ items: { id: string }[] }>('GET', `/tables/${tableId}/results`);
  const quarters = [quarter];
  while (quarters.length < 12) quarters.unshift(previousQuarter(quarters[0] as string));
  let toAdd = target - before;
  const perAgency = 25;
  let agencyNumber = 0;
  const kinds = [
    { unit: 'count', category: 'how_much', name: '# of people served' },
    { unit: 'days', category: 'how_well', name: 'Average days waited' },
    { unit: 'percent', category: 'better_off', name: '% better off' },
  ] as const;
  while (toAdd > 0) {
    agencyNumber++;
    const code = `BENCH${String(agencyNumber).padStart(2, '0')}`;
    const agency = await api<{ id: string }>('POST', '/organizations', {
      code,
      name: `Bench agency ${agencyNumber}`,
      kind: 'agency',
    });
    await api('POST', `/tables/${tableId}/partners`, { organizationId: agency.id });
    const result = results.items[agencyNumber % results.items.length] as { id: string };
    const program = await api<{ id: string }>('POST', `/organizations/${agency.id}/programs`, {
      name: `Bench program ${agencyNumber}`,
      resultIds: [result.id],
    });
    const items: Record<string, unknown>[] = [];
    const count = Math.min(perAgency, toAdd);
    for (let m = 0; m < count; m++) {
      const kind = kinds[m % kinds.length] as (typeof kinds)[number];
      const measure = await api<{ id: string }>('POST', `/programs/${program.id}/measures`, {
        code: `${code}-M${String(m + 1).padStart(2, '0')}`,
        name: `${kind.name} (${code} measure ${m + 1})`,
        unit: kind.unit,
        direction: kind.unit === 'days' ? 'down' : 'up',
        periodType: 'fiscal_quarter',
        category: kind.category,
        headline: m % 4 === 0,
        baselinePeriod: quarters[5],
        ...(kind.unit === 'days' ? { aggregation: 'mean', decimals: 1 } : {}),
      });
      if (m % 5 === 0) {
        for (const q of quarters.slice(-4)) {
          await api('PUT', `/measures/${measure.id}/targets/${q}`, {
            value: kind.unit === 'percent' ? 70 : kind.unit === 'days' ? 30 : 200,
          });
        }
      }
      quarters.forEach((q, i) => {
        const wave = Math.sin((i + m) / 2);
        if (kind.unit === 'percent') {
          const denominator = 80 + ((m * 7 + i * 3) % 40);
          items.push({
            measureId: measure.id,
            period: q,
            numerator: Math.round(denominator * (0.6 + 0.15 * wave)),
            denominator,
          });
        } else if (kind.unit === 'days') {
          items.push({
            measureId: measure.id,
            period: q,
            value: Math.round((30 + 8 * wave) * 10) / 10,
          });
        } else {
          items.push({
            measureId: measure.id,
            period: q,
            value: Math.round(180 + 40 * wave + i * 3),
          });
        }
      });
    }
    await api('PUT', `/organizations/${agency.id}/observations`, { items });
    for (const q of quarters) {
      await api('POST', `/organizations/${agency.id}/periods/${q}/submit`);
      await api('POST', `/organizations/${agency.id}/periods/${q}/approve`);
    }
    toAdd -= count;
  }
  return countScorecard(await api<TableScorecard>('GET', `/tables/${tableId}/scorecard`));
}

interface PageTiming {
  /** Navigation start → every expected sparkline in the DOM and the next frame painted. */
  drawn: number;
  /** Navigation start → the scorecard's API response fully received. */
  apiDone: number;
}

/** Loads the scorecard `runs` times (after one warm-up) and times each load. */
async function timeScorecard(page: Page, url: string, sparklines: number): Promise<PageTiming[]> {
  const timings: PageTiming[] = [];
  for (let run = 0; run <= runs; run++) {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      (n) => document.querySelectorAll('svg.sparkline').length >= n,
      sparklines,
      { polling: 'raf', timeout: 60_000 },
    );
    const timing = await page.evaluate(
      () =>
        new Promise<PageTiming>((resolve) => {
          // The frame after the one that drew the rows: they are painted by now.
          requestAnimationFrame(() =>
            setTimeout(() => {
              const drawn = performance.now();
              const api = performance
                .getEntriesByType('resource')
                .filter((e) => /\/api\/v1\/tables\/[^/]+\/scorecard/.test(e.name))
                .map((e) => (e as PerformanceResourceTiming).responseEnd);
              resolve({ drawn, apiDone: Math.max(0, ...api) });
            }),
          );
        }),
    );
    const count = await page.locator('svg.sparkline').count();
    if (count !== sparklines) throw new Error(`expected ${sparklines} sparklines, found ${count}`);
    if (run > 0) timings.push(timing);
  }
  return timings;
}

async function timeLogin(page: Page, baseUrl: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    await page.goto(`${baseUrl}/login`, { waitUntil: 'commit' });
    await page
      .getByRole('button', { name: en['login.submit'], exact: true })
      .waitFor({ state: 'visible' });
    const drawn = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))),
        ),
    );
    if (run > 0) times.push(drawn);
  }
  return times;
}

/** Median time of GET /tables/:id/scorecard from this process, for the server's share. */
async function timeScorecardApi(baseUrl: string, token: string, tableId: string) {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/tables/${tableId}/scorecard`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    if (run > 0) times.push(performance.now() - started);
  }
  return median(times);
}

async function main() {
  const started = Date.now();
  const server: ApiServer = await startApiServer({
    adminEmail: 'bench-admin@example.org',
    adminPassword: 'bench-first-Passphrase-2025',
    demo: true,
  });
  const browser = await launchBrowser();
  try {
    const admin = await signInToApi(server.baseUrl, 'admin@northshire.example', demoPassword);
    const api = apiAs(server.baseUrl, admin.token);
    const coordinator = await signInToApi(server.baseUrl, coordinatorEmail, demoPassword);
    const tables = await api<{ items: { id: string }[] }>('GET', '/tables');
    const tableId = tables.items[0]?.id as string;

    // 1. JavaScript per route.
    const login = await routeBundle(browser, server.baseUrl, '/login', (page) =>
      page.getByRole('button', { name: en['login.submit'], exact: true }).waitFor(),
    );
    const dataEntry = await routeBundle(
      browser,
      server.baseUrl,
      '/data-entry',
      async (page) => {
        await settled(page, en['dataEntry.pageTitle']);
        await page.locator('table.entry-table').first().waitFor();
      },
      partnerEmail,
    );

    // 2. The login page (a baseline), then the collective scorecard, as the demo seeds it and
    // scaled up, as its coordinator.
    const loginContext = await browser.newContext({
      locale: 'en-CA',
      viewport: { width: 1280, height: 800 },
    });
    const loginTimes = await timeLogin(await loginContext.newPage(), server.baseUrl);
    await loginContext.close();
    const context = await browser.newContext({
      locale: 'en-CA',
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, coordinatorEmail, demoPassword);
    const url = `${server.baseUrl}/scorecards/tables/${tableId}`;
    const coordinatorApi = apiAs(server.baseUrl, coordinator.token);
    const demoCounts = countScorecard(
      await coordinatorApi<TableScorecard>('GET', `/tables/${tableId}/scorecard`),
    );
    const demoTimes = await timeScorecard(page, url, demoCounts.rows);
    const demoApi = await timeScorecardApi(server.baseUrl, coordinator.token, tableId);

    const ywh = await api<{ items: { id: string; code: string }[] }>(
      'GET',
      '/organizations?limit=100',
    );
    const anyAgency = ywh.items.find((o) => o.code === 'YWH')?.id as string;
    const sheet = await api<{ period: { label: string } }>(
      'GET',
      `/organizations/${anyAgency}/entry-sheet`,
    );
    const seedStarted = performance.now();
    await scaleUp(api, tableId, sheet.period.label, targetMeasures);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const scaledCounts = countScorecard(
      await coordinatorApi<TableScorecard>('GET', `/tables/${tableId}/scorecard`),
    );
    const scaledTimes = await timeScorecard(page, url, scaledCounts.rows);
    const scaledApi = await timeScorecardApi(server.baseUrl, coordinator.token, tableId);
    await context.close();

    const summary = (times: PageTiming[]) => ({
      medianMs: ms(median(times.map((t) => t.drawn))),
      minMs: ms(Math.min(...times.map((t) => t.drawn))),
      maxMs: ms(Math.max(...times.map((t) => t.drawn))),
      medianApiDoneMs: ms(median(times.map((t) => t.apiDone))),
      medianAfterApiMs: ms(median(times.map((t) => t.drawn - t.apiDone))),
    });
    const bundle = (b: RouteBundle) => ({
      route: b.route,
      gzipKB: kb(b.gzip),
      rawKB: kb(b.bytes),
      chartsLoaded: b.chartsLoaded,
      adminLoaded: b.adminLoaded,
      scripts: b.scripts.map((s) => ({ file: s.file, gzipKB: kb(s.gzip), rawKB: kb(s.bytes) })),
    });
    const results = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
      chromium: browser.version(),
      runs,
      javascript: {
        method:
          'Chromium loads the route in a fresh context with the HTTP cache off; every .js response is recorded and gzipped here at level 9',
        aimKB: 200,
        login: bundle(login),
        dataEntry: bundle(dataEntry),
      },
      scorecard: {
        method:
          'navigation start → every sparkline of the collective scorecard in the DOM and the next frame painted (performance.now() in the page); signed in as the coordinator; warm HTTP cache; median of the runs after one warm-up',
        aimMs: 1500,
        loginPage: {
          medianMs: ms(median(loginTimes)),
          minMs: ms(Math.min(...loginTimes)),
          maxMs: ms(Math.max(...loginTimes)),
        },
        demo: { ...demoCounts, ...summary(demoTimes), apiFromNodeMs: ms(demoApi) },
        scaled: {
          ...scaledCounts,
          ...summary(scaledTimes),
          apiFromNodeMs: ms(scaledApi),
          seedSeconds: Math.round(seedSeconds),
        },
      },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };

    const out = path.join(webDir, 'bench/results.json');
    await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);

    const check = (ok: boolean) => (ok ? '✔' : '✘');
    const lines = [
      '',
      `JavaScript loaded per route (gzip level 9; aim < 200 KB)`,
      `| route | scripts | raw | gzipped | charts | admin | aim |`,
      `|---|---|---|---|---|---|---|`,
      ...[login, dataEntry].map(
        (b) =>
          `| ${b.route} | ${b.scripts.length} | ${kb(b.bytes)} KB | ${kb(b.gzip)} KB | ${b.chartsLoaded ? 'loaded' : 'not loaded'} | ${b.adminLoaded ? 'loaded' : 'not loaded'} | ${check(b.gzip < 200 * 1024)} |`,
      ),
      '',
      `Collective scorecard, navigation → every sparkline drawn (median of ${runs}; aim < 1.5 s)`,
      `| page | measures | rows (sparklines) | median | min–max | API done (median) | after the API |`,
      `|---|---|---|---|---|---|---|`,
      `| login page (baseline) | – | – | ${results.scorecard.loginPage.medianMs} ms | ${results.scorecard.loginPage.minMs}–${results.scorecard.loginPage.maxMs} ms | – | – |`,
      `| demo scorecard as seeded | ${demoCounts.measures} | ${demoCounts.rows} | ${results.scorecard.demo.medianMs} ms | ${results.scorecard.demo.minMs}–${results.scorecard.demo.maxMs} ms | ${results.scorecard.demo.medianApiDoneMs} ms | ${results.scorecard.demo.medianAfterApiMs} ms |`,
      `| demo scaled to ${scaledCounts.measures} measures | ${scaledCounts.measures} | ${scaledCounts.rows} | ${results.scorecard.scaled.medianMs} ms ${check(results.scorecard.scaled.medianMs < 1500)} | ${results.scorecard.scaled.minMs}–${results.scorecard.scaled.maxMs} ms | ${results.scorecard.scaled.medianApiDoneMs} ms | ${results.scorecard.scaled.medianAfterApiMs} ms |`,
      '',
      `GET /tables/:id/scorecard from Node (median): ${ms(demoApi)} ms as seeded, ${ms(scaledApi)} ms scaled`,
      `Wrote ${path.relative(process.cwd(), out)} (${results.totalSeconds} s in all)`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
