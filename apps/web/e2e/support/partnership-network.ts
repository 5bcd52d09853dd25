// The network page's checks for e2e/partnerships.e2e.ts: the figures of both surveys side by
// side, what changed, the bridge and the isolate in words, the drawing's label and the table
// alternative, against hand-computed figures of the demo's two yearly surveys, in either
// language.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { en, type Messages } from '../../src/i18n/messages.en';
import { fr } from '../../src/i18n/messages.fr';
import { periodName } from '../../src/i18n/period-name';

export interface Org {
  id: string;
  code: string;
  name: string;
  nameFr: string | null;
}
export interface Survey {
  id: string;
  title: string;
  period: string;
  state: string;
  partners: number;
  responses: number;
  minRespondents: number;
}
export interface Network {
  responseRate: number | null;
  density: number | null;
  reciprocity: number | null;
  meanTrust: number | null;
  meanValue: number | null;
  isolates: number;
  nodes: {
    organization: Org;
    degree: number;
    betweenness: number | null;
    trust: number | null;
    value: number | null;
    suppressed: boolean;
  }[];
  ties: { a: string; b: string; level: number }[];
}

export const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The demo's two surveys and its agencies, as the API gave them. */
export interface Demo {
  org: (code: string) => Org;
  earlier: Survey;
  later: Survey;
}

export const expected = {
  earlier: { responseRate: 0.75, density: 6 / 28, reciprocity: 4 / 8, isolates: 0 },
  later: { responseRate: 1, density: 9 / 28, reciprocity: 14 / 16, isolates: 1 },
};

function percent(locale: 'en' | 'fr', share: number): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

function mean(locale: 'en' | 'fr', value: number): string {
  const n = new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
  return (locale === 'fr' ? fr : en)['partnerships.figures.outOf4'].replace('{value}', n);
}

/** The figures of one side of the page, by their term. */
async function figures(list: Locator): Promise<Map<string, string>> {
  const pairs = await list
    .locator('.network-figure')
    .evaluateAll((items) =>
      items.map((item) => [
        item.querySelector('dt')?.firstChild?.textContent ?? '',
        item.querySelector('dd')?.textContent ?? '',
      ]),
    );
  return new Map(pairs.map(([term, value]) => [squash(term ?? ''), squash(value ?? '')]));
}

export async function checkNetwork(
  page: Page,
  locale: 'en' | 'fr',
  networks: [Network, Network],
  { org, earlier, later }: Demo,
) {
  const m: Messages = locale === 'fr' ? (fr as Messages) : en;
  const t = (key: keyof Messages, params: Record<string, string> = {}) =>
    m[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
  const heading = (s: Survey) =>
    t('partnerships.network.surveyHeading', {
      title: s.title,
      period: periodName(s.period, locale),
    });
  // An agency's name as the page gives it: the French one in French, when it has one.
  const orgName = (code: string) =>
    locale === 'fr' ? (org(code).nameFr ?? org(code).name) : org(code).name;

  // Two sides, the earlier on the left, each with its figures.
  const sides = page.locator('section.network-side');
  await expect.poll(() => sides.count()).toBe(2);
  for (const [index, survey, network, facts] of [
    [0, earlier, networks[0], expected.earlier],
    [1, later, networks[1], expected.later],
  ] as const) {
    const side = sides.nth(index);
    expect(squash(await side.locator('h2').textContent())).toContain(heading(survey));
    const shown = await figures(side.locator('dl.network-figures'));
    expect(shown.get(m['partnerships.figures.responseRate'])).toBe(
      squash(percent(locale, facts.responseRate)),
    );
    expect(shown.get(m['partnerships.figures.density'])).toBe(
      squash(percent(locale, facts.density)),
    );
    expect(shown.get(m['partnerships.figures.reciprocity'])).toBe(
      squash(percent(locale, facts.reciprocity)),
    );
    expect(shown.get(m['partnerships.figures.isolates'])).toBe(String(facts.isolates));
    expect(shown.get(m['partnerships.figures.meanTrust'])).toBe(
      squash(mean(locale, network.meanTrust as number)),
    );
    expect(shown.get(m['partnerships.figures.meanValue'])).toBe(
      squash(mean(locale, network.meanValue as number)),
    );
  }

  // What changed, in a table with its caption.
  const changes = page.getByRole('table', {
    name: t('partnerships.changes.caption', { earlier: heading(earlier), later: heading(later) }),
  });
  const responseRow = squash(
    await changes
      .getByRole('row')
      .filter({ hasText: m['partnerships.figures.responseRate'] })
      .textContent(),
  );
  expect(responseRow).toContain(squash(t('partnerships.changes.points', { change: '+25' })));
  const isolatesRow = squash(
    await changes
      .getByRole('row')
      .filter({ hasText: m['partnerships.figures.isolates'] })
      .textContent(),
  );
  expect(isolatesRow).toContain('+1');

  // The later survey: the lead agency bridges the groups; the parents' group stands alone.
  const laterSide = sides.nth(1);
  const sentences = squash(await laterSide.locator('.network-sentences').textContent());
  expect(sentences).toContain(squash(t('partnerships.bridges.some', { names: orgName('NCMHC') })));
  expect(sentences).toContain(squash(t('partnerships.isolates.some', { names: orgName('PCMH') })));
  const drawing = laterSide.getByRole('img');
  expect(squash(await drawing.getAttribute('aria-label'))).toContain(
    squash(t('partnerships.drawing.isolatesNamed', { names: orgName('PCMH') })),
  );

  // The table says the same: one row per agency, its ties, the bridge and the isolate marked,
  // trust hidden where fewer than minRespondents rated.
  const table = laterSide.getByRole('table', {
    name: t('partnerships.table.caption', { survey: heading(later) }),
  });
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBe(8);
  const rowOf = async (code: string) =>
    squash(
      await rows
        .filter({ has: page.getByRole('rowheader', { name: orgName(code) }) })
        .textContent(),
    );
  const lead = await rowOf('NCMHC');
  expect(lead).toContain(m['partnerships.table.bridge']);
  expect(lead.startsWith(orgName('NCMHC'))).toBe(true);
  const alone = await rowOf('PCMH');
  expect(alone).toContain(m['partnerships.table.isolate']);
  expect(alone).toContain(
    squash(t('partnerships.table.hidden', { count: String(later.minRespondents) })),
  );
  const node = networks[1].nodes.find((n) => n.organization.id === org('NCMHC').id);
  expect(node?.degree).toBe(6);
  expect(node?.suppressed).toBe(false);
  expect(lead).toContain(squash(mean(locale, node?.trust as number).split(' ')[0] ?? ''));
  // Never one agency's rating of another: the ties carry levels only.
  for (const tie of networks[1].ties) expect(Object.keys(tie).sort()).toEqual(['a', 'b', 'level']);
}
