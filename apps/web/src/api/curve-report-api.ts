// The turn-the-curve report route of the API and the organization look-up it needs for names.

import type { CurveReport, Organization, seriesResponseSchema } from '@rba/schema';
import { apiRequest } from './client';

/** A measure's curve as the API sends it: the series summary with targets, forecast, breakdowns. */
export type SeriesResponse = (typeof seriesResponseSchema)['_output'];

/** GET /measures/:id/curve-report: the curve and the current plan. */
export type { CurveReport };

export function fetchCurveReport(measureId: string, signal?: AbortSignal): Promise<CurveReport> {
  return apiRequest<CurveReport>(
    `/measures/${encodeURIComponent(measureId)}/curve-report`,
    signal ? { signal } : {},
  );
}

export function fetchOrganization(id: string, signal?: AbortSignal): Promise<Organization> {
  return apiRequest<Organization>(
    `/organizations/${encodeURIComponent(id)}`,
    signal ? { signal } : {},
  );
}
