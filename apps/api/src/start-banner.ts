// What the server says when it is ready: where it is, which database it uses and, on a new
// database, how to sign in (the demo accounts, or the generated administrator's password).

const ROLE_NAMES: Record<string, string> = {
  admin: 'administrator',
  table_coordinator: 'planning table coordinator',
  table_member: 'planning table member',
  partner_editor: 'partner editor',
  partner_viewer: 'partner viewer',
  funder_viewer: 'funder',
};

export interface StartFacts {
  url: string;
  engine: 'pglite' | 'postgres';
  /** The embedded database's folder; undefined on PostgreSQL. */
  dataDir?: string | undefined;
  /** An administrator created on this start with a generated password, shown only this once. */
  generatedAdmin?: { email: string; password: string } | undefined;
  /** The demo's accounts, when this database holds the demo. */
  demo?:
    | { password: string; accounts: { email: string; role: string; note?: string }[] }
    | undefined;
}

/** The banner as lines of plain text, for a terminal. */
export function startBanner(facts: StartFacts): string {
  const lines = [
    '',
    `  RBA Scorecards is ready on ${facts.url}`,
    facts.engine === 'pglite'
      ? `  Database: embedded (PGlite) in ${facts.dataDir ?? 'DATA_DIR'}`
      : '  Database: PostgreSQL (DATABASE_URL)',
  ];
  if (facts.generatedAdmin) {
    lines.push(
      '',
      `  Administrator created: ${facts.generatedAdmin.email}`,
      `  password ${facts.generatedAdmin.password} (shown only this once: keep it now)`,
    );
  }
  if (facts.demo) {
    const width = Math.max(...facts.demo.accounts.map((a) => a.email.length));
    lines.push('', `  Demo accounts, all with the password ${facts.demo.password}:`);
    for (const a of facts.demo.accounts) {
      const role = ROLE_NAMES[a.role] ?? a.role;
      lines.push(`    ${a.email.padEnd(width)}  ${role}${a.note ? `, ${a.note}` : ''}`);
    }
  }
  lines.push('', '  API documentation: /docs · stop with Ctrl+C', '');
  return lines.join('\n');
}
