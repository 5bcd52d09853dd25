// The permission table's entries for partnership surveys (docs/partnerships.md): coordinators
// open and close them, partner editors answer for their agency, whoever sees the table reads
// them and their network, admins alone export the raw ratings. For ROUTES in ../table.ts.
import { createSurvey } from '../../../src/partnerships/partnerships.service.js';
import {
  ALL,
  type Ctx,
  type Req,
  type Route,
  type Scope,
  SEE_TABLE,
  type TableKey,
} from '../policy.js';
import { globalScope, orgId, tableId, tableScopes, unique, V1 } from '../scopes.js';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function freshSurvey(c: Ctx, k: TableKey): Promise<string> {
  const survey = await createSurvey(c.db, c.system, tableId(c, k), {
    title: `Survey ${unique()}`,
    period: '2026',
    opens: day(-1),
    closes: day(30),
  });
  return survey.id;
}

const surveys = new WeakMap<Ctx, Partial<Record<TableKey, Promise<string>>>>();
/** One open survey per table, made once by an admin; the read and answer routes act on it. */
function surveyOf(c: Ctx, k: TableKey): Promise<string> {
  const made = surveys.get(c) ?? {};
  surveys.set(c, made);
  made[k] ??= freshSurvey(c, k);
  return made[k];
}

/** The agency in the survey each table's editor answers for: A at table T, X at the other. */
const answering = (c: Ctx, k: TableKey) => orgId(c, k === 'T' ? 'A' : 'X');

/** Answering: the partner editors of an agency in the survey (an admin says which agency). */
function answerScopes(request: (c: Ctx, k: TableKey) => Promise<Req>): Scope[] {
  return (['T', 'OT'] as const).map((k) => ({
    name: k === 'T' ? 'own' : 'other',
    what: k === 'T' ? "table T's survey" : "the other table's survey",
    see: SEE_TABLE[k],
    may: k === 'T' ? ['admin', 'editorA'] : ['admin', 'editorX'],
    request: (c) => request(c, k),
  }));
}

export function partnershipRoutes(): Route[] {
  return [
    {
      method: 'POST',
      path: `${V1}/tables/:id/partnership-surveys`,
      scopes: tableScopes('edit', (c, k) => ({
        url: `${V1}/tables/${tableId(c, k)}/partnership-surveys`,
        body: { title: `Made ${unique()}`, period: '2026', opens: day(0), closes: day(10) },
      })),
    },
    {
      method: 'GET',
      path: `${V1}/tables/:id/partnership-surveys`,
      scopes: tableScopes('read', (c, k) => ({
        url: `${V1}/tables/${tableId(c, k)}/partnership-surveys`,
      })),
    },
    {
      method: 'GET',
      path: `${V1}/me/partnership-surveys`,
      scopes: globalScope(ALL, () => ({ url: `${V1}/me/partnership-surveys` })),
    },
    {
      method: 'GET',
      path: `${V1}/partnership-surveys/:id`,
      scopes: tableScopes('read', async (c, k) => ({
        url: `${V1}/partnership-surveys/${await surveyOf(c, k)}`,
      })),
    },
    {
      method: 'GET',
      path: `${V1}/partnership-surveys/:id/my-response`,
      scopes: answerScopes(async (c, k) => ({
        url: `${V1}/partnership-surveys/${await surveyOf(c, k)}/my-response`,
        query: { organizationId: answering(c, k) },
      })),
    },
    {
      method: 'PUT',
      path: `${V1}/partnership-surveys/:id/my-response`,
      scopes: answerScopes(async (c, k) => ({
        url: `${V1}/partnership-surveys/${await surveyOf(c, k)}/my-response`,
        query: { organizationId: answering(c, k) },
        body: { answers: [] },
      })),
    },
    {
      method: 'POST',
      path: `${V1}/partnership-surveys/:id/close`,
      // A fresh survey each time, so every allowed close has one to close.
      scopes: tableScopes('edit', async (c, k) => ({
        url: `${V1}/partnership-surveys/${await freshSurvey(c, k)}/close`,
      })),
    },
    {
      method: 'GET',
      path: `${V1}/partnership-surveys/:id/network`,
      scopes: tableScopes('read', async (c, k) => ({
        url: `${V1}/partnership-surveys/${await surveyOf(c, k)}/network`,
      })),
    },
    {
      method: 'GET',
      path: `${V1}/partnership-surveys/:id/responses.csv`,
      scopes: tableScopes('admin', async (c, k) => ({
        url: `${V1}/partnership-surveys/${await surveyOf(c, k)}/responses.csv`,
      })),
    },
  ];
}
