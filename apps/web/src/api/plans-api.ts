// The turn-the-curve routes of the API: plans, their revisions, comparison, restore and comments,
// and the scorecards and look-ups the plans pages read.

import type {
  commentSchema,
  compareSchema,
  Measure,
  Organization,
  organizationScorecardSchema,
  Plan,
  PlanningTable,
  PutPlanBody,
  partnerSchema,
  revisionSchema,
  seriesResponseSchema,
  tableScorecardSchema,
} from '@rba/schema';
import { apiRequest } from './client';

export type { Measure, Organization, Plan, PlanningTable, PutPlanBody };
export type MeasureSeries = (typeof seriesResponseSchema)['_output'];
export type TableScorecard = (typeof tableScorecardSchema)['_output'];
export type OrganizationScorecard = (typeof organizationScorecardSchema)['_output'];
export type PlanRevision = (typeof revisionSchema)['_output'];
export type PlanComparison = (typeof compareSchema)['_output'];
export type PlanComment = (typeof commentSchema)['_output'];
export type TablePartner = (typeof partnerSchema)['_output'];

/** The plan sections a save may carry; the ones left out keep what is stored. */
export type PlanSectionName =
  | 'story'
  | 'partners'
  | 'whatWorks'
  | 'actions'
  | 'dataDevelopmentAgenda';

interface ItemsOf<T> {
  items: T[];
}

const id = encodeURIComponent;

function withSignal(signal: AbortSignal | undefined) {
  return signal ? { signal } : {};
}

export async function fetchTables(signal?: AbortSignal): Promise<PlanningTable[]> {
  return (await apiRequest<ItemsOf<PlanningTable>>('/tables?limit=500', withSignal(signal))).items;
}

export async function fetchOrganizations(signal?: AbortSignal): Promise<Organization[]> {
  return (await apiRequest<ItemsOf<Organization>>('/organizations?limit=500', withSignal(signal)))
    .items;
}

export function fetchTableScorecard(tableId: string, signal?: AbortSignal) {
  // The plans list reads each row's figures and plan, not its history: one point is enough.
  return apiRequest<TableScorecard>(
    `/tables/${id(tableId)}/scorecard?points=1`,
    withSignal(signal),
  );
}

export function fetchOrganizationScorecard(organizationId: string, signal?: AbortSignal) {
  return apiRequest<OrganizationScorecard>(
    `/organizations/${id(organizationId)}/scorecard?points=1`,
    withSignal(signal),
  );
}

export async function fetchTablePartners(
  tableId: string,
  signal?: AbortSignal,
): Promise<TablePartner[]> {
  return (
    await apiRequest<ItemsOf<TablePartner>>(`/tables/${id(tableId)}/partners`, withSignal(signal))
  ).items;
}

export function fetchMeasure(measureId: string, signal?: AbortSignal): Promise<Measure> {
  return apiRequest<Measure>(`/measures/${id(measureId)}`, withSignal(signal));
}

export function fetchMeasureSeries(measureId: string, signal?: AbortSignal) {
  return apiRequest<MeasureSeries>(`/measures/${id(measureId)}/series`, withSignal(signal));
}

export function fetchPlan(measureId: string, signal?: AbortSignal): Promise<Plan> {
  return apiRequest<Plan>(`/measures/${id(measureId)}/curve-plan`, withSignal(signal));
}

/** Saves the sections given on top of `body.revision`; 409 REVISION_CONFLICT when that is stale. */
export function savePlan(measureId: string, body: PutPlanBody): Promise<Plan> {
  return apiRequest<Plan>(`/measures/${id(measureId)}/curve-plan`, { method: 'PUT', body });
}

export async function fetchRevisions(
  planId: string,
  signal?: AbortSignal,
): Promise<PlanRevision[]> {
  return (
    await apiRequest<ItemsOf<PlanRevision>>(
      `/curve-plans/${id(planId)}/revisions`,
      withSignal(signal),
    )
  ).items;
}

export function comparePlanRevisions(
  planId: string,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<PlanComparison> {
  return apiRequest<PlanComparison>(
    `/curve-plans/${id(planId)}/compare?from=${from}&to=${to}`,
    withSignal(signal),
  );
}

/** Writes an old revision back as a new one; `currentRevision` is the one the person saw. */
export function restorePlanRevision(
  planId: string,
  revision: number,
  currentRevision: number,
): Promise<Plan> {
  return apiRequest<Plan>(`/curve-plans/${id(planId)}/revisions/${revision}/restore`, {
    method: 'POST',
    body: { revision: currentRevision },
  });
}

export async function fetchPlanComments(
  planId: string,
  signal?: AbortSignal,
): Promise<PlanComment[]> {
  return (
    await apiRequest<ItemsOf<PlanComment>>(
      `/curve-plans/${id(planId)}/comments`,
      withSignal(signal),
    )
  ).items;
}

export function postPlanComment(planId: string, body: string): Promise<PlanComment> {
  return apiRequest<PlanComment>(`/curve-plans/${id(planId)}/comments`, {
    method: 'POST',
    body: { body },
  });
}
