// The demo's population indicators come from real Statistics Canada estimates, imported
// through the platform's CSV importer with a column mapping, as a coordinator would do it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importMapping } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/schema.js';
import { runImport } from '../imports/imports.service.js';
import { STATCAN_INDICATORS } from './demo-content.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Shipped beside src/ and dist/ alike: apps/api/demo-data. */
export const STATCAN_EXTRACT = path.resolve(
  here,
  '../../demo-data/statcan-13100096-youth-12-17.csv',
);

/** The mapping for one indicator: Ontario rows of that indicator, by sex. */
export function statcanMapping(indicatorId: string, statcanName: string) {
  return {
    mode: 'long' as const,
    measureId: indicatorId,
    period: { column: 'REF_DATE', format: 'year' as const },
    value: { column: 'VALUE', scale: 1 },
    breakdown: {
      gender: {
        column: 'Sex',
        values: { Females: 'girls_women', Males: 'boys_men', 'Both sexes': null },
      },
    },
    filters: [
      { column: 'GEO', equals: 'Ontario' },
      { column: 'Indicators', equals: statcanName },
    ],
    missing: ['', 'NA', '..', 'F', 'x'],
    delimiter: 'auto' as const,
  };
}

export async function importStatcanHistory(db: Db, actor: Actor, indicators: Map<string, string>) {
  const file = readFileSync(STATCAN_EXTRACT);
  for (const ind of STATCAN_INDICATORS) {
    const mapping = importMapping.parse(
      statcanMapping(indicators.get(ind.code) as string, ind.statcan),
    );
    const report = await runImport(
      db,
      actor,
      { file, mapping, filename: 'statcan-13100096.csv' },
      true,
    );
    if (!report.committed) {
      const first = report.rejected[0];
      throw new Error(
        `The demo's ${ind.code} history did not import: line ${first?.line}: ${first?.reason}`,
      );
    }
  }
}
