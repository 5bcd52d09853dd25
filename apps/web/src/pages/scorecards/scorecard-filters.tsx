// The scorecard's filters (period, partner, category, headline only), kept in the address so a
// filtered scorecard can be shared and survives the back button.

import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ScorecardView } from '../../api/scorecards-api';
import { SuppressedLegend } from '../../components/figures/figure-value';
import { fallbackLang } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import {
  type CategoryFilter,
  categoryFilters,
  type OrganizationRef,
  type PeriodKind,
  type ScorecardFilters,
} from './scorecard-model';

function isCategory(value: string | null): value is CategoryFilter {
  return value !== null && (categoryFilters as readonly string[]).includes(value);
}

export interface ScorecardSearch {
  period: string | null;
  filters: ScorecardFilters;
  setPeriod: (period: string | null) => void;
  setFilters: (filters: ScorecardFilters) => void;
}

export function useScorecardSearch(): ScorecardSearch {
  const [params, setParams] = useSearchParams();
  const partner = params.get('partner') || null;
  const category = params.get('category');
  const headlineOnly = params.get('headline') === '1';
  const filters = useMemo<ScorecardFilters>(
    () => ({ partner, category: isCategory(category) ? category : 'all', headlineOnly }),
    [partner, category, headlineOnly],
  );
  const update = (changes: Record<string, string | null>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(name);
          else next.set(name, value);
        }
        return next;
      },
      { replace: true },
    );
  };
  return {
    period: params.get('period') || null,
    filters,
    setPeriod: (period) => update({ period }),
    setFilters: (f) =>
      update({
        partner: f.partner,
        category: f.category === 'all' ? null : f.category,
        headline: f.headlineOnly ? '1' : null,
      }),
  };
}

const periodKindKeys = {
  fiscal_quarter: 'scorecards.periods.fiscal_quarter',
  fiscal_year: 'scorecards.periods.fiscal_year',
  quarter: 'scorecards.periods.quarter',
  month: 'scorecards.periods.month',
  year: 'scorecards.periods.year',
  other: 'scorecards.periods.other',
} as const;

/** The period picker: the periods present in the data, grouped by kind, newest first. */
export function PeriodPicker({
  groups,
  period,
  onChange,
}: {
  groups: readonly { kind: PeriodKind; periods: string[] }[];
  period: string | null;
  onChange: (period: string | null) => void;
}) {
  const { t, periodName } = useI18n();
  const id = useId();
  const known = groups.some((g) => g.periods.includes(period ?? ''));
  return (
    <div className="scorecard-field period-picker">
      <label htmlFor={id}>{t('scorecards.filter.period')}</label>
      <select id={id} value={period ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('scorecards.filter.latest')}</option>
        {period !== null && !known ? <option value={period}>{periodName(period)}</option> : null}
        {groups.map((group) => (
          <optgroup key={group.kind} label={t(periodKindKeys[group.kind])}>
            {group.periods.map((p) => (
              <option key={p} value={p}>
                {periodName(p)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

const categoryKeys = {
  all: 'scorecards.filter.categoryAll',
  indicator: 'figures.category.indicator',
  how_much: 'figures.category.how_much',
  how_well: 'figures.category.how_well',
  better_off: 'figures.category.better_off',
} as const;

export function ScorecardFilterBar({
  filters,
  onChange,
  partners,
}: {
  filters: ScorecardFilters;
  onChange: (filters: ScorecardFilters) => void;
  /** The partner choices; the partner filter is left out without them (an agency's own card). */
  partners?: readonly OrganizationRef[];
}) {
  const { t, locale } = useI18n();
  const partnerId = useId();
  const categoryId = useId();
  const headlineId = useId();
  return (
    <fieldset className="scorecard-filters">
      <legend className="visually-hidden">{t('scorecards.filter.legend')}</legend>
      {partners ? (
        <div className="scorecard-field">
          <label htmlFor={partnerId}>{t('scorecards.filter.partner')}</label>
          <select
            id={partnerId}
            value={filters.partner ?? ''}
            onChange={(e) => onChange({ ...filters, partner: e.target.value || null })}
          >
            <option value="">{t('scorecards.filter.partnerAll')}</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id} lang={fallbackLang(locale, p.nameFr)}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="scorecard-field">
        <label htmlFor={categoryId}>{t('scorecards.filter.category')}</label>
        <select
          id={categoryId}
          value={filters.category}
          onChange={(e) =>
            onChange({
              ...filters,
              category: isCategory(e.target.value) ? e.target.value : 'all',
            })
          }
        >
          {categoryFilters.map((c) => (
            <option key={c} value={c}>
              {t(categoryKeys[c])}
            </option>
          ))}
        </select>
      </div>
      <div className="scorecard-field scorecard-check">
        <input
          id={headlineId}
          type="checkbox"
          checked={filters.headlineOnly}
          onChange={(e) => onChange({ ...filters, headlineOnly: e.target.checked })}
        />
        <label htmlFor={headlineId}>{t('scorecards.filter.headlineOnly')}</label>
      </div>
    </fieldset>
  );
}

const viewKeys = {
  all: 'scorecards.view.all',
  review: 'scorecards.view.review',
  approved: 'scorecards.view.approved',
  restricted: 'scorecards.view.restricted',
} as const;

/**
 * Which figures this scorecard holds for this reader, as the API reports it. A restricted view
 * says the rule in general words (the threshold is public) and, once for the page or card, what
 * the "x" of a suppressed figure means; no single figure is ever said to be small.
 */
export function ViewNote({ view, threshold }: { view: ScorecardView; threshold: number | null }) {
  const { t } = useI18n();
  const text =
    view === 'restricted' && threshold === null
      ? t('scorecards.view.restrictedNoThreshold')
      : t(viewKeys[view], { threshold: threshold ?? 0 });
  return (
    <p className={`scorecard-view-note scorecard-view-${view}`}>
      {text}
      {view === 'restricted' ? (
        <>
          {' '}
          <SuppressedLegend className="scorecard-view-legend" />
        </>
      ) : null}
    </p>
  );
}

/** On paper the picker is gone: the period is said in words instead. */
export function PrintedPeriod({ period }: { period: string | null }) {
  const { t, periodName } = useI18n();
  return (
    <p className="scorecard-print-period">
      {period === null
        ? t('scorecards.filter.latest')
        : t('scorecards.printPeriod', { period: periodName(period) })}
    </p>
  );
}
