// The status board's rows: filtered by status, sorted (the overdue first by default) and counted
// for the summary line. Pure, so it is tested on its own.

import type { ReportingStatusItem, ReportingStatusValue } from '../../api/reporting-status-api';

export const statusValues: readonly ReportingStatusValue[] = [
  'not_started',
  'in_progress',
  'returned',
  'reopened',
  'submitted',
  'approved',
];

/** How far from done: the order of the default sort and of sorting by status. */
const statusRank: Record<ReportingStatusValue, number> = Object.fromEntries(
  statusValues.map((status, index) => [status, index]),
) as Record<ReportingStatusValue, number>;

export const statusFilters = ['all', 'overdue', 'waiting', ...statusValues] as const;
export type StatusFilter = (typeof statusFilters)[number];

export function isStatusFilter(value: string | null): value is StatusFilter {
  return (statusFilters as readonly (string | null)[]).includes(value);
}

/** `waiting`: not submitted yet, or handed back to the agency. */
export function shown(item: ReportingStatusItem, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'overdue':
      return item.overdue;
    case 'waiting':
      return item.status !== 'submitted' && item.status !== 'approved';
    default:
      return item.status === filter;
  }
}

export const sortKeys = [
  'agency',
  'status',
  'figures',
  'submitted',
  'approved',
  'onTime',
  'median',
] as const;
export type SortKey = (typeof sortKeys)[number];

/** null: the default order, overdue first. */
export type SortOrder = { key: SortKey; descending: boolean } | null;

/** The share of expected figures entered; an agency expected to enter nothing has all of them. */
export function enteredShare(item: ReportingStatusItem): number {
  const { expected, entered } = item.figures;
  return expected === 0 ? 1 : Math.min(1, entered / expected);
}

function sortValue(item: ReportingStatusItem, key: SortKey): string | number | null {
  switch (key) {
    case 'agency':
      return item.organization.name;
    case 'status':
      return statusRank[item.status];
    case 'figures':
      return enteredShare(item);
    case 'submitted':
      return item.submittedAt;
    case 'approved':
      return item.approvedAt;
    case 'onTime':
      return item.history.onTimeRate;
    case 'median':
      return item.history.medianDaysToApproval;
    default: {
      const unhandled: never = key;
      return unhandled;
    }
  }
}

const byName = (a: ReportingStatusItem, b: ReportingStatusItem) =>
  a.organization.name.localeCompare(b.organization.name);

/** Overdue first, then the furthest from done, then the fewest figures entered, then by name. */
export function byUrgency(a: ReportingStatusItem, b: ReportingStatusItem): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    statusRank[a.status] - statusRank[b.status] ||
    enteredShare(a) - enteredShare(b) ||
    byName(a, b)
  );
}

/** Rows in the order asked for; an empty value (never submitted, no history) always last. */
export function sortItems(
  items: readonly ReportingStatusItem[],
  order: SortOrder,
): ReportingStatusItem[] {
  if (order === null) return [...items].sort(byUrgency);
  const sign = order.descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = sortValue(a, order.key);
    const y = sortValue(b, order.key);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const compared = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
    return sign * compared || byName(a, b);
  });
}

export interface StatusSummary {
  total: number;
  /** Submitted and awaiting review, or approved. */
  submitted: number;
  overdue: number;
}

export function summarize(items: readonly ReportingStatusItem[]): StatusSummary {
  return {
    total: items.length,
    submitted: items.filter((i) => i.status === 'submitted' || i.status === 'approved').length,
    overdue: items.filter((i) => i.overdue).length,
  };
}
