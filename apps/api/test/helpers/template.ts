export type TestDatabaseTemplate =
  | { engine: 'pglite'; templateFile: string }
  | { engine: 'postgres'; url: string; template: string; run: string };

/** The same server URL pointed at another database. */
export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
