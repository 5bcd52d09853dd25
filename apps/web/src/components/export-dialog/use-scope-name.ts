// The name of what an export covers (a table, an agency, a measure), for labels.

import { useQuery } from '@tanstack/react-query';
import { fetchOrganization } from '../../api/curve-report-api';
import { fetchMeasure, fetchTable } from '../../api/imports-api';
import { queryKeys } from '../../api/query-keys';
import type { ExportScope } from './export-url';

export function scopeKind(scope: ExportScope): 'table' | 'organization' | 'measure' {
  if ('tableId' in scope) return 'table';
  if ('organizationId' in scope) return 'organization';
  return 'measure';
}

function scopeId(scope: ExportScope): string {
  if ('tableId' in scope) return scope.tableId;
  if ('organizationId' in scope) return scope.organizationId;
  return scope.measureId;
}

export interface ScopeName {
  name: string;
  /** The stored French name, null when there is none (see NameText). */
  nameFr: string | null;
}

const named = (thing: { name: string; nameFr?: string | null }): ScopeName => ({
  name: thing.name,
  nameFr: thing.nameFr ?? null,
});

/** The name of what the export covers; null while unknown (the dialog still works). */
export function useScopeName(scope: ExportScope): ScopeName | null {
  const kind = scopeKind(scope);
  const id = scopeId(scope);
  const query = useQuery({
    queryKey: queryKeys.exportScope(kind, id),
    queryFn: async ({ signal }) => {
      if (kind === 'table') return named(await fetchTable(id, signal));
      if (kind === 'organization') return named(await fetchOrganization(id, signal));
      return named(await fetchMeasure(id, signal));
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
  return query.data ?? null;
}
