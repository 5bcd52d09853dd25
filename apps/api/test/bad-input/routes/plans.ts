// The bad-input table's entries for turn-the-curve plans, for routeSpecs() in ../routes.ts.
import { randomUUID } from 'node:crypto';
import { type BadCase, NUL, paramCases, withField } from '../builders.js';
import type { RouteSpec } from '../routes.js';
import { text, withBody } from './shared.js';

export const planRouteSpecs: RouteSpec[] = [
  // ----- turn-the-curve plans -----
  {
    route: 'PUT /api/v1/measures/{id}/curve-plan',
    who: 'editorA',
    cases: ({ w, plan }) => {
      const path = `/measures/${w.countA.id}/curve-plan`;
      const valid = {
        revision: plan.revision,
        story: { forcesUp: [{ text: 'More referrals' }], forcesDown: [], narrative: 'Why' },
        partners: [{ organizationId: w.orgB.id, role: 'Referrals' }],
        whatWorks: [{ idea: 'Drop-in hours', cost: 'low_cost', chosen: true }],
        actions: [{ title: 'Open Saturdays', ownerName: 'Sam', dueDate: '2026-03-31' }],
        dataDevelopmentAgenda: [{ name: 'Wait times' }],
      };
      const put = (what: string, body: unknown, status?: number): BadCase => ({
        what,
        method: 'put',
        path,
        body,
        ...(status ? { status } : {}),
      });
      return [
        ...withBody('put', path, valid, {
          revision: { kind: 'int', min: 0, required: true },
          story: { kind: 'text' },
          'story.forcesUp.0.text': { kind: 'text', required: true },
          'partners.0.organizationId': { kind: 'uuid', nullable: true },
          'whatWorks.0.idea': { kind: 'text', required: true },
          'whatWorks.0.cost': { kind: 'enum' },
          'whatWorks.0.chosen': { kind: 'bool' },
          'actions.0.title': { kind: 'text', required: true },
          'actions.0.dueDate': { kind: 'date', nullable: true },
          'actions.0.status': { kind: 'enum' },
          'dataDevelopmentAgenda.0.name': { kind: 'text', required: true },
        }),
        ...paramCases(
          'put',
          '/measures/{id}/curve-plan',
          { id: { kind: 'uuid', valid: w.countA.id } },
          valid,
        ),
        put('a stale revision', { ...valid, revision: plan.revision - 1 }, 409),
        put('a revision from the future', { ...valid, revision: plan.revision + 5 }, 409),
        put(
          'a narrative of 20,001 characters',
          withField(valid, 'story.narrative', 'n'.repeat(20_001)),
        ),
        put('a narrative with a NUL character', withField(valid, 'story.narrative', NUL)),
        put('a partner with neither organization nor name', {
          ...valid,
          partners: [{ role: 'x' }],
        }),
        put(
          'a partner organization that does not exist',
          { ...valid, partners: [{ organizationId: randomUUID(), role: 'x' }] },
          422,
        ),
        put('an action with no owner', { ...valid, actions: [{ title: 'Do it' }] }),
        put(
          'an action owner organization that does not exist',
          { ...valid, actions: [{ title: 'Do it', ownerOrganizationId: randomUUID() }] },
          422,
        ),
        put(
          'an action on a measure that does not exist',
          { ...valid, actions: [{ title: 'Do it', ownerName: 'Sam', measureId: randomUUID() }] },
          422,
        ),
        put('an item id that is not a uuid', {
          ...valid,
          dataDevelopmentAgenda: [{ id: 'item-1', name: 'Wait times' }],
        }),
        {
          ...put('two items with the same id', {
            ...valid,
            dataDevelopmentAgenda: [
              { id: '6a1f7e4c-0b8e-4d2a-9c51-0d6f3a2b1c01', name: 'Wait times' },
              { id: '6a1f7e4c-0b8e-4d2a-9c51-0d6f3a2b1c01', name: 'Repeat visits' },
            ],
          }),
          last: true,
        },
        put('51 agenda items', {
          ...valid,
          dataDevelopmentAgenda: Array.from({ length: 51 }, (_, i) => ({ name: `Item ${i}` })),
        }),
        put(
          'a force with evidence of 2,001 characters',
          withField(valid, 'story.forcesUp.0', {
            text: 'x',
            evidence: 'e'.repeat(2001),
          }),
        ),
        put('an unknown section', { ...valid, budget: [] }),
        put('a plan on a measure that does not exist', valid, 404),
      ].map((c) =>
        c.what === 'a plan on a measure that does not exist'
          ? { ...c, path: `/measures/${randomUUID()}/curve-plan` }
          : c,
      );
    },
    control: async ({ w }, read) => ({
      path: `/measures/${w.countA.id}/curve-plan`,
      body: {
        revision: (await read(`/measures/${w.countA.id}/curve-plan`)).revision,
        story: { forcesUp: [], forcesDown: [], narrative: 'Control' },
      },
    }),
  },
  {
    route: 'POST /api/v1/curve-plans/{id}/revisions/{revision}/restore',
    who: 'editorA',
    cases: ({ plan }) => {
      const path = `/curve-plans/${plan.id}/revisions/1/restore`;
      const valid = { revision: plan.revision };
      return [
        ...withBody('post', path, valid, { revision: { kind: 'int', min: 1, required: true } }),
        ...paramCases(
          'post',
          '/curve-plans/{id}/revisions/{revision}/restore',
          {
            id: { kind: 'uuid', valid: plan.id },
            revision: { kind: 'positiveInt', valid: '1' },
          },
          valid,
        ),
        {
          what: 'a stale current revision',
          method: 'post',
          path,
          body: { revision: plan.revision - 1 },
          status: 409,
        },
      ];
    },
    control: async ({ w, plan }, read) => ({
      path: `/curve-plans/${plan.id}/revisions/1/restore`,
      body: { revision: (await read(`/measures/${w.countA.id}/curve-plan`)).revision },
    }),
  },
  {
    route: 'POST /api/v1/curve-plans/{id}/comments',
    who: 'editorA',
    cases: ({ plan }) => {
      const path = `/curve-plans/${plan.id}/comments`;
      const valid = { body: 'Saturdays worked last year' };
      return [
        ...withBody('post', path, valid, { body: text }),
        ...paramCases(
          'post',
          '/curve-plans/{id}/comments',
          { id: { kind: 'uuid', valid: plan.id } },
          valid,
        ),
        {
          what: 'a comment of 4,001 characters',
          method: 'post',
          path,
          body: { body: 'c'.repeat(4001) },
        },
      ];
    },
    control: ({ plan }) => ({
      path: `/curve-plans/${plan.id}/comments`,
      body: { body: 'Saturdays worked last year' },
    }),
  },
];
