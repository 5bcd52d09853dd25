// A labelled choice of one of the file's columns.

import { useT } from '../../i18n/i18n-provider';

export function ColumnSelect({
  id,
  label,
  value,
  columns,
  onChange,
  optional = false,
  invalid = false,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  columns: readonly string[];
  onChange: (column: string) => void;
  /** Offers "none" instead of asking for a choice. */
  optional?: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useT();
  return (
    <div className="field imports-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      >
        <option value="">
          {optional ? t('imports.map.column.none') : t('imports.map.column.choose')}
        </option>
        {columns.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
    </div>
  );
}
