// The system map's data: the tables one may see, a table's map by axis and filters, its results,
// the service types and dimensions, and a program's profile (read and saved).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { fetchOrganization } from '../../api/curve-report-api';
import { queryKeys } from '../../api/query-keys';
import { fetchDimensions, fetchTables } from '../../api/scorecards-api';
import {
  fetchProgram,
  fetchProgramProfile,
  fetchServiceTypes,
  fetchSystemMap,
  fetchTableResults,
  type ProgramProfileBody,
  type SystemMapQuery,
  saveProgramProfile,
} from '../../api/system-map-api';

export function useTables() {
  return useQuery({
    queryKey: queryKeys.tables(),
    queryFn: ({ signal }) => fetchTables(signal),
  });
}

/** A table's map; the previous answer stays on screen while a new axis or filter loads. */
export function useSystemMap(tableId: string, query: SystemMapQuery) {
  return useQuery({
    queryKey: queryKeys.systemMap(tableId, query),
    queryFn: ({ signal }) => fetchSystemMap(tableId, query, signal),
    placeholderData: (previous) => (previous?.table.id === tableId ? previous : undefined),
  });
}

export function useTableResults(tableId: string) {
  return useQuery({
    queryKey: queryKeys.tableResults(tableId),
    queryFn: ({ signal }) => fetchTableResults(tableId, signal),
    staleTime: 5 * 60_000,
  });
}

export function useServiceTypes() {
  return useQuery({
    queryKey: queryKeys.serviceTypes(),
    queryFn: ({ signal }) => fetchServiceTypes(signal),
    staleTime: 10 * 60_000,
  });
}

export function useDimensions() {
  return useQuery({
    queryKey: queryKeys.dimensions(),
    queryFn: ({ signal }) => fetchDimensions(signal),
    staleTime: 10 * 60_000,
  });
}

export function useProgram(programId: string) {
  return useQuery({
    queryKey: queryKeys.program(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: false,
  });
}

export function useOrganization(organizationId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.organization(organizationId ?? ''),
    queryFn: ({ signal }) => fetchOrganization(organizationId ?? '', signal),
    enabled: organizationId !== undefined,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useProgramProfile(programId: string) {
  return useQuery({
    queryKey: queryKeys.programProfile(programId),
    queryFn: ({ signal }) => fetchProgramProfile(programId, signal),
    retry: false,
  });
}

/** Saves a profile; every map is read again, since the profile moves programs between cells. */
export function useSaveProfile(programId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgramProfileBody) => saveProgramProfile(programId, body),
    onSuccess: (profile) => {
      client.setQueryData(queryKeys.programProfile(programId), profile);
      void client.invalidateQueries({ queryKey: queryKeys.systemMaps() });
    },
  });
}

/** Whether the API answered that there is nothing here for this person (gone, or not theirs). */
export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && [400, 403, 404].includes(error.status);
}
