// Breakdown columns: which dimension each one is, and what each of its values in the file means.

import { useEffect, useId, useRef } from 'react';
import type { Dimension } from '../../api/imports-api';
import { useT } from '../../i18n/i18n-provider';
import { ColumnSelect } from './column-select';
import type { CsvPreview } from './csv-preview';
import type { BreakdownDraft, ValueMap } from './mapping-draft';

/** Select values that cannot be a dimension value's code (codes start with a letter or digit). */
const unmapped = '';
const total = '*total';

const totalWords =
  /^(total|totals|all|all .*|both sexes|both|tous|toutes|ensemble|les deux sexes)$/i;

/** Maps each file value to the dimension value whose code or label it names, or to the total. */
export function autoMatch(values: readonly string[], dimension: Dimension | undefined): ValueMap {
  const map: ValueMap = {};
  if (!dimension) return map;
  for (const text of values) {
    const plain = text.trim().toLowerCase();
    const hit = dimension.values.find(
      (v) => v.code.toLowerCase() === plain || v.label.trim().toLowerCase() === plain,
    );
    if (hit) map[text] = hit.code;
    else if (plain === '' || totalWords.test(plain)) map[text] = null;
  }
  return map;
}

function BreakdownRow({
  breakdown,
  index,
  preview,
  dimensions,
  onChange,
  onRemove,
  invalid,
}: {
  breakdown: BreakdownDraft;
  index: number;
  preview: CsvPreview;
  dimensions: readonly Dimension[];
  onChange: (next: BreakdownDraft) => void;
  onRemove: () => void;
  invalid: boolean;
}) {
  const t = useT();
  const id = useId();
  const dimension = dimensions.find((d) => d.code === breakdown.dimension);
  const values = breakdown.column ? (preview.distinct[breakdown.column] ?? []) : [];
  const number = index + 1;

  const choose = (patch: Partial<BreakdownDraft>) => {
    const next = { ...breakdown, ...patch };
    const dim = dimensions.find((d) => d.code === next.dimension);
    const fileValues = next.column ? (preview.distinct[next.column] ?? []) : [];
    onChange({ ...next, values: autoMatch(fileValues, dim) });
  };

  const setValue = (text: string, choice: string) => {
    const map = { ...breakdown.values };
    if (choice === unmapped) delete map[text];
    else map[text] = choice === total ? null : choice;
    onChange({ ...breakdown, values: map });
  };

  return (
    <fieldset className="imports-subpanel">
      <legend>{t('imports.map.breakdown.item', { number })}</legend>
      <div className="imports-row">
        <ColumnSelect
          id={`${id}-column`}
          label={t('imports.map.breakdown.column')}
          value={breakdown.column}
          columns={preview.header}
          onChange={(column) => choose({ column })}
          invalid={invalid && !breakdown.column}
        />
        <div className="field imports-field">
          <label htmlFor={`${id}-dimension`}>{t('imports.map.breakdown.dimension')}</label>
          <select
            id={`${id}-dimension`}
            value={breakdown.dimension}
            onChange={(e) => choose({ dimension: e.target.value })}
            aria-invalid={(invalid && !breakdown.dimension) || undefined}
          >
            <option value="">{t('imports.map.breakdown.chooseDimension')}</option>
            {dimensions.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {breakdown.column && dimension ? (
        <div className="imports-table-wrap">
          <table className="data-table imports-values">
            <caption>
              {t('imports.map.breakdown.valuesCaption', { column: breakdown.column })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.map.breakdown.fileValue')}</th>
                <th scope="col">{t('imports.map.breakdown.means')}</th>
              </tr>
            </thead>
            <tbody>
              {values.map((text, at) => {
                const mapped = breakdown.values[text];
                const choice = mapped === undefined ? unmapped : mapped === null ? total : mapped;
                const shown = text === '' ? t('imports.map.blank') : text;
                return (
                  <tr key={text}>
                    <th scope="row">
                      <label htmlFor={`${id}-v${at}`}>{shown}</label>
                    </th>
                    <td>
                      <select
                        id={`${id}-v${at}`}
                        value={choice}
                        onChange={(e) => setValue(text, e.target.value)}
                      >
                        <option value={unmapped}>{t('imports.map.breakdown.unmapped')}</option>
                        <option value={total}>{t('imports.map.breakdown.total')}</option>
                        {dimension.values.map((v) => (
                          <option key={v.code} value={v.code}>
                            {v.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {preview.complete ? null : (
            <p className="imports-hint">
              {t('imports.map.partialValues', { rows: preview.rowCount })}
            </p>
          )}
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={onRemove}>
          {t('imports.map.breakdown.remove', { number })}
        </button>
      </div>
    </fieldset>
  );
}

export function BreakdownEditor({
  breakdowns,
  preview,
  dimensions,
  onChange,
  nextKey,
  invalid,
}: {
  breakdowns: readonly BreakdownDraft[];
  preview: CsvPreview;
  /** The dimensions a breakdown may use (the chosen measure's, when one is chosen). */
  dimensions: readonly Dimension[];
  onChange: (next: BreakdownDraft[]) => void;
  nextKey: () => number;
  invalid: boolean;
}) {
  const t = useT();
  const hintId = useId();
  const group = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const added = useRef(false);
  // A new breakdown takes the focus; a removed one hands it to the add button.
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    group.current?.querySelector<HTMLElement>('.imports-subpanel:last-of-type select')?.focus();
  });
  const add = () => {
    const only = dimensions.length === 1 ? (dimensions[0]?.code ?? '') : '';
    added.current = true;
    onChange([...breakdowns, { key: nextKey(), column: '', dimension: only, values: {} }]);
  };
  return (
    <fieldset ref={group} className="imports-group" aria-describedby={hintId}>
      <legend>{t('imports.map.breakdowns')}</legend>
      <p id={hintId} className="imports-hint">
        {t('imports.map.breakdowns.hint')}
      </p>
      {breakdowns.map((b, index) => (
        <BreakdownRow
          key={b.key}
          breakdown={b}
          index={index}
          preview={preview}
          dimensions={dimensions}
          invalid={invalid}
          onChange={(next) => onChange(breakdowns.map((x) => (x.key === b.key ? next : x)))}
          onRemove={() => {
            addButton.current?.focus();
            onChange(breakdowns.filter((x) => x.key !== b.key));
          }}
        />
      ))}
      <div className="button-row">
        <button ref={addButton} type="button" className="button" onClick={add}>
          {t('imports.map.breakdown.add')}
        </button>
      </div>
    </fieldset>
  );
}
