// The access token lives in memory only: never in sessionStorage or localStorage, where any
// script on the page could read it. A reload restores the session through the refresh cookie
// (HttpOnly: scripts cannot read that either). Listeners hear when the server ended the session.

let accessToken: string | null = null;
const endedListeners = new Set<() => void>();

export function readToken(): string | null {
  return accessToken;
}

export function saveToken(token: string): void {
  accessToken = token;
}

export function clearToken(): void {
  accessToken = null;
}

/** The server refused the session and a refresh could not renew it: forget it and say so. */
export function endSession(): void {
  accessToken = null;
  for (const listener of endedListeners) listener();
}

/** Calls `listener` whenever the session ends on the server's word; returns the unsubscribe. */
export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => {
    endedListeners.delete(listener);
  };
}
