// Who the review queue is for: coordinators of a planning table, and admins. Small, so the
// navigation can ask without loading the page.

import type { User } from '../../api/auth-api';
import { isAdmin } from '../../api/auth-api';

/** The planning tables the user coordinates, by id. */
export function coordinatedTableIds(user: User): string[] {
  return [
    ...new Set(
      user.roles
        .filter(
          (g) => g.role === 'table_coordinator' && g.scopeType === 'table' && g.scopeId !== null,
        )
        .map((g) => g.scopeId as string),
    ),
  ];
}

export function canReview(user: User): boolean {
  return isAdmin(user) || coordinatedTableIds(user).length > 0;
}
