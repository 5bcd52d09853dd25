// The language of every answer (docs/api.md#languages):
// - `?lang=en|fr` is read here, on any route, and taken out of the query before the route's own
//   schema sees it (so that strict query schemas need not name it); the OpenAPI document gives
//   it to every GET (openapi-document.ts). Another value is a 400 that changes nothing.
// - Every JSON answer's names are given in the caller's language (i18n/localize.ts), except a
//   route's whose config says `asStored` (the audit trail: what was written, as written).
import { LOCALES } from '@rba/schema';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationError } from '../errors.js';
import { callerLanguage } from '../i18n/caller-language.js';
import { issue } from '../i18n/issues.js';
import { localize } from '../i18n/localize.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answer names as stored, in both languages, whatever the caller's (the audit trail). */
    asStored?: boolean;
  }
}

export const languagePlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('langParam', undefined);
    app.addHook('preValidation', async (request) => {
      const query = request.query as Record<string, unknown> | null | undefined;
      if (query === null || typeof query !== 'object' || !Object.hasOwn(query, 'lang')) return;
      const value = query.lang;
      delete query.lang;
      const lang = LOCALES.find((l) => l === value);
      if (!lang) {
        throw new ValidationError(
          'lang must be en or fr',
          issue('query.lang', 'invalid_option', { options: [...LOCALES] }),
        );
      }
      request.langParam = lang;
    });
    app.addHook('preSerialization', async (request, _reply, payload) =>
      request.routeOptions.config?.asStored ? payload : localize(payload, callerLanguage(request)),
    );
  },
  { name: 'language' },
);
