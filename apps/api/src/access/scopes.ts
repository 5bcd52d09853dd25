// What an actor may see and change, per planning table, organization and measure. Views,
// widest first: all (drafts too), review (everything the agency has submitted: submitted,
// approved, and returned or reopened for correction), approved (published: approved, and the
// last approved figures of a period reopened), restricted (published with small cells hidden).
import type { DbOrTrx } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { type Actor, hasRole, isAdmin } from './actor.js';
import {
  isPartnerAtAny,
  partnersAtTables,
  partnerTablesAmong,
  tablesOfPartners,
} from './scopes.repository.js';

export type View = 'all' | 'review' | 'approved' | 'restricted';
const rank: Record<View, number> = { restricted: 1, approved: 2, review: 3, all: 4 };

export function widest(views: (View | null)[]): View | null {
  let best: View | null = null;
  for (const v of views) if (v && (!best || rank[v] > rank[best])) best = v;
  return best;
}

/** Statuses of program-measure observations each view shows. Indicators are always approved. */
export function statusesFor(view: View): ('draft' | 'submitted' | 'approved' | 'returned')[] {
  switch (view) {
    case 'all':
      return ['draft', 'submitted', 'approved', 'returned'];
    case 'review':
      return ['submitted', 'approved', 'returned'];
    case 'approved':
    case 'restricted':
      return ['approved'];
  }
}

function scopeIds(actor: Actor, scopeType: 'organization' | 'table', roles: string[]): string[] {
  return actor.grants
    .filter((g) => g.scopeType === scopeType && g.scopeId !== null && roles.includes(g.role))
    .map((g) => g.scopeId as string);
}

/** Organizations where the actor is partner staff (editor or viewer). */
export function partnerOrganizationIds(actor: Actor): string[] {
  return scopeIds(actor, 'organization', ['partner_editor', 'partner_viewer']);
}

/** The actor's view of a planning table, or null when they have none. */
export async function tableView(db: DbOrTrx, actor: Actor, tableId: string): Promise<View | null> {
  if (isAdmin(actor)) return 'all';
  const views: (View | null)[] = [];
  if (hasRole(actor, { role: 'table_coordinator', scopeType: 'table', scopeId: tableId }))
    views.push('review');
  if (hasRole(actor, { role: 'table_member', scopeType: 'table', scopeId: tableId }))
    views.push('approved');
  if (hasRole(actor, { role: 'funder_viewer', scopeType: 'table', scopeId: tableId }))
    views.push('restricted');
  if (views.length === 0) {
    const tables = await tablesOfPartners(db, partnerOrganizationIds(actor));
    if (tables.includes(tableId)) views.push('approved');
  }
  return widest(views);
}

/** Tables the actor has any view of (null: all of them). */
export async function visibleTableIds(db: DbOrTrx, actor: Actor): Promise<string[] | null> {
  if (isAdmin(actor)) return null;
  const direct = scopeIds(actor, 'table', ['table_coordinator', 'table_member', 'funder_viewer']);
  const viaPartners = await tablesOfPartners(db, partnerOrganizationIds(actor));
  return [...new Set([...direct, ...viaPartners])];
}

/** The actor's view of an organization's own programs and measures, or null. */
export async function organizationView(
  db: DbOrTrx,
  actor: Actor,
  organizationId: string,
): Promise<View | null> {
  if (isAdmin(actor)) return 'all';
  if (partnerOrganizationIds(actor).includes(organizationId)) return 'all';
  const views: (View | null)[] = [];
  if (hasRole(actor, { role: 'funder_viewer', scopeType: 'organization', scopeId: organizationId }))
    views.push('restricted');
  const tableGrants = actor.grants.filter(
    (g) =>
      g.scopeType === 'table' &&
      g.scopeId !== null &&
      ['table_coordinator', 'table_member', 'funder_viewer'].includes(g.role),
  );
  if (tableGrants.length > 0) {
    const tables = new Set(
      await partnerTablesAmong(
        db,
        organizationId,
        tableGrants.map((g) => g.scopeId as string),
      ),
    );
    for (const g of tableGrants) {
      if (!tables.has(g.scopeId as string)) continue;
      views.push(
        g.role === 'table_coordinator'
          ? 'review'
          : g.role === 'table_member'
            ? 'approved'
            : 'restricted',
      );
    }
  }
  return widest(views);
}

/** Organizations the actor has any view of (null: all of them). */
export async function visibleOrganizationIds(db: DbOrTrx, actor: Actor): Promise<string[] | null> {
  if (isAdmin(actor)) return null;
  const own = partnerOrganizationIds(actor);
  const funded = scopeIds(actor, 'organization', ['funder_viewer']);
  const tables = scopeIds(actor, 'table', ['table_coordinator', 'table_member', 'funder_viewer']);
  const atTables = await partnersAtTables(db, tables);
  return [...new Set([...own, ...funded, ...atTables])];
}

export function canEditTable(actor: Actor, tableId: string): boolean {
  return hasRole(actor, { role: 'table_coordinator', scopeType: 'table', scopeId: tableId });
}

export function canEditOrganization(actor: Actor, organizationId: string): boolean {
  return hasRole(actor, {
    role: 'partner_editor',
    scopeType: 'organization',
    scopeId: organizationId,
  });
}

/** Coordinators review the partners at their tables; admins review everyone. */
export async function canReviewOrganization(
  db: DbOrTrx,
  actor: Actor,
  organizationId: string,
): Promise<boolean> {
  if (isAdmin(actor)) return true;
  return isPartnerAtAny(db, organizationId, scopeIds(actor, 'table', ['table_coordinator']));
}

/** 404 when the actor may not know the thing exists, 403 when they may see it but not do this. */
export function deny(visible: boolean, entity: string): never {
  if (visible) throw new ForbiddenError();
  throw new NotFoundError(entity);
}
