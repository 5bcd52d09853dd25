// The review queue's data: the tables one coordinates, their partners' submissions, what an agency
// changed since its quarter was handed back, and the coordinator's decisions (approve, return with
// a note, reopen an approved quarter with a reason).

import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../api/auth-api';
import { isAdmin } from '../../api/auth-api';
import {
  approvePeriod,
  fetchTablePartners,
  fetchTableSubmissions,
  fetchTables,
  type PlanningTable,
  reopenPeriod,
  returnPeriod,
  type Submission,
} from '../../api/entry-api';
import { fetchPeriodChanges } from '../../api/history-api';
import { queryKeys } from '../../api/query-keys';
import { coordinatedTableIds } from './review-access';

/** The planning tables whose queue the user reads: those they coordinate, or all for admins. */
export function useReviewTables(user: User) {
  const query = useQuery({
    queryKey: queryKeys.tables(),
    queryFn: ({ signal }) => fetchTables(signal),
  });
  const admin = isAdmin(user);
  const coordinated = coordinatedTableIds(user);
  const tables: PlanningTable[] = (query.data ?? []).filter(
    (table) => table.archivedAt === null && (admin || coordinated.includes(table.id)),
  );
  return { ...query, tables };
}

export interface QueueRow {
  submission: Submission;
  organizationName: string | null;
  tableId: string;
}

/** Every submission of the tables' partners, each once, with the agency's name. */
export function useReviewQueue(tableIds: string[]) {
  const submissions = useQueries({
    queries: tableIds.map((tableId) => ({
      queryKey: queryKeys.tableSubmissions(tableId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchTableSubmissions(tableId, signal),
    })),
  });
  const partners = useQueries({
    queries: tableIds.map((tableId) => ({
      queryKey: queryKeys.tablePartners(tableId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchTablePartners(tableId, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map<string, string>();
  for (const p of partners) {
    for (const partner of p.data ?? [])
      names.set(partner.organization.id, partner.organization.name);
  }
  const seen = new Set<string>();
  const rows: QueueRow[] = [];
  submissions.forEach((q, index) => {
    for (const submission of q.data ?? []) {
      if (seen.has(submission.id)) continue;
      seen.add(submission.id);
      rows.push({
        submission,
        organizationName: names.get(submission.organizationId) ?? null,
        tableId: tableIds[index] as string,
      });
    }
  });
  return {
    rows,
    isPending: submissions.some((q) => q.isPending),
    error: submissions.find((q) => q.error)?.error ?? null,
    refetch: () => Promise.all(submissions.map((q) => q.refetch())),
  };
}

export type Decision =
  | { kind: 'approve' }
  | { kind: 'return'; note: string }
  | { kind: 'reopen'; reason: string };

function decide(organizationId: string, period: string, decision: Decision): Promise<Submission> {
  switch (decision.kind) {
    case 'approve':
      return approvePeriod(organizationId, period);
    case 'return':
      return returnPeriod(organizationId, period, decision.note);
    case 'reopen':
      return reopenPeriod(organizationId, period, decision.reason);
    default: {
      const unhandled: never = decision;
      return unhandled;
    }
  }
}

/**
 * Approves, returns or reopens a period; then every queue, every status board and everything
 * under the agency (its sheets, checks and changes) is refetched before the returned promise
 * settles.
 */
export function useDecide(organizationId: string, period: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) => decide(organizationId, period, decision),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({
          // The review queues, and the status boards that show the same decisions.
          predicate: (query) =>
            query.queryKey[1] === 'tables' &&
            (query.queryKey[3] === 'submissions' || query.queryKey[3] === 'reporting-status'),
        }),
        queryClient.invalidateQueries({
          queryKey: [...queryKeys.all, 'organizations', organizationId],
        }),
      ]);
    },
  });
}

/** What the agency changed since its period was last returned or reopened; kept fresh. */
export function usePeriodChanges(organizationId: string, period: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.periodChanges(organizationId, period),
    queryFn: ({ signal }) => fetchPeriodChanges(organizationId, period, signal),
    enabled,
    staleTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}
