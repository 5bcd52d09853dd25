// A small collaborative built through the real services: one table with two partner agencies,
// an outside agency and a funder, one user per role, and a measure of every kind with figures.
// Tests read ids from it; "own" and "other" scopes come from the two tables and agencies.
import type { Actor } from '../src/access/actor.js';
import type { Db } from '../src/db/schema.js';
import type { Role } from '../src/db/tables/role-grants.table.js';
import { createDimension } from '../src/dimensions/dimensions.service.js';
import {
  createIndicator,
  createProgramMeasure,
  createSharedMeasure,
} from '../src/measures/measures.service.js';
import { putObservation, putTarget } from '../src/observations/observations.service.js';
import { addPartner, createTable } from '../src/planning-tables/planning-tables.service.js';
import { createProgram } from '../src/programs/programs.service.js';
import { createResult } from '../src/results/results.service.js';
import { makeOrganization, makeUser, PASSWORD, uniqueSuffix } from './factories.js';

export const WORLD_PERIOD = 'FY2025-26-Q1';

export async function buildWorld(db: Db) {
  const s = uniqueSuffix();
  const builder = await makeUser(db, [{ role: 'admin' }]);
  const system: Actor = {
    userId: builder.id,
    grants: [{ role: 'admin', scopeType: null, scopeId: null }],
    requestId: 'world',
  };
  const table = await createTable(db, system, { name: `Table ${s}`, population: 'Youth' });
  const otherTable = await createTable(db, system, { name: `Other ${s}`, population: 'Adults' });
  const orgA = await makeOrganization(db, { code: `A-${s}` });
  const orgB = await makeOrganization(db, { code: `B-${s}` });
  const outside = await makeOrganization(db, { code: `X-${s}` });
  const funderOrg = await makeOrganization(db, { code: `F-${s}`, kind: 'funder' });
  await addPartner(db, system, table.id, orgA.id);
  await addPartner(db, system, table.id, orgB.id);
  await addPartner(db, system, otherTable.id, outside.id);

  const dimension = await createDimension(db, system, {
    code: `gender_${s}`,
    name: 'Gender',
    values: [
      { code: 'girls', label: 'Girls' },
      { code: 'boys', label: 'Boys' },
    ],
  });
  const result = await createResult(db, system, table.id, { title: 'All youth are well' });
  const otherResult = await createResult(db, system, otherTable.id, {
    title: 'All adults are well',
  });
  const indicator = await createIndicator(db, system, result.id, {
    code: `IND-${s}`,
    name: 'Youth reporting good mental health',
    unit: 'percent',
    aggregation: 'mean',
    direction: 'up',
    periodType: 'year',
  });
  const shared = await createSharedMeasure(db, system, table.id, {
    code: `SH-${s}`,
    name: '% improved',
    unit: 'percent',
    direction: 'up',
    periodType: 'fiscal_quarter',
  });
  const programA = await createProgram(db, system, orgA.id, {
    name: 'Counselling',
    resultIds: [result.id],
  });
  const programB = await createProgram(db, system, orgB.id, {
    name: 'Outreach',
    resultIds: [result.id],
  });
  const programX = await createProgram(db, system, outside.id, {
    name: 'Elsewhere',
    resultIds: [otherResult.id],
  });
  const countA = await createProgramMeasure(db, system, programA.id, {
    code: 'SERVED',
    name: '# served',
    unit: 'count',
    direction: 'up',
    periodType: 'fiscal_quarter',
    category: 'how_much',
    dimensions: [dimension.code],
  });
  const ratioA = await createProgramMeasure(db, system, programA.id, {
    code: 'IMPROVED',
    name: '% improved',
    unit: 'percent',
    direction: 'up',
    periodType: 'fiscal_quarter',
    category: 'better_off',
    sharedMeasureId: shared.id,
  });
  const countB = await createProgramMeasure(db, system, programB.id, {
    code: 'SERVED',
    name: '# served',
    unit: 'count',
    direction: 'up',
    periodType: 'fiscal_quarter',
    category: 'how_much',
  });
  const countX = await createProgramMeasure(db, system, programX.id, {
    code: 'SERVED',
    name: '# served',
    unit: 'count',
    direction: 'up',
    periodType: 'fiscal_quarter',
    category: 'how_much',
  });
  await putObservation(db, system, countA.id, WORLD_PERIOD, { value: 12 });
  await putObservation(db, system, ratioA.id, WORLD_PERIOD, { numerator: 6, denominator: 10 });
  await putObservation(db, system, countB.id, WORLD_PERIOD, { value: 7 });
  await putObservation(db, system, countX.id, WORLD_PERIOD, { value: 9 });
  await putObservation(db, system, indicator.id, '2024', { value: 71.5 });
  await putTarget(db, system, countA.id, WORLD_PERIOD, { value: 15 });

  const user = async (role: Role, scopeType?: 'organization' | 'table', scopeId?: string) => {
    const u = await makeUser(
      db,
      scopeId && scopeType ? [{ role, scopeType, scopeId }] : [{ role }],
    );
    return { id: u.id, email: u.email, password: PASSWORD };
  };
  const users = {
    admin: await user('admin'),
    coordinator: await user('table_coordinator', 'table', table.id),
    member: await user('table_member', 'table', table.id),
    editorA: await user('partner_editor', 'organization', orgA.id),
    viewerA: await user('partner_viewer', 'organization', orgA.id),
    funder: await user('funder_viewer', 'table', table.id),
    otherCoordinator: await user('table_coordinator', 'table', otherTable.id),
    editorX: await user('partner_editor', 'organization', outside.id),
    nobody: { ...(await makeUser(db)), password: PASSWORD },
  };
  return {
    table,
    otherTable,
    orgA,
    orgB,
    outside,
    funderOrg,
    dimension,
    result,
    otherResult,
    indicator,
    shared,
    programA,
    programB,
    programX,
    countA,
    ratioA,
    countB,
    countX,
    users,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
