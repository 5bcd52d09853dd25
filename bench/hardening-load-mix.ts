// The mixed load: the demo community's users signed in, each editor's writable measure found,
// and the cycle of requests each autocannon connection makes.
import type autocannon from 'autocannon';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../apps/api/src/demo/demo-content.js';
import { type Body, list, PORT } from './hardening-load-settings.js';
import { ADMIN, call, log, login } from './harness.js';

/** The requests of the mixed run, and the first non-2xx answers they get (to say what went wrong). */
export async function demoMix(): Promise<{ requests: autocannon.Request[]; refused: string[] }> {
  // The demo community and its users.
  const adminToken = await login(PORT, ADMIN.email, ADMIN.password);
  const tokenOf = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) tokenOf.set(a.key, await login(PORT, a.email, DEMO_PASSWORD));
  const table = list(await call(PORT, adminToken, 'GET', '/tables'))[0];
  const orgs = list(await call(PORT, adminToken, 'GET', '/organizations'));
  const orgByCode = new Map(orgs.map((o: Body) => [o.code, o]));
  const editors = DEMO_ACCOUNTS.filter((a) => a.role === 'partner_editor').map((a) => {
    const org = orgByCode.get('org' in a ? a.org : '');
    return { token: tokenOf.get(a.key) as string, org };
  });
  // Each editor's writable measure: a count measure of a quarter kind.
  const writable: {
    token: string;
    orgId: string;
    measureId: string;
    periodType: string;
    series: string[];
  }[] = [];
  for (const e of editors) {
    const card = await call<Body>(PORT, e.token, 'GET', `/organizations/${e.org.id}/scorecard`);
    const measures = (card.programs as Body[]).flatMap((p) => p.measures as Body[]);
    const m = measures.find(
      (x) =>
        x.unit === 'count' && (x.periodType === 'fiscal_quarter' || x.periodType === 'quarter'),
    );
    if (m)
      writable.push({
        token: e.token,
        orgId: e.org.id,
        measureId: m.measureId,
        periodType: m.periodType,
        series: measures.slice(0, 4).map((x) => x.measureId as string),
      });
  }
  if (writable.length === 0 || !table) throw new Error('the demo has no writable count measure');
  const readers = ['admin', 'coordinator', 'member', 'editorLead', 'editorHub'].map(
    (k) => tokenOf.get(k) as string,
  );
  log(
    `demo seeded: table ${table.name}, ${orgs.length} organizations, ${writable.length} writable measures, ${readers.length} reading users`,
  );

  // One connection's cycle of requests; its own cell is (its editor's measure, its period).
  let nextConnection = 0;
  const periodLabel = (type: string, i: number) => {
    // Long past, and well before the demo's own quarters (a period that has not started takes
    // no figure, and the demo's approved ones are locked); i grows with every new context.
    const y = 1000 + Math.floor(i / 4);
    return type === 'fiscal_quarter'
      ? `FY${y}-${String((y + 1) % 100).padStart(2, '0')}-Q${(i % 4) + 1}`
      : `${y}-Q${(i % 4) + 1}`;
  };
  interface Ctx {
    n?: number;
    version?: number;
    value?: number;
  }
  const ctxOf = (context: Ctx) => {
    if (context.n === undefined) {
      context.n = nextConnection++;
      context.version = 0;
      context.value = 0;
    }
    const n = context.n;
    const w = writable[n % writable.length] as (typeof writable)[number];
    return {
      n,
      w,
      reader: readers[n % readers.length] as string,
      series: w.series[Math.floor(n / writable.length) % w.series.length] as string,
    };
  };
  const get =
    (url: (c: ReturnType<typeof ctxOf>) => string, who: 'reader' | 'writer' = 'reader') =>
    (req: Body, context: Ctx) => {
      const c = ctxOf(context);
      return {
        ...req,
        method: 'GET',
        path: `/api/v1${url(c)}`,
        headers: { authorization: `Bearer ${who === 'reader' ? c.reader : c.w.token}` },
      };
    };
  /** A few non-2xx answers, to say what went wrong. */
  const refused: string[] = [];
  const note = (what: string, status: number, body: string) => {
    if ((status < 200 || status > 299) && refused.length < 10)
      refused.push(`${what} → ${status} ${body.slice(0, 200)}`);
  };
  const seen = (what: string) => (status: number, body: string) => note(what, status, body);
  const requests: autocannon.Request[] = [
    {
      setupRequest: get(() => `/tables/${table.id}/scorecard`),
      onResponse: seen('table scorecard'),
    },
    {
      setupRequest: get((c) => `/organizations/${c.w.orgId}/scorecard`, 'writer'),
      onResponse: seen('org scorecard'),
    },
    {
      setupRequest: (req: Body, context: Ctx) => {
        const c = ctxOf(context);
        context.value = (context.value ?? 0) + 1;
        return {
          ...req,
          method: 'PUT',
          path: `/api/v1/measures/${c.w.measureId}/observations/${periodLabel(c.w.periodType, c.n)}`,
          headers: { authorization: `Bearer ${c.w.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ value: context.value, version: context.version }),
        };
      },
      onResponse: (status: number, body: string, context: Ctx) => {
        if (status === 200) context.version = JSON.parse(body).version;
        note('PUT observation', status, body);
      },
    } as autocannon.Request,
    {
      setupRequest: get((c) => `/measures/${c.series}/series`, 'writer'),
      onResponse: seen('series'),
    },
    {
      setupRequest: get((c) => `/organizations/${c.w.orgId}/entry-sheet`, 'writer'),
      onResponse: seen('entry sheet'),
    },
    {
      setupRequest: get((c) => `/exports/observations.csv?organizationId=${c.w.orgId}`, 'writer'),
      onResponse: seen('export'),
    },
  ];
  return { requests, refused };
}
