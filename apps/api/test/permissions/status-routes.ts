// The permission table's entry for a table's reporting status (docs/permissions.md), for ROUTES
// in table.ts: `...statusRoutes(),`. It needs table.ts to export V1 (it does). A function, not a
// const, as historyRoutes: table.ts and this file would import each other, and ROUTES is built
// once table.ts's consts exist.
import { WORLD_PERIOD } from '../../support/world.js';
import { type Ctx, type Route, V1, type Who } from './table.js';

/** Who sees each table: table.ts's SEE_TABLE (not exported), from docs/permissions.md. */
const SEE = {
  // admins; its coordinators, members and table-scoped funders; staff of its partner agencies
  T: ['admin', 'coordinator', 'member', 'funder', 'editorA', 'viewerA'],
  OT: ['admin', 'otherCoordinator', 'editorX'],
} as const satisfies Record<string, readonly Who[]>;

/** Who reads its reporting status: its coordinators and members, and admins. */
const READ_STATUS = {
  T: ['admin', 'coordinator', 'member'],
  OT: ['admin', 'otherCoordinator'],
} as const satisfies Record<keyof typeof SEE, readonly Who[]>;

export function statusRoutes(): Route[] {
  const tableId = (c: Ctx, k: keyof typeof SEE) => (k === 'T' ? c.w.table.id : c.w.otherTable.id);
  return [
    {
      method: 'GET',
      path: `${V1}/tables/:id/reporting-status`,
      // Funders and partner agencies' staff, who see the table, are refused with 403.
      scopes: (
        [
          { key: 'T', name: 'own', what: 'table T' },
          { key: 'OT', name: 'other', what: 'the other table' },
        ] as const
      ).map(({ key, name, what }) => ({
        name,
        what,
        see: SEE[key],
        may: READ_STATUS[key],
        request: (c: Ctx) => ({
          url: `${V1}/tables/${tableId(c, key)}/reporting-status`,
          query: { period: WORLD_PERIOD },
        }),
      })),
    },
  ];
}
