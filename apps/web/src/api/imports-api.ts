// CSV in and out: the import routes (multipart upload, jobs), the look-ups the mapping builder
// needs, and authenticated CSV downloads.

import type {
  ImportJob,
  ImportReport,
  importMapping,
  Measure,
  Organization,
  PlanningTable,
  Program,
  Result,
} from '@rba/schema';
import { ApiError, apiBase, apiRequest, fetchWithSession, networkErrorCode } from './client';

export type { ImportJob, ImportReport };

/** The mapping as sent (defaults may be left out). */
export type ImportMappingJson = (typeof importMapping)['_input'];

/** A dimension as GET /dimensions answers it: names in the caller's language, French twins as stored. */
export interface Dimension {
  id: string;
  code: string;
  name: string;
  nameFr?: string | null;
  values: { code: string; label: string; labelFr?: string | null }[];
}

interface ListPage<T> {
  items: T[];
}

/** The largest upload the server takes (MAX_IMPORT_BYTES); a larger one answers 413. */
export const maxImportBytes = 20 * 1024 * 1024;

export type ImportAnswer =
  /** A synchronous run's report; a refused commit (422) is a report with `committed` false. */
  | { kind: 'report'; report: ImportReport }
  /** An asynchronous run: poll the job. */
  | { kind: 'job'; jobId: string };

function headers(accept: string): Record<string, string> {
  const h: Record<string, string> = {
    Accept: accept,
    'Accept-Language': globalThis.document?.documentElement.lang || 'en',
  };
  return h;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
  }
  const error = body?.error;
  return new ApiError(
    response.status,
    typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
    typeof error?.message === 'string' ? error.message : '',
    error?.details,
  );
}

/** An API URL: the bearer token (renewed once on a 401) is added on the way. */
async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchWithSession(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, networkErrorCode, '');
  }
}

/** POST /imports: a dry run unless `commit`; `async` answers with a job to poll. */
export async function postImport(
  file: File,
  mapping: ImportMappingJson,
  options: { commit?: boolean; async?: boolean; signal?: AbortSignal } = {},
): Promise<ImportAnswer> {
  const form = new FormData();
  form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  const query = new URLSearchParams();
  if (options.commit) query.set('commit', 'true');
  if (options.async) query.set('async', 'true');
  const qs = query.toString();
  const response = await send(`${apiBase}/imports${qs ? `?${qs}` : ''}`, {
    method: 'POST',
    headers: headers('application/json'),
    body: form,
    signal: options.signal ?? null,
  });
  if (response.status === 202) {
    const { jobId } = (await response.json()) as { jobId: string };
    return { kind: 'job', jobId };
  }
  if (response.ok) return { kind: 'report', report: (await response.json()) as ImportReport };
  if (response.status === 422) {
    const body = (await response.clone().json()) as Partial<ImportReport>;
    if (Array.isArray(body.rejected)) return { kind: 'report', report: body as ImportReport };
  }
  throw await errorFrom(response);
}

export function fetchImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return apiRequest<ImportJob>(`/imports/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

const all = '?limit=500';

export async function fetchTables(signal?: AbortSignal): Promise<PlanningTable[]> {
  const page = await apiRequest<ListPage<PlanningTable>>(`/tables${all}`, { signal });
  return page.items;
}

export function fetchTable(id: string, signal?: AbortSignal): Promise<PlanningTable> {
  return apiRequest<PlanningTable>(`/tables/${encodeURIComponent(id)}`, { signal });
}

export async function fetchOrganizations(signal?: AbortSignal): Promise<Organization[]> {
  const page = await apiRequest<ListPage<Organization>>(`/organizations${all}`, { signal });
  return page.items;
}

export function fetchMeasure(id: string, signal?: AbortSignal): Promise<Measure> {
  return apiRequest<Measure>(`/measures/${encodeURIComponent(id)}`, { signal });
}

export async function fetchOrganizationPrograms(
  organizationId: string,
  signal?: AbortSignal,
): Promise<Program[]> {
  const page = await apiRequest<ListPage<Program>>(
    `/organizations/${encodeURIComponent(organizationId)}/programs${all}`,
    { signal },
  );
  return page.items;
}

export async function fetchProgramMeasures(
  programId: string,
  signal?: AbortSignal,
): Promise<Measure[]> {
  const page = await apiRequest<ListPage<Measure>>(
    `/programs/${encodeURIComponent(programId)}/measures${all}`,
    { signal },
  );
  return page.items;
}

export async function fetchTableResults(tableId: string, signal?: AbortSignal): Promise<Result[]> {
  const page = await apiRequest<ListPage<Result>>(
    `/tables/${encodeURIComponent(tableId)}/results${all}`,
    { signal },
  );
  return page.items;
}

export async function fetchResultIndicators(
  resultId: string,
  signal?: AbortSignal,
): Promise<Measure[]> {
  const page = await apiRequest<ListPage<Measure>>(
    `/results/${encodeURIComponent(resultId)}/indicators${all}`,
    { signal },
  );
  return page.items;
}

export async function fetchDimensions(signal?: AbortSignal): Promise<Dimension[]> {
  const page = await apiRequest<ListPage<Dimension>>('/dimensions', { signal });
  return page.items;
}

/** The file name a download answer suggests (content-disposition), else the fallback. */
export function suggestedFilename(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A malformed encoding: fall through to the plain name.
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Downloads a CSV the API serves behind the bearer token: fetched with the token, then saved
 * through an object URL and a temporary link, since a plain link would carry no token.
 * Answers the file name it was saved as.
 */
export async function downloadCsv(url: string, fallbackName: string): Promise<string> {
  const response = await send(url, { headers: headers('text/csv') });
  if (!response.ok) throw await errorFrom(response);
  const name = suggestedFilename(response.headers.get('content-disposition'), fallbackName);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = href;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click starts the download synchronously; the URL can go once the task ends.
    setTimeout(() => URL.revokeObjectURL(href), 0);
  }
  return name;
}
