// The world the fuzzer writes into: the test world (two tables, three agencies, a measure of
// every kind), plus things each write route may consume (a table, result, program, measure,
// partner and public link to delete or revoke, submitted periods to approve), the users who
// send requests, and the hints that put real ids and fresh codes into derived requests.
import type { Actor } from '../../src/access/actor.js';
import { findPlanByMeasure } from '../../src/curve-plans/curve-plans.repository.js';
import { savePlan } from '../../src/curve-plans/curve-plans.service.js';
import type { Db } from '../../src/db/schema.js';
import { createProgramMeasure } from '../../src/measures/measures.service.js';
import { addPartner, createTable } from '../../src/planning-tables/planning-tables.service.js';
import { createProgram } from '../../src/programs/programs.service.js';
import { publishLink } from '../../src/public-links/public-links.service.js';
import { submitPeriod } from '../../src/reporting/reporting.service.js';
import { createResult } from '../../src/results/results.service.js';
import { getSettings, updateSettings } from '../../src/settings/settings.service.js';
import { hashPassword } from '../../src/users/passwords.js';
import { grantRole } from '../../src/users/users.service.js';
import { makeOrganization, makeUser, PASSWORD } from '../factories.js';
import { buildWorld, WORLD_PERIOD } from '../world.js';
import type { Hint, JsonSchema, Operation } from './generator.js';
import { SKIP } from './generator.js';

export type Caller = 'admin' | 'session' | 'login' | 'editorA' | 'coordinator' | 'editorX';

export interface FuzzWorld {
  db: Db;
  system: Actor;
  /** Symbolic name → id, for replay files (an id is written as {{name}}). */
  ids: Record<string, string>;
  /** Kind of each named id ('table', 'measure', ...), for swapping in an id of another kind. */
  kinds: Record<string, string>;
  users: Record<Caller, { id: string; email: string; password: string }>;
  /** A fresh unique suffix. */
  fresh(): string;
  /** A fiscal quarter no request has used yet, for submitting. */
  freshQuarter(): string;
  /** Periods of agency A that are submitted and may be approved or returned. */
  submitted: string[];
  /** Set when the world wrote to the database (the fuzzer then takes a new baseline). */
  dirty: boolean;
  /** Sets a caller's password back after an accepted password change. */
  resetPassword(who: Caller): Promise<void>;
  /** Makes new objects for a route whose accepted request used its target up. */
  replenish(op: Operation): Promise<void>;
  /** The valid value of a path parameter of an operation. */
  pathParam(op: Operation, name: string): Promise<string>;
  /** Hints for a body of an operation. */
  hintFor(op: Operation): Promise<Hint>;
  /** Who sends an operation's requests. */
  callerOf(op: Operation): Caller;
}

export async function buildFuzzWorld(db: Db): Promise<FuzzWorld> {
  const w = await buildWorld(db);
  const system: Actor = {
    userId: w.users.admin.id,
    grants: [{ role: 'admin', scopeType: null, scopeId: null }],
    requestId: 'fuzz-setup',
  };
  let counter = 0;
  const fresh = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;
  let quarter = 0;
  const freshQuarter = () => {
    const n = quarter++;
    const y = 2200 + Math.floor(n / 4);
    return `FY${y}-${String((y + 1) % 100).padStart(2, '0')}-Q${(n % 4) + 1}`;
  };

  const session = await makeUser(db, [
    { role: 'table_member', scopeType: 'table', scopeId: w.table.id },
  ]);
  const login = await makeUser(db);
  const stranger = await makeUser(db);
  const partnerOrg = await makeOrganization(db, { code: `P-${fresh()}` });

  const ids: Record<string, string> = {};
  const kinds: Record<string, string> = {};
  const name = (key: string, kind: string, id: string) => {
    ids[key] = id;
    kinds[key] = kind;
    return id;
  };
  name('table', 'table', w.table.id);
  name('otherTable', 'table', w.otherTable.id);
  name('orgA', 'organization', w.orgA.id);
  name('orgB', 'organization', w.orgB.id);
  name('outside', 'organization', w.outside.id);
  name('funderOrg', 'organization', w.funderOrg.id);
  name('partnerOrg', 'organization', partnerOrg.id);
  name('result', 'result', w.result.id);
  name('otherResult', 'result', w.otherResult.id);
  name('programA', 'program', w.programA.id);
  name('programB', 'program', w.programB.id);
  name('programX', 'program', w.programX.id);
  name('indicator', 'measure', w.indicator.id);
  name('shared', 'measure', w.shared.id);
  name('countA', 'measure', w.countA.id);
  name('ratioA', 'measure', w.ratioA.id);
  name('countB', 'measure', w.countB.id);
  name('countX', 'measure', w.countX.id);
  name('stranger', 'user', stranger.id);
  name('admin', 'user', w.users.admin.id);
  name('session', 'user', session.id);
  name('login', 'user', login.id);
  name('editorA', 'user', w.users.editorA.id);
  name('coordinator', 'user', w.users.coordinator.id);

  // Things a write route consumes; replenish() makes new ones when an accepted request used one.
  const victims = {
    async table() {
      name(
        'victimTable',
        'table',
        (await createTable(db, system, { name: `Victim ${fresh()}`, population: 'All' })).id,
      );
    },
    async result() {
      name(
        'victimResult',
        'result',
        (await createResult(db, system, w.table.id, { title: `Victim ${fresh()}` })).id,
      );
    },
    async program() {
      name(
        'victimProgram',
        'program',
        (await createProgram(db, system, w.orgA.id, { name: `Victim ${fresh()}` })).id,
      );
    },
    async measure() {
      const m = await createProgramMeasure(db, system, w.programA.id, {
        code: `VICTIM-${fresh()}`,
        name: 'Victim',
        unit: 'count',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'how_much',
      });
      name('victimMeasure', 'measure', m.id);
    },
    async partner() {
      const org = await makeOrganization(db, { code: `V-${fresh()}` });
      name('victimPartner', 'organization', org.id);
      await addPartner(db, system, w.table.id, org.id);
    },
    async link() {
      name('victimLink', 'link', (await publishLink(db, system, w.table.id, 'victim')).id);
    },
    async grant() {
      await grantRole(db, null, stranger.id, {
        role: 'table_member',
        scopeType: 'table',
        scopeId: w.otherTable.id,
      });
    },
    async submitted() {
      world.dirty = true;
      for (let i = 0; i < 3; i++) {
        const p = freshQuarter();
        await submitPeriod(db, system, w.orgA.id, p);
        world.submitted.push(p);
      }
    },
  };
  for (const [key, make] of Object.entries(victims)) if (key !== 'submitted') await make();
  await savePlan(db, system, w.countA.id, {
    revision: 0,
    story: { forcesUp: [], forcesDown: [], narrative: 'Start' },
  });
  const plan = await findPlanByMeasure(db, w.countA.id);
  if (!plan) throw new Error('no plan');
  name('plan', 'plan', plan.id);

  async function planRevision(): Promise<number> {
    return (await findPlanByMeasure(db, w.countA.id))?.revision ?? 0;
  }

  const users: FuzzWorld['users'] = {
    admin: w.users.admin,
    session: { id: session.id, email: session.email, password: PASSWORD },
    login: { id: login.id, email: login.email, password: PASSWORD },
    editorA: w.users.editorA,
    coordinator: w.users.coordinator,
    editorX: w.users.editorX,
  };

  // The world's period labels (fresh quarters, WORLD_PERIOD) are of a fiscal year starting in
  // its first month: a mutated settings request the API accepts (another month) is undone, or
  // the next submission the world makes names a period that no longer exists.
  const { fiscalYearStartMonth } = await getSettings(db);
  async function fiscalYear(): Promise<void> {
    if ((await getSettings(db)).fiscalYearStartMonth === fiscalYearStartMonth) return;
    await updateSettings(db, system, { fiscalYearStartMonth });
  }

  const replenishers: [RegExp, () => Promise<void>][] = [
    [/^PATCH \/api\/v1\/settings$/, fiscalYear],
    [/^DELETE \/api\/v1\/tables\/\{id\}$/, victims.table],
    [/^DELETE \/api\/v1\/results\/\{id\}$/, victims.result],
    [/^DELETE \/api\/v1\/programs\/\{id\}$/, victims.program],
    [/^DELETE \/api\/v1\/measures\/\{id\}$/, victims.measure],
    [/^DELETE \/api\/v1\/tables\/\{id\}\/partners\//, victims.partner],
    [/public-links\/\{linkId\}\/revoke$/, victims.link],
    [/roles\/revoke$/, victims.grant],
  ];

  const world: FuzzWorld = {
    db,
    system,
    ids,
    kinds,
    users,
    fresh,
    freshQuarter,
    submitted: [],
    dirty: false,
    async resetPassword(who) {
      await db
        .updateTable('users')
        .set({ password_hash: await hashPassword(users[who].password) })
        .where('id', '=', users[who].id)
        .execute();
      world.dirty = true;
    },
    async replenish(op) {
      for (const [re, make] of replenishers) {
        if (re.test(op.key)) {
          await make();
          world.dirty = true;
        }
      }
    },
    async pathParam(op, param) {
      const p = op.path;
      const del = op.method === 'DELETE';
      if (param === 'period') {
        if (/\/(approve|return)$/.test(p)) {
          if (world.submitted.length === 0) await victims.submitted();
          return world.submitted.pop() as string;
        }
        if (/\/submit$/.test(p)) return freshQuarter();
        return WORLD_PERIOD;
      }
      if (param === 'revision') return '1';
      if (param === 'linkId') return ids.victimLink as string;
      if (param === 'organizationId') return ids.victimPartner as string;
      if (param === 'code') return w.dimension.code;
      if (param === 'token') return 'no-such-token';
      if (p.startsWith('/api/v1/users/')) return ids.stranger as string;
      if (p.startsWith('/api/v1/tables/'))
        return (del && p === '/api/v1/tables/{id}' ? ids.victimTable : ids.table) as string;
      if (p.startsWith('/api/v1/results/')) return (del ? ids.victimResult : ids.result) as string;
      if (p.startsWith('/api/v1/programs/'))
        return (del ? ids.victimProgram : ids.programA) as string;
      if (p.startsWith('/api/v1/organizations/')) return ids.orgA as string;
      if (p.startsWith('/api/v1/measures/'))
        return (del ? ids.victimMeasure : ids.countA) as string;
      if (p.startsWith('/api/v1/curve-plans/')) return ids.plan as string;
      if (p.startsWith('/api/v1/imports/')) return ids.countA as string;
      return ids.table as string;
    },
    async hintFor(op) {
      const revision = op.path.includes('curve-plan') ? await planRevision() : 0;
      const hint: Hint = (field: string, s: JsonSchema, at: string[]) => {
        const top = at.length === 1;
        switch (field) {
          case 'measureId':
            return ids.countA;
          case 'organizationId':
            return op.path.endsWith('/partners') ? ids.partnerOrg : top ? ids.orgA : SKIP;
          case 'scopeType':
            return 'table';
          case 'scopeId':
            return ids.otherTable;
          case 'role':
            return 'table_member';
          case 'sharedMeasureId':
          case 'resultIds':
          case 'dimensions':
          case 'version':
          case 'id':
          case 'ratePer':
          case 'baselinePeriod':
          case 'category':
            if (field === 'category' && op.path.includes('/programs/')) return 'how_much';
            return SKIP;
          case 'period':
            if (op.path.includes('reporting-periods')) return freshQuarter();
            return WORLD_PERIOD;
          case 'periodType':
            return op.path.includes('/results/') ? 'year' : 'fiscal_quarter';
          case 'revision':
            return revision;
          case 'email':
            return `fuzz-${fresh()}@example.org`;
          case 'password':
            return op.path.endsWith('/auth/login') ? PASSWORD : 'a-long-enough-fuzz-password';
          case 'code':
            return s.pattern === '^[a-z0-9][a-z0-9_]*$' ? `f${fresh()}` : `F-${fresh()}`;
          case 'value':
            return s.type === 'number' || s.type === 'integer' ? 5 : undefined;
          case 'currentPassword':
            return users.session.password;
          case 'newPassword':
            return `a-new-long-enough-password-${fresh()}`;
          case 'smallCellThreshold':
            return 5;
          case 'fiscalYearStartMonth':
            return SKIP;
          case 'values':
            return op.path.endsWith('/dimensions') ? [{ code: 'a', label: 'A' }] : undefined;
          case 'opens':
            return '2999-01-01';
          case 'due':
            return '2999-02-01';
          case 'closes':
            return '2999-03-01';
          case 'note':
            return op.path.endsWith('/return') ? 'Please check the figures' : undefined;
          case 'story':
            return { narrative: `Fuzz ${fresh()}` };
          case 'serviceTypes':
          case 'ageGroups':
          case 'regions':
            return [];
          case 'languages':
            return ['en'];
          default:
            return undefined;
        }
      };
      // The login route signs in the login user.
      if (op.path.endsWith('/auth/login')) {
        return (field, s, at) => (field === 'email' ? users.login.email : hint(field, s, at));
      }
      return hint;
    },
    callerOf(op) {
      if (op.path.endsWith('/auth/login')) return 'login';
      if (op.path.startsWith('/api/v1/auth/')) return 'session';
      return 'admin';
    },
  };
  await victims.submitted();
  return world;
}
