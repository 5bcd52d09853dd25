// The session's restoration, started as the client starts (main.tsx) rather than once React has
// drawn the first frame: the refresh call then travels beside the page's own modules instead of
// after them. AuthProvider takes the call already on its way, once; later restorations (a retry)
// start their own.

import { type LoginResponse, restoreSession } from '../api/auth-api';

let started: Promise<LoginResponse | null> | null = null;

export function startSessionRestore(): Promise<LoginResponse | null> {
  started = restoreSession();
  // AuthProvider reads the outcome, failures included; until then none is unhandled.
  started.catch(() => undefined);
  return started;
}

/** The restoration started at start-up, if it is still to be read; else a new one. */
export function sessionRestore(): Promise<LoginResponse | null> {
  const early = started;
  started = null;
  return early ?? restoreSession();
}
