// Every refinement of the schemas says which problem it is (`params.code`, one of ISSUE_CODES), so
// that a client can word it in its reader's language; none falls back to `invalid` with English
// words (docs/api.md#validation-issues).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ISSUE_CODES } from './common.js';
import { exportScorecardQuery, importMapping } from './csv.js';
import { actionSchema, planPartnerSchema, putPlanBody } from './curve-plans.js';
import { reminderSettingsSchema } from './notifications.js';
import { grantRoleBody } from './roles.js';
import { programProfileBody } from './system-map.js';

const id = '7d3f0c2e-1a0b-4c4e-9a51-3f1f0c8f2b11';

/** The code and params each refinement gave, for an input that breaks it. */
function refusals(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, 'the input breaks the schema').toBe(false);
  return (result.error?.issues ?? [])
    .filter((i) => i.code === 'custom')
    .map((i) => (i as { params?: Record<string, unknown> }).params ?? {});
}

const cases: [string, z.ZodType, unknown, string][] = [
  [
    'a grant with a scope type and no scope',
    grantRoleBody,
    { role: 'partner_editor', scopeType: 'organization' },
    'go_together',
  ],
  [
    'a grant with a scope its role does not take',
    grantRoleBody,
    { role: 'admin', scopeType: 'table', scopeId: id },
    'invalid_option',
  ],
  [
    'a scorecard export for both a table and an organization',
    exportScorecardQuery,
    { tableId: id, organizationId: id },
    'one_of',
  ],
  [
    'a plan partner with neither organization nor name',
    planPartnerSchema,
    { role: 'helps' },
    'one_of',
  ],
  ['an action with no owner', actionSchema, { title: 'Do it', status: 'planned' }, 'one_of'],
  [
    'a plan with two forces of one id',
    putPlanBody,
    {
      story: {
        forcesUp: [
          { id, text: 'a' },
          { id, text: 'b' },
        ],
      },
    },
    'duplicate',
  ],
  [
    'reminder offsets that repeat',
    reminderSettingsSchema,
    { enabled: true, offsets: [-7, -7] },
    'duplicate',
  ],
  [
    'a profile with a service type twice',
    programProfileBody,
    { serviceTypes: ['a', 'a'] },
    'duplicate',
  ],
  [
    'a profile with a language that is not ISO 639',
    programProfileBody,
    { languages: ['French'] },
    'invalid_format',
  ],
  ['a mapping with no measure', importMapping, { mode: 'long' }, 'one_of'],
  ['a long mapping with no period column', importMapping, { mode: 'long' }, 'required'],
  [
    'a wide mapping with no wide part',
    importMapping,
    { mode: 'wide', measure: { column: 'm' } },
    'required',
  ],
];

describe('every refinement names its problem', () => {
  for (const [what, schema, input, code] of cases) {
    it(`${what}: ${code}`, () => {
      const found = refusals(schema, input);
      expect(found.map((p) => p.code)).toContain(code);
      for (const params of found) {
        expect(ISSUE_CODES).toContain(params.code);
      }
    });
  }
});
