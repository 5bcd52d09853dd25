// Turn-the-curve plans: the story behind the curve, partners, what works, the action plan and
// the data development agenda. Items carry ids so revisions can be compared item by item.
import { z } from 'zod';
import { isoDate, itemList, uniqueIds } from './common.js';

const id = z.uuid();
const shortText = z.string().trim().min(1).max(500);
/** Two items of one list with the same id. */
const SHARED_ID = { message: 'items share an id', params: { code: 'duplicate' } };
const longText = z.string().max(20000);

export const forceSchema = z.strictObject({
  id: id.optional(),
  text: shortText,
  evidence: z.string().max(2000).nullable().optional(),
});

export const storySchema = z.strictObject({
  forcesUp: z.array(forceSchema).max(50).refine(uniqueIds, SHARED_ID).default([]),
  forcesDown: z.array(forceSchema).max(50).refine(uniqueIds, SHARED_ID).default([]),
  narrative: longText.default(''),
});

export const planPartnerSchema = z
  .strictObject({
    id: id.optional(),
    organizationId: z.uuid().nullable().optional(),
    name: z.string().trim().max(200).nullable().optional(),
    role: z.string().trim().max(2000).default(''),
  })
  .refine((p) => Boolean(p.organizationId) || Boolean(p.name), {
    message: 'a partner is an organization at the table or a named outside partner',
    path: ['name'],
    params: { code: 'one_of', fields: ['organizationId', 'name'] },
  });

export const costSchema = z.enum(['no_cost', 'low_cost', 'other']);

export const ideaSchema = z.strictObject({
  id: id.optional(),
  idea: shortText,
  source: z.string().max(2000).nullable().optional(),
  cost: costSchema.default('other'),
  chosen: z.boolean().default(false),
});

export const actionStatusSchema = z.enum(['planned', 'in_progress', 'done', 'dropped']);

export const actionSchema = z
  .strictObject({
    id: id.optional(),
    title: shortText,
    ownerOrganizationId: z.uuid().nullable().optional(),
    ownerName: z.string().trim().max(200).nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    status: actionStatusSchema.default('planned'),
    measureId: z.uuid().nullable().optional(),
  })
  .refine((a) => Boolean(a.ownerOrganizationId) || Boolean(a.ownerName), {
    message: 'an action has an owner: an organization, a person, or both',
    path: ['ownerName'],
    params: { code: 'one_of', fields: ['ownerOrganizationId', 'ownerName'] },
  });

export const agendaItemSchema = z.strictObject({
  id: id.optional(),
  name: shortText,
  description: z.string().max(2000).nullable().optional(),
});

/** The editable content of a plan; every section optional in a PATCH. */
export const planSections = {
  story: storySchema,
  partners: z.array(planPartnerSchema).max(100).refine(uniqueIds, SHARED_ID),
  whatWorks: z.array(ideaSchema).max(100).refine(uniqueIds, SHARED_ID),
  actions: z.array(actionSchema).max(200).refine(uniqueIds, SHARED_ID),
  dataDevelopmentAgenda: z.array(agendaItemSchema).max(50).refine(uniqueIds, SHARED_ID),
};

export const putPlanBody = z.strictObject({
  /** The revision this edit was made on; 0 for a plan that does not exist yet. */
  revision: z.number().int().min(0),
  story: planSections.story.optional(),
  partners: planSections.partners.optional(),
  whatWorks: planSections.whatWorks.optional(),
  actions: planSections.actions.optional(),
  dataDevelopmentAgenda: planSections.dataDevelopmentAgenda.optional(),
});
export type PutPlanBody = z.infer<typeof putPlanBody>;

const storedForce = z.object({ id, text: z.string(), evidence: z.string().nullable() });
export const planContentSchema = z.object({
  story: z.object({
    forcesUp: z.array(storedForce),
    forcesDown: z.array(storedForce),
    narrative: z.string(),
  }),
  partners: z.array(
    z.object({
      id,
      organizationId: z.uuid().nullable(),
      name: z.string().nullable(),
      role: z.string(),
    }),
  ),
  whatWorks: z.array(
    z.object({
      id,
      idea: z.string(),
      source: z.string().nullable(),
      cost: costSchema,
      chosen: z.boolean(),
    }),
  ),
  actions: z.array(
    z.object({
      id,
      title: z.string(),
      ownerOrganizationId: z.uuid().nullable(),
      ownerName: z.string().nullable(),
      dueDate: z.string().nullable(),
      status: actionStatusSchema,
      measureId: z.uuid().nullable(),
      overdue: z.boolean(),
    }),
  ),
  dataDevelopmentAgenda: z.array(
    z.object({ id, name: z.string(), description: z.string().nullable() }),
  ),
});
export type PlanContent = z.infer<typeof planContentSchema>;

export const planSchema = planContentSchema.extend({
  id: z.uuid().nullable(),
  measureId: z.uuid(),
  revision: z.number().int(),
  updatedBy: z.uuid().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.iso.datetime().nullable(),
  canEdit: z.boolean(),
});
export type Plan = z.infer<typeof planSchema>;

export const planSummarySchema = z.object({
  hasPlan: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const revisionSchema = z.object({
  revision: z.number().int(),
  savedBy: z.uuid().nullable(),
  /** The saver's name: plan readers may not look users up. */
  savedByName: z.string().nullable(),
  savedAt: z.iso.datetime(),
  restoredFrom: z.number().int().nullable(),
  changedSections: z.array(z.string()),
});
export type PlanRevision = z.infer<typeof revisionSchema>;
export const revisionListSchema = itemList(revisionSchema);

/** One revision of a plan: the plan's id and the revision's number. */
export const planRevisionParams = z.strictObject({
  id: z.uuid(),
  revision: z.coerce.number().int().min(1),
});

export const compareRevisionsQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/** Restoring an old revision: `revision` is the current one, the edit's base. */
export const restoreRevisionBody = z.strictObject({ revision: z.number().int().min(1) });

export const sectionDiffSchema = z.object({
  section: z.string(),
  /** The same items in another order (priorities moved). */
  reordered: z.boolean(),
  added: z.array(z.unknown()),
  removed: z.array(z.unknown()),
  changed: z.array(z.object({ before: z.unknown(), after: z.unknown() })),
});
export const compareSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  sections: z.array(sectionDiffSchema),
});

export const commentBody = z.strictObject({ body: z.string().trim().min(1).max(4000) });
export const commentSchema = z.object({
  id: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});
export type PlanComment = z.infer<typeof commentSchema>;
export const commentListSchema = itemList(commentSchema);
