// The report's data: the curve report itself, and the names of the organizations its plan names.

import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { fetchCurveReport, fetchOrganization } from '../../api/curve-report-api';
import { queryKeys } from '../../api/query-keys';

export function useCurveReport(measureId: string) {
  return useQuery({
    queryKey: queryKeys.curveReport(measureId),
    queryFn: ({ signal }) => fetchCurveReport(measureId, signal),
  });
}

/** Whether the API answered that there is no such report for this person (gone, or not theirs). */
export function isMissingReport(error: unknown): boolean {
  return error instanceof ApiError && [400, 403, 404].includes(error.status);
}

export type OrganizationName =
  | { state: 'loading' }
  | { state: 'known'; name: string; nameFr: string | null }
  /** None given, not visible to this person, or gone: the page shows a neutral label. */
  | { state: 'unknown' };

/** An organization's name by id; one the viewer may not see is "unknown", not an error. */
export function useOrganizationName(id: string | null): OrganizationName {
  const query = useQuery({
    queryKey: queryKeys.organization(id ?? ''),
    queryFn: ({ signal }) => fetchOrganization(id ?? '', signal),
    enabled: id !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (id === null) return { state: 'unknown' };
  if (query.data) return { state: 'known', name: query.data.name, nameFr: query.data.nameFr };
  return query.isPending ? { state: 'loading' } : { state: 'unknown' };
}
