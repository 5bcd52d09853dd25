// The series page's data: the curve, the notes on its figures, the plan, and dimension names.

import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import {
  fetchCurvePlan,
  fetchDimensions,
  fetchMeasureObservations,
  fetchMeasureSeries,
} from '../../api/scorecards-api';

export const seriesHorizon = 4;

export function useMeasureSeries(measureId: string) {
  return useQuery({
    queryKey: queryKeys.measureSeries(measureId, seriesHorizon),
    queryFn: ({ signal }) => fetchMeasureSeries(measureId, seriesHorizon, signal),
  });
}

/** The stored totals with their notes; funders are refused them (403), and see no notes. */
export function useMeasureObservations(measureId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.measureObservations(measureId),
    queryFn: ({ signal }) => fetchMeasureObservations(measureId, signal),
    enabled,
    retry: false,
  });
}

export function useCurvePlan(measureId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.curvePlan(measureId),
    queryFn: ({ signal }) => fetchCurvePlan(measureId, signal),
    enabled,
    retry: false,
  });
}

export function useDimensions() {
  return useQuery({
    queryKey: queryKeys.dimensions(),
    queryFn: ({ signal }) => fetchDimensions(signal),
    staleTime: 10 * 60_000,
    retry: false,
  });
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}
