// HTTP compression of responses (brotli or gzip, as the client's Accept-Encoding allows), with
// `Vary: Accept-Encoding`. Registered before every route: @fastify/compress attaches itself to
// routes as they are added.
//
// - Dynamic responses (JSON, CSV, HTML) are compressed as they are sent, at brotli quality 5:
//   a 100k-row (7.8 MB) CSV took 59 ms at quality 5 against 43 ms at 4, and came out a third
//   smaller (383 KB against 582 KB; gzip level 6: 32 ms, 515 KB). Quality 11 is some 40 times
//   slower: it is kept for the client's files, compressed once (plugins/web.ts).
// - Streams (the CSV exports) stay streams: the compressor is piped in between, with
//   back-pressure, and a client that hangs up destroys the whole pipeline down to the export's
//   source (its COPY on PostgreSQL). Brotli's default 4 MB window made the encoder hold back
//   its output: a 100k-row (7.8 MB) CSV came out only at its end, held whole inside the
//   compressor meanwhile. With a 256 KB window (lgwin 18) output comes every ~0.5 MB of CSV,
//   and that CSV came out smaller too (383 KB against 405 KB).
// - This plugin leaves alone whatever is already encoded, such as those files.
// - Below 1 KB compression saves less than it costs. Only text types are compressed: the
//   allow-list below, then whatever mime-db calls compressible; PNG, JPEG, WOFF2, zip, gzip and
//   octet-stream are not (and a body that is already gzip is passed through as it is).
// - Request bodies are not decompressed: no client sends them compressed, and a compressed body
//   would get round the body size limit's intent.
import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Smallest body worth compressing, in bytes. */
export const COMPRESS_THRESHOLD = 1024;

/** The text types this application sends: JSON, CSV, HTML, JavaScript, CSS, SVG, XML. */
export const compressibleType =
  /^(?:text\/(?!event-stream)|application\/(?:[\w.+-]+\+)?(?:json|javascript|xml)\b|image\/svg\+xml\b)/i;

export const compressionPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyCompress, {
      global: true,
      globalDecompression: false,
      encodings: ['br', 'gzip'],
      threshold: COMPRESS_THRESHOLD,
      customTypes: (type) => compressibleType.test(type),
      brotliOptions: {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          // A 256 KB window rather than 4 MB: see the note on streams above.
          [constants.BROTLI_PARAM_LGWIN]: 18,
        },
      },
      zlibOptions: { level: 6 },
    });
  },
  { name: 'compression' },
);
