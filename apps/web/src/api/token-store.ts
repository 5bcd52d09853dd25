// The bearer token lives in sessionStorage: it survives a reload, not a closed tab.

const storageKey = 'rba.token';

export function readToken(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(storageKey) ?? null;
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    globalThis.sessionStorage?.setItem(storageKey, token);
  } catch {
    // Storage refused (privacy mode): the session then ends with the page.
  }
}

export function clearToken(): void {
  try {
    globalThis.sessionStorage?.removeItem(storageKey);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
