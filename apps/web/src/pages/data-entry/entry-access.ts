// Who data entry is for: an agency's staff (editors enter, viewers read) and admins. Small, so
// the navigation can ask without loading the page.

import type { User } from '../../api/auth-api';
import { isAdmin } from '../../api/auth-api';

/** The agencies whose staff the user is (editor or viewer), by id. */
export function staffOrganizationIds(user: User): string[] {
  return [
    ...new Set(
      user.roles
        .filter(
          (g) =>
            (g.role === 'partner_editor' || g.role === 'partner_viewer') &&
            g.scopeType === 'organization' &&
            g.scopeId !== null,
        )
        .map((g) => g.scopeId as string),
    ),
  ];
}

export function canOpenDataEntry(user: User): boolean {
  return isAdmin(user) || staffOrganizationIds(user).length > 0;
}
