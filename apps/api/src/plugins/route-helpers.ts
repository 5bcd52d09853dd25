import type { Readable } from 'node:stream';
import { errorBody } from '@rba/schema';
import { z } from 'zod';

/** OpenAPI security for routes behind the bearer token. */
export const security = [{ bearerAuth: [] }];

/**
 * The error replies most authenticated routes can give. The document adds by itself what any
 * route of a shape can answer (400, 401, 413, 414, 415, 5xx: plugins/openapi-document.ts).
 */
export const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
} as const;

export const noContent = { 204: z.null() } as const;

/**
 * A success that is not JSON (a CSV file, an HTML page); errors stay JSON. Documented as a
 * string; sent as a string or a stream, which Fastify passes through without a serializer.
 */
export function textResponse(mediaType: 'text/csv' | 'text/html', description: string) {
  const text = z.string() as unknown as z.ZodType<string | Readable>;
  return { description, content: { [mediaType]: { schema: text } } };
}

export const periodParams = z.strictObject({
  id: z.uuid(),
  period: z.string().min(1).max(20),
});

/**
 * One page of a list by limit and offset: one row more is asked for, to tell whether another
 * page follows (`nextOffset`, null on the last) without counting the whole list.
 */
export async function pageOf<T>(
  query: { limit: number; offset: number },
  fetch: (limit: number, offset: number) => Promise<T[]>,
): Promise<{ items: T[]; nextOffset: number | null }> {
  const rows = await fetch(query.limit + 1, query.offset);
  return {
    items: rows.slice(0, query.limit),
    nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
  };
}
