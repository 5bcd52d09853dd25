// Validation problems as codes and parameters (the vocabulary is ISSUE_CODES in
// packages/schema), from the schemas' zod issues and from the services' own rules. Clients word
// them in the user's language; the API words them too (messages.ts).
import { ISSUE_CODES, type IssueCode } from '@rba/schema';

/** One problem, before it is worded: where, what, and the figures a sentence needs. */
export interface Issue {
  path: string[];
  code: IssueCode;
  params: Record<string, unknown>;
}

/**
 * An issue for a service's rule: `issue('body.value', 'not_a_count')`. The path is dotted, from
 * the part of the request that holds the field (`body`, `query`, `params`, `file`, `mapping`).
 */
export function issue(path: string, code: IssueCode, params: Record<string, unknown> = {}): Issue {
  return { path: path === '' ? [] : path.split('.'), code, params };
}

/** What fastify-type-provider-zod reports for one zod issue (the issue's other fields in params). */
export interface SchemaProblem {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params?: Record<string, unknown> | undefined;
}

const KNOWN_FORMATS: Record<string, string> = {
  email: 'email',
  uuid: 'uuid',
  guid: 'uuid',
  date: 'date',
  datetime: 'datetime',
  time: 'time',
  url: 'url',
  regex: 'pattern',
  starts_with: 'pattern',
  ends_with: 'pattern',
  includes: 'pattern',
};

function valueAt(root: unknown, path: string[]): unknown {
  let at = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function bound(params: Record<string, unknown>, key: 'minimum' | 'maximum'): unknown {
  const v = params[key];
  return typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : v;
}

/**
 * The issues of a request the route's schemas refused. `part` is where (`body`, `querystring`,
 * `params`, `headers`), `input` what was sent there (to tell a missing field from a wrong one).
 */
export function issuesFromSchema(
  problems: readonly SchemaProblem[],
  part: string,
  input: unknown,
): Issue[] {
  const prefix = part === 'querystring' ? 'query' : part;
  const out: Issue[] = [];
  for (const p of problems) {
    const inner = p.instancePath.split('/').filter(Boolean);
    const path = [prefix, ...inner];
    const params = p.params ?? {};
    const origin = params.origin;
    switch (p.keyword) {
      case 'invalid_type': {
        const expected = String(params.expected ?? '');
        if (valueAt(input, inner) === undefined) out.push({ path, code: 'required', params: {} });
        else if (expected === 'int') out.push({ path, code: 'not_integer', params: {} });
        else if (expected === 'number') out.push({ path, code: 'not_a_number', params: {} });
        else out.push({ path, code: 'invalid_type', params: { expected } });
        break;
      }
      case 'too_small':
      case 'too_big': {
        const small = p.keyword === 'too_small';
        const key = small ? 'minimum' : 'maximum';
        const limit = bound(params, key);
        if (origin === 'string') {
          out.push({ path, code: small ? 'too_short' : 'too_long', params: { [key]: limit } });
        } else if (origin === 'array' || origin === 'set' || origin === 'file') {
          out.push({ path, code: small ? 'too_few' : 'too_many', params: { [key]: limit } });
        } else {
          out.push({
            path,
            code: small ? 'too_small' : 'too_big',
            params: { [key]: limit, inclusive: params.inclusive !== false },
          });
        }
        break;
      }
      case 'not_multiple_of':
        out.push({ path, code: 'invalid', params: { multipleOf: params.divisor } });
        break;
      case 'invalid_format': {
        const format = String(params.format ?? '');
        out.push({
          path,
          code: 'invalid_format',
          params: { format: KNOWN_FORMATS[format] ?? format },
        });
        break;
      }
      case 'invalid_value':
        out.push({
          path,
          code: 'invalid_option',
          params: { options: ((params.values as unknown[] | undefined) ?? []).map(String) },
        });
        break;
      case 'unrecognized_keys':
        for (const key of (params.keys as string[] | undefined) ?? []) {
          out.push({ path: [...path, key], code: 'unknown_field', params: { field: key } });
        }
        break;
      case 'custom': {
        // A refinement may say which code it is: `.refine(f, { params: { code: 'duplicate' } })`.
        const own = (params.params ?? {}) as Record<string, unknown>;
        const { code, ...rest } = own;
        if (typeof code === 'string' && isIssueCode(code)) {
          out.push({ path, code, params: rest });
        } else {
          out.push({ path, code: 'invalid', params: { rule: p.message ?? '' } });
        }
        break;
      }
      default:
        out.push({ path, code: 'invalid', params: { rule: p.message ?? '' } });
    }
  }
  return out;
}

const codes = new Set<string>(ISSUE_CODES);
export function isIssueCode(code: string): code is IssueCode {
  return codes.has(code);
}

/** The issues of a value a zod schema refused outside a route's own validation (`where` first). */
export function issuesFromZod(
  zodIssues: readonly { code: string; path: PropertyKey[]; message: string }[],
  where: string,
  input: unknown,
): Issue[] {
  return issuesFromSchema(
    zodIssues.map(({ code, path, message, ...rest }) => ({
      keyword: code,
      instancePath: `/${path.map(String).join('/')}`,
      message,
      params: rest,
    })),
    where,
    input,
  );
}
