// A labelled password box tied to the policy it must meet and to its own problem, for the
// password forms (one's own, an admin's reset).

import type { Ref } from 'react';
import './password-field.css';

export function PasswordField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  error,
  describedBy,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  error?: string | undefined;
  /** The id of text that explains what the field needs (the policy). */
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const errorId = `${id}-error`;
  const described = [describedBy, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field password-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="password"
        autoComplete={autoComplete}
        spellCheck={false}
        autoCapitalize="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required
        {...(error ? { 'aria-invalid': true } : {})}
        {...(described ? { 'aria-describedby': described } : {})}
      />
      {error ? (
        <p id={errorId} className="password-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
