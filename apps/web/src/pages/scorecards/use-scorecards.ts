// The scorecards' data: the tables and agencies one may see, and their scorecards by period.

import { type QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import {
  fetchOrganizationScorecard,
  fetchOrganizations,
  fetchPublicScorecard,
  fetchTableScorecard,
  fetchTables,
} from '../../api/scorecards-api';

export function useTables() {
  return useQuery({
    queryKey: queryKeys.tables(),
    queryFn: ({ signal }) => fetchTables(signal),
  });
}

export function useOrganizations(enabled = true) {
  return useQuery({
    queryKey: queryKeys.organizations(),
    queryFn: ({ signal }) => fetchOrganizations(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** A table's collective scorecard: what the page asks for, and what start-up may ask for early. */
function tableScorecardQuery(tableId: string, period: string | null) {
  return {
    queryKey: queryKeys.tableScorecard(tableId, period),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      fetchTableScorecard(tableId, period ?? undefined, signal),
  };
}

function organizationScorecardQuery(organizationId: string, period: string | null) {
  return {
    queryKey: queryKeys.organizationScorecard(organizationId, period),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      fetchOrganizationScorecard(organizationId, period ?? undefined, signal),
  };
}

/** Starts loading a scorecard before its page is drawn (page-modules.ts, at start-up). */
export function prefetchTableScorecard(
  client: QueryClient,
  tableId: string,
  period: string | null,
) {
  return client.prefetchQuery(tableScorecardQuery(tableId, period));
}

export function prefetchOrganizationScorecard(
  client: QueryClient,
  organizationId: string,
  period: string | null,
) {
  return client.prefetchQuery(organizationScorecardQuery(organizationId, period));
}

/** A table's collective scorecard; the previous period's stays on screen while the next loads. */
export function useTableScorecard(tableId: string, period: string | null) {
  return useQuery({
    ...tableScorecardQuery(tableId, period),
    placeholderData: (previous) => (previous?.table.id === tableId ? previous : undefined),
  });
}

export function useOrganizationScorecard(organizationId: string, period: string | null) {
  return useQuery({
    ...organizationScorecardQuery(organizationId, period),
    placeholderData: (previous) =>
      previous?.organization.id === organizationId ? previous : undefined,
  });
}

export function usePublicScorecard(token: string, period: string | null) {
  return useQuery({
    queryKey: queryKeys.publicScorecard(token, period),
    queryFn: ({ signal }) => fetchPublicScorecard(token, period ?? undefined, signal),
    // Links are per table, so the previous period's scorecard is the same table's.
    placeholderData: (previous) => previous,
    retry: false,
  });
}

/** Whether the API answered that there is nothing here for this person (gone, or not theirs). */
export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && [400, 403, 404].includes(error.status);
}
