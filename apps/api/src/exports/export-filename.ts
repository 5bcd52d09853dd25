// The name of a downloaded CSV: what it holds, whose it is, which periods and the day it was
// made, so that a folder of exports reads like a list of contents:
//   figures_NCMHC_FY2025-26-Q1-to-FY2026-27-Q3_2026-12-06.csv
//   scorecard_northshire-child-and-youth-mental-health-planning_latest_2026-12-06.csv

const MAX_SCOPE = 48;

/** Letters and digits of a name, accents dropped, words joined by hyphens (ASCII only). */
export function slug(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > MAX_SCOPE) break;
    out = next;
  }
  return out || words.join('-').slice(0, MAX_SCOPE);
}

/** A range of periods as a file name says it; null when there is no bound. */
export function periodsPart(from: string | undefined, to: string | undefined): string | null {
  if (from && to) return from === to ? from : `${from}-to-${to}`;
  if (from) return `from-${from}`;
  if (to) return `to-${to}`;
  return null;
}

export function exportFilename(parts: {
  what: 'figures' | 'figures-wide' | 'scorecard';
  /** The table's name, the agency's code …; null for everything the caller may see. */
  scope: string | null;
  periods: string | null;
  /** YYYY-MM-DD: the day the file was made. */
  day: string;
}): string {
  const scope = parts.scope ? slug(parts.scope) : 'all';
  const periods = parts.periods ? slug(parts.periods) : null;
  return `${[parts.what, scope || 'all', periods, parts.day].filter(Boolean).join('_')}.csv`;
}
