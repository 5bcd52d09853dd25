import { describe, expect, it } from 'vitest';
import type { Plan } from '../../api/plans-api';
import { reorderedSections } from './plan-comparison';
import {
  changedSections,
  draftFromPlan,
  draftProblems,
  emptyItem,
  fieldKeyOfPath,
  moveItem,
  rebaseDraft,
  saveBody,
} from './plan-draft';

const base: Plan = {
  id: 'c3c3c3c3-0000-4000-8000-000000000003',
  measureId: '5f0c2a8e-3c1d-4f7a-9b2e-1a2b3c4d5e6f',
  revision: 2,
  updatedBy: null,
  updatedByName: null,
  updatedAt: null,
  canEdit: true,
  story: { forcesUp: [], forcesDown: [], narrative: 'Before.' },
  partners: [{ id: 'p1', organizationId: null, name: 'Library', role: 'Hosts' }],
  whatWorks: [],
  actions: [
    {
      id: 'a1',
      title: 'Open Saturdays',
      ownerOrganizationId: null,
      ownerName: 'Priya',
      dueDate: null,
      status: 'planned',
      measureId: null,
      overdue: false,
    },
  ],
  dataDevelopmentAgenda: [
    { id: 'd1', name: 'Wait times', description: null },
    { id: 'd2', name: 'Belonging', description: 'Survey' },
  ],
};

describe('plan drafts', () => {
  it('finds no change in a plan as loaded, and saves nothing but the revision', () => {
    const draft = draftFromPlan(base);
    expect(changedSections(draftFromPlan(base), draft)).toEqual([]);
    expect(saveBody(draftFromPlan(base), draft, 2)).toEqual({ revision: 2 });
  });

  it('saves only the changed sections, new items without an id and blank text as null', () => {
    const before = draftFromPlan(base);
    const item = emptyItem('whatWorks');
    const after = {
      ...before,
      whatWorks: [{ ...item, idea: '  Peer mentoring ', source: '  ', chosen: true }],
    };
    expect(saveBody(before, after, 2)).toEqual({
      revision: 2,
      whatWorks: [{ idea: 'Peer mentoring', source: null, cost: 'no_cost', chosen: true }],
    });
  });

  it('counts a new order as a change', () => {
    const before = draftFromPlan(base);
    const after = {
      ...before,
      dataDevelopmentAgenda: moveItem(before.dataDevelopmentAgenda, 1, -1),
    };
    expect(after.dataDevelopmentAgenda.map((d) => d.name)).toEqual(['Belonging', 'Wait times']);
    expect(changedSections(before, after)).toEqual(['dataDevelopmentAgenda']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('puts my changed sections on top of their newer revision, keeping theirs elsewhere', () => {
    const myBase = draftFromPlan(base);
    const mine = { ...myBase, story: { ...myBase.story, narrative: 'Mine.' } };
    const theirs: Plan = {
      ...base,
      revision: 3,
      partners: [],
      story: { ...base.story, narrative: 'Theirs.' },
    };
    const rebased = rebaseDraft(mine, myBase, theirs);
    expect(rebased.story.narrative).toBe('Mine.');
    expect(rebased.partners).toEqual([]);
    expect(saveBody(draftFromPlan(theirs), rebased, 3)).toEqual({
      revision: 3,
      story: { forcesUp: [], forcesDown: [], narrative: 'Mine.' },
    });
  });

  it('names the fields the API would refuse for missing text', () => {
    const draft = draftFromPlan(base);
    const action = { ...emptyItem('actions'), title: 'Call schools' };
    const partner = { ...emptyItem('partners') };
    const problems = draftProblems({ ...draft, actions: [action], partners: [partner] });
    expect(problems).toEqual({
      [`${action.key}.ownerName`]: 'plans.error.owner',
      [`${partner.key}.organizationId`]: 'plans.error.partner',
    });
  });

  it('turns a server path into the field of the item that was sent', () => {
    const draft = draftFromPlan(base);
    expect(fieldKeyOfPath('body.actions.0.title', draft)).toBe('a1.title');
    expect(fieldKeyOfPath('body.dataDevelopmentAgenda.1', draft)).toBe('d2.name');
    expect(fieldKeyOfPath('body.story.narrative', draft)).toBe('story.narrative');
    expect(fieldKeyOfPath('body.actions.7.title', draft)).toBeNull();
    expect(fieldKeyOfPath('body.revision', draft)).toBeNull();
  });

  it('tells a section whose items only moved from one with no change at all', () => {
    const comparison = {
      from: 1,
      to: 3,
      sections: [
        { section: 'story.narrative', reordered: false, added: [], removed: [], changed: [] },
      ],
    };
    expect(reorderedSections(comparison, ['story', 'dataDevelopmentAgenda', 'story'])).toEqual([
      'dataDevelopmentAgenda',
    ]);
  });
});
