// One figure's history, read when it is shown; not kept once unused, as figures keep changing.

import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { breakdownQuery, fetchFigureHistory } from '../../api/history-api';
import { queryKeys } from '../../api/query-keys';

export function useFigureHistory(
  measureId: string,
  period: string,
  breakdown: Record<string, string>,
  enabled = true,
) {
  return useQuery({
    queryKey: queryKeys.figureHistory(measureId, period, breakdownQuery(breakdown)),
    queryFn: ({ signal }) => fetchFigureHistory(measureId, period, breakdown, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** The API refused this caller the history (funders, table members). */
export function isHistoryForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}
