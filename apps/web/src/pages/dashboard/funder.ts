// Who the funder dashboard is for, and what each funder funds (from their role grants).

import type { User } from '../../api/auth-api';

export function isFunder(user: User): boolean {
  return user.roles.some((grant) => grant.role === 'funder_viewer');
}

/** A funder and nothing else: their home is the dashboard rather than the scorecards. */
export function isOnlyFunder(user: User): boolean {
  return isFunder(user) && user.roles.every((grant) => grant.role === 'funder_viewer');
}

export interface FundedScopes {
  tableIds: string[];
  organizationIds: string[];
}

export function fundedScopes(user: User): FundedScopes {
  const tableIds = new Set<string>();
  const organizationIds = new Set<string>();
  for (const grant of user.roles) {
    if (grant.role !== 'funder_viewer' || grant.scopeId === null) continue;
    if (grant.scopeType === 'table') tableIds.add(grant.scopeId);
    if (grant.scopeType === 'organization') organizationIds.add(grant.scopeId);
  }
  return { tableIds: [...tableIds], organizationIds: [...organizationIds] };
}
