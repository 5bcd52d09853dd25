// The export routes' URLs, built from the dialog's choices, and which statuses a person may pick.

import type { User } from '../../api/auth-api';
import { apiBase } from '../../api/client';

/** What an export covers, chosen by the page that opens the dialog. */
export type ExportScope = { tableId: string } | { organizationId: string } | { measureId: string };

/** The scorecard export covers a table or an agency, never one measure. */
export type ScorecardScope = { tableId: string } | { organizationId: string };

export const observationStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ObservationStatus = (typeof observationStatuses)[number];

export interface ObservationsExport {
  scope: ExportScope;
  layout: 'long' | 'wide';
  /** Period labels or ISO dates; empty for no bound. */
  from: string;
  to: string;
  breakdowns: boolean;
  /** The statuses to keep; null for every status the person may see. */
  statuses: readonly ObservationStatus[] | null;
  /** A byte-order mark and CRLF line ends, so spreadsheets read the accents and the rows. */
  spreadsheet: boolean;
}

export interface ScorecardExport {
  scope: ScorecardScope;
  /** A period label; empty for each measure's latest figure. */
  period: string;
  spreadsheet: boolean;
}

function scopeParams(scope: ExportScope, query: URLSearchParams): void {
  if ('tableId' in scope) query.set('tableId', scope.tableId);
  else if ('organizationId' in scope) query.set('organizationId', scope.organizationId);
  else query.set('measureId', scope.measureId);
}

function spreadsheetParams(on: boolean, query: URLSearchParams): void {
  if (!on) return;
  query.set('bom', 'true');
  query.set('crlf', 'true');
}

export function observationsExportUrl(options: ObservationsExport): string {
  const query = new URLSearchParams();
  scopeParams(options.scope, query);
  query.set('layout', options.layout);
  if (options.from.trim()) query.set('from', options.from.trim());
  if (options.to.trim()) query.set('to', options.to.trim());
  if (!options.breakdowns) query.set('breakdowns', 'false');
  if (options.statuses) query.set('status', options.statuses.join(','));
  spreadsheetParams(options.spreadsheet, query);
  return `${apiBase}/exports/observations.csv?${query.toString()}`;
}

export function scorecardExportUrl(options: ScorecardExport): string {
  const query = new URLSearchParams();
  scopeParams(options.scope, query);
  if (options.period.trim()) query.set('period', options.period.trim());
  spreadsheetParams(options.spreadsheet, query);
  return `${apiBase}/exports/scorecard.csv?${query.toString()}`;
}

/**
 * The statuses a person's roles let them see (docs/permissions.md): their own agency's drafts
 * for partner staff and admins, submitted and approved for coordinators, approved for members
 * and funders. The server narrows the filter again; this only decides what to offer.
 */
export function visibleStatuses(user: User): ObservationStatus[] {
  const seen = new Set<ObservationStatus>();
  for (const grant of user.roles) {
    if (['admin', 'partner_editor', 'partner_viewer'].includes(grant.role)) {
      for (const s of observationStatuses) seen.add(s);
    } else if (grant.role === 'table_coordinator') {
      seen.add('submitted');
      seen.add('approved');
    } else seen.add('approved');
  }
  return observationStatuses.filter((s) => seen.has(s));
}
