// The reading routes behind scorecards, series pages, the funder dashboard and public scorecards,
// and the CSV downloads (which need the bearer token, so they cannot be plain links).

import type {
  Dimension,
  ItemList,
  Observation,
  Organization,
  organizationScorecardSchema,
  Page,
  Plan,
  PlanningTable,
  seriesSummarySchema,
  sharedMeasureSummarySchema,
  tableScorecardSchema,
} from '@rba/schema';
import { ApiError, apiRequest, fetchWithSession, networkErrorCode, withLang } from './client';
import type { SeriesResponse } from './curve-report-api';

export type { Dimension, SeriesResponse };

/** One scorecard row as the API sends it: latest figure, target, trend, baseline, points, plan. */
export type SeriesSummary = (typeof seriesSummarySchema)['_output'];
export type SharedMeasureSummary = (typeof sharedMeasureSummarySchema)['_output'];
export type TableScorecard = (typeof tableScorecardSchema)['_output'];
export type OrganizationScorecard = (typeof organizationScorecardSchema)['_output'];
/** Which figures the caller sees: every status, submitted and approved, approved, or restricted. */
export type ScorecardView = TableScorecard['view'];

const id = encodeURIComponent;

/**
 * The points of each series a scorecard asks for: what its sparklines draw (three years of
 * quarters, a year of months). The figures beside them are the server's, from the whole series;
 * the measure's page draws all of it.
 */
export const SPARKLINE_POINTS = 12;
const points = String(SPARKLINE_POINTS);

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

export async function fetchTables(signal?: AbortSignal): Promise<PlanningTable[]> {
  const page = await apiRequest<Page<PlanningTable>>('/tables?limit=500', signalOf(signal));
  return page.items;
}

export async function fetchOrganizations(signal?: AbortSignal): Promise<Organization[]> {
  const page = await apiRequest<Page<Organization>>('/organizations?limit=500', signalOf(signal));
  return page.items;
}

export function fetchTableScorecard(
  tableId: string,
  period: string | undefined,
  signal?: AbortSignal,
): Promise<TableScorecard> {
  return apiRequest<TableScorecard>(
    withQuery(`/tables/${id(tableId)}/scorecard`, { period, points }),
    signalOf(signal),
  );
}

export function fetchOrganizationScorecard(
  organizationId: string,
  period: string | undefined,
  signal?: AbortSignal,
): Promise<OrganizationScorecard> {
  return apiRequest<OrganizationScorecard>(
    withQuery(`/organizations/${id(organizationId)}/scorecard`, { period, points }),
    signalOf(signal),
  );
}

/** A published scorecard: anyone holding the link may read it, signed in or not. */
export function fetchPublicScorecard(
  token: string,
  period: string | undefined,
  signal?: AbortSignal,
): Promise<TableScorecard> {
  return apiRequest<TableScorecard>(
    withQuery(`/public/scorecards/${id(token)}`, { period, points }),
    signalOf(signal),
  );
}

export function fetchMeasureSeries(
  measureId: string,
  horizon: number,
  signal?: AbortSignal,
): Promise<SeriesResponse> {
  return apiRequest<SeriesResponse>(
    withQuery(`/measures/${id(measureId)}/series`, { horizon: String(horizon) }),
    signalOf(signal),
  );
}

/** The stored figures (with their notes); funders are refused these (403). */
export async function fetchMeasureObservations(
  measureId: string,
  signal?: AbortSignal,
): Promise<Observation[]> {
  const body = await apiRequest<ItemList<Observation>>(
    withQuery(`/measures/${id(measureId)}/observations`, { breakdowns: 'false' }),
    signalOf(signal),
  );
  return body.items;
}

export function fetchCurvePlan(measureId: string, signal?: AbortSignal): Promise<Plan> {
  return apiRequest<Plan>(`/measures/${id(measureId)}/curve-plan`, signalOf(signal));
}

export async function fetchDimensions(signal?: AbortSignal): Promise<Dimension[]> {
  const body = await apiRequest<ItemList<Dimension>>('/dimensions', signalOf(signal));
  return body.items;
}

// CSV downloads

export type ExportScope = { tableId: string } | { organizationId: string };

export interface ObservationsExport {
  scope: ExportScope;
  layout: 'long' | 'wide';
}

export function observationsCsvPath({ scope, layout }: ObservationsExport): string {
  return withQuery('/exports/observations.csv', { ...scope, layout, bom: 'true' });
}

export function scorecardCsvPath(scope: ExportScope, period?: string): string {
  return withQuery('/exports/scorecard.csv', { ...scope, period, bom: 'true' });
}

/** The file name the server proposes (RFC 6266, the UTF-8 form first), else the fallback. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Fetches a file from the API with the bearer token and hands it to the browser as a download
 * (an object URL on a temporary <a download>). Errors are the same ApiError as apiRequest's.
 * The file is asked for in `locale` (`?lang=`), so its names and headings are in that language.
 */
export async function downloadFile(
  path: string,
  fallbackName: string,
  locale: string,
): Promise<string> {
  const headers: Record<string, string> = { Accept: 'text/csv', 'Accept-Language': locale };
  let response: Response;
  try {
    response = await fetchWithSession(withLang(path, locale), { headers });
  } catch {
    throw new ApiError(0, networkErrorCode, '');
  }
  if (!response.ok) {
    let code = `HTTP_${response.status}`;
    let message = '';
    try {
      const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
      if (typeof body.error?.code === 'string') code = body.error.code;
      if (typeof body.error?.message === 'string') message = body.error.message;
    } catch {
      // Not JSON: the status says enough.
    }
    throw new ApiError(response.status, code, message);
  }
  const blob = await response.blob();
  const filename = filenameFrom(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers read the URL after click() returns: revoke on the next turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return filename;
}
