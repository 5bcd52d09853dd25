// The vocabularies the arithmetic (@rba/domain) and the contract (@rba/schema) both name: the
// domain does not depend on the schema, so each declares its own; this keeps them the same.
import * as domain from '@rba/domain';
import * as schema from '@rba/schema';
import { describe, expect, it } from 'vitest';

/** true only when A and B are the same union. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const sorted = (values: readonly string[]) => [...values].sort();

describe('the domain and the contract', () => {
  it('name the same period types and aggregation rules', () => {
    expect(sorted(domain.PERIOD_TYPES)).toEqual(sorted(schema.PERIOD_TYPES));
    expect(sorted(domain.AGGREGATE_RULES)).toEqual(sorted(schema.AGGREGATIONS));
  });

  it('name the same directions (checked by the type checker: pnpm typecheck fails otherwise)', () => {
    const agree: Same<domain.Direction, schema.Direction> = true;
    expect(agree).toBe(true);
  });
});
