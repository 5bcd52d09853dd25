// Who does what with partnership surveys, read from the role grants. Small, so the navigation can
// ask without loading the pages. The API decides (and sends funders no nodes nor ties); this only
// hides dead ends.

import type { User } from '../../api/auth-api';
import { isAdmin } from '../../api/auth-api';

const tableRoles = new Set(['table_coordinator', 'table_member', 'funder_viewer']);
const staffRoles = new Set(['partner_editor', 'partner_viewer']);

/** Everyone with a planning table or an agency in view: admins, table people, partner staff. */
export function canSeePartnerships(user: User): boolean {
  return (
    isAdmin(user) ||
    user.roles.some(
      (g) => staffRoles.has(g.role) || (tableRoles.has(g.role) && g.scopeType === 'table'),
    )
  );
}

/** A partner editor answers the surveys of their agency's tables. */
export function canAnswerSurveys(user: User): boolean {
  return user.roles.some((g) => g.role === 'partner_editor' && g.scopeType === 'organization');
}

/** The table's coordinators and admins open and close its surveys. */
export function canManageSurveys(user: User, tableId: string): boolean {
  return (
    isAdmin(user) ||
    user.roles.some(
      (g) => g.role === 'table_coordinator' && g.scopeType === 'table' && g.scopeId === tableId,
    )
  );
}

export function partnershipsPath(): string {
  return '/partnerships';
}

export function tableSurveysPath(tableId: string): string {
  return `/partnerships/tables/${encodeURIComponent(tableId)}`;
}

export function networkPath(tableId: string, surveyId?: string): string {
  const path = `/partnerships/tables/${encodeURIComponent(tableId)}/network`;
  return surveyId ? `${path}?survey=${encodeURIComponent(surveyId)}` : path;
}

/** The survey form; `organizationId` names the agency answering, for editors of several. */
export function responsePath(surveyId: string, organizationId?: string): string {
  const path = `/partnerships/surveys/${encodeURIComponent(surveyId)}/response`;
  return organizationId ? `${path}?organization=${encodeURIComponent(organizationId)}` : path;
}
