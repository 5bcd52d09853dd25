// The partnership pages' data: the surveys of a table, the caller's own surveys and answer, a
// survey's network figures, and the mutations that open and close a survey.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchTables } from '../../api/entry-api';
import {
  closeSurvey,
  createSurvey,
  fetchMyResponse,
  fetchMySurveys,
  fetchSurvey,
  fetchSurveyNetwork,
  fetchTableSurveys,
  type NewSurvey,
} from '../../api/partnerships-api';
import { queryKeys } from '../../api/query-keys';

export const partnershipKeys = {
  all: () => [...queryKeys.all, 'partnerships'] as const,
  tableSurveys: (tableId: string) => [...partnershipKeys.all(), 'tables', tableId] as const,
  survey: (surveyId: string) => [...partnershipKeys.all(), 'surveys', surveyId] as const,
  myResponse: (surveyId: string, organizationId: string | null) =>
    [...partnershipKeys.all(), 'surveys', surveyId, 'my-response', organizationId] as const,
  network: (surveyId: string) =>
    [...partnershipKeys.all(), 'surveys', surveyId, 'network'] as const,
  mine: () => [...partnershipKeys.all(), 'mine'] as const,
};

export function useTables() {
  return useQuery({ queryKey: queryKeys.tables(), queryFn: ({ signal }) => fetchTables(signal) });
}

export function useTableSurveys(tableId: string) {
  return useQuery({
    queryKey: partnershipKeys.tableSurveys(tableId),
    queryFn: ({ signal }) => fetchTableSurveys(tableId, signal),
  });
}

export function useSurvey(surveyId: string) {
  return useQuery({
    queryKey: partnershipKeys.survey(surveyId),
    queryFn: ({ signal }) => fetchSurvey(surveyId, signal),
  });
}

export function useMySurveys(enabled: boolean) {
  return useQuery({
    queryKey: partnershipKeys.mine(),
    queryFn: ({ signal }) => fetchMySurveys(signal),
    enabled,
  });
}

export function useMyResponse(surveyId: string, organizationId: string | undefined) {
  return useQuery({
    queryKey: partnershipKeys.myResponse(surveyId, organizationId ?? null),
    queryFn: ({ signal }) => fetchMyResponse(surveyId, organizationId, signal),
    // The form keeps its own copy while it is filled in: never replace it under the person.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useSurveyNetwork(surveyId: string | undefined) {
  return useQuery({
    queryKey: partnershipKeys.network(surveyId ?? ''),
    queryFn: ({ signal }) => fetchSurveyNetwork(surveyId ?? '', signal),
    enabled: surveyId !== undefined,
  });
}

export function useCreateSurvey(tableId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSurvey) => createSurvey(tableId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: partnershipKeys.tableSurveys(tableId) }),
  });
}

export function useCloseSurvey(tableId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (surveyId: string) => closeSurvey(surveyId),
    onSuccess: (_answer, surveyId) =>
      Promise.all([
        client.invalidateQueries({ queryKey: partnershipKeys.tableSurveys(tableId) }),
        client.invalidateQueries({ queryKey: partnershipKeys.survey(surveyId) }),
        client.invalidateQueries({ queryKey: partnershipKeys.network(surveyId) }),
      ]),
  });
}
