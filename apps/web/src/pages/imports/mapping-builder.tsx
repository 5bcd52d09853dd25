// Builds a column mapping against the file's preview: which measure, period, value, breakdowns,
// filters and missing-value markers; the mapping JSON itself sits in an "advanced" box.

import { useId, useRef, useState } from 'react';
import type { Dimension } from '../../api/imports-api';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { BreakdownEditor } from './breakdown-editor';
import { ColumnSelect } from './column-select';
import type { CsvPreview } from './csv-preview';
import { FilterEditor } from './filter-editor';
import {
  buildMapping,
  type DraftProblem,
  defaultMissing,
  looksLikePeriod,
  type MappingDraft,
  type PeriodFormat,
  periodFormats,
} from './mapping-draft';
import type { WritableMeasures } from './use-import-data';

const formatLabels: Record<PeriodFormat, MessageKey> = {
  auto: 'imports.map.format.auto',
  year: 'imports.map.format.year',
  month: 'imports.map.format.month',
  quarter: 'imports.map.format.quarter',
  quarter_start_month: 'imports.map.format.quarter_start_month',
  fiscal_year: 'imports.map.format.fiscal_year',
  fiscal_quarter: 'imports.map.format.fiscal_quarter',
};

const periodTypeLabels: Record<string, MessageKey> = {
  year: 'report.periodType.year',
  quarter: 'report.periodType.quarter',
  month: 'report.periodType.month',
  fiscal_year: 'report.periodType.fiscal_year',
  fiscal_quarter: 'report.periodType.fiscal_quarter',
};

export interface MappingBuilderProps {
  preview: CsvPreview;
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  measures: WritableMeasures;
  dimensions: readonly Dimension[];
  /** The problems to mark, once the person has tried to go on. */
  problems: readonly DraftProblem[];
}

export function MappingBuilder({
  preview,
  draft,
  onChange,
  measures,
  dimensions,
  problems,
}: MappingBuilderProps) {
  const t = useT();
  const id = useId();
  const keys = useRef(1);
  const nextKey = () => keys.current++;
  const [extraMissing, setExtraMissing] = useState(() =>
    draft.missing.filter((m) => !defaultMissing.includes(m as never)).join(', '),
  );
  const update = (patch: Partial<MappingDraft>) => onChange({ ...draft, ...patch });
  const has = (p: DraftProblem) => problems.includes(p);

  const chosen = measures.measures.find((m) => m.measure.id === draft.measureId)?.measure;
  const breakdownDimensions =
    draft.measureSource === 'one' && chosen
      ? dimensions.filter((d) => chosen.dimensions.includes(d.code))
      : dimensions;

  const groups = new Map<string, typeof measures.measures>();
  for (const m of measures.measures) {
    const label = `${m.owner.name} › ${m.group}`;
    groups.set(label, [...(groups.get(label) ?? []), m]);
  }

  const chooseMeasure = (measureId: string) => {
    const measure = measures.measures.find((m) => m.measure.id === measureId)?.measure;
    update({
      measureId,
      valueKind: measure?.aggregation === 'ratio' && draft.layout === 'long' ? 'ratio' : 'value',
    });
  };

  const chooseLayout = (layout: MappingDraft['layout']) =>
    update({
      layout,
      valueKind: layout === 'wide' ? 'value' : draft.valueKind,
      periodColumns:
        layout === 'wide' && draft.periodColumns.length === 0
          ? preview.header.filter(looksLikePeriod)
          : draft.periodColumns,
    });

  const setMissing = (defaults: readonly string[], extraText: string) => {
    const extras = extraText
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    update({ missing: [...new Set([...defaults, ...extras])] });
  };
  const checkedDefaults = defaultMissing.filter((m) => draft.missing.includes(m));

  const json = JSON.stringify(buildMapping(draft), null, 2);

  return (
    <div className="imports-mapping">
      <fieldset className="imports-group">
        <legend>{t('imports.map.layout')}</legend>
        <label className="imports-choice">
          <input
            type="radio"
            name={`${id}-layout`}
            checked={draft.layout === 'long'}
            onChange={() => chooseLayout('long')}
          />
          <span>
            {t('imports.map.layout.long')}
            <span className="imports-hint">{t('imports.map.layout.longHint')}</span>
          </span>
        </label>
        <label className="imports-choice">
          <input
            type="radio"
            name={`${id}-layout`}
            checked={draft.layout === 'wide'}
            onChange={() => chooseLayout('wide')}
          />
          <span>
            {t('imports.map.layout.wide')}
            <span className="imports-hint">{t('imports.map.layout.wideHint')}</span>
          </span>
        </label>
      </fieldset>

      <fieldset className="imports-group">
        <legend>{t('imports.map.measure')}</legend>
        <label className="imports-choice">
          <input
            type="radio"
            name={`${id}-source`}
            checked={draft.measureSource === 'one'}
            onChange={() => update({ measureSource: 'one' })}
          />
          <span>{t('imports.map.measure.one')}</span>
        </label>
        {draft.measureSource === 'one' ? (
          <div className="imports-indent">
            <div className="field imports-field imports-field-wide">
              <label htmlFor={`${id}-measure`}>{t('imports.map.measure.select')}</label>
              <select
                id={`${id}-measure`}
                value={draft.measureId}
                onChange={(e) => chooseMeasure(e.target.value)}
                aria-invalid={has('measure') || undefined}
                aria-describedby={`${id}-measure-facts`}
              >
                <option value="">{t('imports.map.measure.choose')}</option>
                {[...groups].map(([label, items]) => (
                  <optgroup key={label} label={label}>
                    {items.map(({ measure }) => (
                      <option key={measure.id} value={measure.id}>
                        {t('imports.map.measure.option', {
                          code: measure.code,
                          name: measure.name,
                        })}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <p id={`${id}-measure-facts`} className="imports-hint">
              {chosen
                ? [
                    t(periodTypeLabels[chosen.periodType] ?? 'imports.map.measure.facts.other'),
                    chosen.aggregation === 'ratio'
                      ? t('imports.map.measure.facts.ratio')
                      : t('imports.map.measure.facts.value'),
                    chosen.dimensions.length > 0
                      ? t('imports.map.measure.facts.dimensions', {
                          names: chosen.dimensions
                            .map((code) => dimensions.find((d) => d.code === code)?.name ?? code)
                            .join(', '),
                        })
                      : t('imports.map.measure.facts.noDimensions'),
                  ].join(' · ')
                : measures.measures.length === 0
                  ? t('imports.map.measure.none')
                  : null}
            </p>
          </div>
        ) : null}
        <label className="imports-choice">
          <input
            type="radio"
            name={`${id}-source`}
            checked={draft.measureSource === 'column'}
            onChange={() => update({ measureSource: 'column' })}
          />
          <span>{t('imports.map.measure.column')}</span>
        </label>
        {draft.measureSource === 'column' ? (
          <div className="imports-indent imports-row">
            <ColumnSelect
              id={`${id}-measure-column`}
              label={t('imports.map.measure.columnLabel')}
              value={draft.measureColumn}
              columns={preview.header}
              onChange={(measureColumn) => update({ measureColumn })}
              invalid={has('measureColumn')}
            />
            <div className="field imports-field">
              <label htmlFor={`${id}-measure-by`}>{t('imports.map.measure.by')}</label>
              <select
                id={`${id}-measure-by`}
                value={draft.measureBy}
                onChange={(e) => update({ measureBy: e.target.value as 'code' | 'name' })}
              >
                <option value="code">{t('imports.map.measure.byCode')}</option>
                <option value="name">{t('imports.map.measure.byName')}</option>
              </select>
            </div>
            {measures.owners.length > 0 ? (
              <div className="field imports-field">
                <label htmlFor={`${id}-owner`}>{t('imports.map.measure.owner')}</label>
                <select
                  id={`${id}-owner`}
                  value={draft.owner}
                  onChange={(e) => update({ owner: e.target.value })}
                >
                  <option value="">{t('imports.map.measure.anyOwner')}</option>
                  {measures.owners.map((o) => (
                    <option key={`${o.kind}:${o.id}`} value={`${o.kind}:${o.id}`}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
        ) : null}
      </fieldset>

      <fieldset className="imports-group">
        <legend>{t('imports.map.period')}</legend>
        <div className="imports-row">
          {draft.layout === 'long' ? (
            <ColumnSelect
              id={`${id}-period`}
              label={t('imports.map.period.column')}
              value={draft.periodColumn}
              columns={preview.header}
              onChange={(periodColumn) => update({ periodColumn })}
              invalid={has('periodColumn')}
            />
          ) : null}
          <div className="field imports-field imports-field-wide">
            <label htmlFor={`${id}-format`}>{t('imports.map.period.format')}</label>
            <select
              id={`${id}-format`}
              value={draft.periodFormat}
              onChange={(e) => update({ periodFormat: e.target.value as PeriodFormat })}
            >
              {periodFormats.map((format) => (
                <option key={format} value={format}>
                  {t(formatLabels[format])}
                </option>
              ))}
            </select>
          </div>
        </div>
        {draft.layout === 'wide' ? (
          <fieldset className="imports-checks">
            <legend>{t('imports.map.period.columns')}</legend>
            <div className="imports-check-list">
              {preview.header.map((column) => (
                <label key={column} className="imports-check">
                  <input
                    type="checkbox"
                    checked={draft.periodColumns.includes(column)}
                    onChange={(e) =>
                      update({
                        periodColumns: preview.header.filter((c) =>
                          c === column ? e.target.checked : draft.periodColumns.includes(c),
                        ),
                      })
                    }
                  />
                  <span>{column}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
      </fieldset>

      <fieldset className="imports-group">
        <legend>{t('imports.map.value')}</legend>
        {draft.layout === 'long' ? (
          <div className="imports-inline-choices">
            <label className="imports-choice">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={draft.valueKind === 'value'}
                onChange={() => update({ valueKind: 'value' })}
              />
              <span>{t('imports.map.value.one')}</span>
            </label>
            <label className="imports-choice">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={draft.valueKind === 'ratio'}
                onChange={() => update({ valueKind: 'ratio' })}
              />
              <span>{t('imports.map.value.ratio')}</span>
            </label>
          </div>
        ) : null}
        <div className="imports-row">
          {draft.layout === 'long' && draft.valueKind === 'value' ? (
            <ColumnSelect
              id={`${id}-value`}
              label={t('imports.map.value.column')}
              value={draft.valueColumn}
              columns={preview.header}
              onChange={(valueColumn) => update({ valueColumn })}
              invalid={has('valueColumn')}
            />
          ) : null}
          {draft.layout === 'long' && draft.valueKind === 'ratio' ? (
            <>
              <ColumnSelect
                id={`${id}-numerator`}
                label={t('imports.map.value.numerator')}
                value={draft.numeratorColumn}
                columns={preview.header}
                onChange={(numeratorColumn) => update({ numeratorColumn })}
                invalid={has('ratioColumns') && !draft.numeratorColumn}
              />
              <ColumnSelect
                id={`${id}-denominator`}
                label={t('imports.map.value.denominator')}
                value={draft.denominatorColumn}
                columns={preview.header}
                onChange={(denominatorColumn) => update({ denominatorColumn })}
                invalid={has('ratioColumns') && !draft.denominatorColumn}
              />
            </>
          ) : null}
          {draft.valueKind === 'value' ? (
            <div className="field imports-field imports-field-narrow">
              <label htmlFor={`${id}-scale`}>{t('imports.map.value.scale')}</label>
              <input
                id={`${id}-scale`}
                inputMode="decimal"
                value={draft.scale}
                onChange={(e) => update({ scale: e.target.value })}
                aria-invalid={has('scale') || undefined}
                aria-describedby={`${id}-scale-hint`}
                autoComplete="off"
              />
            </div>
          ) : null}
          {draft.layout === 'long' ? (
            <ColumnSelect
              id={`${id}-note`}
              label={t('imports.map.value.note')}
              value={draft.noteColumn}
              columns={preview.header}
              onChange={(noteColumn) => update({ noteColumn })}
              optional
            />
          ) : null}
        </div>
        {draft.valueKind === 'value' ? (
          <p id={`${id}-scale-hint`} className="imports-hint">
            {t('imports.map.value.scaleHint')}
          </p>
        ) : null}
      </fieldset>

      <BreakdownEditor
        breakdowns={draft.breakdowns}
        preview={preview}
        dimensions={breakdownDimensions}
        onChange={(breakdowns) => update({ breakdowns })}
        nextKey={nextKey}
        invalid={has('breakdown')}
      />

      <FilterEditor
        filters={draft.filters}
        preview={preview}
        onChange={(filters) => update({ filters })}
        nextKey={nextKey}
        invalid={has('filter')}
      />

      <fieldset className="imports-group">
        <legend>{t('imports.map.missing')}</legend>
        <p className="imports-hint">{t('imports.map.missing.hint')}</p>
        <div className="imports-inline-choices">
          {defaultMissing.map((marker) => (
            <label key={marker} className="imports-check">
              <input
                type="checkbox"
                checked={draft.missing.includes(marker)}
                onChange={(e) =>
                  setMissing(
                    defaultMissing.filter((m) =>
                      m === marker ? e.target.checked : checkedDefaults.includes(m),
                    ),
                    extraMissing,
                  )
                }
              />
              <span className="imports-marker">
                {marker === '' ? t('imports.map.blank') : marker}
              </span>
            </label>
          ))}
        </div>
        <div className="field imports-field">
          <label htmlFor={`${id}-extra-missing`}>{t('imports.map.missing.other')}</label>
          <input
            id={`${id}-extra-missing`}
            value={extraMissing}
            onChange={(e) => {
              setExtraMissing(e.target.value);
              setMissing(checkedDefaults, e.target.value);
            }}
            aria-describedby={`${id}-extra-hint`}
            autoComplete="off"
          />
          <p id={`${id}-extra-hint`} className="imports-hint">
            {t('imports.map.missing.otherHint')}
          </p>
        </div>
      </fieldset>

      <details className="imports-advanced">
        <summary>{t('imports.map.advanced')}</summary>
        <p className="imports-hint">{t('imports.map.advanced.hint')}</p>
        <pre className="imports-json" data-testid="mapping-json">
          {json}
        </pre>
      </details>
    </div>
  );
}
