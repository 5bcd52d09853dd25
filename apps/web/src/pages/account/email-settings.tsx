// "E-mail me about": which notifications also come by e-mail. In-app notifications are always
// kept, under the bell.

import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import type { NotificationSettings } from '../../api/notifications-api';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { useNotificationSettings, useSaveNotificationSettings } from './use-account';

type Choice = keyof NotificationSettings['email'];

const choices: readonly { name: Choice; label: MessageKey; hint: MessageKey }[] = [
  { name: 'reminders', label: 'account.email.reminders', hint: 'account.email.remindersHint' },
  {
    name: 'submissions',
    label: 'account.email.submissions',
    hint: 'account.email.submissionsHint',
  },
  { name: 'returns', label: 'account.email.returns', hint: 'account.email.returnsHint' },
];

function EmailForm({ saved }: { saved: NotificationSettings }) {
  const { t } = useI18n();
  const save = useSaveNotificationSettings();
  const [email, setEmail] = useState(saved.email);
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    save.mutate({ email }, { onSuccess: () => setDone(true) });
  };

  return (
    <form className="account-email-form" onSubmit={submit}>
      <fieldset className="account-email-choices">
        <legend className="account-email-legend">{t('account.email.legend')}</legend>
        {choices.map(({ name, label, hint }) => (
          <div key={name} className="account-check">
            <input
              id={`account-email-${name}`}
              type="checkbox"
              checked={email[name]}
              onChange={(event) => setEmail({ ...email, [name]: event.target.checked })}
              aria-describedby={`account-email-${name}-hint`}
            />
            <label htmlFor={`account-email-${name}`}>{t(label)}</label>
            <p id={`account-email-${name}-hint`} className="muted account-hint">
              {t(hint)}
            </p>
          </div>
        ))}
      </fieldset>
      <div className="form-error" role="alert">
        {save.error ? errorMessage(save.error, t) : ''}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('account.email.saving') : t('account.email.save')}
        </button>
      </div>
      <p className="account-done" role="status" aria-live="polite">
        {done ? t('account.email.saved') : ''}
      </p>
    </form>
  );
}

export function EmailSettingsSection() {
  const { t } = useI18n();
  const settings = useNotificationSettings();
  return (
    <section className="panel account-section" aria-labelledby="account-email-heading">
      <h2 id="account-email-heading" className="section-title">
        {t('account.email.title')}
      </h2>
      <p>{t('account.email.intro')}</p>
      {settings.data ? (
        <EmailForm saved={settings.data} />
      ) : settings.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <p className="form-error" role="alert">
          {errorMessage(settings.error, t)}
        </p>
      )}
    </section>
  );
}
