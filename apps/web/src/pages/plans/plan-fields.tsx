// The editor's building blocks: labelled fields with their inline problem, and the buttons that
// move and remove an item of a list.

import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-provider';

export function fieldId(itemKey: string, field: string): string {
  return `plan-${itemKey}-${field}`;
}

function described(id: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  multiline = false,
  required = false,
  className,
  type = 'text',
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  multiline?: boolean;
  required?: boolean;
  className?: string;
  type?: 'text' | 'date';
}) {
  return (
    <div className={`field plan-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          value={value}
          rows={3}
          onChange={(e) => onChange(e.target.value)}
          {...(required ? { 'aria-required': true } : {})}
          {...described(id, error)}
        />
      ) : (
        <input
          id={id}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...(required ? { 'aria-required': true } : {})}
          {...described(id, error)}
        />
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
  error,
  className,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `lang` marks an option whose label is an English name shown for want of a French one. */
  options: readonly { value: string; label: string; lang?: 'en' | undefined }[];
  error?: string | undefined;
  className?: string;
}) {
  return (
    <div className={`field plan-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...described(id, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="plan-field plan-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Move up, move down and remove, each naming the item for screen readers. */
export function ItemControls({
  itemKey,
  itemName,
  index,
  count,
  onMove,
  onRemove,
}: {
  itemKey: string;
  /** How the item is called aloud: its text, or "Action 3" when it has none yet. */
  itemName: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <div className="plan-item-controls">
      <button
        type="button"
        id={fieldId(itemKey, 'up')}
        className="button icon-button"
        aria-label={t('plans.item.moveUp', { item: itemName })}
        title={t('plans.item.moveUpShort')}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        id={fieldId(itemKey, 'down')}
        className="button icon-button"
        aria-label={t('plans.item.moveDown', { item: itemName })}
        title={t('plans.item.moveDownShort')}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        id={fieldId(itemKey, 'remove')}
        className="button"
        aria-label={t('plans.item.remove', { item: itemName })}
        onClick={onRemove}
      >
        {t('plans.item.removeShort')}
      </button>
    </div>
  );
}

export function AddButton({
  id,
  label,
  onClick,
}: {
  id: string;
  label: string;
  onClick: () => void;
}) {
  return (
    <button type="button" id={id} className="button plan-add" onClick={onClick}>
      <span aria-hidden="true">+ </span>
      {label}
    </button>
  );
}

export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="muted plan-empty">{children}</p>;
}
