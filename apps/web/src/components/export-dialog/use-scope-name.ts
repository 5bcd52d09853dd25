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

/** The name of what the export covers; null while unknown (the dialog still works). */
export function useScopeName(scope: ExportScope): string | null {
  const kind = scopeKind(scope);
  const id = scopeId(scope);
  const query = useQuery({
    queryKey: queryKeys.exportScope(kind, id),
    queryFn: async ({ signal }) => {
      if (kind === 'table') return (await fetchTable(id, signal)).name;
      if (kind === 'organization') return (await fetchOrganization(id, signal)).name;
      return (await fetchMeasure(id, signal)).name;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
  return query.data ?? null;
}
