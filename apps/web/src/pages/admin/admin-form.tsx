// The admin forms' shared parts: the server's answer split into a general message and the
// fields it names (`details[].path`), and a labelled field that shows its own problem.

import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import type { Translate } from '../../i18n/i18n-provider';

export interface FormErrors {
  /** The server's own sentence (or the catalogue's, when it gave none). */
  general: string | null;
  /** Messages by field name, from validation details such as `body.code`. */
  fields: Record<string, string>;
}

export const noErrors: FormErrors = { general: null, fields: {} };

export function formErrors(error: unknown, t: Translate): FormErrors {
  const fields: Record<string, string> = {};
  if (error instanceof ApiError && Array.isArray(error.details)) {
    for (const detail of error.details as unknown[]) {
      if (typeof detail !== 'object' || detail === null) continue;
      const { path, message } = detail as { path?: unknown; message?: unknown };
      if (typeof path !== 'string' || typeof message !== 'string') continue;
      const name = path.replace(/^body\.?/, '').split('.')[0] ?? '';
      if (name && !(name in fields)) fields[name] = message;
    }
  }
  return { general: errorMessage(error, t), fields };
}

export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A label, the control (given the attributes that tie it to its problem) and the problem. */
export function Field({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  className?: string;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field admin-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="admin-hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {error ? (
        <p id={`${id}-error`} className="admin-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The message for the whole form: announced, and above the fields it concerns. */
export function FormMessage({ errors }: { errors: FormErrors }) {
  return (
    <div className="form-error admin-form-error" role="alert">
      {errors.general ?? ''}
    </div>
  );
}

/** A quiet confirmation after a change, read out by screen readers. */
export function Done({ message }: { message: string | null }) {
  return (
    <p className="admin-done" role="status">
      {message ?? ''}
    </p>
  );
}
