// The caller's language, in the contract's order: `?lang=en|fr` when given, else the signed-in
// user's saved locale, else Accept-Language, else English. Error messages and names follow it.
import type { Locale } from '@rba/schema';
import type { FastifyRequest } from 'fastify';
import { requestLanguage } from './language.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** `?lang` as the request gave it (plugins/language.ts takes it out of the query). */
    langParam: Locale | undefined;
  }
}

export function callerLanguage(request: FastifyRequest): Locale {
  return (
    request.langParam ?? requestLanguage(request.headers['accept-language'], request.actor?.locale)
  );
}
