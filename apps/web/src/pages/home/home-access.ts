// Who lands on the partner home after signing in: an agency's staff (editors and viewers) who are
// not administrators. Small, so the navigation and the home address can ask without the page.

import type { User } from '../../api/auth-api';
import { isAdmin } from '../../api/auth-api';
import { staffOrganizationIds } from '../data-entry/entry-access';

export const homePath = '/home';

export function isPartnerStaff(user: User): boolean {
  return !isAdmin(user) && staffOrganizationIds(user).length > 0;
}
