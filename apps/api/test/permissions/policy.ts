// The policy of the permission table, from docs/permissions.md: the world's users, who sees
// and who changes what, and the shape of the table's routes and scopes.
import type { Actor } from '../../src/access/actor.js';
import type { Db } from '../../src/db/schema.js';
import type { World } from '../../support/world.js';

/** The world's nine users, plus a funder scoped to agency A (funder_viewer has both scopes). */
export const WHO = [
  'admin',
  'coordinator',
  'member',
  'editorA',
  'viewerA',
  'funder',
  'funderA',
  'otherCoordinator',
  'editorX',
  'nobody',
] as const;
export type Who = (typeof WHO)[number];

export interface Ctx {
  db: Db;
  w: World;
  /** An admin actor for setting up fresh objects through the services. */
  system: Actor;
  userIds: Record<Who, string>;
  credentials: Record<Who, { email: string; password: string }>;
  /** A user nobody but an admin has any business with. */
  strangerId: string;
  /** An indicator of the other table (the world has none). */
  otherIndicatorId: string;
}

export interface Req {
  url: string;
  query?: Record<string, string | number>;
  body?: unknown;
  /** A multipart upload: text fields and a CSV file's content. */
  multipart?: { fields: Record<string, string>; file: string };
}

export interface Scope {
  /** own, other, sibling, ..., and what that is here. */
  name: string;
  what: string;
  see: readonly Who[];
  may: readonly Who[];
  request(c: Ctx, who: Who): Req | Promise<Req>;
  /** The status an allowed call gets when the state, not the permission, refuses it. */
  expect?: number;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: Method;
  path: string;
  /** Answers without a token. */
  public?: boolean;
  scopes: Scope[];
}

// ---------------------------------------------------------------------------------------------
// Who sees and who changes what, from docs/permissions.md.

export const ALL: readonly Who[] = WHO;

/** Planning table (its results, indicators, shared measures, partners, collective scorecard). */
export const SEE_TABLE = {
  // admins; its coordinators, members and table-scoped funders; staff of its partner agencies
  T: ['admin', 'coordinator', 'member', 'funder', 'editorA', 'viewerA'],
  OT: ['admin', 'otherCoordinator', 'editorX'],
} as const satisfies Record<string, readonly Who[]>;

/** Organization (its programs, program measures, scorecard, submissions). */
export const SEE_ORG = {
  // admins; its own staff; coordinators, members and table-scoped funders of a table it is a
  // partner at; a funder scoped to that organization
  A: ['admin', 'editorA', 'viewerA', 'coordinator', 'member', 'funder', 'funderA'],
  // B is at table T too, but A's staff may not see another agency
  B: ['admin', 'coordinator', 'member', 'funder'],
  X: ['admin', 'editorX', 'otherCoordinator'],
} as const satisfies Record<string, readonly Who[]>;

/** Change or archive a table; its results, indicators, shared measures, figures, targets. */
export const EDIT_TABLE = {
  T: ['admin', 'coordinator'],
  OT: ['admin', 'otherCoordinator'],
} as const satisfies Record<keyof typeof SEE_TABLE, readonly Who[]>;

/** Programs, program measures, their figures and targets, submitting a period. */
export const EDIT_ORG = {
  A: ['admin', 'editorA'],
  B: ['admin'],
  X: ['admin', 'editorX'],
} as const satisfies Record<keyof typeof SEE_ORG, readonly Who[]>;

/** Approving or returning an agency's period: coordinators of a table it is a partner at. */
export const REVIEW_ORG = {
  A: ['admin', 'coordinator'],
  B: ['admin', 'coordinator'],
  X: ['admin', 'otherCoordinator'],
} as const satisfies Record<keyof typeof SEE_ORG, readonly Who[]>;

/** A period's checks before submitting: the agency's own staff and its table's coordinators. */
export const CHECK_ORG = {
  A: ['admin', 'editorA', 'viewerA', 'coordinator'],
  B: ['admin', 'coordinator'],
  X: ['admin', 'editorX', 'otherCoordinator'],
} as const satisfies Record<keyof typeof SEE_ORG, readonly Who[]>;

/** Restricted view (funders): no raw cells. */
export const RESTRICTED = {
  T: ['funder'],
  OT: [],
  A: ['funder', 'funderA'],
  B: ['funder'],
  X: [],
} as const satisfies Record<string, readonly Who[]>;

export type TableKey = keyof typeof SEE_TABLE;
export type OrgKey = keyof typeof SEE_ORG;

export const without = (list: readonly Who[], drop: readonly Who[]) =>
  list.filter((w) => !drop.includes(w));

/** Turn-the-curve plans: a table's coordinators and members; an agency's editors. */
export const PLAN_EDIT = {
  T: ['admin', 'coordinator', 'member'],
  OT: ['admin', 'otherCoordinator'],
} as const satisfies Record<TableKey, readonly Who[]>;

export const seeOf = (owner: TableKey | OrgKey): readonly Who[] =>
  owner === 'T' || owner === 'OT' ? SEE_TABLE[owner] : SEE_ORG[owner];
export const editOf = (owner: TableKey | OrgKey): readonly Who[] =>
  owner === 'T' || owner === 'OT' ? EDIT_TABLE[owner] : EDIT_ORG[owner];
