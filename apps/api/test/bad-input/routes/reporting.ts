// The bad-input table's entries for quarterly reporting and the CSV import, for routeSpecs() in
// ../routes.ts.
import { randomUUID } from 'node:crypto';
import { WORLD_PERIOD } from '../../../support/world.js';
import { type BadCase, LONG, paramCases } from '../builders.js';
import type { RouteSpec } from '../routes.js';
import { text, withBody } from './shared.js';

export const reportingRouteSpecs: RouteSpec[] = [
  // ----- quarterly reporting -----
  {
    route: 'POST /api/v1/organizations/{id}/periods/{period}/submit',
    who: 'editorA',
    cases: ({ w, submittedMonth }) => {
      const template = '/organizations/{id}/periods/{period}/submit';
      return [
        ...paramCases('post', template, {
          id: { kind: 'uuid', valid: w.orgA.id },
          period: { kind: 'period', valid: WORLD_PERIOD },
        }),
        {
          what: 'a body that is not JSON',
          method: 'post',
          path: `/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/submit`,
          raw: { type: 'application/json', data: '{"oops' },
        },
        {
          what: 'a period already submitted',
          method: 'post',
          path: `/organizations/${w.orgA.id}/periods/${submittedMonth}/submit`,
          status: 409,
          code: 'INVALID_TRANSITION',
        },
      ];
    },
  },
  {
    route: 'POST /api/v1/organizations/{id}/periods/{period}/approve',
    who: 'coordinator',
    cases: ({ w }) => {
      const template = '/organizations/{id}/periods/{period}/approve';
      return [
        ...paramCases('post', template, {
          id: { kind: 'uuid', valid: w.orgA.id },
          period: { kind: 'period', valid: WORLD_PERIOD },
        }),
        {
          what: 'a period that was never submitted',
          method: 'post',
          path: `/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/approve`,
          status: 409,
          code: 'INVALID_TRANSITION',
        },
        {
          what: 'a body that is not JSON',
          method: 'post',
          path: `/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/approve`,
          raw: { type: 'application/json', data: '[1,' },
        },
      ];
    },
  },
  {
    route: 'POST /api/v1/organizations/{id}/periods/{period}/return',
    who: 'coordinator',
    cases: ({ w, submittedMonth }) => {
      const path = `/organizations/${w.orgA.id}/periods/${submittedMonth}/return`;
      const valid = { note: 'Please check the counts' };
      return [
        ...withBody('post', path, valid, { note: text }),
        ...paramCases(
          'post',
          '/organizations/{id}/periods/{period}/return',
          {
            id: { kind: 'uuid', valid: w.orgA.id },
            period: { kind: 'period', valid: submittedMonth },
          },
          valid,
        ),
        {
          what: 'a period that was never submitted',
          method: 'post',
          path: `/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/return`,
          body: valid,
          status: 409,
          code: 'INVALID_TRANSITION',
        },
        {
          what: 'a note of 4001 characters',
          method: 'post',
          path,
          body: { note: 'n'.repeat(4001) },
        },
      ];
    },
    control: ({ w, submittedMonth }) => ({
      path: `/organizations/${w.orgA.id}/periods/${submittedMonth}/return`,
      body: { note: 'Please check the counts' },
    }),
  },
  {
    route: 'POST /api/v1/organizations/{id}/periods/{period}/reopen',
    who: 'coordinator',
    cases: ({ w, approvedMonth, submittedMonth }) => {
      const path = `/organizations/${w.orgA.id}/periods/${approvedMonth}/reopen`;
      const valid = { reason: 'The count included visits' };
      return [
        ...withBody('post', path, valid, { reason: text }),
        ...paramCases(
          'post',
          '/organizations/{id}/periods/{period}/reopen',
          {
            id: { kind: 'uuid', valid: w.orgA.id },
            period: { kind: 'period', valid: approvedMonth },
          },
          valid,
        ),
        {
          what: 'a period that was never approved',
          method: 'post',
          path: `/organizations/${w.orgA.id}/periods/${submittedMonth}/reopen`,
          body: valid,
          status: 409,
          code: 'INVALID_TRANSITION',
        },
        {
          what: 'a reason of 4001 characters',
          method: 'post',
          path,
          body: { reason: 'r'.repeat(4001) },
        },
      ];
    },
    control: ({ w, approvedMonth }) => ({
      path: `/organizations/${w.orgA.id}/periods/${approvedMonth}/reopen`,
      body: { reason: 'The count included visits' },
    }),
  },

  // ----- CSV import (multipart) -----
  {
    route: 'POST /api/v1/imports',
    who: 'editorA',
    cases: ({ w, submittedQuarter }) => {
      const path = '/imports?commit=true';
      const org = w.orgA.code;
      const dim = w.dimension.code;
      const header =
        'measure_code,organization_code,period,breakdown,value,numerator,denominator,note';
      const good = `SERVED,${org},FY2025-26-Q2,,5,,,`;
      const csv = (...rows: string[]) => Buffer.from(`${[header, ...rows].join('\n')}\n`);
      const native = JSON.stringify({ mode: 'native' });
      const post = (
        what: string,
        file: Buffer | null,
        mapping: string | null = native,
        opts: {
          path?: string;
          field?: string;
          extra?: Record<string, string>;
          status?: number;
        } = {},
      ): BadCase => ({
        what,
        method: 'post',
        path: opts.path ?? path,
        multipart: {
          fields: { ...(mapping !== null ? { mapping } : {}), ...(opts.extra ?? {}) },
          ...(file
            ? { file: { field: opts.field ?? 'file', data: file, filename: 'figures.csv' } }
            : {}),
        },
        ...(opts.status ? { status: opts.status } : {}),
      });
      // A good row first, then a bad one: the commit must write neither.
      const withBad = (what: string, bad: string) =>
        post(`a good row, then ${what}`, csv(good, bad));
      return [
        {
          what: 'a JSON body instead of multipart',
          method: 'post',
          path,
          body: { mapping: { mode: 'native' }, file: good },
        },
        {
          what: 'plain text',
          method: 'post',
          path,
          raw: { type: 'text/csv', data: csv(good).toString() },
        },
        post('no file part', null),
        post('the file under another name', csv(good), native, { field: 'upload' }),
        post('an unexpected extra field', csv(good), native, { extra: { comment: 'hi' } }),
        post('a mapping that is not JSON', csv(good), '{mode: native'),
        post('a mapping that is a JSON array', csv(good), '[]'),
        post('an unknown mode', csv(good), JSON.stringify({ mode: 'sideways' })),
        post(
          'a mapping with an unknown field',
          csv(good),
          JSON.stringify({ mode: 'native', x: 1 }),
        ),
        post(
          'long mode without a period column',
          csv(good),
          JSON.stringify({
            mode: 'long',
            measure: { column: 'measure_code' },
            value: { column: 'value' },
          }),
        ),
        post(
          'a malformed measureId',
          csv(good),
          JSON.stringify({
            mode: 'long',
            measureId: 'nope',
            period: { column: 'period' },
            value: { column: 'value' },
          }),
        ),
        post(
          'a measureId that does not exist',
          csv(good),
          JSON.stringify({
            mode: 'long',
            measureId: randomUUID(),
            period: { column: 'period' },
            value: { column: 'value' },
          }),
        ),
        post(
          'a column the file does not have',
          csv(good),
          JSON.stringify({
            mode: 'long',
            measure: { column: 'measure_code' },
            period: { column: 'REF_DATE' },
            value: { column: 'value' },
          }),
        ),
        post(
          'a scale of Infinity',
          csv(good),
          '{"mode":"long","measure":{"column":"measure_code"},"period":{"column":"period"},"value":{"column":"value","scale":1e999}}',
        ),
        post('commit=maybe', csv(good), native, { path: '/imports?commit=maybe' }),
        post('an unknown query parameter', csv(good), native, {
          path: '/imports?commit=true&force=true',
        }),
        post('an empty file', Buffer.from('')),

        post('a native file without measure_code', Buffer.from(`period,value\nFY2025-26-Q2,5\n`)),
        post('a file of binary junk', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02, 0x00, 0x0a])),
        withBad('a count of -1', `SERVED,${org},FY2025-26-Q3,,-1,,,`),
        withBad('a count of 2.5', `SERVED,${org},FY2025-26-Q3,,2.5,,,`),
        withBad('a value that is not a number', `SERVED,${org},FY2025-26-Q3,,lots,,,`),
        withBad('the period FY2025-27', `SERVED,${org},FY2025-27,,5,,,`),
        withBad('the period 2025-Q5', `SERVED,${org},2025-Q5,,5,,,`),
        withBad('a period of the wrong type', `SERVED,${org},2025-07,,5,,,`),
        withBad('an unknown measure code', `NOPE,${org},FY2025-26-Q3,,5,,,`),
        withBad("another agency's measure", `SERVED,${w.orgB.code},FY2025-26-Q3,,5,,,`),
        withBad('an unknown breakdown value', `SERVED,${org},FY2025-26-Q3,${dim}=nobody,1,,,`),
        withBad('an unknown breakdown dimension', `SERVED,${org},FY2025-26-Q3,nope=girls,1,,,`),
        withBad('a malformed breakdown', `SERVED,${org},FY2025-26-Q3,${dim},1,,,`),
        withBad('a numerator above the denominator', `IMPROVED,${org},FY2025-26-Q3,,,11,10,`),
        withBad('a denominator of 0', `IMPROVED,${org},FY2025-26-Q3,,,0,0,`),
        withBad(
          'a value on a numerator/denominator measure',
          `IMPROVED,${org},FY2025-26-Q3,,60,,,`,
        ),
        withBad('a numerator without denominator', `IMPROVED,${org},FY2025-26-Q3,,,6,,`),
        withBad('numerator and denominator on a count', `SERVED,${org},FY2025-26-Q3,,,1,2,`),
        withBad('the same cell twice', good),
        withBad('a figure in a submitted period', `SERVED,${org},${submittedQuarter},,5,,,`),
        withBad('a note with a NUL character', `SERVED,${org},FY2025-26-Q3,,5,,,a\u0000b`),
        withBad('a note of 10,000 characters', `SERVED,${org},FY2025-26-Q3,,5,,,${LONG}`),
        withBad('a part larger than the total', `SERVED,${org},FY2025-26-Q2,${dim}=girls,6,,,`),
      ];
    },
    control: ({ w }) => ({
      path: '/imports?commit=true',
      multipart: {
        fields: { mapping: JSON.stringify({ mode: 'native' }) },
        file: {
          field: 'file',
          data: Buffer.from(
            `measure_code,organization_code,period,breakdown,value,numerator,denominator,note\nSERVED,${w.orgA.code},FY2025-26-Q2,,5,,,\n`,
          ),
          filename: 'figures.csv',
        },
      },
    }),
  },
];
