import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/auth-api';
import { ApiError } from '../api/client';
import { queryKeys } from '../api/query-keys';

/** GET /me for the stored token; a 4xx (a refused token) is an answer, not worth retrying. */
export function useMeQuery(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    enabled,
    staleTime: 5 * 60_000,
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
  });
}
