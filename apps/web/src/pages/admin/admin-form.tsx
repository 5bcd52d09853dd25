// The admin forms' shared parts: a refused request split into a general message, the problems
// worded next to the fields they name (`details[].path`) and a summary of the others; a labelled
// field that shows its own problem; and a pair of fields for a name in English and French.

import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { type Translate, useI18n } from '../../i18n/i18n-provider';
import { errorIssues, wordIssues } from '../../i18n/issue-wording';
import type { Locale } from '../../i18n/locale';

export interface FormErrors {
  /** The sentence for the whole form: the server's, or "check the fields" for its problems. */
  general: string | null;
  /** Problems that belong to none of the form's fields, in our own words. */
  others: string[];
  /** Each field's problem in our own words, by the field's name in the request body. */
  fields: Record<string, string>;
}

export const noErrors: FormErrors = { general: null, others: [], fields: {} };

/** Refusals that are not validation problems but concern one field all the same. */
const fieldOfCode: Record<string, string> = {
  EMAIL_TAKEN: 'email',
  CODE_TAKEN: 'code',
  WEAK_PASSWORD: 'password',
};

/**
 * A refused request as the form shows it: each problem worded from its code next to the field
 * its path names (`body.name` → `name`) when the form has that field, the others in a summary.
 */
export function formErrors(
  error: unknown,
  t: Translate,
  locale: Locale,
  fields: readonly string[],
): FormErrors {
  const issues = errorIssues(error);
  if (issues.length > 0) {
    const worded = wordIssues(issues, fields, locale);
    const validation = error instanceof ApiError && error.code === 'VALIDATION_ERROR';
    return {
      general: !validation
        ? errorMessage(error, t)
        : worded.others.length > 0
          ? t('admin.form.problems')
          : t('admin.form.checkFields'),
      others: worded.others,
      fields: worded.fields,
    };
  }
  const field = error instanceof ApiError ? fieldOfCode[error.code] : undefined;
  if (field !== undefined && fields.includes(field)) {
    return { general: null, others: [], fields: { [field]: errorMessage(error, t) } };
  }
  return { general: errorMessage(error, t), others: [], fields: {} };
}

type Refusal = { error: unknown } | { local: Record<string, string> } | null;

/**
 * A form's problems: `refuse(error)` after the server refused it, `refuseHere(fields)` for what
 * the client checked itself. Either way the focus then goes to the first field with a problem,
 * else to the summary. The server's problems are worded at each render, so they follow a change
 * of language.
 */
export function useFormErrors(fields: readonly string[]) {
  const { t, locale } = useI18n();
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else summaryRef.current?.focus();
  }, [attempt]);

  const errors: FormErrors =
    refusal === null
      ? noErrors
      : 'error' in refusal
        ? formErrors(refusal.error, t, locale, fields)
        : { general: null, others: [], fields: refusal.local };

  return {
    errors,
    formRef,
    summaryRef,
    refuse: (error: unknown) => {
      setRefusal({ error });
      setAttempt((n) => n + 1);
    },
    refuseHere: (local: Record<string, string>) => {
      setRefusal({ local });
      setAttempt((n) => n + 1);
    },
    clear: () => setRefusal(null),
  };
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

/**
 * The message for the whole form, announced and above the fields it concerns, with the problems
 * that belong to no field; it takes the focus when no field has a problem.
 */
export function FormMessage({
  errors,
  summaryRef,
}: {
  errors: FormErrors;
  summaryRef?: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div ref={summaryRef} tabIndex={-1} className="form-error admin-form-error" role="alert">
      {errors.general ?? ''}
      {errors.others.length > 0 ? (
        <ul className="admin-form-problems">
          {errors.others.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
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

/**
 * A text in English and its French twin (`name` / `nameFr`), side by side, each marked with its
 * language so that spelling checkers and screen readers take it as such.
 */
export function TwinFields({
  id,
  labels,
  values,
  onChange,
  errors,
  hint,
  multiline = false,
  required = false,
}: {
  id: string;
  labels: { en: string; fr: string };
  values: { en: string; fr: string };
  onChange: (lang: 'en' | 'fr', value: string) => void;
  errors: { en?: string | undefined; fr?: string | undefined };
  /** What the English field needs (the French one says it is optional). */
  hint?: string;
  multiline?: boolean;
  /** The English text is needed; the French never is. */
  required?: boolean;
}) {
  const { t } = useI18n();
  const control = (lang: 'en' | 'fr') => (props: FieldControlProps) =>
    multiline ? (
      <textarea
        {...props}
        lang={lang}
        rows={3}
        value={values[lang]}
        onChange={(e) => onChange(lang, e.target.value)}
      />
    ) : (
      <input
        {...props}
        lang={lang}
        value={values[lang]}
        onChange={(e) => onChange(lang, e.target.value)}
        required={lang === 'en' && required}
      />
    );
  return (
    <div className={`admin-field-pair${multiline ? ' admin-field-wide' : ''}`}>
      <Field id={id} label={labels.en} error={errors.en} {...(hint ? { hint } : {})}>
        {control('en')}
      </Field>
      <Field id={`${id}-fr`} label={labels.fr} error={errors.fr} hint={t('admin.frenchHint')}>
        {control('fr')}
      </Field>
    </div>
  );
}
