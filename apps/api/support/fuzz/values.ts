// Hostile values the mutations draw from: unicode edge cases, number literals, ids and periods.
import type { Rng } from './prng.js';

export const UNICODE = [
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  'a\uD83D', // emoji cut in half
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C', // right-to-left override
  '\u200B\u200C\u200D\u2060', // zero-width characters
  `e${'\u0301'.repeat(5000)}`, // combining marks
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '𝕏𝔂𝔃',
  '\uFEFF',
  '\uFFFF\uFFFE',
  'Ｆｕｌｌｗｉｄｔｈ',
  'İıſK', // case-mapping traps
  '\r\n\t\u000B\u000C\u0085\u2028\u2029',
  '\u001B[31mred\u001B[0m',
  "'; drop table users; --",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  "+cmd|' /C calc'!A0",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '$' + '{jndi:ldap://x}',
  '{{7*7}}',
  '   ',
  '',
];

/** Raw JSON number literals, including what JavaScript cannot write (1e999, -0). */
export const NUMBERS = [
  '0',
  '-0',
  '-0.0',
  '1e308',
  '-1e308',
  '1.7976931348623157e308',
  '1e309',
  '-1e999',
  '1e999',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '1e-320',
  '5e-324',
  '-5e-324',
  '0.30000000000000004',
  '-1',
  '2147483648',
  '-2147483649',
  '1.5',
  '0.0000001',
  '1E2',
  '1e+2',
];

export const NUMBER_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-0',
  '0x10',
  '1_000',
  ' 5 ',
  '5.',
  '.5',
  '١٢٣',
];

export const BAD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-000000000000',
  '12345',
  '-1',
  '0',
  "1'%20or%20'1'%3D'1",
  '%00',
  '%2e%2e',
  '%2F',
  '..',
  '%F0%9F%92%A9',
  '%C0%AF',
  '%ED%A0%80',
  '%E2%80%AE',
  '%',
  '%zz',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'x'.repeat(101),
  'x'.repeat(5000),
  '%20',
];

export const BAD_PERIODS = [
  '2025-Q5',
  'FY2025-27',
  'FY9999-00-Q4',
  'FY0000-01',
  '0000',
  '9999-12',
  '-2025',
  '2025-Q0',
  '2025-00',
  '2025-13',
  '1e3',
  'FY2025-26-Q1%00',
  'FY2025-26-q1',
  '２０２５',
  'x'.repeat(21),
  '2025-Q3x',
  '99999',
  '275760',
];

/** A well-formed version-4 uuid that exists nowhere. */
export function uuidFrom(rng: Rng): string {
  const h = rng.bytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
