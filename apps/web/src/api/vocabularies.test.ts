// The web keeps copies of a few of @rba/schema's lists (its bundle carries no zod): the same
// values, in the same order.
import { ORGANIZATION_KINDS, OUTBOX_STATES, ROLES } from '@rba/schema';
import { describe, expect, it } from 'vitest';
import { organizationKinds, roles } from './admin-api';
import { outboxStates } from './notifications-api';

describe('the lists the web copies from @rba/schema', () => {
  it('are the same', () => {
    expect(roles).toEqual(ROLES);
    expect(organizationKinds).toEqual(ORGANIZATION_KINDS);
    expect(outboxStates).toEqual(OUTBOX_STATES);
  });
});
