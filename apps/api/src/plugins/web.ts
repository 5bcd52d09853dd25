// Serves the built web client and falls back to its index.html for client-side routes.
//
// Caching: Vite names every file under /assets/ after a hash of its content, so those are cached
// for a year and never revalidated (immutable); index.html, the SPA fallback and the other files
// are revalidated on every load (no-cache), or a deploy would leave browsers on old hashes.
//
// Compression: the text files (JavaScript, CSS, SVG, HTML…) are compressed once, in the
// background after start-up, at the highest levels (brotli 11, gzip 9) and sent from memory with
// their length. On this client's scripts and styles brotli 11 came out 9% smaller than the
// quality 5 used for dynamic responses, but some 40 times slower (1.8 s of one core for the
// whole client against 42 ms): fine once per process, not per request. Until a file is ready,
// and for every other file (source maps), the compression plugin compresses as it sends
// (plugins/compression.ts).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { requestLanguage } from '../i18n/language.js';
import { COMPRESS_THRESHOLD } from './compression.js';

const apiPrefixes = ['/api/', '/docs', '/healthz', '/readyz'];

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Files worth compressing ahead (source maps are left to on-the-fly compression). */
const textFile = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

interface Packed {
  br: Buffer;
  gzip: Buffer;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses the text files of `distDir` one after the other (one core at most), keyed by URL
 * path, until done or `stop` is aborted (a closing server does not wait for the rest).
 */
async function precompress(
  distDir: string,
  into: Map<string, Packed>,
  stop: AbortSignal,
): Promise<void> {
  const files = await readdir(distDir, { recursive: true, withFileTypes: true });
  for (const entry of files) {
    if (stop.aborted) return;
    if (!entry.isFile() || !textFile.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const raw = await readFile(file);
    if (raw.length < COMPRESS_THRESHOLD) continue;
    const br = await brotliAsync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    });
    const gz = await gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION });
    into.set(`/${path.relative(distDir, file).split(path.sep).join('/')}`, { br, gzip: gz });
  }
}

/** The encoding to send, by the Accept-Encoding header's q-values (brotli when tied). */
export function preferredEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const given = params.find((p) => p.startsWith('q='));
    const value = given === undefined ? 1 : Number(given.slice(2));
    q.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(value) ? value : 0);
  }
  const br = q.get('br') ?? q.get('*') ?? 0;
  const gz = q.get('gzip') ?? q.get('*') ?? 0;
  if (br > 0 && br >= gz) return 'br';
  return gz > 0 ? 'gzip' : undefined;
}

/** The precompressed body for this request, its headers set; undefined to send the file. */
function packedBody(
  ready: Packed | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
): Buffer | undefined {
  if (!ready) return undefined;
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/accept-encoding/i.test(vary)) {
    void reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
  }
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (!encoding) return undefined;
  const body = ready[encoding];
  void reply.header('content-encoding', encoding).header('content-length', body.length);
  return body;
}

export const webPlugin = fp(
  async (app: FastifyInstance, opts: { distDir: string }) => {
    const hasWeb = existsSync(path.join(opts.distDir, 'index.html'));
    const packed = new Map<string, Packed>();
    if (hasWeb) {
      const assetsDir = path.join(opts.distDir, 'assets') + path.sep;
      const files: FastifyStaticOptions = {
        root: opts.distDir,
        index: false,
        setHeaders: (reply, filePath) => {
          void reply.header(
            'cache-control',
            filePath.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE,
          );
        },
      };
      // reply.sendFile, for the SPA fallback below.
      await app.register(fastifyStatic, { ...files, serve: false });

      const closing = new AbortController();
      app.addHook('onClose', async () => closing.abort());
      precompress(opts.distDir, packed, closing.signal).catch((err: unknown) =>
        app.log.warn({ err }, 'could not compress the web client ahead; compressing per request'),
      );
      await app.register(async (scope) => {
        // Runs before the compression plugin's own hook (route hooks come after the scope's),
        // which passes a body already encoded here through.
        scope.addHook('onSend', async (request, reply, payload) => {
          const file = (request.routeOptions.config as { file?: string }).file;
          if (file === undefined || reply.statusCode !== 200) return payload;
          const body = packedBody(packed.get(file), request, reply);
          if (!body) return payload;
          (payload as { destroy?: () => void } | null)?.destroy?.();
          return body;
        });
        await scope.register(fastifyStatic, { ...files, wildcard: false, decorateReply: false });
      });
    }
    app.setNotFoundHandler((request, reply) => {
      const isApi = apiPrefixes.some((p) => request.url.startsWith(p));
      if (hasWeb && !isApi && request.method === 'GET') {
        if (request.url.startsWith('/public/')) {
          // Public scorecards are made to be embedded in a planning table's own website.
          void reply.removeHeader('x-frame-options');
          const csp = String(reply.getHeader('content-security-policy') ?? '');
          void reply.header(
            'content-security-policy',
            csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'),
          );
        }
        const body = packedBody(packed.get('/index.html'), request, reply);
        if (body) {
          return reply
            .type('text/html; charset=utf-8')
            .header('cache-control', REVALIDATE)
            .send(body);
        }
        return reply.type('text/html').sendFile('index.html');
      }
      const route = `${request.method} ${request.url.split('?')[0]}`;
      const lang = requestLanguage(request.headers['accept-language'], undefined);
      return reply.status(404).send({
        error: {
          code: 'NOT_FOUND',
          message: lang === 'fr' ? `La route ${route} n’existe pas.` : `Route ${route} not found`,
        },
      });
    });
  },
  { name: 'web' },
);
