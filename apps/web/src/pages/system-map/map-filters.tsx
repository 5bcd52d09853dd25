// The map's controls: the grid's axis (regions or age groups), the result, value and service
// type filters, and the French-language-only switch. The API applies the filters.

import { useId } from 'react';
import type { CoverageBy } from '../../api/system-map-api';
import { fallbackLang } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { serviceTypeLang, serviceTypeName } from './labels';
import type { MapSearch } from './system-map-search';

export interface FilterOptions {
  results: { id: string; title: string; titleFr?: string | null }[];
  serviceTypes: { code: string; name: string; nameFr?: string | null }[];
  /** The values of the dimension the grid is drawn along. */
  values: { code: string; label: string; labelFr?: string | null }[];
}

const axes: CoverageBy[] = ['region', 'age_group'];
const axisKeys = { region: 'systemMap.by.region', age_group: 'systemMap.by.age_group' } as const;

export function MapFilters({ search, options }: { search: MapSearch; options: FilterOptions }) {
  const { t, locale } = useI18n();
  const ids = { result: useId(), value: useId(), service: useId(), french: useId() };
  const { query } = search;

  return (
    <fieldset className="system-map-filters no-print">
      <legend className="visually-hidden">{t('systemMap.filters.legend')}</legend>
      <fieldset className="system-map-field system-map-axis">
        <legend className="system-map-field-label">{t('systemMap.filters.by')}</legend>
        <div className="segmented">
          {axes.map((axis) => (
            <button
              key={axis}
              type="button"
              className="segmented-button"
              aria-pressed={query.by === axis}
              onClick={() => {
                if (query.by !== axis) search.setBy(axis);
              }}
            >
              {t(axisKeys[axis])}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="system-map-field">
        <label htmlFor={ids.result} className="system-map-field-label">
          {t('systemMap.filters.result')}
        </label>
        <select
          id={ids.result}
          value={query.resultId ?? ''}
          onChange={(event) => search.setFilter('resultId', event.target.value || null)}
        >
          <option value="">{t('systemMap.filters.allResults')}</option>
          {options.results.map((result) => (
            <option key={result.id} value={result.id} lang={fallbackLang(locale, result.titleFr)}>
              {result.title}
            </option>
          ))}
        </select>
      </div>
      <div className="system-map-field">
        <label htmlFor={ids.value} className="system-map-field-label">
          {t(query.by === 'region' ? 'systemMap.filters.region' : 'systemMap.filters.ageGroup')}
        </label>
        <select
          id={ids.value}
          value={query.value ?? ''}
          onChange={(event) => search.setFilter('value', event.target.value || null)}
        >
          <option value="">
            {t(
              query.by === 'region' ? 'systemMap.filters.allRegions' : 'systemMap.filters.allAges',
            )}
          </option>
          {options.values.map((value) => (
            <option key={value.code} value={value.code} lang={fallbackLang(locale, value.labelFr)}>
              {value.label}
            </option>
          ))}
        </select>
      </div>
      <div className="system-map-field">
        <label htmlFor={ids.service} className="system-map-field-label">
          {t('systemMap.filters.serviceType')}
        </label>
        <select
          id={ids.service}
          value={query.serviceType ?? ''}
          onChange={(event) => search.setFilter('serviceType', event.target.value || null)}
        >
          <option value="">{t('systemMap.filters.allServiceTypes')}</option>
          {options.serviceTypes.map((type) => (
            <option
              key={type.code}
              value={type.code}
              lang={serviceTypeLang(type.code, type.nameFr, locale)}
            >
              {serviceTypeName(type.code, type.name, t)}
            </option>
          ))}
        </select>
      </div>
      <div className="system-map-field system-map-check">
        <input
          id={ids.french}
          type="checkbox"
          checked={search.frenchOnly}
          onChange={(event) => search.setFrenchOnly(event.target.checked)}
        />
        <label htmlFor={ids.french}>{t('systemMap.filters.frenchOnly')}</label>
      </div>
    </fieldset>
  );
}

/** The filters in words, for the printed page (the controls do not print). */
export function PrintedFilters({ search, options }: { search: MapSearch; options: FilterOptions }) {
  const { t } = useI18n();
  const { query } = search;
  const parts = [t(axisKeys[query.by])];
  const result = options.results.find((r) => r.id === query.resultId);
  if (result) parts.push(result.title);
  const value = options.values.find((v) => v.code === query.value);
  if (value) parts.push(value.label);
  const type = options.serviceTypes.find((s) => s.code === query.serviceType);
  if (type) parts.push(serviceTypeName(type.code, type.name, t));
  if (search.frenchOnly) parts.push(t('systemMap.filters.frenchOnly'));
  return (
    <p className="system-map-printed-filters">
      {t('systemMap.filters.printed', { filters: parts.join(' · ') })}
    </p>
  );
}
