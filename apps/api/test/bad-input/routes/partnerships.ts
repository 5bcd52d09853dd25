// The bad-input table's entries for partnership surveys, for routeSpecs() in ../routes.ts. The
// answer and close routes are tried on a survey id that exists nowhere: a bad body or path is
// refused before the survey is looked up (the rules needing a real survey — self-rating, an
// agency not in the survey, level 0 with trust — are in partnerships.test.ts). Their controls
// use the survey the create route's control opens.
import { randomUUID } from 'node:crypto';
import { type BadCase, paramCases } from '../builders.js';
import type { RouteSpec } from '../routes.js';
import { type Body, text, withBody } from './shared.js';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const survey = randomUUID();

const validSurvey = (): Body => ({
  title: 'How we work together',
  period: '2026',
  opens: day(0),
  closes: day(10),
  minRespondents: 2,
  resultId: null,
});

/** An open survey of table T, found through the list (the create route's control made one). */
async function openSurvey(
  read: (path: string) => Promise<Record<string, unknown>>,
  tableId: string,
) {
  const list = await read(`/tables/${tableId}/partnership-surveys`);
  const items = (list.items ?? []) as { id: string; state: string }[];
  const open = items.find((s) => s.state === 'open');
  return open?.id ?? survey;
}

export const partnershipRouteSpecs: RouteSpec[] = [
  {
    route: 'POST /api/v1/tables/{id}/partnership-surveys',
    who: 'coordinator',
    cases: ({ w }) => {
      const path = `/tables/${w.table.id}/partnership-surveys`;
      const valid = validSurvey();
      const extra: BadCase[] = [
        {
          what: 'closes before opens',
          method: 'post',
          path,
          body: { ...valid, opens: day(5), closes: day(4) },
          status: 400,
        },
        {
          what: 'a quarter for a period',
          method: 'post',
          path,
          body: { ...valid, period: '2026-Q1' },
          status: 400,
        },
        {
          what: "another table's result",
          method: 'post',
          path,
          body: { ...valid, resultId: w.otherResult.id },
          status: 400,
        },
      ];
      return [
        ...withBody(
          'post',
          path,
          valid,
          {
            title: text,
            period: { kind: 'period', required: true },
            opens: { kind: 'date' },
            closes: { kind: 'date' },
            minRespondents: { kind: 'int', min: 1, max: 100 },
            resultId: { kind: 'uuid', nullable: true },
          },
          extra,
        ),
        ...paramCases(
          'post',
          '/tables/{id}/partnership-surveys',
          {
            id: { kind: 'uuid', valid: w.table.id },
          },
          valid,
        ),
      ];
    },
    control: ({ w }) => ({
      path: `/tables/${w.table.id}/partnership-surveys`,
      body: validSurvey(),
    }),
  },
  {
    route: 'PUT /api/v1/partnership-surveys/{id}/my-response',
    who: 'editorA',
    cases: ({ w }) => {
      const path = `/partnership-surveys/${survey}/my-response`;
      const answer = { organizationId: w.orgB.id, level: 2, trust: [3, 3, 3], value: [2, 3, 4] };
      const valid = { answers: [answer] };
      const with1 = (field: string, value: unknown): BadCase => ({
        what: `answers.0.${field}: ${JSON.stringify(value)}`,
        method: 'put',
        path,
        body: { answers: [{ ...answer, [field]: value }] },
        status: 400,
      });
      return [
        ...withBody('put', path, valid, {}, [
          { what: 'answers missing', method: 'put', path, body: {}, status: 400 },
          { what: 'answers not an array', method: 'put', path, body: { answers: {} }, status: 400 },
          with1('organizationId', 'not-a-uuid'),
          with1('level', 6),
          with1('level', -1),
          with1('level', 1.5),
          with1('level', '2'),
          with1('trust', [5, 3, 3]),
          with1('trust', [0, 3, 3]),
          with1('trust', [3, 3]),
          with1('trust', [3, 3, 3, 3]),
          with1('value', [2.5, 3, 3]),
          with1('value', 'high'),
          with1('contributions', ['gossip']),
          with1('contributions', ['data', 'data']),
          with1('comment', 'x'.repeat(2001)),
          with1('extra', true),
        ]),
        ...paramCases(
          'put',
          '/partnership-surveys/{id}/my-response',
          {
            id: { kind: 'uuid', valid: survey },
          },
          valid,
        ),
        {
          what: 'an organizationId query that is not a uuid',
          method: 'put',
          path: `${path}?organizationId=nope`,
          body: valid,
          status: 400,
        },
      ];
    },
    control: async ({ w }, read) => ({
      path: `/partnership-surveys/${await openSurvey(read, w.table.id)}/my-response`,
      body: {
        answers: [{ organizationId: w.orgB.id, level: 2, trust: [3, 3, 3], value: [2, 3, 4] }],
      },
    }),
  },
  {
    route: 'POST /api/v1/partnership-surveys/{id}/close',
    who: 'coordinator',
    cases: () => [
      ...paramCases('post', '/partnership-surveys/{id}/close', {
        id: { kind: 'uuid', valid: survey },
      }),
    ],
    control: async ({ w }, read) => ({
      path: `/partnership-surveys/${await openSurvey(read, w.table.id)}/close`,
    }),
  },
];
