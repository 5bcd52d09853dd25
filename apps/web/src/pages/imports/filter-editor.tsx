// Filters: keep only the rows whose column holds one of the chosen values.

import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { ColumnSelect } from './column-select';
import type { CsvPreview } from './csv-preview';
import type { FilterDraft } from './mapping-draft';

function FilterRow({
  filter,
  index,
  preview,
  onChange,
  onRemove,
  invalid,
}: {
  filter: FilterDraft;
  index: number;
  preview: CsvPreview;
  onChange: (next: FilterDraft) => void;
  onRemove: () => void;
  invalid: boolean;
}) {
  const t = useT();
  const id = useId();
  const number = index + 1;
  const values = filter.column ? (preview.distinct[filter.column] ?? []) : [];
  const toggle = (text: string, on: boolean) =>
    onChange({
      ...filter,
      values: values.filter((v) => (v === text ? on : filter.values.includes(v))),
    });
  return (
    <fieldset className="imports-subpanel">
      <legend>{t('imports.map.filter.item', { number })}</legend>
      <div className="imports-row">
        <ColumnSelect
          id={`${id}-column`}
          label={t('imports.map.filter.column')}
          value={filter.column}
          columns={preview.header}
          onChange={(column) => onChange({ ...filter, column, values: [] })}
          invalid={invalid && !filter.column}
        />
      </div>
      {filter.column ? (
        <fieldset className="imports-checks">
          <legend>{t('imports.map.filter.keep', { column: filter.column })}</legend>
          <div className="imports-check-list">
            {values.map((text) => (
              <label key={text} className="imports-check">
                <input
                  type="checkbox"
                  checked={filter.values.includes(text)}
                  onChange={(e) => toggle(text, e.target.checked)}
                />
                <span>{text === '' ? t('imports.map.blank') : text}</span>
              </label>
            ))}
          </div>
          {preview.complete ? null : (
            <p className="imports-hint">
              {t('imports.map.partialValues', { rows: preview.rowCount })}
            </p>
          )}
        </fieldset>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={onRemove}>
          {t('imports.map.filter.remove', { number })}
        </button>
      </div>
    </fieldset>
  );
}

export function FilterEditor({
  filters,
  preview,
  onChange,
  nextKey,
  invalid,
}: {
  filters: readonly FilterDraft[];
  preview: CsvPreview;
  onChange: (next: FilterDraft[]) => void;
  nextKey: () => number;
  invalid: boolean;
}) {
  const t = useT();
  const hintId = useId();
  const group = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const added = useRef(false);
  // A new filter takes the focus; a removed one hands it to the add button.
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    group.current?.querySelector<HTMLElement>('.imports-subpanel:last-of-type select')?.focus();
  });
  const add = () => {
    added.current = true;
    onChange([...filters, { key: nextKey(), column: '', values: [] }]);
  };
  return (
    <fieldset ref={group} className="imports-group" aria-describedby={hintId}>
      <legend>{t('imports.map.filters')}</legend>
      <p id={hintId} className="imports-hint">
        {t('imports.map.filters.hint')}
      </p>
      {filters.map((f, index) => (
        <FilterRow
          key={f.key}
          filter={f}
          index={index}
          preview={preview}
          invalid={invalid}
          onChange={(next) => onChange(filters.map((x) => (x.key === f.key ? next : x)))}
          onRemove={() => {
            addButton.current?.focus();
            onChange(filters.filter((x) => x.key !== f.key));
          }}
        />
      ))}
      <div className="button-row">
        <button ref={addButton} type="button" className="button" onClick={add}>
          {t('imports.map.filter.add')}
        </button>
      </div>
    </fieldset>
  );
}
