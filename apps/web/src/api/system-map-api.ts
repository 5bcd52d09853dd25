// The system map routes: a table's map (and its CSV), the service types, and program profiles.

import type {
  Program,
  ProgramProfile,
  ProgramProfileBody,
  Result,
  SystemMap,
  serviceTypeSchema,
} from '@rba/schema';
import { apiRequest } from './client';
import { downloadFile } from './scorecards-api';

export type { ProgramProfile, ProgramProfileBody, SystemMap };
export type ServiceType = (typeof serviceTypeSchema)['_output'];
export type CoverageBy = SystemMap['coverage']['by'];
export type CoverageCell = SystemMap['coverage']['cells'][number];
export type CellStatus = CoverageCell['status'];
export type MapResult = SystemMap['results'][number];
export type MapPartner = MapResult['partners'][number];
export type MapProgram = MapPartner['programs'][number];
export type HeadlineMeasure = MapProgram['headlineMeasures'][number];
export type ProgramRef = SystemMap['unlinkedPrograms'][number];

/** The map's query: the grid's axis and the three filters (left out when empty). */
export interface SystemMapQuery {
  by: CoverageBy;
  resultId?: string | undefined;
  serviceType?: string | undefined;
  value?: string | undefined;
}

const id = encodeURIComponent;
const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

function mapQueryString(query: SystemMapQuery): string {
  const params = new URLSearchParams({ by: query.by });
  if (query.resultId) params.set('resultId', query.resultId);
  if (query.serviceType) params.set('serviceType', query.serviceType);
  if (query.value) params.set('value', query.value);
  return params.toString();
}

export function fetchSystemMap(
  tableId: string,
  query: SystemMapQuery,
  signal?: AbortSignal,
): Promise<SystemMap> {
  return apiRequest<SystemMap>(
    `/tables/${id(tableId)}/system-map?${mapQueryString(query)}`,
    signalOf(signal),
  );
}

export function systemMapCsvPath(tableId: string, query: SystemMapQuery): string {
  return `/tables/${id(tableId)}/system-map.csv?${mapQueryString(query)}`;
}

/** Saves the coverage grid as CSV (fetched with the bearer token); resolves to the file's name. */
export function downloadSystemMapCsv(
  tableId: string,
  query: SystemMapQuery,
  locale: string,
): Promise<string> {
  return downloadFile(systemMapCsvPath(tableId, query), `system-map-${query.by}.csv`, locale);
}

/** Every result of a table (the map's own list shrinks to the one a filter picks). */
export async function fetchTableResults(tableId: string, signal?: AbortSignal): Promise<Result[]> {
  const page = await apiRequest<{ items: Result[] }>(
    `/tables/${id(tableId)}/results?limit=500`,
    signalOf(signal),
  );
  return page.items;
}

export async function fetchServiceTypes(signal?: AbortSignal): Promise<ServiceType[]> {
  const body = await apiRequest<{ items: ServiceType[] }>('/service-types', signalOf(signal));
  return body.items;
}

export function fetchProgram(programId: string, signal?: AbortSignal): Promise<Program> {
  return apiRequest<Program>(`/programs/${id(programId)}`, signalOf(signal));
}

export function fetchProgramProfile(
  programId: string,
  signal?: AbortSignal,
): Promise<ProgramProfile> {
  return apiRequest<ProgramProfile>(`/programs/${id(programId)}/profile`, signalOf(signal));
}

export function saveProgramProfile(
  programId: string,
  body: ProgramProfileBody,
): Promise<ProgramProfile> {
  return apiRequest<ProgramProfile>(`/programs/${id(programId)}/profile`, {
    method: 'PUT',
    body,
  });
}
