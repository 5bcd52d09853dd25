// The demo accounts the sign-in page offers, one click to fill in. Only on a database the demo
// was seeded into, with DEMO on (the default on the embedded database only): on any other
// database the list is empty. Each editor's agency is named in the caller's language.
import type { DemoAccounts, DemoQuarterState, Locale } from '@rba/schema';
import type { Config } from '../config.js';
import type { DbOrTrx } from '../db/schema.js';
import { pick } from '../i18n/localize.js';
import { enabledEmails } from './demo.repository.js';
import { AGENCIES, CURRENT_QUARTER, DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-content.js';

const NO_DEMO: DemoAccounts = { password: null, accounts: [] };

export async function listDemoAccounts(
  db: DbOrTrx,
  config: Pick<Config, 'demo'>,
  lang: Locale = 'en',
): Promise<DemoAccounts> {
  if (!config.demo) return NO_DEMO;
  const present = await enabledEmails(
    db,
    DEMO_ACCOUNTS.map((a) => a.email),
  );
  // The demo administrator stands for the seed: without it this is not the demo database.
  if (!present.has(DEMO_ACCOUNTS[0].email)) return NO_DEMO;
  const agencyName = new Map(AGENCIES.map((a) => [a.code, pick(lang, a.name, a.nameFr)]));
  return {
    password: DEMO_PASSWORD,
    accounts: DEMO_ACCOUNTS.filter((a) => present.has(a.email)).map((a) => {
      const org = 'org' in a ? a.org : null;
      return {
        email: a.email,
        name: a.name,
        role: a.role,
        organization: org ? (agencyName.get(org) ?? org) : null,
        quarter: org ? (CURRENT_QUARTER[org] ?? null) : null,
      };
    }),
  };
}

/** The demo accounts when this database holds the demo; undefined otherwise. */
export async function demoAccountsIfSeeded(
  db: DbOrTrx,
  config: Pick<Config, 'demo'>,
): Promise<{ password: string; accounts: DemoAccounts['accounts'] } | undefined> {
  const demo = await listDemoAccounts(db, config);
  return demo.password === null ? undefined : { password: demo.password, accounts: demo.accounts };
}

const QUARTER_WORDS: Record<DemoQuarterState, string> = {
  approved: 'this quarter approved',
  submitted: 'this quarter waiting for review',
  returned: 'this quarter returned with a note',
  in_progress: 'this quarter open, partly entered',
  not_started: 'this quarter not started',
};

/** A demo editor's quarter in words, for the start banner. */
export function quarterWords(state: DemoQuarterState | null): string {
  return state ? QUARTER_WORDS[state] : '';
}
