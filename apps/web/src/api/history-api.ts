// The reads behind a figure's story: its history (every save and its period's steps), what an
// agency changed since its period was last returned or reopened, and a cell's earlier figures.

import type { FigureHistory, Observation, PeriodChanges } from '@rba/schema';
import { apiRequest } from './client';

export type { FigureHistory, PeriodChanges };
export type FigureHistoryItem = FigureHistory['items'][number];
export type PeriodChange = PeriodChanges['items'][number];

const id = encodeURIComponent;
const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

/** A breakdown as the history route reads it: `dim:value;dim:value`, dimensions sorted; '' for the total. */
export function breakdownQuery(breakdown: Record<string, string>): string {
  return Object.keys(breakdown)
    .sort()
    .map((dim) => `${dim}:${breakdown[dim]}`)
    .join(';');
}

/** GET /measures/:id/observations/:period/history, oldest first; 403 for restricted callers. */
export function fetchFigureHistory(
  measureId: string,
  period: string,
  breakdown: Record<string, string>,
  signal?: AbortSignal,
): Promise<FigureHistory> {
  const cell = breakdownQuery(breakdown);
  const query = cell ? `?breakdown=${id(cell)}` : '';
  return apiRequest<FigureHistory>(
    `/measures/${id(measureId)}/observations/${id(period)}/history${query}`,
    signalOf(signal),
  );
}

/** GET /organizations/:id/periods/:period/changes: the figures changed since the last return or reopening. */
export function fetchPeriodChanges(
  organizationId: string,
  period: string,
  signal?: AbortSignal,
): Promise<PeriodChanges> {
  return apiRequest<PeriodChanges>(
    `/organizations/${id(organizationId)}/periods/${id(period)}/changes`,
    signalOf(signal),
  );
}

/** GET /measures/:id/observations?from&to: a measure's stored figures, breakdowns included. */
export async function fetchObservationsBetween(
  measureId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<Observation[]> {
  const query = new URLSearchParams({ from, to }).toString();
  const body = await apiRequest<{ items: Observation[] }>(
    `/measures/${id(measureId)}/observations?${query}`,
    signalOf(signal),
  );
  return body.items;
}
