// HTTP compression and caching: JSON and CSV compressed with brotli or gzip as the client's
// Accept-Encoding allows (and sent as is when it allows neither, or the body is small), CSV
// exports still streamed and still torn down by a client that hangs up, and the web client's
// files served precompressed, its hashed assets cached for a year and index.html revalidated.
// Requests go over real sockets with node:http, which hands back the bytes as sent.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  createBrotliDecompress,
  createGunzip,
  gunzipSync,
  gzipSync,
} from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
let dist: string;
let port: number;
let auth: string;

// A stand-in for apps/web/dist: Vite's layout, hashed names under assets/.
const script = `export const rows = [${Array.from(
  { length: 2000 },
  (_, i) => `{ id: ${i}, label: "Row number ${i}", done: ${i % 3 === 0} }`,
).join(',\n')}];\n`;
const style = `${Array.from({ length: 200 }, (_, i) => `.c${i} { margin: ${i}px; }`).join('\n')}\n`;
const image = randomBytes(8 * 1024);
const index = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>RBA</title>
<script type="module" src="/assets/index-B1a2C3d4.js"></script>
<link rel="stylesheet" href="/assets/index-E5f6G7h8.css"></head>
<body><div id="root"></div>${'<!-- padding past the compression threshold -->\n'.repeat(40)}
</body></html>`;

/** Stops when the reader hangs up; `endlessClosed` says the stream was torn down. */
let endlessClosed = false;
let endlessBytes = 0;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'rba-web-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), index);
  await writeFile(path.join(dist, 'assets/index-B1a2C3d4.js'), script);
  await writeFile(path.join(dist, 'assets/index-E5f6G7h8.css'), style);
  await writeFile(path.join(dist, 'assets/logo-J9k0L1m2.png'), image);

  t = await createTestApp({ WEB_DIST_DIR: dist }, (app) => {
    // A CSV download that never ends, sent as the exports send theirs (reply.send(stream)): it
    // can only be answered if the compressor streams, and must stop when the client goes.
    app.get('/api/v1/test-endless.csv', async (_req, reply) => {
      endlessClosed = false;
      endlessBytes = 0;
      const rows = Readable.from(
        (async function* () {
          yield 'n,square,label\n';
          // In batches of 500 rows, as the exports read theirs.
          for (let n = 0; ; ) {
            let batch = '';
            for (const end = n + 500; n < end; n++) {
              batch += `${n},${n * n},"row ${n} of an endless export"\n`;
            }
            endlessBytes += batch.length;
            yield batch;
          }
        })(),
        { objectMode: false },
      );
      rows.once('close', () => {
        endlessClosed = true;
      });
      return reply.type('text/csv; charset=utf-8').send(rows);
    });
  });
  w = await buildWorld(t.db);
  // Two centuries of quarters: an export of some 60 KB.
  await sql`
    insert into observations (measure_id, period_start, period_end, value, status)
    select ${w.countA.id}::uuid, d::date, (d + interval '3 months' - interval '1 day')::date,
      extract(year from d)::int, 'draft'
    from generate_series(date '1800-04-01', date '1999-01-01', interval '3 months') d
    on conflict do nothing`.execute(t.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
  auth = await t.login(w.users.admin.email, w.users.admin.password);
});
afterAll(async () => {
  await t?.closeAll();
  if (dist) await rm(dist, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire (compressed when content-encoding says so). */
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function decoded(res: Raw): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(res.body).toString('utf8');
  expect(encoding ?? 'identity').toBe('identity');
  return res.body.toString('utf8');
}

describe('API responses', () => {
  it('compresses a large JSON body with brotli, or gzip when only gzip is accepted', async () => {
    const url = '/api/v1/openapi.json';
    const plain = await get(url, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(50_000);
    const json = plain.body.toString('utf8');
    expect(JSON.parse(json).openapi).toMatch(/^3\./);

    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 5);
    expect(decoded(br)).toBe(json);

    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(decoded(gzip)).toBe(json);

    // Brotli refused by its q-value, and nothing accepted at all.
    expect(
      (await get(url, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding'],
    ).toBe('gzip');
    const none = await get(url);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString('utf8')).toBe(json);
  });

  it('sends small bodies as they are', async () => {
    const res = await get('/healthz', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ status: 'ok' });
  });

  it('leaves the caching of API responses as it was: no cache-control of its own', async () => {
    const res = await get('/api/v1/organizations?limit=100', {
      authorization: auth,
      'accept-encoding': 'br',
    });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBeUndefined();
  });
});

describe('CSV exports', () => {
  it('streams an export compressed, byte for byte the uncompressed one', async () => {
    const url = `/api/v1/exports/observations.csv?organizationId=${w.orgA.id}`;
    const plain = await get(url, { authorization: auth, 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    const csv = plain.body.toString('utf8');
    expect(csv.split('\n').length).toBeGreaterThan(790);
    expect(csv.split('\n')[0]).toContain('measure');

    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await get(url, { authorization: auth, 'accept-encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename=.*\.csv/);
      expect(res.headers['content-encoding']).toBe(encoding);
      // Streamed: sent in chunks as rows come, never measured up front.
      expect(res.headers['content-length']).toBeUndefined();
      expect(res.headers['transfer-encoding']).toBe('chunked');
      expect(res.body.length).toBeLessThan(plain.body.length / 4);
      expect(decoded(res)).toBe(csv);
    }
  });

  it('leaves the exports working after compressed downloads dropped at every moment', async () => {
    // On PostgreSQL the long export is a COPY on a pool of max(2, 10 / 2) connections: a
    // compressor that kept a dropped download's source alive would use them all up.
    const url = `/api/v1/exports/observations.csv?organizationId=${w.orgA.id}`;
    for (let i = 0; i < 12; i++) {
      await new Promise<void>((resolve) => {
        const req = http.get({
          host: '127.0.0.1',
          port,
          path: url,
          headers: { authorization: auth, 'accept-encoding': 'br' },
        });
        req.on('error', () => resolve());
        req.on('response', (res) => res.on('close', () => resolve()));
        setTimeout(() => {
          req.destroy();
          resolve();
        }, i % 6);
      });
    }
    await new Promise((r) => setTimeout(r, 300));
    const res = await get(url, { authorization: auth, 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(decoded(res).split('\n')[0]).toContain('measure');
    if (t.engine === 'postgres') {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()
          and state = 'active' and query ilike 'copy%'`.execute(t.db);
      expect(rows[0]?.n).toBe(0);
    }
  });

  for (const encoding of ['br', 'gzip'] as const) {
    it(`${encoding}: compresses an endless download as it goes, and stops it when the client leaves`, async () => {
      // The first rows arrive while the server has produced little of the CSV: the compressor
      // holds back a bounded amount (brotli's window) instead of the whole download.
      const first = await new Promise<{ text: string; producedBefore: number }>(
        (resolve, reject) => {
          const req = http.get(
            {
              host: '127.0.0.1',
              port,
              path: '/api/v1/test-endless.csv',
              headers: { 'accept-encoding': encoding },
            },
            (res) => {
              if (res.headers['content-encoding'] !== encoding) {
                reject(new Error(`content-encoding: ${res.headers['content-encoding']}`));
                return;
              }
              const decoder = res.pipe(
                encoding === 'br' ? createBrotliDecompress() : createGunzip(),
              );
              decoder.once('data', (c: Buffer) => {
                const producedBefore = endlessBytes;
                req.destroy();
                resolve({ text: c.toString('utf8'), producedBefore });
              });
              decoder.on('error', () => undefined);
            },
          );
          req.on('error', () => undefined);
        },
      );
      expect(first.text.startsWith('n,square,label\n0,0,"row 0 of an endless export"\n')).toBe(
        true,
      );
      expect(first.producedBefore).toBeLessThan(2 * 1024 * 1024);
      // The server let go: the source stream is destroyed, and stops growing.
      await expect.poll(() => endlessClosed, { timeout: 5_000 }).toBe(true);
      const produced = endlessBytes;
      await new Promise((r) => setTimeout(r, 200));
      expect(endlessBytes).toBe(produced);
    });
  }
});

describe('the web client', () => {
  const maxBrotli = (text: string | Buffer) =>
    brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });

  it('caches hashed assets for a year, immutable, and compresses the text ones', async () => {
    const url = '/assets/index-B1a2C3d4.js';
    const plain = await get(url);
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);

    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await get(url, { 'accept-encoding': accept });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(decoded(res)).toBe(script);
    }
    const css = await get('/assets/index-E5f6G7h8.css', { 'accept-encoding': 'br' });
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decoded(css)).toBe(style);
  });

  it('sends the precompressed bytes once ready: brotli 11 and gzip 9, with their length', async () => {
    const url = '/assets/index-B1a2C3d4.js';
    const best = maxBrotli(script);
    await expect
      .poll(async () => (await get(url, { 'accept-encoding': 'br' })).headers['content-length'], {
        timeout: 10_000,
      })
      .toBe(String(best.length));
    const br = await get(url, { 'accept-encoding': 'br' });
    expect(br.body.equals(best)).toBe(true);
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-length']).toBe(
      String(gzipSync(script, { level: constants.Z_BEST_COMPRESSION }).length),
    );
    expect(decoded(gzip)).toBe(script);
  });

  it('does not compress an image', async () => {
    const res = await get('/assets/logo-J9k0L1m2.png', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.equals(image)).toBe(true);
  });

  it('has index.html, and every client route that falls back to it, revalidated', async () => {
    for (const url of ['/index.html', '/scorecards/tables/some-id', '/login']) {
      const plain = await get(url);
      expect(plain.status, url).toBe(200);
      expect(plain.headers['content-type'], url).toMatch(/^text\/html/);
      expect(plain.headers['cache-control'], url).toBe('no-cache');
      expect(plain.body.toString('utf8'), url).toBe(index);
      await expect
        .poll(async () => (await get(url, { 'accept-encoding': 'br' })).headers['content-encoding'])
        .toBe('br');
      const br = await get(url, { 'accept-encoding': 'br' });
      expect(br.headers['cache-control'], url).toBe('no-cache');
      expect(br.headers.vary, url).toMatch(/accept-encoding/i);
      expect(decoded(br), url).toBe(index);
    }
  });

  it('still answers unknown API routes with a JSON 404', async () => {
    const res = await get('/api/v1/no-such-route', { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(JSON.parse(decoded(res)).error.code).toBe('NOT_FOUND');
  });
});
