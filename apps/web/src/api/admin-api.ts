// The administrator's routes of the API: organizations, users and role grants, planning tables
// and partners, reporting periods, settings and public scorecard links.

import type {
  ItemList,
  Locale,
  NewPublicLink,
  Organization as OrganizationAnswer,
  OrganizationKind,
  PlanningTable as PlanningTableAnswer,
  PublicLink,
  partnerSchema,
  Role,
  RoleGrant,
  reportingPeriodSchema,
  ScopeType,
  settingsSchema,
  User,
} from '@rba/schema';
import { apiRequest } from './client';

export type { NewPublicLink, OrganizationKind, PublicLink, Role, RoleGrant, ScopeType };

/**
 * An organization as the API answers it (docs/api.md#languages): `name` in the caller's language
 * (the English when there is no French), `nameFr` the French as stored, null when there is none.
 * Planning tables carry `nameFr`, `populationFr` and `descriptionFr` the same way.
 */
export type Organization = OrganizationAnswer;
export type PlanningTable = PlanningTableAnswer;

/** A French twin in a request: the text, null to remove it, absent to leave it as it is. */
type FrenchText = string | null;

export type AdminUser = User;
export type TablePartner = (typeof partnerSchema)['_output'];
export type ReportingPeriod = (typeof reportingPeriodSchema)['_output'];
export type Settings = (typeof settingsSchema)['_output'];

/**
 * @rba/schema's ROLES, ORGANIZATION_KINDS (and roleScopes below), copied so the admin bundle
 * carries no zod; a test keeps them equal.
 */
export const roles: readonly Role[] = [
  'admin',
  'partner_editor',
  'partner_viewer',
  'table_coordinator',
  'table_member',
  'funder_viewer',
];

export const organizationKinds: readonly OrganizationKind[] = ['agency', 'funder', 'backbone'];

/** Which scope each role takes, as @rba/schema's `roleScopes` says. */
export const roleScopes: Record<Role, readonly (ScopeType | null)[]> = {
  admin: [null],
  partner_editor: ['organization'],
  partner_viewer: ['organization'],
  table_coordinator: ['table'],
  table_member: ['table'],
  funder_viewer: ['table', 'organization'],
};

const id = encodeURIComponent;

function withSignal(signal: AbortSignal | undefined) {
  return signal ? { signal } : {};
}

async function list<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  return (await apiRequest<ItemList<T>>(path, withSignal(signal))).items;
}

export const fetchOrganizations = (signal?: AbortSignal) =>
  list<Organization>('/organizations?limit=500', signal);

export function createOrganization(body: {
  code: string;
  name: string;
  nameFr?: FrenchText;
  kind: OrganizationKind;
}): Promise<Organization> {
  return apiRequest<Organization>('/organizations', { method: 'POST', body });
}

export const fetchUsers = (signal?: AbortSignal) => list<AdminUser>('/users?limit=500', signal);

export function createUser(body: {
  email: string;
  name: string;
  password: string;
  locale?: Locale;
}): Promise<AdminUser> {
  return apiRequest<AdminUser>('/users', { method: 'POST', body });
}

export function updateUser(
  userId: string,
  body: { name?: string; locale?: Locale; disabled?: boolean },
): Promise<AdminUser> {
  return apiRequest<AdminUser>(`/users/${id(userId)}`, { method: 'PATCH', body });
}

/** An administrator sets another user's password (204); every session of that user ends. */
export function resetUserPassword(userId: string, password: string): Promise<void> {
  return apiRequest<void>(`/users/${id(userId)}/password`, { method: 'POST', body: { password } });
}

export function grantRole(userId: string, grant: RoleGrant): Promise<RoleGrant> {
  return apiRequest<RoleGrant>(`/users/${id(userId)}/roles`, { method: 'POST', body: grant });
}

export function revokeRole(userId: string, grant: RoleGrant): Promise<void> {
  return apiRequest<void>(`/users/${id(userId)}/roles/revoke`, { method: 'POST', body: grant });
}

export const fetchTables = (signal?: AbortSignal) =>
  list<PlanningTable>('/tables?limit=500', signal);

export interface TableTexts {
  name: string;
  nameFr?: FrenchText;
  population: string;
  populationFr?: FrenchText;
  description?: string | null;
  descriptionFr?: FrenchText;
}

export function createTable(body: TableTexts): Promise<PlanningTable> {
  return apiRequest<PlanningTable>('/tables', { method: 'POST', body });
}

/**
 * One table with its texts as stored: `?lang=en` makes `name`, `population` and `description`
 * the English exactly (never a French one), so that a form can fill both languages' fields.
 */
export function fetchTableAsStored(tableId: string, signal?: AbortSignal): Promise<PlanningTable> {
  return apiRequest<PlanningTable>(`/tables/${id(tableId)}?lang=en`, withSignal(signal));
}

/** PATCH /tables/:id with the texts that changed. */
export function updateTable(tableId: string, body: Partial<TableTexts>): Promise<PlanningTable> {
  return apiRequest<PlanningTable>(`/tables/${id(tableId)}`, { method: 'PATCH', body });
}

export function setTableArchived(tableId: string, archived: boolean): Promise<PlanningTable> {
  return apiRequest<PlanningTable>(`/tables/${id(tableId)}`, {
    method: 'PATCH',
    body: { archived },
  });
}

export const fetchTablePartners = (tableId: string, signal?: AbortSignal) =>
  list<TablePartner>(`/tables/${id(tableId)}/partners`, signal);

export function addTablePartner(tableId: string, organizationId: string): Promise<TablePartner> {
  return apiRequest<TablePartner>(`/tables/${id(tableId)}/partners`, {
    method: 'POST',
    body: { organizationId },
  });
}

export function removeTablePartner(tableId: string, organizationId: string): Promise<void> {
  return apiRequest<void>(`/tables/${id(tableId)}/partners/${id(organizationId)}`, {
    method: 'DELETE',
  });
}

export const fetchReportingPeriods = (signal?: AbortSignal) =>
  list<ReportingPeriod>('/reporting-periods?limit=500', signal);

export function createReportingPeriod(body: {
  period: string;
  opens: string;
  due: string;
  closes: string;
}): Promise<ReportingPeriod> {
  return apiRequest<ReportingPeriod>('/reporting-periods', { method: 'POST', body });
}

export function fetchSettings(signal?: AbortSignal): Promise<Settings> {
  return apiRequest<Settings>('/settings', withSignal(signal));
}

export function updateSettings(body: Partial<Settings>): Promise<Settings> {
  return apiRequest<Settings>('/settings', { method: 'PATCH', body });
}

export const fetchPublicLinks = (tableId: string, signal?: AbortSignal) =>
  list<PublicLink>(`/tables/${id(tableId)}/public-links`, signal);

export function createPublicLink(tableId: string, label: string | null): Promise<NewPublicLink> {
  return apiRequest<NewPublicLink>(`/tables/${id(tableId)}/public-links`, {
    method: 'POST',
    body: { label },
  });
}

export function revokePublicLink(tableId: string, linkId: string): Promise<void> {
  return apiRequest<void>(`/tables/${id(tableId)}/public-links/${id(linkId)}/revoke`, {
    method: 'POST',
  });
}

/** The address a published scorecard is read at, on this server. */
export function publicScorecardUrl(origin: string, token: string): string {
  return `${origin}/public/scorecards/${encodeURIComponent(token)}`;
}
