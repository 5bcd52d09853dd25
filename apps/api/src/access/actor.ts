// Who is making a request, with their grants, as every service sees it.
import type { Locale } from '@rba/schema';
import type { Role, ScopeType } from '../db/tables/role-grants.table.js';

export interface Grant {
  role: Role;
  scopeType: ScopeType | null;
  scopeId: string | null;
}

export interface Actor {
  userId: string;
  grants: Grant[];
  requestId: string | null;
  /** The user's saved language, for error messages when the request names none. */
  locale?: Locale;
}

/** A requirement: a role, optionally within one organization or table. */
export interface RoleRequirement {
  role: Role;
  scopeType?: ScopeType;
  scopeId?: string;
}

export function isAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'admin');
}

/** Admins hold every role everywhere; anyone else needs a grant matching role and scope. */
export function hasRole(actor: Actor, req: RoleRequirement): boolean {
  if (isAdmin(actor)) return true;
  return actor.grants.some(
    (g) =>
      g.role === req.role &&
      (req.scopeType === undefined || g.scopeType === req.scopeType) &&
      (req.scopeId === undefined || g.scopeId === req.scopeId),
  );
}

export function hasAnyRole(actor: Actor, reqs: RoleRequirement[]): boolean {
  return reqs.some((r) => hasRole(actor, r));
}
