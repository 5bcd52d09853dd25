// The signed-in person's own account: who they are, their language, changing their password, and
// which notifications also come by e-mail.

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useCurrentUser } from '../../auth/auth-provider';
import { LanguageSwitch } from '../../components/language-switch';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { EmailSettingsSection } from './email-settings';
import { PasswordField } from './password-field';
import {
  checkNewPassword,
  emailName,
  type PasswordField as FieldName,
  fieldOrder,
  noPasswordErrors,
  type PasswordErrors,
  passwordErrors,
  passwordMinLength,
} from './password-rules';
import { useChangePassword } from './use-account';
import './account.css';

function ChangePasswordForm() {
  const { t, locale } = useI18n();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>(noPasswordErrors);
  const [done, setDone] = useState(false);
  // Bumped on each refused submit: focus then moves to the first problem, once it is on screen.
  const [attempt, setAttempt] = useState(0);
  const inputs = useRef<Partial<Record<FieldName, HTMLInputElement | null>>>({});
  const general = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    const first = fieldOrder.find((name) => errors.fields[name]);
    if (first) inputs.current[first]?.focus();
    else if (errors.general) general.current?.focus();
  }, [attempt, errors]);

  const refuse = (found: PasswordErrors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    setDone(false);
    const fields = {
      ...(current === '' ? { currentPassword: t('account.password.error.currentRequired') } : {}),
      ...checkNewPassword(next, confirm, t),
    };
    if (Object.keys(fields).length > 0) {
      refuse({ general: null, fields });
      return;
    }
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setErrors(noPasswordErrors);
          setCurrent('');
          setNext('');
          setConfirm('');
          setDone(true);
        },
        onError: (error) => refuse(passwordErrors(error, t, locale)),
      },
    );
  };

  return (
    <form
      className="account-password-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="account-password-heading"
    >
      <div
        ref={general}
        tabIndex={-1}
        className="form-error account-form-error"
        role="alert"
        aria-live="assertive"
      >
        {errors.general ?? ''}
      </div>
      <PasswordField
        id="account-current-password"
        label={t('account.password.current')}
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
        error={errors.fields.currentPassword}
        inputRef={(el) => {
          inputs.current.currentPassword = el;
        }}
      />
      <PasswordField
        id="account-new-password"
        label={t('account.password.new')}
        value={next}
        onChange={setNext}
        autoComplete="new-password"
        describedBy="account-password-policy"
        error={errors.fields.newPassword}
        inputRef={(el) => {
          inputs.current.newPassword = el;
        }}
      />
      <PasswordField
        id="account-confirm-password"
        label={t('account.password.confirm')}
        value={confirm}
        onChange={setConfirm}
        autoComplete="new-password"
        error={errors.fields.confirmPassword}
        inputRef={(el) => {
          inputs.current.confirmPassword = el;
        }}
      />
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={change.isPending || undefined}
        >
          {change.isPending ? t('account.password.submitting') : t('account.password.submit')}
        </button>
      </div>
      <p className="account-done" role="status" aria-live="polite">
        {done ? t('account.password.changed') : ''}
      </p>
    </form>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  const user = useCurrentUser();

  return (
    <PageLayout title={t('account.title')}>
      <div className="account-page">
        <section className="panel account-section" aria-labelledby="account-details-heading">
          <h2 id="account-details-heading" className="section-title">
            {t('account.details.title')}
          </h2>
          <dl className="account-details">
            <dt>{t('account.details.name')}</dt>
            <dd>{user.name}</dd>
            <dt>{t('account.details.email')}</dt>
            <dd>{user.email}</dd>
          </dl>
          <p className="muted account-hint">{t('account.details.nameHint')}</p>
          <div className="account-language">
            <LanguageSwitch />
            <p className="muted account-hint">{t('account.details.languageHint')}</p>
          </div>
        </section>

        <section className="panel account-section" aria-labelledby="account-password-heading">
          <h2 id="account-password-heading" className="section-title">
            {t('account.password.title')}
          </h2>
          <p>{t('account.password.intro')}</p>
          <div id="account-password-policy" className="account-policy">
            <p>{t('account.password.policyTitle')}</p>
            <ul>
              <li>{t('account.password.policy.length', { count: passwordMinLength })}</li>
              <li>{t('account.password.policy.common')}</li>
              <li>{t('account.password.policy.email', { name: emailName(user.email) })}</li>
            </ul>
          </div>
          <ChangePasswordForm />
        </section>

        <EmailSettingsSection />
      </div>
    </PageLayout>
  );
}
