// The system map: service types, program profiles, and the map of a planning table.
import { z } from 'zod';
import { frenchAnswer, frenchText, itemList } from './common.js';
import { targetStatusSchema, trendDirectionSchema } from './scorecards.js';

const code = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'lower-case letters, digits and underscores');

export const serviceTypeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameFr: frenchAnswer,
});
export type ServiceType = z.infer<typeof serviceTypeSchema>;
export const serviceTypeListSchema = itemList(serviceTypeSchema);
export const createServiceTypeBody = z.strictObject({
  code,
  name: z.string().trim().min(1).max(200),
  nameFr: frenchText(200),
});

const codes = (max: number) =>
  z
    .array(z.string().trim().min(1).max(60))
    .max(max)
    .refine((list) => new Set(list).size === list.length, {
      message: 'a code appears twice',
      params: { code: 'duplicate' },
    });

export const programProfileBody = z.strictObject({
  serviceTypes: codes(20),
  ageGroups: codes(20),
  regions: codes(100),
  /** ISO 639 language codes (en, fr, oj, cr, …). */
  languages: codes(20).refine((l) => l.every((x) => /^[a-z]{2,3}$/.test(x)), {
    message: 'language codes are ISO 639 (en, fr, …)',
    params: { code: 'invalid_format', format: 'pattern' },
  }),
  capacity: z.number().int().min(0).max(10_000_000).nullable().optional(),
});
export type ProgramProfileBody = z.infer<typeof programProfileBody>;

export const programProfileSchema = z.object({
  programId: z.uuid(),
  serviceTypes: z.array(z.string()),
  ageGroups: z.array(z.string()),
  regions: z.array(z.string()),
  languages: z.array(z.string()),
  capacity: z.number().int().nullable(),
  updatedAt: z.iso.datetime().nullable(),
});
export type ProgramProfile = z.infer<typeof programProfileSchema>;

export const systemMapQuery = z.strictObject({
  by: z.enum(['region', 'age_group']).default('region'),
  resultId: z.uuid().optional(),
  serviceType: z.string().max(60).optional(),
  value: z.string().max(60).optional(),
});

const programRef = z.object({ id: z.uuid(), name: z.string(), nameFr: frenchAnswer });
const orgRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameFr: frenchAnswer,
});

export const coverageCellSchema = z.object({
  serviceType: z.string(),
  value: z.string(),
  programs: z.array(programRef.extend({ organization: orgRef })),
  capacity: z.number().int().nullable(),
  status: z.enum(['gap', 'duplication', 'covered']),
});

export const systemMapSchema = z.object({
  table: z.object({ id: z.uuid(), name: z.string(), nameFr: frenchAnswer }),
  results: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      titleFr: frenchAnswer,
      partners: z.array(
        z.object({
          organization: orgRef,
          programs: z.array(
            programRef.extend({
              headlineMeasures: z.array(
                z.object({
                  measureId: z.uuid(),
                  code: z.string(),
                  name: z.string(),
                  nameFr: frenchAnswer,
                  targetStatus: targetStatusSchema,
                  trend: trendDirectionSchema,
                  /** The run length: how many periods the trend has gone on. */
                  periods: z.number().int(),
                  favorable: z.boolean().nullable(),
                }),
              ),
            }),
          ),
        }),
      ),
    }),
  ),
  coverage: z.object({
    by: z.enum(['region', 'age_group']),
    serviceTypes: z.array(z.object({ code: z.string(), name: z.string(), nameFr: frenchAnswer })),
    values: z.array(z.object({ code: z.string(), label: z.string(), labelFr: frenchAnswer })),
    cells: z.array(coverageCellSchema),
  }),
  /** The same grid counting only programs that serve in French. */
  frenchCoverage: z.object({ cells: z.array(coverageCellSchema) }),
  unlinkedResults: z.array(z.object({ id: z.uuid(), title: z.string(), titleFr: frenchAnswer })),
  unlinkedPrograms: z.array(programRef.extend({ organization: orgRef })),
  unprofiledPrograms: z.array(programRef.extend({ organization: orgRef })),
});
export type SystemMap = z.infer<typeof systemMapSchema>;
