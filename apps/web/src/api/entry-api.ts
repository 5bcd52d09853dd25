// The quarterly routes behind data entry and the review queue: the entry sheet, saving a cell,
// submitting, approving, returning and reopening a period, and the review queue of a table.

import type {
  EntryCell,
  EntryMeasure,
  EntryPeriod,
  EntrySheet,
  EntrySubmission,
  ItemList,
  Observation,
  Organization,
  Page,
  PeriodChecks,
  PlanningTable,
  PutObservationBody,
  partnerSchema,
  Submission,
} from '@rba/schema';
import { apiRequest } from './client';

export type {
  EntryCell,
  EntryMeasure,
  EntryPeriod,
  EntrySheet,
  EntrySubmission,
  Observation,
  Organization,
  PeriodChecks,
  PlanningTable,
  PutObservationBody,
  Submission,
};
export type TablePartner = (typeof partnerSchema)['_output'];

/** A saved figure as the API answers it, with its warnings (parts that do not add up). */
export type SavedObservation = Observation & { warnings: { code: string; message: string }[] };

const id = encodeURIComponent;
const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

/** GET /organizations/:id/entry-sheet; with no period, the current fiscal quarter. */
export function fetchEntrySheet(
  organizationId: string,
  period: string | null,
  signal?: AbortSignal,
): Promise<EntrySheet> {
  const query = period ? `?period=${id(period)}` : '';
  return apiRequest<EntrySheet>(
    `/organizations/${id(organizationId)}/entry-sheet${query}`,
    signalOf(signal),
  );
}

/** PUT /measures/:id/observations/:period, at the version the cell was read at. */
export function saveObservation(
  measureId: string,
  period: string,
  body: PutObservationBody,
): Promise<SavedObservation> {
  return apiRequest<SavedObservation>(`/measures/${id(measureId)}/observations/${id(period)}`, {
    method: 'PUT',
    body,
  });
}

export function submitPeriod(organizationId: string, period: string): Promise<Submission> {
  return apiRequest<Submission>(
    `/organizations/${id(organizationId)}/periods/${id(period)}/submit`,
    { method: 'POST' },
  );
}

export function approvePeriod(organizationId: string, period: string): Promise<Submission> {
  return apiRequest<Submission>(
    `/organizations/${id(organizationId)}/periods/${id(period)}/approve`,
    { method: 'POST' },
  );
}

/** POST …/reopen: an approved period back to the agency for correction, with the reason. */
export function reopenPeriod(
  organizationId: string,
  period: string,
  reason: string,
): Promise<Submission> {
  return apiRequest<Submission>(
    `/organizations/${id(organizationId)}/periods/${id(period)}/reopen`,
    { method: 'POST', body: { reason } },
  );
}

export function returnPeriod(
  organizationId: string,
  period: string,
  note: string,
): Promise<Submission> {
  return apiRequest<Submission>(
    `/organizations/${id(organizationId)}/periods/${id(period)}/return`,
    { method: 'POST', body: { note } },
  );
}

/** GET /organizations/:id/periods/:period/checks: figures still empty and those that look wrong. */
export function fetchPeriodChecks(
  organizationId: string,
  period: string,
  signal?: AbortSignal,
): Promise<PeriodChecks> {
  return apiRequest<PeriodChecks>(
    `/organizations/${id(organizationId)}/periods/${id(period)}/checks`,
    signalOf(signal),
  );
}

/** GET /tables/:id/submissions: the review queue of a table's partners. */
export async function fetchTableSubmissions(
  tableId: string,
  signal?: AbortSignal,
): Promise<Submission[]> {
  return (
    await apiRequest<Page<Submission>>(
      `/tables/${id(tableId)}/submissions?limit=500`,
      signalOf(signal),
    )
  ).items;
}

export async function fetchTables(signal?: AbortSignal): Promise<PlanningTable[]> {
  return (await apiRequest<Page<PlanningTable>>('/tables?limit=500', signalOf(signal))).items;
}

export async function fetchOrganizations(signal?: AbortSignal): Promise<Organization[]> {
  return (await apiRequest<Page<Organization>>('/organizations?limit=500', signalOf(signal))).items;
}

export async function fetchTablePartners(
  tableId: string,
  signal?: AbortSignal,
): Promise<TablePartner[]> {
  return (
    await apiRequest<ItemList<TablePartner>>(`/tables/${id(tableId)}/partners`, signalOf(signal))
  ).items;
}
