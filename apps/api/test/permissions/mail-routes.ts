// The permission table's entries for e-mail reminders and notifications (docs/permissions.md),
// for ROUTES in table.ts: `...mailRoutes(),`. They need table.ts to export V1, WHO, EDIT_TABLE and
// seeOf. A function, not a const: table.ts and this file import each other, and ROUTES is built
// once table.ts's consts exist.
import { inTransaction } from '../../src/db/transaction.js';
import { queueMessages } from '../../src/mail/outbox.repository.js';
import { unsubscribeToken } from '../../src/mail/unsubscribe-token.js';
import { TEST_JWT_SECRET } from '../helpers/app.js';
import {
  type Ctx,
  EDIT_TABLE,
  type Req,
  type Route,
  type Scope,
  seeOf,
  V1,
  WHO,
  type Who,
} from './table.js';

let occurrence = 0;
/** A notification of its own for `userId`, so that each allowed call marks something. */
async function notificationOf(c: Ctx, userId: string): Promise<string> {
  const [row] = await inTransaction(c.db, async (trx) => {
    await queueMessages(trx, [
      {
        user_id: userId,
        kind: 'returned',
        organization_id: c.w.orgA.id,
        period_type: 'month',
        period_start: '1900-01-01',
        offset_days: null,
        occurrence: ++occurrence,
        locale: 'en',
        subject: 'Returned for correction',
        body: 'A note',
        link: '/data-entry',
      },
    ]);
    return trx
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
  });
  if (!row) throw new Error('no notification');
  return row.id;
}

/** Every signed-in user, about themself. */
const own = (what: string, request: Scope['request']): Scope[] => [
  { name: 'own', what, see: WHO, may: WHO, request },
];

/** Table T and the other table: read by whoever sees it, changed by its coordinators. */
const tableScopes = (access: 'read' | 'edit', request: (c: Ctx, id: string) => Req): Scope[] =>
  (['T', 'OT'] as const).map((k) => ({
    name: k === 'T' ? 'own' : 'other',
    what: k === 'T' ? 'table T' : 'the other table',
    see: seeOf(k),
    may: access === 'read' ? seeOf(k) : EDIT_TABLE[k],
    request: (c: Ctx) => request(c, k === 'T' ? c.w.table.id : c.w.otherTable.id),
  }));

const admins = (request: Scope['request']): Scope[] => [
  { name: 'global', what: 'no particular target', see: WHO, may: ['admin'], request },
];

const unsubscribeUrl = (c: Ctx, who: Who) =>
  `${V1}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(TEST_JWT_SECRET, c.userIds[who], 'reminders'))}`;

export function mailRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: `${V1}/me/notifications`,
      scopes: own('their own notifications', () => ({ url: `${V1}/me/notifications` })),
    },
    {
      method: 'POST',
      path: `${V1}/me/notifications/:id/read`,
      // Only one's own: another user's answers 404 to everyone, admins too (cross-id.test.ts lists
      // the route in NO_OTHER_PARTY; mail/notices.test.ts checks it).
      scopes: own('one of their own notifications', async (c, who) => ({
        url: `${V1}/me/notifications/${await notificationOf(c, c.userIds[who])}/read`,
      })),
    },
    {
      method: 'POST',
      path: `${V1}/me/notifications/read-all`,
      scopes: own('their own notifications', () => ({ url: `${V1}/me/notifications/read-all` })),
    },
    {
      method: 'GET',
      path: `${V1}/me/notification-settings`,
      scopes: own('their own e-mail settings', () => ({ url: `${V1}/me/notification-settings` })),
    },
    {
      method: 'PUT',
      path: `${V1}/me/notification-settings`,
      scopes: own('their own e-mail settings', () => ({
        url: `${V1}/me/notification-settings`,
        body: { email: { reminders: true, submissions: true, returns: true } },
      })),
    },
    {
      method: 'GET',
      path: `${V1}/tables/:id/reminder-settings`,
      // Whoever sees the table may read when its agencies are reminded.
      scopes: tableScopes('read', (_c, id) => ({ url: `${V1}/tables/${id}/reminder-settings` })),
    },
    {
      method: 'PUT',
      path: `${V1}/tables/:id/reminder-settings`,
      scopes: tableScopes('edit', (_c, id) => ({
        url: `${V1}/tables/${id}/reminder-settings`,
        body: { enabled: true, offsets: [-7, -1, 3] },
      })),
    },
    {
      method: 'POST',
      path: `${V1}/admin/reminders/run`,
      // Long ago: no reminder is due then; the run only delivers (no SMTP here: skipped).
      scopes: admins(() => ({
        url: `${V1}/admin/reminders/run`,
        body: { at: '1999-01-01T00:00:00Z' },
      })),
    },
    {
      method: 'GET',
      path: `${V1}/admin/outbox`,
      scopes: admins(() => ({ url: `${V1}/admin/outbox` })),
    },
    {
      // The link of an e-mail: no session, the signed token names the user.
      method: 'GET',
      path: `${V1}/unsubscribe`,
      public: true,
      scopes: [
        {
          name: 'global',
          what: 'their own unsubscribe link',
          see: WHO,
          may: WHO,
          request: (c, who) => ({ url: unsubscribeUrl(c, who) }),
        },
      ],
    },
    {
      method: 'POST',
      path: `${V1}/unsubscribe`,
      public: true,
      scopes: [
        {
          name: 'global',
          what: 'their own unsubscribe link',
          see: WHO,
          may: WHO,
          request: (c, who) => ({ url: unsubscribeUrl(c, who) }),
        },
      ],
    },
  ];
}
