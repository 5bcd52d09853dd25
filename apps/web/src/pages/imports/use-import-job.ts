// Polls an import job until it is done or has failed.

import { useQuery } from '@tanstack/react-query';
import { fetchImportJob } from '../../api/imports-api';
import { queryKeys } from '../../api/query-keys';

/** How often a running job is asked for its progress. */
export const pollMs = 500;

export function useImportJob(jobId: string, interval = pollMs) {
  return useQuery({
    queryKey: queryKeys.importJob(jobId),
    queryFn: ({ signal }) => fetchImportJob(jobId, signal),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? interval : false),
    staleTime: 0,
    retry: 2,
  });
}
