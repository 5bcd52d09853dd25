// The plans pages' data: typed react-query hooks over api/plans-api.ts.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../api/auth-api';
import { ApiError } from '../../api/client';
import {
  comparePlanRevisions,
  fetchMeasure,
  fetchMeasureSeries,
  fetchOrganizationScorecard,
  fetchOrganizations,
  fetchPlan,
  fetchPlanComments,
  fetchRevisions,
  fetchTablePartners,
  fetchTableScorecard,
  fetchTables,
  type Plan,
  type PutPlanBody,
  postPlanComment,
  restorePlanRevision,
  savePlan,
} from '../../api/plans-api';
import { queryKeys } from '../../api/query-keys';
import { organizationScopes, type PlanMeasureRow, planMeasureRows } from './plan-measures';

/** The default forecast horizon, as the scorecards ask for it (so the cache is shared). */
const horizon = 4;

export interface PlanMeasures {
  rows: PlanMeasureRow[];
  /** Scorecards that could not be read; the rows are what the others gave. */
  failed: number;
}

async function gatherPlanMeasures(user: User, signal: AbortSignal): Promise<PlanMeasures> {
  const admin = user.roles.some((g) => g.role === 'admin');
  const [tables, organizations] = await Promise.all([
    fetchTables(signal),
    admin ? fetchOrganizations(signal) : Promise.resolve([]),
  ]);
  const live = tables.filter((table) => table.archivedAt === null);
  const [tableCards, organizationCards] = await Promise.all([
    Promise.allSettled(live.map((table) => fetchTableScorecard(table.id, signal))),
    Promise.allSettled(
      organizationScopes(user, organizations).map((id) => fetchOrganizationScorecard(id, signal)),
    ),
  ]);
  const fulfilled = <T>(results: PromiseSettledResult<T>[]) =>
    results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = [...tableCards, ...organizationCards].filter((r) => r.status === 'rejected');
  // Every scorecard failing is an error to show, not an empty list.
  if (failed.length > 0 && failed.length === tableCards.length + organizationCards.length) {
    throw (failed[0] as PromiseRejectedResult).reason;
  }
  return {
    rows: planMeasureRows(user, fulfilled(tableCards), fulfilled(organizationCards)),
    failed: failed.length,
  };
}

export function usePlanMeasures(user: User) {
  return useQuery({
    queryKey: queryKeys.planMeasures(user.id),
    queryFn: ({ signal }) => gatherPlanMeasures(user, signal),
  });
}

export function usePlan(measureId: string) {
  return useQuery({
    queryKey: queryKeys.curvePlan(measureId),
    queryFn: ({ signal }) => fetchPlan(measureId, signal),
  });
}

export function useMeasure(measureId: string) {
  return useQuery({
    queryKey: queryKeys.measure(measureId),
    queryFn: ({ signal }) => fetchMeasure(measureId, signal),
    staleTime: 5 * 60_000,
  });
}

export function useMeasureSeries(measureId: string) {
  return useQuery({
    queryKey: queryKeys.measureSeries(measureId, horizon),
    queryFn: ({ signal }) => fetchMeasureSeries(measureId, signal),
  });
}

export interface OrganizationOption {
  id: string;
  name: string;
  /** The stored French name, null when there is none (see NameText). */
  nameFr: string | null;
}

/** Who may be named as a partner or an owner: the table's partners, else the organizations one sees. */
export function useOrganizationOptions(tableId: string | null | undefined, enabled: boolean) {
  const partners = useQuery({
    queryKey: queryKeys.tablePartners(tableId ?? ''),
    queryFn: ({ signal }) => fetchTablePartners(tableId ?? '', signal),
    enabled: enabled && Boolean(tableId),
    staleTime: 5 * 60_000,
  });
  const organizations = useQuery({
    queryKey: queryKeys.organizations(),
    queryFn: ({ signal }) => fetchOrganizations(signal),
    enabled: enabled && tableId === null,
    staleTime: 5 * 60_000,
  });
  const options: OrganizationOption[] = tableId
    ? (partners.data ?? []).map((p) => ({
        id: p.organization.id,
        name: p.organization.name,
        nameFr: p.organization.nameFr,
      }))
    : (organizations.data ?? []).map((o) => ({ id: o.id, name: o.name, nameFr: o.nameFr }));
  return options.sort((a, b) => a.name.localeCompare(b.name));
}

export function isRevisionConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.code === 'REVISION_CONFLICT';
}

/** The other person's plan a 409 carries (`details.current`), when it does. */
export function conflictPlan(error: unknown): Plan | null {
  if (!isRevisionConflict(error)) return null;
  const details = error.details as { current?: Plan } | undefined;
  return details?.current ?? null;
}

/** After a plan changes: the report, the lists and the history read it again. */
function usePlanSaved(measureId: string) {
  const client = useQueryClient();
  return (plan: Plan) => {
    client.setQueryData(queryKeys.curvePlan(measureId), plan);
    void client.invalidateQueries({ queryKey: queryKeys.curveReport(measureId) });
    void client.invalidateQueries({ queryKey: [...queryKeys.all, 'plan-measures'] });
    if (plan.id) {
      void client.invalidateQueries({ queryKey: queryKeys.planRevisions(plan.id) });
    }
  };
}

export function useSavePlan(measureId: string) {
  const saved = usePlanSaved(measureId);
  return useMutation({
    mutationFn: (body: PutPlanBody) => savePlan(measureId, body),
    onSuccess: saved,
  });
}

export function useRestoreRevision(measureId: string, planId: string) {
  const saved = usePlanSaved(measureId);
  return useMutation({
    mutationFn: ({ revision, current }: { revision: number; current: number }) =>
      restorePlanRevision(planId, revision, current),
    onSuccess: saved,
  });
}

export function useRevisions(planId: string | null) {
  return useQuery({
    queryKey: queryKeys.planRevisions(planId ?? ''),
    queryFn: ({ signal }) => fetchRevisions(planId ?? '', signal),
    enabled: planId !== null,
  });
}

export function useComparison(planId: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: queryKeys.planComparison(planId, pair?.from ?? 0, pair?.to ?? 0),
    queryFn: ({ signal }) => comparePlanRevisions(planId, pair?.from ?? 0, pair?.to ?? 0, signal),
    enabled: pair !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useComments(planId: string | null) {
  return useQuery({
    queryKey: queryKeys.planComments(planId ?? ''),
    queryFn: ({ signal }) => fetchPlanComments(planId ?? '', signal),
    enabled: planId !== null,
  });
}

export function usePostComment(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => postPlanComment(planId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.planComments(planId) }),
  });
}
