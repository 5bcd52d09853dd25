// Who sees the system map and what they may do from it, read from the role grants. Small, so the
// navigation can ask without loading the page. The API decides; this only hides dead ends.

import type { User } from '../../api/auth-api';
import { isAdmin } from '../../api/auth-api';

const tableRoles = new Set(['table_coordinator', 'table_member', 'funder_viewer']);
const staffRoles = new Set(['partner_editor', 'partner_viewer']);

/** Everyone who may see a planning table: admins, its coordinators, members, funders, partner staff. */
export function canSeeSystemMap(user: User): boolean {
  return (
    isAdmin(user) ||
    user.roles.some(
      (g) => staffRoles.has(g.role) || (tableRoles.has(g.role) && g.scopeType === 'table'),
    )
  );
}

/** Whether the user may open a program's profile: the table's people see every partner's. */
export function canSeeProgram(user: User, tableId: string, organizationId: string): boolean {
  if (isAdmin(user)) return true;
  return user.roles.some(
    (g) =>
      (tableRoles.has(g.role) && g.scopeType === 'table' && g.scopeId === tableId) ||
      ((staffRoles.has(g.role) || g.role === 'funder_viewer') &&
        g.scopeType === 'organization' &&
        g.scopeId === organizationId),
  );
}

/** Partners keep their own programs' profiles; admins may keep any. */
export function canEditProfile(user: User, organizationId: string): boolean {
  return (
    isAdmin(user) ||
    user.roles.some(
      (g) =>
        g.role === 'partner_editor' &&
        g.scopeType === 'organization' &&
        g.scopeId === organizationId,
    )
  );
}

export function systemMapPath(tableId: string): string {
  return `/system-map/${encodeURIComponent(tableId)}`;
}

/** A program's profile page; `tableId` is the map to go back to. */
export function profilePath(programId: string, tableId?: string): string {
  const path = `/system-map/programs/${encodeURIComponent(programId)}/profile`;
  return tableId ? `${path}?table=${encodeURIComponent(tableId)}` : path;
}
