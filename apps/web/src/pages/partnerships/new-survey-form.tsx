// The coordinator's form to open a new partnership survey: title, period (a year or a fiscal
// year), opening and closing dates, and the minimum of respondents below which an organization's
// trust and value stay hidden. Checked here first, in words; the server has the last word.

import { type FormEvent, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import type { NewSurvey } from '../../api/partnerships-api';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { useCreateSurvey } from './use-partnerships';

type Field = 'title' | 'period' | 'opens' | 'closes' | 'min';

const periodPattern = /^(\d{4}|FY\d{4}-\d{2})$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

interface Values {
  title: string;
  period: string;
  opens: string;
  closes: string;
  min: string;
}

export function checkNewSurvey(values: Values): { field: Field; message: MessageKey } | null {
  if (values.title.trim() === '')
    return { field: 'title', message: 'partnerships.new.error.title' };
  if (!periodPattern.test(values.period.trim())) {
    return { field: 'period', message: 'partnerships.new.error.period' };
  }
  if (!datePattern.test(values.opens))
    return { field: 'opens', message: 'partnerships.new.error.opens' };
  if (!datePattern.test(values.closes) || values.closes <= values.opens) {
    return { field: 'closes', message: 'partnerships.new.error.closes' };
  }
  const min = Number(values.min);
  if (!Number.isInteger(min) || min < 1)
    return { field: 'min', message: 'partnerships.new.error.min' };
  return null;
}

export function NewSurveyForm({ tableId }: { tableId: string }) {
  const { t } = useI18n();
  const create = useCreateSurvey(tableId);
  const base = useId();
  const [values, setValues] = useState<Values>({
    title: '',
    period: String(new Date().getFullYear()),
    opens: '',
    closes: '',
    min: '3',
  });
  const [problem, setProblem] = useState<{ field: Field; message: MessageKey } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refs = {
    title: useRef<HTMLInputElement>(null),
    period: useRef<HTMLInputElement>(null),
    opens: useRef<HTMLInputElement>(null),
    closes: useRef<HTMLInputElement>(null),
    min: useRef<HTMLInputElement>(null),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found = checkNewSurvey(values);
    setProblem(found);
    if (found) {
      refs[found.field].current?.focus();
      return;
    }
    const body: NewSurvey = {
      title: values.title.trim(),
      period: values.period.trim(),
      opens: values.opens,
      closes: values.closes,
      minRespondents: Number(values.min),
    };
    create.mutate(body, {
      onSuccess: (survey) => {
        setDone(survey.title);
        setValues((v) => ({ ...v, title: '', opens: '', closes: '' }));
      },
    });
  };

  const field = (
    name: Field,
    label: MessageKey,
    type: string,
    hint?: MessageKey,
    extra: Record<string, string | number> = {},
  ) => {
    const id = `${base}-${name}`;
    const invalid = problem?.field === name;
    const described = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className={`field survey-new-${name}`}>
        <label htmlFor={id}>{t(label)}</label>
        {hint ? (
          <span id={`${id}-hint`} className="muted survey-hint">
            {t(hint)}
          </span>
        ) : null}
        <input
          ref={refs[name]}
          id={id}
          type={type}
          value={values[name]}
          aria-invalid={invalid || undefined}
          aria-describedby={described || undefined}
          onChange={(event) => setValues((v) => ({ ...v, [name]: event.target.value }))}
          {...extra}
        />
        {invalid ? (
          <span id={`${id}-error`} className="form-error">
            {t(problem.message)}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <section className="panel survey-new" aria-labelledby={`${base}-heading`}>
      <h2 id={`${base}-heading`} className="section-title">
        {t('partnerships.new.title')}
      </h2>
      <form className="form survey-new-form" onSubmit={submit} noValidate>
        {field('title', 'partnerships.new.surveyTitle', 'text', undefined, { maxLength: 200 })}
        {field('period', 'partnerships.new.period', 'text', 'partnerships.new.periodHint')}
        <div className="survey-new-dates">
          {field('opens', 'partnerships.new.opens', 'date')}
          {field('closes', 'partnerships.new.closes', 'date')}
        </div>
        {field(
          'min',
          'partnerships.new.minRespondents',
          'number',
          'partnerships.new.minRespondentsHint',
          {
            min: 1,
            step: 1,
          },
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? t('partnerships.new.busy') : t('partnerships.new.submit')}
          </button>
        </div>
        <p role="status" className="survey-new-status">
          {done ? t('partnerships.new.done', { title: done }) : ''}
        </p>
        {create.isError ? (
          <p className="form-error" role="alert">
            {errorMessage(create.error, t)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
