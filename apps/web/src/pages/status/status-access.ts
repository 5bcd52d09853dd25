// Who the status board is for: a table's coordinators and members, and admins (the API refuses
// the table's funders and partner staff). Small, so the navigation can ask without loading the page.

import type { User } from '../../api/auth-api';
import { isAdmin } from '../../api/auth-api';

/** The planning tables whose status board the user may read, by id. */
export function statusTableIds(user: User): string[] {
  return [
    ...new Set(
      user.roles
        .filter(
          (g) =>
            (g.role === 'table_coordinator' || g.role === 'table_member') &&
            g.scopeType === 'table' &&
            g.scopeId !== null,
        )
        .map((g) => g.scopeId as string),
    ),
  ];
}

export function canSeeStatusBoard(user: User): boolean {
  return isAdmin(user) || statusTableIds(user).length > 0;
}

/** Coordinators of the table and admins set when its agencies are reminded. */
export function canSetReminders(user: User, tableId: string): boolean {
  return (
    isAdmin(user) ||
    user.roles.some(
      (g) => g.role === 'table_coordinator' && g.scopeType === 'table' && g.scopeId === tableId,
    )
  );
}
