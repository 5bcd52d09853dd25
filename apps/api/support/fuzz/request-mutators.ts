// Mutations of the request around the body: its content type, path parameters, query string
// and token.
import { type Mutation, serializeJson, serializeMultipart } from './draft.js';
import { BAD_IDS, BAD_PERIODS, uuidFrom } from './values.js';

/** A content type other than the one the route reads. */
export const contentType: Mutation = (d, rng) => {
  const type = rng.pick([
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json; charset=nonsense',
    'application/json-patch+json',
    'application/octet-stream',
    'application/JSON',
    ' application/json',
    'application/json, text/plain',
    'x'.repeat(2000),
    '',
  ]);
  if (d.multipart && rng.chance(0.5)) {
    d.raw = serializeMultipart(d);
    d.multipart = undefined;
  }
  if (type === '') delete d.headers['content-type'];
  else d.headers['content-type'] = type;
  if (type.includes('utf-16') && d.raw === undefined) {
    d.raw = Buffer.from(serializeJson(d), 'utf16le');
  }
  return `content type ${JSON.stringify(type.slice(0, 40))}`;
};

/** A path parameter that is not an id, or another kind's id, or a bad period. */
export const pathParam: Mutation = (d, rng, env) => {
  const names = Object.keys(d.params);
  if (names.length === 0) return queryMutation(d, rng, env);
  const name = rng.pick(names);
  const value =
    name === 'period' || name === 'revision'
      ? rng.weighted<() => string>([
          [4, () => encodeURIComponent(rng.pick(BAD_PERIODS))],
          [1, () => rng.pick(BAD_IDS)],
          [
            1,
            () => rng.pick(['0', '-1', '1e3', '9007199254740993', '99999999999999999999', '1.5']),
          ],
        ])()
      : rng.weighted<() => string>([
          [5, () => rng.pick(BAD_IDS)],
          [3, () => rng.pick(env.ids)],
          [1, () => uuidFrom(rng)],
          [1, () => (d.params[name] ?? '').toUpperCase()],
          [1, () => `${d.params[name]}%00`],
          [1, () => `${d.params[name]}/`],
        ])();
  d.params[name] = value;
  return `path ${name} = ${value.length > 40 ? `${value.slice(0, 40)}… (${value.length})` : value}`;
};

/** Hostile query strings. */
export const queryMutation: Mutation = (d, rng) => {
  const pair = rng.weighted<() => [string, string]>([
    [2, () => ['commit', rng.pick(['true', '1', 'yes', 'TRUE', '', 'true%00'])]],
    [2, () => ['async', rng.pick(['true', '1', 'maybe'])]],
    [2, () => ['__proto__[polluted]', 'yes']],
    [2, () => ['constructor[prototype][polluted]', 'yes']],
    [1, () => ['x', 'y'.repeat(10_000)]],
    [1, () => ['%', '%']],
    [1, () => ['a[b][c][d][e][f][g]', '1']],
    [1, () => ['unknown', '1']],
  ])();
  d.query.push(pair);
  if (rng.chance(0.2)) d.query.push(pair);
  return `query ${pair[0]}=${pair[1].slice(0, 20)}${pair[1].length > 20 ? '…' : ''}`;
};

/** Missing, malformed, forged or someone else's token. */
export const authMutation: Mutation = (d, rng, env) => {
  const choice = rng.weighted<() => string>([
    [
      2,
      () => {
        d.caller = 'none';
        return 'no token';
      },
    ],
    [
      2,
      () => {
        d.caller = 'other';
        return "another user's token (an agency editor elsewhere)";
      },
    ],
    [
      3,
      () => {
        d.caller = 'forged';
        const token = rng.pick(env.forgedTokens);
        d.headers.authorization = token;
        return `authorization ${JSON.stringify(token.slice(0, 40))}`;
      },
    ],
  ]);
  return choice();
};
