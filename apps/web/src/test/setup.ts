// Component tests run beside the API suites on a 2-core CI machine: give findBy* queries room
// to wait when the machine is busy, instead of failing on Testing Library’s 1 s default (a first
// lazy page once took over 5 s to draw there, while the PGlite suites ran beside it).
import { configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearToken } from '../api/token-store';
import { resetFakeSession } from './fake-api';

configure({ asyncUtilTimeout: 10_000 });

// The access token lives in module memory, and the fake refresh cookie in the fake server's:
// each test starts signed out.
afterEach(() => {
  clearToken();
  resetFakeSession();
});
