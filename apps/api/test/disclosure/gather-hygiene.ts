// Hygiene, read as an attacker would: a restricted response must not say why a cell is hidden
// (a field or wording that gives the reason) nor carry a figure of a cell marked suppressed.
import type { Knowledge } from './gather.js';

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely, as an attacker would
type Json = any;

const REASON_KEY = /reason|why|cause|explan|masked|hidden|small/i;
const REASON_TEXT =
  /<\s*\d|≤\s*\d|fewer than|less than|too small|small cell|below the threshold|suppressed because|confidential/i;

export function checkJson(k: Pick<Knowledge, 'hygiene'>, body: Json, url: string) {
  const walk = (v: Json, path: string) => {
    if (typeof v === 'string') {
      if (REASON_TEXT.test(v)) k.hygiene.push(`${url} ${path}: text "${v}"`);
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
    } else if (v && typeof v === 'object') {
      for (const [key, x] of Object.entries(v)) {
        if (REASON_KEY.test(key)) k.hygiene.push(`${url} ${path}.${key}: a field "${key}"`);
        walk(x, `${path}.${key}`);
      }
      if (v.suppressed === true) {
        for (const f of ['value', 'numerator', 'denominator']) {
          if (v[f] !== null && v[f] !== undefined) {
            k.hygiene.push(`${url} ${path}: marked suppressed but ${f} = ${v[f]}`);
          }
        }
      }
      if ('suppressed' in v && typeof v.suppressed !== 'boolean') {
        k.hygiene.push(`${url} ${path}: suppressed is ${JSON.stringify(v.suppressed)}`);
      }
    }
  };
  walk(body, '');
}

export function checkCsvText(k: Pick<Knowledge, 'hygiene'>, text: string, url: string) {
  for (const line of text.split(/\r?\n/)) {
    if (REASON_TEXT.test(line)) k.hygiene.push(`${url}: text "${line}"`);
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  for (const col of header.split(',')) {
    if (REASON_KEY.test(col)) k.hygiene.push(`${url}: a column "${col}"`);
  }
}
