// The import wizard's data: the measures the signed-in user may write into, and the dimensions.

import type { Measure } from '@rba/schema';
import { useQuery } from '@tanstack/react-query';
import type { User } from '../../api/auth-api';
import { isAdmin } from '../../api/auth-api';
import {
  fetchDimensions,
  fetchOrganizationPrograms,
  fetchOrganizations,
  fetchProgramMeasures,
  fetchResultIndicators,
  fetchTableResults,
  fetchTables,
} from '../../api/imports-api';
import { queryKeys } from '../../api/query-keys';

export interface MeasureOwner {
  kind: 'organization' | 'table';
  id: string;
  name: string;
}

export interface WritableMeasure {
  measure: Measure;
  owner: MeasureOwner;
  /** The program (an agency's measure) or the result (a table's indicator) it belongs to. */
  group: string;
}

export interface WritableMeasures {
  owners: MeasureOwner[];
  measures: WritableMeasure[];
}

/** Whether the user may write figures anywhere: partner editors, coordinators, admins. */
export function canImport(user: User): boolean {
  return user.roles.some((g) => ['admin', 'partner_editor', 'table_coordinator'].includes(g.role));
}

function scopeIds(user: User, role: string, scopeType: 'organization' | 'table'): string[] {
  const ids = user.roles
    .filter((g) => g.role === role && g.scopeType === scopeType && g.scopeId)
    .map((g) => g.scopeId as string);
  return [...new Set(ids)];
}

const live = (m: Measure) => m.archivedAt === null && m.kind !== 'shared';

async function agencyMeasures(owner: MeasureOwner, signal?: AbortSignal) {
  const programs = await fetchOrganizationPrograms(owner.id, signal);
  const lists = await Promise.all(
    programs
      .filter((p) => p.archivedAt === null)
      .map(async (program) =>
        (await fetchProgramMeasures(program.id, signal))
          .filter(live)
          .map((measure) => ({ measure, owner, group: program.name })),
      ),
  );
  return lists.flat();
}

async function tableMeasures(owner: MeasureOwner, signal?: AbortSignal) {
  const results = await fetchTableResults(owner.id, signal);
  const lists = await Promise.all(
    results
      .filter((r) => r.archivedAt === null)
      .map(async (result) =>
        (await fetchResultIndicators(result.id, signal))
          .filter(live)
          .map((measure) => ({ measure, owner, group: result.title })),
      ),
  );
  return lists.flat();
}

/**
 * Gathers what the user may write: their agencies' program measures (partner editors) and
 * their tables' indicators (coordinators); everything for admins. The server still checks
 * every row.
 */
export async function collectWritableMeasures(
  user: User,
  signal?: AbortSignal,
): Promise<WritableMeasures> {
  const admin = isAdmin(user);
  const orgIds = scopeIds(user, 'partner_editor', 'organization');
  const tableIds = scopeIds(user, 'table_coordinator', 'table');
  const [organizations, tables] = await Promise.all([
    admin || orgIds.length > 0 ? fetchOrganizations(signal) : Promise.resolve([]),
    admin || tableIds.length > 0 ? fetchTables(signal) : Promise.resolve([]),
  ]);
  const owners: MeasureOwner[] = [
    ...organizations
      .filter((o) => (admin ? o.kind === 'agency' && o.archivedAt === null : orgIds.includes(o.id)))
      .map((o) => ({ kind: 'organization' as const, id: o.id, name: o.name })),
    ...tables
      .filter((tb) => (admin ? tb.archivedAt === null : tableIds.includes(tb.id)))
      .map((tb) => ({ kind: 'table' as const, id: tb.id, name: tb.name })),
  ];
  const lists = await Promise.all(
    owners.map((owner) =>
      owner.kind === 'organization' ? agencyMeasures(owner, signal) : tableMeasures(owner, signal),
    ),
  );
  return { owners, measures: lists.flat() };
}

export function useWritableMeasures(user: User) {
  return useQuery({
    queryKey: queryKeys.importMeasures(user.id),
    queryFn: ({ signal }) => collectWritableMeasures(user, signal),
    enabled: canImport(user),
  });
}

export function useDimensions() {
  return useQuery({
    queryKey: queryKeys.importDimensions(),
    queryFn: ({ signal }) => fetchDimensions(signal),
    staleTime: 5 * 60_000,
  });
}

/** The agencies and tables the user works for, whose figures the page offers to export. */
export function ownExportScopes(user: User): { organizationIds: string[]; tableIds: string[] } {
  const pick = (type: 'organization' | 'table') => [
    ...new Set(
      user.roles
        .filter((g) => g.role !== 'admin' && g.scopeType === type && g.scopeId)
        .map((g) => g.scopeId as string),
    ),
  ];
  return { organizationIds: pick('organization'), tableIds: pick('table') };
}
