// Conditional GETs of the scorecards and series (issue #22): an `ETag` on every 200, and `304 Not
// Modified` with no body, without running the handler, to a request whose `If-None-Match` names
// the tag the answer would carry now.
//
// The tag is a keyed hash (HMAC with a key derived from the signing secret, so a caller cannot
// compute the tag of an answer it was never given) of everything the answer depends on:
// - the data version (data-version/): read BEFORE the handler reads its data, so the data an
//   answer carries is never older than its tag;
// - the path and query as sent, and the caller's language (`?lang`, saved locale,
//   Accept-Language);
// - who asks: the user and their grants (what they may see); none for a public link, whose
//   liveness is data (public_links is tracked by the version);
// - today's date (UTC): overdue curve-plan actions change at midnight;
// - the running code (a hash of the API's and its packages' files, taken once per process): a
//   new release may answer differently from the same data.
// Tags are weak (`W/"…"`): the same tag stands for the JSON whatever its content coding (brotli,
// gzip, none). 200 answers carry `Cache-Control: private, no-cache` (`no-cache` for a public
// link, which any cache may keep but must revalidate: a revoked link answers 404 at once).
//
// With a read replica (db/read-routing.ts) the version is read where the caller may read: on the
// replica, data read afterwards on the replica or the primary is at least as new. When the
// router sends the version read to the primary (a writer's own recent write, a lagging or absent
// replica), the answer carries no tag: the data might then come from a replica behind it.
import { createHash, createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context.js';
import { today } from '../curve-plans/plan-content.js';
import { currentDataVersion } from '../data-version/data-version.service.js';
import { onReplica } from '../db/read-routing.js';
import { callerLanguage } from '../i18n/caller-language.js';

type Audience = 'private' | 'public';

/** The routes answered conditionally, by their full URL as Fastify declares them. */
export const CONDITIONAL_ROUTES: ReadonlyMap<string, Audience> = new Map([
  ['/api/v1/tables/:id/scorecard', 'private'],
  ['/api/v1/organizations/:id/scorecard', 'private'],
  ['/api/v1/measures/:id/series', 'private'],
  ['/api/v1/public/scorecards/:token', 'public'],
]);

/** The same routes as the OpenAPI document names them (`{id}` for `:id`). */
export const CONDITIONAL_PATHS: ReadonlySet<string> = new Set(
  [...CONDITIONAL_ROUTES.keys()].map((url) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')),
);

/** Their 200 answers are built by the server itself: serialized without re-validation. */
export function isBuiltByServer(url: string, httpStatus: string | undefined): boolean {
  return httpStatus === '200' && CONDITIONAL_ROUTES.has(url);
}

export const CACHE_CONTROL: Record<Audience, string> = {
  private: 'private, no-cache',
  public: 'no-cache',
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The tag this request's 200 carries; undefined when it carries none. */
    dataTag: string | undefined;
  }
}

/** `If-None-Match` matches `tag` under the weak comparison (RFC 9110 §13.1.2). */
export function noneMatch(header: string | string[] | undefined, tag: string): boolean {
  if (header === undefined) return false;
  const opaque = tag.replace(/^W\//, '');
  for (const part of [header].flat().join(',').split(',')) {
    if (part.trim().replace(/^W\//, '') === opaque) return true;
  }
  return false;
}

const SOURCE = /\.(?:js|mjs|ts|json)$/;

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const file = path.join(dir, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) hashTree(hash, file);
    else if (stat?.isFile() && SOURCE.test(name) && !name.endsWith('.d.ts')) {
      hash.update(name).update(readFileSync(file));
    }
  }
}

let codeIdentity: string | undefined;

/**
 * The running code, as a hash of the API's files (src or dist, whichever runs) and of the
 * domain and schema packages' same folder: a few MB, hashed once per process.
 */
export function runningCode(): string {
  if (codeIdentity !== undefined) return codeIdentity;
  const hash = createHash('sha256');
  const code = path.dirname(path.dirname(fileURLToPath(import.meta.url))); // apps/api/{src,dist}
  const kind = path.basename(code);
  hashTree(hash, code);
  const root = path.resolve(code, '..', '..', '..');
  for (const pkg of ['domain', 'schema']) hashTree(hash, path.join(root, 'packages', pkg, kind));
  codeIdentity = hash.digest('base64url');
  return codeIdentity;
}

/** Who is asking, as far as what they may see goes: the user and their grants. */
function callerKey(request: FastifyRequest, audience: Audience): unknown {
  if (audience === 'public') return null;
  const actor = request.actor;
  if (!actor) return 'anonymous';
  const grants = actor.grants
    .map((g) => `${g.role}|${g.scopeType ?? ''}|${g.scopeId ?? ''}`)
    .sort();
  return [actor.userId, grants];
}

export const conditionalGetPlugin = fp(
  async (app: FastifyInstance, opts: { ctx: AppContext }) => {
    const { ctx } = opts;
    const key = createHmac('sha256', ctx.jwtSecret).update('rba etag key v1').digest();
    const code = runningCode();
    app.decorateRequest('dataTag', undefined);

    const tagOf = (request: FastifyRequest, audience: Audience, version: number): string => {
      const parts = [
        code,
        version,
        request.url,
        callerLanguage(request),
        callerKey(request, audience),
        today(),
      ];
      const digest = createHmac('sha256', key)
        .update(JSON.stringify(parts))
        .digest('base64url')
        .slice(0, 27);
      return `W/"${digest}"`;
    };

    const check = (audience: Audience): preHandlerHookHandler =>
      async function conditionalGet(request: FastifyRequest, reply: FastifyReply) {
        // Read where the caller may read; only a replica-side (or only-database) version is safe
        // to tag with (see the note at the top).
        const read = await onReplica(ctx, request, async (db, side) => ({
          version: await currentDataVersion(db, ctx.db, (err) =>
            request.log.warn({ err }, 'data version: compaction failed'),
          ),
          side,
        }));
        if (ctx.reads && read.side !== 'replica') return;
        const etag = tagOf(request, audience, read.version);
        request.dataTag = etag;
        if (noneMatch(request.headers['if-none-match'], etag)) {
          void reply
            .code(304)
            .header('etag', etag)
            .header('cache-control', CACHE_CONTROL[audience])
            .header('vary', 'Accept-Language');
          return reply.send();
        }
      };

    const tag = (audience: Audience) =>
      async function tagOnSend(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
        if (request.dataTag !== undefined && reply.statusCode === 200) {
          void reply.header('etag', request.dataTag);
          void reply.header('cache-control', CACHE_CONTROL[audience]);
          const vary = reply.getHeader('vary');
          const given = vary === undefined ? '' : String(vary);
          if (!/(?:^|,)\s*accept-language\s*(?:,|$)/i.test(given)) {
            void reply.header('vary', given ? `${given}, Accept-Language` : 'Accept-Language');
          }
        }
        return payload;
      };

    const hooks = {
      private: { check: check('private'), tag: tag('private') },
      public: { check: check('public'), tag: tag('public') },
    };

    app.addHook('onRoute', (route) => {
      const audience = CONDITIONAL_ROUTES.get(route.url);
      if (!audience) return;
      const methods = [route.method].flat().map((m) => m.toUpperCase());
      if (!methods.every((m) => m === 'GET' || m === 'HEAD')) return;
      const { check: before, tag: after } = hooks[audience];
      // The HEAD route Fastify derives from the GET may arrive with them already.
      const preHandler = [route.preHandler ?? []].flat();
      if (!preHandler.includes(before)) route.preHandler = [...preHandler, before];
      const onSend = [route.onSend ?? []].flat();
      if (!onSend.includes(after)) route.onSend = [...onSend, after];
    });
  },
  { name: 'conditional-get', dependencies: ['auth', 'language'] },
);

interface DocumentedOperation {
  parameters?: { in: string; name?: string }[];
  responses?: Record<string, { description: string; headers?: Record<string, unknown> }>;
}

/** The OpenAPI document's part: If-None-Match, the 304, and the 200's ETag and Cache-Control. */
export function documentConditionalGet(method: string, path: string, op: DocumentedOperation) {
  if (method !== 'get' || !CONDITIONAL_PATHS.has(path)) return;
  const isPublic = path.startsWith('/api/v1/public/');
  const headers = {
    ETag: {
      description:
        'A weak tag of this answer: the data version, the path and query, the language, the caller and the day. Send it back in If-None-Match.',
      schema: { type: 'string' },
    },
    'Cache-Control': {
      description: isPublic
        ? '`no-cache`: any cache may keep the answer, but must revalidate it each time'
        : '`private, no-cache`: only the caller may keep the answer, and must revalidate it each time',
      schema: { type: 'string' },
    },
  };
  op.parameters = [
    ...(op.parameters ?? []),
    {
      in: 'header',
      name: 'If-None-Match',
      required: false,
      description:
        'The ETag of an earlier answer: 304 with no body when the answer would be the same.',
      schema: { type: 'string' },
    } as { in: string; name: string },
  ];
  op.responses ??= {};
  const ok = op.responses['200'];
  if (ok) ok.headers = { ...ok.headers, ...headers };
  op.responses['304'] = {
    description: 'Not modified: the ETag in If-None-Match is still this answer’s (no body)',
    headers,
  };
}
