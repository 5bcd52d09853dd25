import { ForbiddenError } from '../errors.js';
import { type Actor, hasAnyRole, type RoleRequirement } from './actor.js';

/** The one check services start with: throws 403 unless the actor meets one requirement. */
export function requireAnyRole(actor: Actor, reqs: RoleRequirement[]): void {
  if (!hasAnyRole(actor, reqs)) throw new ForbiddenError();
}

export function requireAdmin(actor: Actor): void {
  requireAnyRole(actor, [{ role: 'admin' }]);
}
