// The bad-input table's entries for figures and targets, for routeSpecs() in ../routes.ts.
import { randomUUID } from 'node:crypto';
import { WORLD_PERIOD } from '../../../support/world.js';
import { type BadCase, fieldCases, malformedBodies, paramCases, type Who } from '../builders.js';
import type { RouteSpec } from '../routes.js';
import { withBody } from './shared.js';

export const figureRouteSpecs: RouteSpec[] = [
  // ----- figures -----
  {
    route: 'PUT /api/v1/measures/{id}/observations/{period}',
    who: 'editorA',
    cases: ({ w, rateIndicator, submittedQuarter }) => {
      const path = `/measures/${w.countA.id}/observations/${WORLD_PERIOD}`;
      const valid = { value: 13, note: 'checked' };
      const put = (
        what: string,
        body: unknown,
        opts: { path?: string; who?: Who; status?: number; code?: string } = {},
      ): BadCase => ({
        what,
        method: 'put',
        path: opts.path ?? path,
        body,
        ...(opts.who ? { who: opts.who } : {}),
        ...(opts.status ? { status: opts.status } : {}),
        ...(opts.code ? { code: opts.code } : {}),
      });
      const ratio = `/measures/${w.ratioA.id}/observations/${WORLD_PERIOD}`;
      const indicator = `/measures/${w.indicator.id}/observations/2024`;
      const dim = w.dimension.code;
      return [
        ...withBody('put', path, valid, {
          value: { kind: 'number', nullable: true },
          note: { kind: 'text', nullable: true },
          version: { kind: 'int', min: 0 },
        }),
        ...paramCases(
          'put',
          '/measures/{id}/observations/{period}',
          {
            id: { kind: 'uuid', valid: w.countA.id },
            period: { kind: 'period', valid: WORLD_PERIOD },
          },
          valid,
        ),
        { ...put('an empty body (no figure at all)', {}), last: true },
        // counts
        put('a count of -1', { value: -1 }),
        put('a count of 2.5', { value: 2.5 }),
        put('a count of -0.5', { value: -0.5 }),
        put('a count as a string', { value: '12' }),
        put('a count with numerator and denominator', { numerator: 1, denominator: 2 }),
        put('a count with a value and a numerator', { value: 3, numerator: 1 }),
        put(
          'a stale version',
          { value: 13, version: 0 },
          { status: 409, code: 'VERSION_CONFLICT' },
        ),
        put(
          'a future version',
          { value: 13, version: 99 },
          { status: 409, code: 'VERSION_CONFLICT' },
        ),
        put(
          'a version for a cell that does not exist yet',
          { value: 3, version: 4 },
          {
            path: `/measures/${w.countA.id}/observations/FY2025-26-Q3`,
            status: 409,
            code: 'VERSION_CONFLICT',
          },
        ),
        // periods of the wrong type
        put('a calendar year for a fiscal-quarter measure', valid, {
          path: `/measures/${w.countA.id}/observations/2025`,
        }),
        put('a calendar quarter for a fiscal-quarter measure', valid, {
          path: `/measures/${w.countA.id}/observations/2025-Q3`,
        }),
        put('a month for a fiscal-quarter measure', valid, {
          path: `/measures/${w.countA.id}/observations/2025-07`,
        }),
        put('a fiscal year for a fiscal-quarter measure', valid, {
          path: `/measures/${w.countA.id}/observations/FY2025-26`,
        }),
        put(
          'a fiscal quarter for a yearly indicator',
          { value: 50 },
          {
            who: 'coordinator',
            path: `/measures/${w.indicator.id}/observations/${WORLD_PERIOD}`,
          },
        ),
        // breakdowns
        put('a breakdown by a dimension the measure does not have', {
          value: 3,
          breakdown: { no_such_dimension: 'girls' },
        }),
        put('a breakdown value that does not exist', {
          value: 3,
          breakdown: { [dim]: 'nobody' },
        }),
        put('a breakdown value in other case', { value: 3, breakdown: { [dim]: 'GIRLS' } }),
        put('a breakdown that is an array', { value: 3, breakdown: [dim, 'girls'] }),
        put('a breakdown value that is a number', { value: 3, breakdown: { [dim]: 1 } }),
        put('a breakdown value that is empty', { value: 3, breakdown: { [dim]: '' } }),
        put('a breakdown of six dimensions', {
          value: 3,
          breakdown: { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x', f: 'x' },
        }),
        put(
          'a breakdown on a measure with no dimensions',
          { value: 3, breakdown: { [dim]: 'girls' } },
          {
            path: `/measures/${w.ratioA.id}/observations/${WORLD_PERIOD}`,
          },
        ),
        put('a part larger than the total', { value: 13, breakdown: { [dim]: 'girls' } }),
        // numerator / denominator measure
        put('a value for a numerator/denominator measure', { value: 60 }, { path: ratio }),
        put(
          'a value with numerator and denominator',
          { value: 60, numerator: 6, denominator: 10 },
          {
            path: ratio,
          },
        ),
        put(
          'a numerator above the denominator',
          { numerator: 11, denominator: 10 },
          { path: ratio },
        ),
        put('a denominator of 0', { numerator: 0, denominator: 0 }, { path: ratio }),
        put('a numerator without denominator', { numerator: 6 }, { path: ratio }),
        put('a denominator without numerator', { denominator: 10 }, { path: ratio }),
        put('a negative numerator', { numerator: -1, denominator: 10 }, { path: ratio }),
        put(
          'a negative denominator and numerator',
          { numerator: -6, denominator: -10 },
          {
            path: ratio,
          },
        ),
        put('a numerator as a string', { numerator: '6', denominator: 10 }, { path: ratio }),
        {
          what: 'a numerator of 1e999 (Infinity)',
          method: 'put',
          path: ratio,
          raw: { type: 'application/json', data: '{"numerator": 1e999, "denominator": 1e999}' },
        },
        put(
          'a rate whose value overflows to Infinity (numerator 1e308, denominator 1e-300)',
          { numerator: 1e308, denominator: 1e-300 },
          { who: 'coordinator', path: `/measures/${rateIndicator.id}/observations/2024` },
        ),
        // published percentage
        put(
          'a published percentage of 101',
          { value: 101 },
          { who: 'coordinator', path: indicator },
        ),
        put(
          'a published percentage of -0.1',
          { value: -0.1 },
          { who: 'coordinator', path: indicator },
        ),
        put(
          'a published percentage as numerator/denominator',
          { numerator: 1, denominator: 2 },
          {
            who: 'coordinator',
            path: indicator,
          },
        ),
        // shared measures are computed
        put(
          'a figure on a shared measure',
          { numerator: 1, denominator: 2 },
          {
            who: 'coordinator',
            path: `/measures/${w.shared.id}/observations/${WORLD_PERIOD}`,
          },
        ),
        put('a note of 4001 characters', { value: 13, note: 'n'.repeat(4001) }),
        put(
          'a figure in a submitted period',
          { value: 5 },
          {
            path: `/measures/${w.countA.id}/observations/${submittedQuarter}`,
            status: 409,
            code: 'PERIOD_LOCKED',
          },
        ),
      ];
    },
    control: ({ w }) => ({
      path: `/measures/${w.countA.id}/observations/${WORLD_PERIOD}`,
      body: { value: 13, note: 'checked' },
    }),
  },
  {
    route: 'PUT /api/v1/organizations/{id}/observations',
    who: 'editorA',
    cases: ({ w, submittedQuarter }) => {
      const path = `/organizations/${w.orgA.id}/observations`;
      const good = { measureId: w.countA.id, period: WORLD_PERIOD, value: 13 };
      const valid = { items: [good] };
      const put = (what: string, items: unknown, status?: number): BadCase => ({
        what,
        method: 'put',
        path,
        body: { items },
        ...(status ? { status } : {}),
      });
      const dim = w.dimension.code;
      return [
        ...malformedBodies('put', path, valid),
        ...paramCases(
          'put',
          '/organizations/{id}/observations',
          { id: { kind: 'uuid', valid: w.orgA.id } },
          valid,
        ),
        ...fieldCases('put', path, valid, {
          items: { kind: 'text', required: true },
          'items.0.measureId': { kind: 'uuid', required: true },
          'items.0.period': { kind: 'period', required: true },
          'items.0.value': { kind: 'number', nullable: true },
          'items.0.version': { kind: 'int', min: 0 },
        }),
        put('no items', []),
        put(
          '2001 items',
          Array.from({ length: 2001 }, () => good),
        ),
        put('an item with an unknown field', [{ ...good, extra: 1 }]),
        put('a measure of another agency', [{ ...good, measureId: w.countB.id }]),
        put('a measure that does not exist', [{ ...good, measureId: randomUUID() }]),
        put("a shared measure (the table's)", [
          { measureId: w.shared.id, period: WORLD_PERIOD, numerator: 1, denominator: 2 },
        ]),
        put('the same cell twice', [good, { ...good, value: 14 }]),
        {
          ...put('a good item, then a figure in a submitted period', [
            good,
            { ...good, period: submittedQuarter },
          ]),
          status: 409,
          code: 'PERIOD_LOCKED',
        },
        put('a good item, then a count of -1', [
          good,
          { ...good, period: 'FY2025-26-Q2', value: -1 },
        ]),
        put('a good item, then a count of 2.5', [
          good,
          { ...good, period: 'FY2025-26-Q2', value: 2.5 },
        ]),
        put('a good item, then a bad period', [good, { ...good, period: 'FY2025-27' }]),
        put('a good item, then a period of the wrong type', [good, { ...good, period: '2025-Q3' }]),
        put('a good item, then a numerator above the denominator', [
          good,
          { measureId: w.ratioA.id, period: WORLD_PERIOD, numerator: 11, denominator: 10 },
        ]),
        put('a good item, then a denominator of 0', [
          good,
          { measureId: w.ratioA.id, period: WORLD_PERIOD, numerator: 0, denominator: 0 },
        ]),
        put('a good item, then a value on a numerator/denominator measure', [
          good,
          { measureId: w.ratioA.id, period: WORLD_PERIOD, value: 50 },
        ]),
        put('a good item, then an unknown breakdown value', [
          good,
          { ...good, breakdown: { [dim]: 'nobody' } },
        ]),
        put(
          'a good item, then a part larger than the new total',
          [good, { ...good, value: 14, breakdown: { [dim]: 'girls' } }],
          422,
        ),
        put(
          'a good item, then a stale version',
          [
            good,
            {
              measureId: w.ratioA.id,
              period: WORLD_PERIOD,
              numerator: 7,
              denominator: 10,
              version: 0,
            },
          ],
          409,
        ),
        put(
          'a new cell, then a version for a cell that does not exist',
          [
            { ...good, period: 'FY2025-26-Q2' },
            { ...good, period: 'FY2025-26-Q3', version: 7 },
          ],
          409,
        ),
      ];
    },
    control: ({ w }) => ({
      path: `/organizations/${w.orgA.id}/observations`,
      body: { items: [{ measureId: w.countA.id, period: WORLD_PERIOD, value: 13 }] },
    }),
  },
  {
    route: 'PUT /api/v1/measures/{id}/targets/{period}',
    who: 'editorA',
    cases: ({ w }) => {
      const path = `/measures/${w.countA.id}/targets/${WORLD_PERIOD}`;
      const valid = { value: 20 };
      const put = (
        what: string,
        body: unknown,
        opts: { path?: string; who?: Who } = {},
      ): BadCase => ({
        what,
        method: 'put',
        path: opts.path ?? path,
        body,
        ...(opts.who ? { who: opts.who } : {}),
      });
      return [
        ...withBody('put', path, valid, { value: { kind: 'number', required: true } }),
        ...paramCases(
          'put',
          '/measures/{id}/targets/{period}',
          {
            id: { kind: 'uuid', valid: w.countA.id },
            period: { kind: 'period', valid: WORLD_PERIOD },
          },
          valid,
        ),
        put('a count target of -1', { value: -1 }),
        { ...put('a count target of 2.5', { value: 2.5 }), last: true },
        put('a period of the wrong type', valid, {
          path: `/measures/${w.countA.id}/targets/2025`,
        }),
        put('a breakdown value that does not exist', {
          value: 5,
          breakdown: { [w.dimension.code]: 'nobody' },
        }),
        put('a breakdown by an unknown dimension', { value: 5, breakdown: { nope: 'girls' } }),
        put(
          'a percentage target of 101',
          { value: 101 },
          {
            path: `/measures/${w.ratioA.id}/targets/${WORLD_PERIOD}`,
          },
        ),
        put(
          'a percentage target of -1',
          { value: -1 },
          {
            path: `/measures/${w.ratioA.id}/targets/${WORLD_PERIOD}`,
          },
        ),
        put(
          'a published percentage target of 101',
          { value: 101 },
          {
            who: 'coordinator',
            path: `/measures/${w.indicator.id}/targets/2025`,
          },
        ),
        put(
          'a numerator/denominator target',
          { numerator: 6, denominator: 10 },
          {
            path: `/measures/${w.ratioA.id}/targets/${WORLD_PERIOD}`,
          },
        ),
        put('a note (targets take none)', { value: 5, note: 'why' }),
      ];
    },
    control: ({ w }) => ({
      path: `/measures/${w.countA.id}/targets/${WORLD_PERIOD}`,
      body: { value: 20 },
    }),
  },
];
