// The request a mutation edits (a Draft), and how it is serialized: the JSON body with its raw
// literals, and the multipart body of an import.
import type { JsonSchema } from './generator.js';
import type { Rng } from './prng.js';
import type { Caller } from './world.js';

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
  /** The mapping part: its text is the draft's JSON, serialized when the request is sent. */
  fromJson?: boolean;
}

export interface Draft {
  method: string;
  /** Route template, `/api/v1/measures/{id}`. */
  template: string;
  /** Path parameter → its text as it goes into the URL (already percent-encoded). */
  params: Record<string, string>;
  /** Query pairs, already percent-encoded. */
  query: [string, string][];
  headers: Record<string, string>;
  /** A JSON body, with raw literals substituted for markers when serialized. */
  json?: unknown;
  raws: Map<string, string>;
  /** A body given as bytes (replaces json). */
  raw?: Buffer;
  /** A multipart body: the parts and the boundary. */
  multipart?: { parts: Part[]; boundary: string; tail?: Buffer; truncate?: number };
  /** The request's own schema (the body's, or the import mapping's). */
  schema?: JsonSchema;
  caller: Caller | 'none' | 'forged' | 'other';
  /** Send over a real socket rather than app.inject. */
  http: boolean;
}

export interface MutationEnv {
  /** Ids of the world, of every kind, for swapping one in. */
  ids: string[];
  /** A token that is well-formed but signed with another secret, and similar. */
  forgedTokens: string[];
}

export type Mutation = (d: Draft, rng: Rng, env: MutationEnv) => string;

/** The JSON text of the body, with raw literals in place of their markers. */
export function serializeJson(d: Draft): string {
  let text = JSON.stringify(d.json) ?? '';
  for (const [marker, literal] of d.raws) {
    if (text.includes(marker)) text = text.split(marker).join(literal);
  }
  return text;
}

export function serializeMultipart(d: Draft): Buffer {
  const mp = d.multipart;
  if (!mp) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for (const p of mp.parts) {
    const data = p.fromJson ? Buffer.from(serializeJson(d)) : p.data;
    let head = `--${mp.boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += '\r\n';
    if (p.contentType !== undefined) head += `Content-Type: ${p.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${mp.boundary}--\r\n`));
  if (mp.tail) chunks.push(mp.tail);
  const all = Buffer.concat(chunks);
  return mp.truncate ? all.subarray(0, Math.max(0, all.length - mp.truncate)) : all;
}
