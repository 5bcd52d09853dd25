// Data entry's data: the agencies one may enter for, the entry sheet, submitting a period and the
// checks shown before it is submitted.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../api/auth-api';
import { isAdmin } from '../../api/auth-api';
import { ApiError } from '../../api/client';
import {
  fetchEntrySheet,
  fetchOrganizations,
  fetchPeriodChecks,
  submitPeriod,
} from '../../api/entry-api';
import { queryKeys } from '../../api/query-keys';
import { staffOrganizationIds } from './entry-access';

export interface OrganizationChoice {
  id: string;
  name: string;
}

export type EntryOrganizations =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'ready'; choices: OrganizationChoice[] };

/** Who the user may open the entry sheet of: their agencies, or every agency for admins. */
export function useEntryOrganizations(user: User): EntryOrganizations {
  const admin = isAdmin(user);
  const own = staffOrganizationIds(user);
  const query = useQuery({
    queryKey: queryKeys.organizations(),
    queryFn: ({ signal }) => fetchOrganizations(signal),
    enabled: admin || own.length > 0,
    staleTime: 5 * 60_000,
  });
  if (!admin && own.length === 0) return { state: 'none' };
  if (query.isPending) return { state: 'loading' };
  const organizations = query.data ?? [];
  const choices = admin
    ? organizations
        .filter((o) => o.kind === 'agency' && o.archivedAt === null)
        .map((o) => ({ id: o.id, name: o.name }))
    : own.map((id) => ({ id, name: organizations.find((o) => o.id === id)?.name ?? id }));
  return { state: 'ready', choices: choices.sort((a, b) => a.name.localeCompare(b.name)) };
}

export function useEntrySheet(organizationId: string, period: string | null) {
  return useQuery({
    queryKey: queryKeys.entrySheet(organizationId, period),
    queryFn: ({ signal }) => fetchEntrySheet(organizationId, period, signal),
    // Figures being typed must not be replaced under someone's fingers by a background refetch.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

/** Whether the API answered that this sheet is not there for this person. */
export function isMissingSheet(error: unknown): boolean {
  return error instanceof ApiError && [403, 404].includes(error.status);
}

/** Everything under an agency: its entry sheets and its scorecards. */
export function organizationKey(organizationId: string) {
  return [...queryKeys.all, 'organizations', organizationId] as const;
}

export function useSubmitPeriod(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => submitPeriod(organizationId, period),
    onSettled: () => queryClient.invalidateQueries({ queryKey: organizationKey(organizationId) }),
  });
}

/**
 * A period's checks (figures still empty, figures that look wrong). Not kept once unused: each
 * time they are shown again they are fetched again, as the figures may have changed meanwhile.
 */
export function usePeriodChecks(organizationId: string, period: string, enabled = true) {
  return useQuery({
    queryKey: [...organizationKey(organizationId), 'periods', period, 'checks'] as const,
    queryFn: ({ signal }) => fetchPeriodChecks(organizationId, period, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}
