// An administrator sets a new password for someone else (POST /users/:id/password), in the
// shared modal dialog (components/modal-dialog/): the page behind goes inert, focus stays inside,
// Esc closes and focus returns to the button that opened it.

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { AdminUser } from '../../api/admin-api';
import { ModalDialog } from '../../components/modal-dialog/modal-dialog';
import { useI18n } from '../../i18n/i18n-provider';
import { PasswordField } from '../account/password-field';
import {
  checkNewPassword,
  emailName,
  noPasswordErrors,
  type PasswordErrors,
  passwordErrors,
  passwordMinLength,
} from '../account/password-rules';
import { useResetPassword } from './use-admin';
import './reset-password-dialog.css';

export function ResetPasswordDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const reset = useResetPassword();
  const newInput = useRef<HTMLInputElement | null>(null);
  const confirmInput = useRef<HTMLInputElement | null>(null);
  const general = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>(noPasswordErrors);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState(false);

  // A refused submit: focus goes to the first problem once it is on screen.
  useEffect(() => {
    if (attempt === 0) return;
    if (errors.fields.newPassword) newInput.current?.focus();
    else if (errors.fields.confirmPassword) confirmInput.current?.focus();
    else if (errors.general) general.current?.focus();
  }, [attempt, errors]);

  // Done: the form is gone; focus goes to the one thing left to do.
  useEffect(() => {
    if (done) closeButton.current?.focus();
  }, [done]);

  const refuse = (found: PasswordErrors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reset.isPending) return;
    const fields = checkNewPassword(password, confirm, t);
    if (Object.keys(fields).length > 0) {
      refuse({ general: null, fields });
      return;
    }
    reset.mutate(
      { userId: user.id, password },
      {
        onSuccess: () => {
          setErrors(noPasswordErrors);
          setPassword('');
          setConfirm('');
          setDone(true);
        },
        onError: (error) => refuse(passwordErrors(error, t, locale)),
      },
    );
  };

  const introId = `${ids}-intro`;
  const policyId = `${ids}-policy`;

  return (
    <ModalDialog
      title={t('account.reset.title', { name: user.name })}
      describedBy={introId}
      onClose={onClose}
      initialFocus={newInput}
      className="reset-dialog"
    >
      <p id={introId}>{t('account.reset.intro', { name: user.name })}</p>

      <p className="reset-dialog-done" role="status" aria-live="polite">
        {done ? t('account.reset.done', { name: user.name }) : ''}
      </p>

      {done ? (
        <div className="button-row">
          <button ref={closeButton} type="button" className="button" onClick={onClose}>
            {t('account.reset.close')}
          </button>
        </div>
      ) : (
        <form className="reset-dialog-form" onSubmit={submit} noValidate>
          <div
            ref={general}
            tabIndex={-1}
            className="form-error"
            role="alert"
            aria-live="assertive"
          >
            {errors.general ?? ''}
          </div>
          <p id={policyId} className="reset-dialog-policy">
            {t('account.reset.policy', {
              count: passwordMinLength,
              name: emailName(user.email),
            })}
          </p>
          <PasswordField
            id={`${ids}-new`}
            label={t('account.password.new')}
            value={password}
            onChange={setPassword}
            autoComplete="new-password"
            describedBy={policyId}
            error={errors.fields.newPassword}
            inputRef={newInput}
          />
          <PasswordField
            id={`${ids}-confirm`}
            label={t('account.password.confirm')}
            value={confirm}
            onChange={setConfirm}
            autoComplete="new-password"
            error={errors.fields.confirmPassword}
            inputRef={confirmInput}
          />
          <div className="button-row">
            <button
              type="submit"
              className="button button-primary"
              aria-disabled={reset.isPending || undefined}
            >
              {reset.isPending ? t('account.reset.submitting') : t('account.reset.submit')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('account.reset.cancel')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
