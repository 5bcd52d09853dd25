import { describe, expect, it } from 'vitest';
import {
  noFilters,
  organizationSections,
  periodKind,
  scorecardPeriods,
  tableSections,
} from './scorecard-model';
import { agencyB, tableScorecard } from './test-fixtures';

const names = (sections: ReturnType<typeof tableSections>) =>
  sections.flatMap((s) =>
    s.groups.flatMap((g) => g.rows.map((r) => r.organization?.code ?? r.series.name)),
  );

describe('the scorecard sections', () => {
  it('nests result → indicators → programs → measures, then shared measures with contributions', () => {
    const sections = tableSections(tableScorecard(), noFilters);
    expect(sections.map((s) => s.kind)).toEqual(['result', 'shared']);
    expect(sections[0]?.groups.map((g) => g.kind)).toEqual(['indicators', 'program', 'program']);
    expect(sections[1]?.groups[0]?.rows.map((r) => r.level)).toEqual([1, 3, 3]);
  });

  it('keeps only one partner’s programs and contributions, and the indicators', () => {
    const sections = tableSections(tableScorecard(), { ...noFilters, partner: agencyB.id });
    expect(names(sections)).toEqual([
      'Youth rating their mental health fair or poor',
      '# of families taking part',
      '# served across the system',
      'YWH',
    ]);
  });

  it('filters by category and headline, dropping empty groups', () => {
    expect(names(tableSections(tableScorecard(), { ...noFilters, category: 'how_well' }))).toEqual([
      '% seen within 30 days',
    ]);
    expect(names(tableSections(tableScorecard(), { ...noFilters, category: 'indicator' }))).toEqual(
      ['Youth rating their mental health fair or poor'],
    );
    expect(names(tableSections(tableScorecard(), { ...noFilters, headlineOnly: true }))).toEqual([
      'Youth rating their mental health fair or poor',
      '# of children served',
      '# served across the system',
      'NCMHC',
      'YWH',
    ]);
  });
});

describe('an agency’s scorecard', () => {
  it('makes one section per program, titled by the program, with its measures', () => {
    const program = tableScorecard().results[0]?.programs[0];
    if (!program) throw new Error('fixture');
    const sections = organizationSections(
      {
        organization: program.organization,
        period: null,
        view: 'all',
        suppressionThreshold: null,
        periods: [],
        programs: [
          { id: program.id, name: program.name, nameFr: null, measures: program.measures },
        ],
      },
      noFilters,
    );
    expect(sections.map((s) => [s.kind, s.title, s.groups.map((g) => g.kind)])).toEqual([
      ['program', 'Counselling', ['plain']],
    ]);
    expect(names(sections)).toEqual(['# of children served', '% seen within 30 days']);
  });
});

describe('the period picker’s periods', () => {
  it('groups the periods the API names by kind, newest first, older than any point sent too', () => {
    expect(scorecardPeriods(tableScorecard())).toEqual([
      { kind: 'fiscal_quarter', periods: ['FY2025-26-Q2', 'FY2025-26-Q1', 'FY2023-24-Q4'] },
      { kind: 'year', periods: ['2022', '2021'] },
    ]);
  });

  it('knows every canonical label', () => {
    expect(
      ['FY2025-26-Q1', 'FY2025-26', '2025-Q3', '2025-07', '2025', 'x'].map(periodKind),
    ).toEqual(['fiscal_quarter', 'fiscal_year', 'quarter', 'month', 'year', 'other']);
  });
});
