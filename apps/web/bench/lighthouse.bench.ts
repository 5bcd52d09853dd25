// pnpm bench:web runs this after web.bench.ts (alone: pnpm --filter @rba/web bench:lighthouse,
// on a build from pnpm build). A benchmark script, not a test. Lighthouse (its Node API, default
// config: the mobile preset, formFactor mobile, simulated throttling of a slow 4G network and a
// 4× slower CPU) scores performance and accessibility on the built client served by the built
// API, with the demo seeded:
//
//  - the sign-in page, signed out;
//  - the collective scorecard, signed in as the coordinator;
//  - data entry, signed in as a partner's editor.
//
// Method: Debian's Chromium is started here, headless, with a DevTools port of our own;
// playwright-core connects to it only to sign in through the sign-in page (the session is then
// the browser's own refresh cookie, exactly as for a person), and disconnects; Lighthouse then
// drives the same browser through that port. Lighthouse empties the HTTP cache before every run
// (a first visit) but keeps cookies, so each run restores the session as a reload would. Each
// page is run LIGHTHOUSE_RUNS times (3 by default), after one run thrown away; the run with the
// median performance score is reported. Beside the scores: the bytes of JavaScript the sign-in page loads, as this server
// sends them with no compression accepted, with gzip only, and with brotli.
//
// Adds "lighthouse" to apps/web/bench/results.json and prints a table; LIGHTHOUSE_REPORT_DIR=dir
// also writes each page's reported run as Lighthouse's JSON (viewable at googlechrome.github.io/
// lighthouse/viewer).

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { apiAs, signInToApi } from '../e2e/support/api-client';
import { type ApiServer, startApiServer, webDir } from '../e2e/support/api-server';
import { chromiumArgs, chromiumPath, signIn } from '../e2e/support/browser';

const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const demoPassword = 'northshire-demo';
const coordinatorEmail = 'coordinator@northshire.example';
const partnerEmail = 'editor.ncmhc@northshire.example';
const aims = { performance: 90, accessibility: 100 };

interface Target {
  name: string;
  path: string;
  signedInAs?: string;
}

interface Run {
  performance: number;
  accessibility: number;
  finalPath: string;
  metrics: {
    firstContentfulPaintMs: number;
    largestContentfulPaintMs: number;
    totalBlockingTimeMs: number;
    speedIndexMs: number;
    cumulativeLayoutShift1000: number;
  };
  /** Bytes over the wire, as Lighthouse's network log has them. */
  transfer: { total: number; script: number; requests: number };
  scriptUrls: string[];
  failingAccessibility: { id: string; title: string }[];
  lighthouseVersion: string;
  /** The whole Lighthouse result, written out only when LIGHTHOUSE_REPORT_DIR asks. */
  report: unknown;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
};
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Headless Chromium with a DevTools port; resolves once the port answers. */
async function startChromium(): Promise<{
  port: number;
  version: string;
  stop: () => Promise<void>;
}> {
  const port = await freePort();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'rba-lighthouse-profile-'));
  const child: ChildProcess = spawn(
    chromiumPath,
    [
      ...chromiumArgs,
      '--headless',
      `--remote-debugging-port=${port}`,
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await rm(profile, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`);
      const { Browser } = (await response.json()) as { Browser: string };
      return { port, version: Browser.replace(/^[^/]*\//, ''), stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await stop();
  throw new Error('Chromium did not open its DevTools port within 30 s');
}

/** Signs in through the page in the browser's default profile (or only signs out). */
async function session(port: number, baseUrl: string, email: string | undefined) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    await context.clearCookies();
    if (email) {
      const page = await context.newPage();
      await signIn(page, baseUrl, email, demoPassword);
      await page.close();
    }
  } finally {
    await browser.close(); // disconnects; the browser keeps running
  }
}

/** Lighthouse's runtime errors that ask to run again (a trace lost on a busy machine). */
const retried: string[] = [];

async function audit(port: number, url: string, attempt = 1): Promise<Run> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) {
    if (attempt < 3) {
      retried.push(`${new URL(url).pathname}: ${lhr.runtimeError.code}`);
      return audit(port, url, attempt + 1);
    }
    throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  }
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
  const requests = ((lhr.audits['network-requests']?.details as { items?: unknown[] } | undefined)
    ?.items ?? []) as { url: string; resourceType?: string; transferSize?: number }[];
  const scripts = requests.filter((r) => r.resourceType === 'Script');
  const sum = (items: typeof requests) => items.reduce((s, r) => s + (r.transferSize ?? 0), 0);
  const failing = (lhr.categories.accessibility?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.scoreDisplayMode === 'binary' && a.score !== 1)
    .map((a) => ({ id: a?.id ?? '', title: a?.title ?? '' }));
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    finalPath: new URL(lhr.finalDisplayedUrl).pathname,
    metrics: {
      firstContentfulPaintMs: numeric('first-contentful-paint'),
      largestContentfulPaintMs: numeric('largest-contentful-paint'),
      totalBlockingTimeMs: numeric('total-blocking-time'),
      speedIndexMs: numeric('speed-index'),
      cumulativeLayoutShift1000: numeric('cumulative-layout-shift') * 1000,
    },
    transfer: { total: sum(requests), script: sum(scripts), requests: requests.length },
    scriptUrls: scripts.map((s) => s.url),
    failingAccessibility: failing,
    lighthouseVersion: lhr.lighthouseVersion,
    report: lhr,
  };
}

/** Bytes on the wire for one GET with this Accept-Encoding (node:http does not decode). */
function wireBytes(
  url: string,
  acceptEncoding: string,
): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
        });
        res.on('end', () =>
          resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function javascriptAsSent(urls: string[]) {
  const out: Record<string, { bytes: number; encodings: string[] }> = {};
  for (const [name, accept] of [
    ['identity', 'identity'],
    ['gzip', 'gzip'],
    ['br', 'br'],
  ] as const) {
    const sent = await Promise.all(urls.map((u) => wireBytes(u, accept)));
    out[name] = {
      bytes: sent.reduce((s, r) => s + r.bytes, 0),
      encodings: [...new Set(sent.map((r) => r.encoding))],
    };
  }
  return out;
}

async function main() {
  const started = Date.now();
  const server: ApiServer = await startApiServer({
    adminEmail: 'bench-admin@example.org',
    adminPassword: 'bench-first-Passphrase-2025',
    demo: true,
  });
  const browser = await startChromium();
  try {
    const admin = await signInToApi(server.baseUrl, 'admin@northshire.example', demoPassword);
    const tables = await apiAs(server.baseUrl, admin.token)<{ items: { id: string }[] }>(
      'GET',
      '/tables',
    );
    const tableId = tables.items[0]?.id as string;
    const targets: Target[] = [
      { name: 'sign-in', path: '/login' },
      {
        name: 'collective scorecard (coordinator)',
        path: `/scorecards/tables/${tableId}`,
        signedInAs: coordinatorEmail,
      },
      { name: 'data entry (partner editor)', path: '/data-entry', signedInAs: partnerEmail },
    ];

    // One run thrown away first: a fresh Chromium's first page load is the slowest, and the
    // server compresses the client's files just after start-up.
    await session(browser.port, server.baseUrl, undefined);
    await audit(browser.port, `${server.baseUrl}/login`);

    const pages = [];
    for (const target of targets) {
      await session(browser.port, server.baseUrl, target.signedInAs);
      const all: Run[] = [];
      for (let i = 0; i < runs; i++) {
        const run = await audit(browser.port, `${server.baseUrl}${target.path}`);
        if (run.finalPath !== target.path) {
          throw new Error(
            `${target.name}: Lighthouse ended on ${run.finalPath}, not ${target.path}`,
          );
        }
        all.push(run);
        console.log(
          `${target.name} run ${i + 1}/${runs}: performance ${run.performance}, accessibility ${run.accessibility}`,
        );
      }
      const middle = median(all.map((r) => r.performance));
      const chosen = all.find((r) => r.performance === middle) as Run;
      pages.push({ target, chosen, all });
      const reports = process.env.LIGHTHOUSE_REPORT_DIR;
      if (reports) {
        const file = `${target.name.replace(/\W+/g, '-').replace(/-$/, '')}.json`;
        await mkdir(reports, { recursive: true });
        await writeFile(path.join(reports, file), JSON.stringify(chosen.report));
      }
    }

    const signInScripts = pages[0]?.chosen.scriptUrls ?? [];
    const javascript = await javascriptAsSent(signInScripts);
    const lighthouseVersion = pages[0]?.chosen.lighthouseVersion ?? 'unknown';
    const loadAverage = os.loadavg().map((l) => Math.round(l * 100) / 100);

    const summary = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
      loadAverageAtEnd: loadAverage,
      lighthouse: lighthouseVersion,
      chromium: browser.version,
      method:
        'Lighthouse Node API, default config (mobile preset: formFactor mobile, simulated throttling), performance and accessibility only; HTTP cache emptied before each run, session cookie kept; the run with the median performance score of each page',
      runs,
      retriedAfterRuntimeError: retried,
      aims,
      pages: pages.map(({ target, chosen, all }) => ({
        page: target.name,
        path: target.path.replace(tableId, ':tableId'),
        signedInAs: target.signedInAs ?? null,
        performance: chosen.performance,
        accessibility: chosen.accessibility,
        performanceRuns: all.map((r) => r.performance),
        accessibilityRuns: all.map((r) => r.accessibility),
        ...chosen.metrics,
        transferKB: kb(chosen.transfer.total),
        scriptTransferKB: kb(chosen.transfer.script),
        requests: chosen.transfer.requests,
        failingAccessibilityAudits: chosen.failingAccessibility,
      })),
      signInJavaScript: {
        method:
          "the sign-in page's scripts (as Lighthouse saw them load), each fetched again with Accept-Encoding: identity, gzip, br; bytes on the wire",
        files: signInScripts.length,
        identityKB: kb(javascript.identity?.bytes ?? 0),
        gzipKB: kb(javascript.gzip?.bytes ?? 0),
        gzipSentAs: javascript.gzip?.encodings,
        brotliKB: kb(javascript.br?.bytes ?? 0),
        brotliSentAs: javascript.br?.encodings,
      },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };

    const out = path.join(webDir, 'bench/results.json');
    const existing = await readFile(out, 'utf8').then(
      (text) => JSON.parse(text) as Record<string, unknown>,
      () => ({}),
    );
    await writeFile(out, `${JSON.stringify({ ...existing, lighthouse: summary }, null, 2)}\n`);

    const check = (ok: boolean) => (ok ? '✔' : '✘');
    const lines = [
      '',
      `Lighthouse ${lighthouseVersion}, mobile preset, Chromium ${browser.version} (median of ${runs}; aim: performance ≥ ${aims.performance}, accessibility ${aims.accessibility})`,
      '| page | performance | accessibility | FCP | LCP | TBT | transferred (JS) |',
      '|---|---|---|---|---|---|---|',
      ...summary.pages.map(
        (p) =>
          `| ${p.page} | ${p.performance} ${check(p.performance >= aims.performance)} (${p.performanceRuns.join(', ')}) | ${p.accessibility} ${check(p.accessibility >= aims.accessibility)} | ${p.firstContentfulPaintMs} ms | ${p.largestContentfulPaintMs} ms | ${p.totalBlockingTimeMs} ms | ${p.transferKB} KB (${p.scriptTransferKB} KB) |`,
      ),
      '',
      `Sign-in page JavaScript as sent (${signInScripts.length} files): ${summary.signInJavaScript.identityKB} KB uncompressed, ${summary.signInJavaScript.gzipKB} KB asking for gzip (${summary.signInJavaScript.gzipSentAs?.join('/')}), ${summary.signInJavaScript.brotliKB} KB asking for brotli (${summary.signInJavaScript.brotliSentAs?.join('/')})`,
      ...summary.pages
        .filter((p) => p.failingAccessibilityAudits.length > 0)
        .map(
          (p) =>
            `Accessibility audits failing on ${p.page}: ${p.failingAccessibilityAudits.map((a) => `${a.id} (${a.title})`).join('; ')}`,
        ),
      `Load average at the end: ${loadAverage.join(', ')}`,
      `Wrote ${path.relative(process.cwd(), out)} (${summary.totalSeconds} s in all)`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await browser.stop();
    await server.stop();
  }
}

await main();
