// Turn-the-curve plans: each section, revisions with compare and restore, concurrency,
// overdue actions in the scorecard, and who may edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const [name, u] of Object.entries(w.users))
    as[name] = client(t, await t.login(u.email, u.password));
});
afterAll(async () => t.closeAll());

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const nextMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('a turn-the-curve plan', () => {
  it('starts empty at revision 0, and saves each of the five sections as a new revision', async () => {
    const coordinator = as.coordinator as Client;
    const url = `/measures/${w.indicator.id}/curve-plan`;
    const empty = await coordinator.get(url);
    expect(empty).toMatchObject({
      id: null,
      revision: 0,
      canEdit: true,
      partners: [],
      actions: [],
    });

    const r1 = await coordinator.put(url, {
      revision: 0,
      story: {
        forcesUp: [{ text: 'Stigma falling', evidence: 'School survey 2023' }],
        forcesDown: [{ text: 'Wait lists' }],
        narrative: 'Fewer youth report good mental health since 2020.',
      },
    });
    expect(r1.revision).toBe(1);
    expect(r1.story.forcesUp[0]).toMatchObject({
      text: 'Stigma falling',
      evidence: 'School survey 2023',
    });
    expect(r1.story.forcesUp[0].id).toMatch(/^[0-9a-f-]{36}$/);

    const r2 = await coordinator.put(url, {
      revision: 1,
      partners: [
        { organizationId: w.orgA.id, role: 'Runs walk-in counselling' },
        { name: 'Northshire Public Library', role: 'Hosts drop-in hours' },
      ],
    });
    const r3 = await coordinator.put(url, {
      revision: 2,
      whatWorks: [
        {
          idea: 'Walk-in single sessions',
          source: 'Ontario CYMH evidence review',
          cost: 'low_cost',
          chosen: true,
        },
        { idea: 'Peer support in schools', cost: 'no_cost' },
      ],
    });
    const r4 = await coordinator.put(url, {
      revision: 3,
      actions: [
        {
          title: 'Open a second walk-in day',
          ownerOrganizationId: w.orgA.id,
          dueDate: yesterday(),
          status: 'in_progress',
        },
        {
          title: 'Train librarians',
          ownerName: 'Sam Lee',
          dueDate: nextMonth(),
          measureId: w.indicator.id,
        },
        { title: 'Old idea', ownerName: 'Sam Lee', dueDate: yesterday(), status: 'dropped' },
      ],
    });
    const r5 = await coordinator.put(url, {
      revision: 4,
      dataDevelopmentAgenda: [
        { name: 'Wait time to first service, by region' },
        { name: 'Youth-reported belonging' },
      ],
    });
    expect([r2.revision, r3.revision, r4.revision, r5.revision]).toEqual([2, 3, 4, 5]);
    // Sections not sent are kept.
    expect(r5.story.narrative).toBe('Fewer youth report good mental health since 2020.');
    expect(r5.partners).toHaveLength(2);
    expect(r5.whatWorks.map((x: { cost: string }) => x.cost)).toEqual(['low_cost', 'no_cost']);
    expect(r5.actions.map((a: { overdue: boolean }) => a.overdue)).toEqual([true, false, false]);
    expect(r5.dataDevelopmentAgenda.map((d: { name: string }) => d.name)).toEqual([
      'Wait time to first service, by region',
      'Youth-reported belonging',
    ]);
    // Saving the same content again makes no new revision.
    expect((await coordinator.put(url, { revision: 5, partners: r5.partners })).revision).toBe(5);
  });

  it('refuses an edit made on an old revision with 409 and the current plan', async () => {
    const url = `/measures/${w.indicator.id}/curve-plan`;
    const current = await (as.member as Client).get(url);
    const stale = await (as.member as Client).fail('put', url, {
      revision: current.revision - 1,
      story: { narrative: 'Mine' },
    });
    expect(stale.status).toBe(409);
    expect(stale.error.code).toBe('REVISION_CONFLICT');
    expect((stale.error.details as { current: { revision: number } }).current.revision).toBe(
      current.revision,
    );
    // Two editors on the same revision: exactly one wins.
    const [a, b] = await Promise.all([
      (as.member as Client).call(
        'put',
        url,
        { revision: current.revision, story: { narrative: 'From the member' } },
        [200, 409],
      ),
      (as.coordinator as Client).call(
        'put',
        url,
        { revision: current.revision, story: { narrative: 'From the coordinator' } },
        [200, 409],
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const final = await (as.member as Client).get(url);
    expect(final.revision).toBe(current.revision + 1);
    expect(final.story.narrative).toBe((a.status === 200 ? a : b).body.story.narrative);
  });

  it('lists revisions, compares two, and restores an old one as a new revision', async () => {
    const coordinator = as.coordinator as Client;
    const plan = await coordinator.get(`/measures/${w.indicator.id}/curve-plan`);
    const revisions = await coordinator.get(`/curve-plans/${plan.id}/revisions`);
    expect(revisions.items[0].revision).toBe(plan.revision);
    expect(revisions.items.at(-1)).toMatchObject({
      revision: 1,
      changedSections: ['story'],
      restoredFrom: null,
    });
    expect(
      revisions.items.find((r: { revision: number }) => r.revision === 4).changedSections,
    ).toEqual(['actions']);

    const diff = await coordinator.get(`/curve-plans/${plan.id}/compare?from=1&to=3`);
    expect(diff.sections.map((s: { section: string }) => s.section)).toEqual([
      'partners',
      'whatWorks',
    ]);
    expect(diff.sections[0].added).toHaveLength(2);

    const old = await coordinator.get(`/curve-plans/${plan.id}/revisions/1`);
    expect(old).toMatchObject({ revision: 1, partners: [], canEdit: false });

    const restored = await coordinator.post(`/curve-plans/${plan.id}/revisions/1/restore`, {
      revision: plan.revision,
    });
    expect(restored.revision).toBe(plan.revision + 1);
    expect(restored.partners).toEqual([]);
    expect(restored.story.narrative).toBe('Fewer youth report good mental health since 2020.');
    const after = await coordinator.get(`/curve-plans/${plan.id}/revisions`);
    expect(after.items[0]).toMatchObject({ revision: plan.revision + 1, restoredFrom: 1 });
    expect(after.items).toHaveLength(revisions.items.length + 1);
    const audit = await coordinator.get(`/audit?entity=curve_plan&entityId=${plan.id}`);
    expect(audit.items[0].action).toBe('curve_plan.restore');
  });

  it('flags open and overdue actions in the scorecard summary', async () => {
    const editorA = as.editorA as Client;
    await editorA.put(`/measures/${w.countA.id}/curve-plan`, {
      revision: 0,
      actions: [
        { title: 'Late', ownerName: 'Ana', dueDate: yesterday() },
        { title: 'On time', ownerName: 'Ana', dueDate: nextMonth(), status: 'in_progress' },
        { title: 'Finished', ownerName: 'Ana', dueDate: yesterday(), status: 'done' },
      ],
    });
    const card = await (as.coordinator as Client).get(`/tables/${w.table.id}/scorecard`);
    const program = card.results[0].programs.find((p: { id: string }) => p.id === w.programA.id);
    const served = program.measures.find((m: { measureId: string }) => m.measureId === w.countA.id);
    expect(served.plan).toMatchObject({ hasPlan: true, openActions: 2, overdueActions: 1 });
    expect(served.plan.updatedAt).not.toBeNull();
    const ratio = program.measures.find((m: { measureId: string }) => m.measureId === w.ratioA.id);
    expect(ratio.plan).toEqual({
      hasPlan: false,
      updatedAt: null,
      openActions: 0,
      overdueActions: 0,
    });
  });

  it('lets the owners of a curve edit its plan, everyone who sees it read, and all but funders comment', async () => {
    const indicatorUrl = `/measures/${w.indicator.id}/curve-plan`;
    const programUrl = `/measures/${w.countA.id}/curve-plan`;
    const current = async (url: string) => (await (as.admin as Client).get(url)).revision;
    const edit = async (who: string, url: string) =>
      (
        await (as[who] as Client).call(
          'put',
          url,
          { revision: await current(url), story: { narrative: `by ${who}` } },
          [200, 403, 404],
        )
      ).status;
    // Indicators: the table's coordinators and members; program measures: the agency's editors.
    expect(await edit('coordinator', indicatorUrl)).toBe(200);
    expect(await edit('member', indicatorUrl)).toBe(200);
    expect(await edit('editorA', indicatorUrl)).toBe(403);
    expect(await edit('funder', indicatorUrl)).toBe(403);
    expect(await edit('otherCoordinator', indicatorUrl)).toBe(404);
    expect(await edit('editorA', programUrl)).toBe(200);
    expect(await edit('viewerA', programUrl)).toBe(403);
    expect(await edit('coordinator', programUrl)).toBe(403);
    expect(await edit('editorX', programUrl)).toBe(404);
    expect(await edit('admin', programUrl)).toBe(200);
    // Readers.
    const plan = await (as.funder as Client).get(programUrl);
    expect(plan.canEdit).toBe(false);
    // Funders read, and write nothing: not even a comment.
    expect(
      (
        await (as.funder as Client).fail('post', `/curve-plans/${plan.id}/comments`, {
          body: 'A funder’s comment',
        })
      ).status,
    ).toBe(403);
    const comment = await (as.member as Client).post(`/curve-plans/${plan.id}/comments`, {
      body: 'Is the second day funded?',
    });
    expect(comment).toMatchObject({ body: 'Is the second day funded?' });
    const comments = await (as.editorA as Client).get(`/curve-plans/${plan.id}/comments`);
    expect(comments.items.map((c: { body: string }) => c.body)).toEqual([
      'Is the second day funded?',
    ]);
    expect(
      (await (as.editorX as Client).fail('get', `/curve-plans/${plan.id}/comments`)).status,
    ).toBe(404);
  });

  it('refuses a partner or owner organization that does not exist, and changes nothing', async () => {
    const url = `/measures/${w.indicator.id}/curve-plan`;
    const before = await (as.coordinator as Client).get(url);
    const bad = await (as.coordinator as Client).fail('put', url, {
      revision: before.revision,
      partners: [{ organizationId: '00000000-0000-4000-8000-00000000abcd', role: 'x' }],
    });
    expect(bad).toMatchObject({ status: 422, error: { code: 'UNKNOWN_ORGANIZATION' } });
    const noOwner = await (as.coordinator as Client).fail('put', url, {
      revision: before.revision,
      actions: [{ title: 'Orphan' }],
    });
    expect(noOwner.status).toBe(400);
    expect((await (as.coordinator as Client).get(url)).revision).toBe(before.revision);
  });

  it('gives the turn-the-curve report: the curve with its forecast, and the plan', async () => {
    const report = await (as.funder as Client).get(`/measures/${w.countA.id}/curve-report`);
    expect(report.curve.measureId).toBe(w.countA.id);
    expect(report.curve.latest).toBeNull(); // nothing approved yet for a funder
    expect(report.plan.actions.map((a: { title: string }) => a.title)).toContain('Late');
    const own = await (as.editorA as Client).get(`/measures/${w.countA.id}/curve-report?horizon=2`);
    expect(own.curve.latest).toMatchObject({ value: 12 });
    expect(own.curve.plan.hasPlan).toBe(true);
  });
});
