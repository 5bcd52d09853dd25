// The bad-input table's entries for measures (indicators, shared and program measures), for
// routeSpecs() in ../routes.ts.
import { randomUUID } from 'node:crypto';
import { type BadCase, type FieldKind, paramCases, type Who } from '../builders.js';
import type { RouteSpec } from '../routes.js';
import { type Body, optionalText, patchText, withBody } from './shared.js';

const measureFields: Record<string, FieldKind> = {
  code: { kind: 'code', required: true },
  name: { kind: 'text', required: true },
  unit: { kind: 'enum', required: true },
  direction: { kind: 'enum', required: true },
  periodType: { kind: 'enum', required: true },
  category: { kind: 'enum', nullable: true },
  aggregation: { kind: 'enum' },
  periodAggregation: { kind: 'enum' },
  ratePer: { kind: 'number', nullable: true },
  decimals: { kind: 'int', min: 0, max: 6 },
  headline: { kind: 'bool' },
  onDataDevelopmentAgenda: { kind: 'bool' },
  baselinePeriod: { kind: 'period', nullable: true },
  dataSource: { kind: 'text', nullable: true },
  definition: { kind: 'text', nullable: true },
  sharedMeasureId: { kind: 'uuid', nullable: true },
};

/** Cases every measure-creating route shares, on top of the field mutations. */
function measureRules(path: string, valid: Body): BadCase[] {
  const post = (what: string, body: Body, status?: number): BadCase => ({
    what,
    method: 'post',
    path,
    body,
    ...(status ? { status } : {}),
  });
  return [
    post('ratePer 0', { ...valid, ratePer: 0 }),
    post('ratePer -1', { ...valid, ratePer: -1 }),
    post('aggregation ratio on a count', { ...valid, unit: 'count', aggregation: 'ratio' }),
    post('aggregation latest (periods only)', { ...valid, aggregation: 'latest' }),
    post('periodAggregation ratio with aggregation sum', {
      ...valid,
      unit: 'count',
      aggregation: 'sum',
      periodAggregation: 'ratio',
    }),
    post('an unknown dimension', { ...valid, dimensions: ['no_such_dimension'] }),
    post('six dimensions', { ...valid, dimensions: ['a', 'b', 'c', 'd', 'e', 'f'] }),
    post('dimensions not an array', { ...valid, dimensions: 'gender' }),
    post('a malformed dimension code', { ...valid, dimensions: ['has space'] }),
    post('baselinePeriod of another period type', { ...valid, baselinePeriod: '2025-07' }),
    post('unit with different case', { ...valid, unit: 'Count' }),
    post('periodType week', { ...valid, periodType: 'week' }),
    post('kind given (the route decides it)', { ...valid, kind: 'indicator' }),
  ];
}

export const measureRouteSpecs: RouteSpec[] = [
  // ----- measures -----
  {
    route: 'POST /api/v1/results/{id}/indicators',
    who: 'coordinator',
    cases: ({ w }) => {
      const path = `/results/${w.result.id}/indicators`;
      const valid = {
        code: 'NEW-IND',
        name: 'A new indicator',
        unit: 'percent',
        aggregation: 'mean',
        direction: 'up',
        periodType: 'year',
        baselinePeriod: '2020',
      };
      return [
        ...withBody('post', path, valid, measureFields),
        ...measureRules(path, valid),
        ...paramCases(
          'post',
          '/results/{id}/indicators',
          { id: { kind: 'uuid', valid: w.result.id } },
          valid,
        ),
        {
          what: 'a category (indicators have none)',
          method: 'post',
          path,
          body: { ...valid, category: 'how_much' },
        },
        {
          what: 'a sharedMeasureId (only program measures report one)',
          method: 'post',
          path,
          body: { ...valid, sharedMeasureId: w.shared.id },
        },
        {
          what: 'a code already taken at this table',
          method: 'post',
          path,
          body: { ...valid, code: w.indicator.code },
          status: 409,
        },
      ];
    },
    control: ({ w }) => ({
      path: `/results/${w.result.id}/indicators`,
      body: {
        code: 'NEW-IND',
        name: 'A new indicator',
        unit: 'percent',
        aggregation: 'mean',
        direction: 'up',
        periodType: 'year',
        baselinePeriod: '2020',
      },
    }),
  },
  {
    route: 'POST /api/v1/tables/{id}/shared-measures',
    who: 'coordinator',
    cases: ({ w }) => {
      const path = `/tables/${w.table.id}/shared-measures`;
      const valid = {
        code: 'NEW-SH',
        name: 'A new shared measure',
        unit: 'percent',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'better_off',
      };
      return [
        ...withBody('post', path, valid, measureFields),
        ...measureRules(path, valid),
        ...paramCases(
          'post',
          '/tables/{id}/shared-measures',
          { id: { kind: 'uuid', valid: w.table.id } },
          valid,
        ),
        {
          what: 'a sharedMeasureId on a shared measure',
          method: 'post',
          path,
          body: { ...valid, sharedMeasureId: w.shared.id },
        },
        {
          what: 'a code already taken at this table',
          method: 'post',
          path,
          body: { ...valid, code: w.shared.code },
          status: 409,
        },
      ];
    },
    control: ({ w }) => ({
      path: `/tables/${w.table.id}/shared-measures`,
      body: {
        code: 'NEW-SH',
        name: 'A new shared measure',
        unit: 'percent',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'better_off',
      },
    }),
  },
  {
    route: 'POST /api/v1/programs/{id}/measures',
    who: 'editorA',
    cases: ({ w }) => {
      const path = `/programs/${w.programA.id}/measures`;
      const valid = {
        code: 'NEW-PM',
        name: 'A new program measure',
        unit: 'count',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'how_much',
        dimensions: [w.dimension.code],
      };
      const post = (what: string, body: Body, status?: number): BadCase => ({
        what,
        method: 'post',
        path,
        body,
        ...(status ? { status } : {}),
      });
      return [
        ...withBody('post', path, valid, measureFields),
        ...measureRules(path, valid),
        ...paramCases(
          'post',
          '/programs/{id}/measures',
          { id: { kind: 'uuid', valid: w.programA.id } },
          valid,
        ),
        post('a shared measure that does not exist', { ...valid, sharedMeasureId: randomUUID() }),
        post('a count reporting a percent shared measure', {
          ...valid,
          sharedMeasureId: w.shared.id,
        }),
        post('a sharedMeasureId that is not a shared measure', {
          ...valid,
          sharedMeasureId: w.countB.id,
        }),
        post('a percent shared measure with another period type', {
          ...valid,
          unit: 'percent',
          periodType: 'year',
          dimensions: [],
          sharedMeasureId: w.shared.id,
        }),
        post('a percent shared measure with another direction', {
          ...valid,
          unit: 'percent',
          direction: 'down',
          dimensions: [],
          sharedMeasureId: w.shared.id,
        }),
        post('a code already taken in this agency', { ...valid, code: w.countA.code }, 409),
        post('a known and an unknown dimension', {
          ...valid,
          dimensions: [w.dimension.code, 'nope'],
        }),
      ];
    },
    control: ({ w }) => ({
      path: `/programs/${w.programA.id}/measures`,
      body: {
        code: 'NEW-PM',
        name: 'A new program measure',
        unit: 'count',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'how_much',
        dimensions: [w.dimension.code],
      },
    }),
  },
  {
    route: 'PATCH /api/v1/measures/{id}',
    who: 'editorA',
    cases: ({ w }) => {
      const path = `/measures/${w.countA.id}`;
      const valid = { name: 'Renamed measure' };
      const patch = (what: string, body: Body, who?: Who, p = path): BadCase => ({
        what,
        method: 'patch',
        path: p,
        body,
        ...(who ? { who } : {}),
      });
      return [
        ...withBody('patch', path, valid, {
          name: patchText,
          direction: { kind: 'enum' },
          category: { kind: 'enum', nullable: true },
          ratePer: { kind: 'number', nullable: true },
          decimals: { kind: 'int', min: 0, max: 6 },
          headline: { kind: 'bool' },
          onDataDevelopmentAgenda: { kind: 'bool' },
          baselinePeriod: { kind: 'period', nullable: true },
          dataSource: optionalText,
          definition: optionalText,
          archived: { kind: 'bool' },
        }),
        ...paramCases(
          'patch',
          '/measures/{id}',
          { id: { kind: 'uuid', valid: w.countA.id } },
          valid,
        ),
        { ...patch('an empty patch (nothing to change)', {}), last: true },
        patch('changing the unit', { ...valid, unit: 'percent' }),
        patch('changing the code', { ...valid, code: 'OTHER' }),
        patch('changing the period type', { ...valid, periodType: 'year' }),
        patch('a baselinePeriod of another period type', { ...valid, baselinePeriod: '2025' }),
        patch('ratePer 0', { ...valid, ratePer: 0 }),
        patch(
          'a category on an indicator',
          { category: 'how_much' },
          'coordinator',
          `/measures/${w.indicator.id}`,
        ),
      ];
    },
    control: ({ w }) => ({ path: `/measures/${w.countA.id}`, body: { name: 'Renamed measure' } }),
  },
];
