// A fake API for the scorecard pages' tests: the shell's auth routes, JSON routes by path, and a
// record of every URL asked for (query strings included).

import { vi } from 'vitest';
import type { User } from '../../api/auth-api';
import {
  authRoutes,
  type FakeRoute,
  fakeApi,
  holdRefreshCookie,
  testUser,
} from '../../test/fake-api';

export interface ScorecardTestApi {
  urls: string[];
  requests: { url: string; headers: Headers }[];
}

export function serveScorecards(
  routes: Record<string, FakeRoute>,
  options: { user?: User; signedIn?: boolean; files?: Record<string, string> } = {},
): ScorecardTestApi {
  const api = fakeApi({ ...authRoutes(options.user ?? testUser), ...routes });
  const record: ScorecardTestApi = { urls: [], requests: [] };
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    record.urls.push(`${url.pathname}${url.search}`);
    record.requests.push({
      url: `${url.pathname}${url.search}`,
      headers: new Headers(init?.headers),
    });
    const file = options.files?.[url.pathname];
    if (file !== undefined) {
      return new Response(file, {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="northshire-scorecard.csv"',
        },
      });
    }
    return api.fetch(input, init);
  };
  vi.stubGlobal('fetch', fetchImpl);
  if (options.signedIn !== false) holdRefreshCookie();
  return record;
}
