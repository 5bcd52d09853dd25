// The bad-input table's entries for results, programs and dimensions, for routeSpecs() in
// ../routes.ts.
import { randomUUID } from 'node:crypto';
import { type BadCase, paramCases, withField } from '../builders.js';
import type { RouteSpec } from '../routes.js';
import { type Body, optionalText, patchText, text, withBody } from './shared.js';

export const resultRouteSpecs: RouteSpec[] = [
  // ----- results -----
  {
    route: 'POST /api/v1/tables/{id}/results',
    who: 'coordinator',
    cases: ({ w }) => {
      const path = `/tables/${w.table.id}/results`;
      const valid = { title: 'A new result', description: 'Why', sortOrder: 3 };
      return [
        ...withBody('post', path, valid, {
          title: text,
          description: optionalText,
          sortOrder: { kind: 'int', min: 0, max: 100000 },
        }),
        ...paramCases(
          'post',
          '/tables/{id}/results',
          { id: { kind: 'uuid', valid: w.table.id } },
          valid,
        ),
      ];
    },
    control: ({ w }) => ({
      path: `/tables/${w.table.id}/results`,
      body: { title: 'A new result', description: 'Why', sortOrder: 3 },
    }),
  },
  {
    route: 'PATCH /api/v1/results/{id}',
    who: 'coordinator',
    cases: ({ w }) => {
      const path = `/results/${w.result.id}`;
      const valid = { title: 'Renamed result' };
      return [
        ...withBody('patch', path, valid, {
          title: patchText,
          description: optionalText,
          sortOrder: { kind: 'int', min: 0, max: 100000 },
          archived: { kind: 'bool' },
        }),
        ...paramCases(
          'patch',
          '/results/{id}',
          { id: { kind: 'uuid', valid: w.result.id } },
          valid,
        ),
        {
          what: 'an empty patch (nothing to change)',
          method: 'patch',
          path,
          body: {},
          last: true,
        },
        {
          what: 'moving it to another table',
          method: 'patch',
          path,
          body: { ...valid, tableId: w.otherTable.id },
        },
      ];
    },
    control: ({ w }) => ({ path: `/results/${w.result.id}`, body: { title: 'Renamed result' } }),
  },

  // ----- programs -----
  {
    route: 'POST /api/v1/organizations/{id}/programs',
    who: 'editorA',
    cases: ({ w }) => {
      const path = `/organizations/${w.orgA.id}/programs`;
      const valid = { name: 'A new program', description: 'What', resultIds: [w.result.id] };
      return [
        ...withBody('post', path, valid, {
          name: text,
          description: optionalText,
          resultIds: { kind: 'uuids' },
        }),
        ...paramCases(
          'post',
          '/organizations/{id}/programs',
          { id: { kind: 'uuid', valid: w.orgA.id } },
          valid,
        ),
        {
          what: 'a result of a table the agency is not a partner at',
          method: 'post',
          path,
          body: { ...valid, resultIds: [w.otherResult.id] },
        },
        {
          what: 'a result that does not exist',
          method: 'post',
          path,
          body: { ...valid, resultIds: [randomUUID()] },
        },
        {
          what: 'a valid result and a missing one',
          method: 'post',
          path,
          body: { ...valid, resultIds: [w.result.id, randomUUID()] },
        },
      ];
    },
    control: ({ w }) => ({
      path: `/organizations/${w.orgA.id}/programs`,
      body: { name: 'A new program', description: 'What', resultIds: [w.result.id] },
    }),
  },
  {
    route: 'PATCH /api/v1/programs/{id}',
    who: 'editorA',
    cases: ({ w }) => {
      const path = `/programs/${w.programA.id}`;
      const valid = { name: 'Renamed program' };
      return [
        ...withBody('patch', path, valid, {
          name: patchText,
          description: optionalText,
          resultIds: { kind: 'uuids' },
          archived: { kind: 'bool' },
        }),
        ...paramCases(
          'patch',
          '/programs/{id}',
          { id: { kind: 'uuid', valid: w.programA.id } },
          valid,
        ),
        {
          what: 'an empty patch (nothing to change)',
          method: 'patch',
          path,
          body: {},
          last: true,
        },
        {
          what: 'a result of another table (with a valid name change)',
          method: 'patch',
          path,
          body: { ...valid, resultIds: [w.otherResult.id] },
        },
        {
          what: 'a result that does not exist',
          method: 'patch',
          path,
          body: { resultIds: [randomUUID()] },
        },
        {
          what: 'moving it to another organization',
          method: 'patch',
          path,
          body: { ...valid, organizationId: w.orgB.id },
        },
      ];
    },
    control: ({ w }) => ({
      path: `/programs/${w.programA.id}`,
      body: { name: 'Renamed program' },
    }),
  },

  // ----- dimensions -----
  {
    route: 'POST /api/v1/dimensions',
    who: 'coordinator',
    cases: ({ w }) => {
      const valid = {
        code: 'new_dim',
        name: 'A new dimension',
        values: [
          { code: 'one', label: 'One' },
          { code: 'two', label: 'Two' },
        ],
      };
      const post = (what: string, body: Body, status?: number): BadCase => ({
        what,
        method: 'post',
        path: '/dimensions',
        body,
        ...(status ? { status } : {}),
      });
      return withBody(
        'post',
        '/dimensions',
        valid,
        {
          code: { kind: 'code', required: true },
          name: text,
          'values.0.code': { kind: 'code', required: true },
          'values.0.label': text,
        },
        [
          post('values missing', withField(valid, 'values', undefined)),
          post('no values', { ...valid, values: [] }),
          post('values not an array', { ...valid, values: 'one,two' }),
          post('a value that is a string', { ...valid, values: ['one'] }),
          post('a value code repeated', {
            ...valid,
            values: [
              { code: 'one', label: 'One' },
              { code: 'one', label: 'Uno' },
            ],
          }),
          post('a value with an extra field', {
            ...valid,
            values: [{ code: 'one', label: 'One', sortOrder: 1 }],
          }),
          post('501 values', {
            ...valid,
            values: Array.from({ length: 501 }, (_, i) => ({ code: `v${i}`, label: `V${i}` })),
          }),
          post('a code already taken', { ...valid, code: w.dimension.code }, 409),
        ],
      );
    },
    control: () => ({
      path: '/dimensions',
      body: {
        code: 'new_dim',
        name: 'A new dimension',
        values: [
          { code: 'one', label: 'One' },
          { code: 'two', label: 'Two' },
        ],
      },
    }),
  },
];
