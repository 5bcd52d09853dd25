// Users: who can sign in, their language, whether they are disabled, and the roles they hold
// (granted and revoked here), with a form for a new user.

import { type FormEvent, useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AdminUser, Organization, PlanningTable, RoleGrant } from '../../api/admin-api';
import { errorMessage } from '../../api/error-message';
import { useCurrentUser } from '../../auth/auth-provider';
import { useI18n } from '../../i18n/i18n-provider';
import { Done, Field, FormMessage, useFormErrors } from './admin-form';
import { GrantRoleForm } from './grant-role-form';
import { ResetPasswordDialog } from './reset-password-dialog';
import {
  useCreateUser,
  useOrganizations,
  useRevokeRole,
  useTables,
  useUpdateUser,
  useUsers,
} from './use-admin';

type Locale = 'en' | 'fr';
const minimumPassword = 12;

function CreateUserForm() {
  const { t } = useI18n();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Locale>('en');
  const { errors, formRef, summaryRef, refuse, clear } = useFormErrors([
    'email',
    'name',
    'password',
    'locale',
  ]);
  const [done, setDone] = useState<{ id: string; name: string } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    create.mutate(
      { email: email.trim(), name: name.trim(), password, locale },
      {
        onSuccess: (user) => {
          clear();
          setEmail('');
          setName('');
          setPassword('');
          setDone({ id: user.id, name: user.name });
        },
        onError: refuse,
      },
    );
  };

  return (
    <form
      ref={formRef}
      className="admin-form panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="admin-user-new"
    >
      <h3 id="admin-user-new" className="admin-form-title">
        {t('admin.users.new')}
      </h3>
      <FormMessage errors={errors} summaryRef={summaryRef} />
      <div className="admin-form-fields">
        <Field id="admin-user-email" label={t('admin.users.email')} error={errors.fields.email}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field id="admin-user-name" label={t('admin.users.name')} error={errors.fields.name}>
          {(props) => (
            <input {...props} value={name} onChange={(e) => setName(e.target.value)} required />
          )}
        </Field>
        <Field
          id="admin-user-password"
          label={t('admin.users.password')}
          hint={t('admin.users.passwordHint', { count: minimumPassword })}
          error={errors.fields.password}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <Field id="admin-user-locale" label={t('admin.users.locale')} error={errors.fields.locale}>
          {(props) => (
            <select {...props} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              <option value="en">{t('language.en')}</option>
              <option value="fr">{t('language.fr')}</option>
            </select>
          )}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.users.create')}
        </button>
      </div>
      <p className="admin-done" role="status">
        {done ? (
          <>
            {t('admin.users.created', { name: done.name })}{' '}
            <Link to={`/admin/users/${done.id}`}>{t('admin.users.grantNow')}</Link>
          </>
        ) : null}
      </p>
    </form>
  );
}

function EditUserForm({ user }: { user: AdminUser }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const update = useUpdateUser();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [disabled, setDisabled] = useState(user.disabledAt !== null);
  const { errors, formRef, summaryRef, refuse, clear } = useFormErrors([
    'name',
    'locale',
    'disabled',
  ]);
  const [done, setDone] = useState<string | null>(null);

  const body = {
    ...(name.trim() !== user.name ? { name: name.trim() } : {}),
    ...(locale !== user.locale ? { locale } : {}),
    ...(disabled !== (user.disabledAt !== null) ? { disabled } : {}),
  };
  const changed = Object.keys(body).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!changed) return;
    update.mutate(
      { userId: user.id, body },
      {
        onSuccess: () => {
          clear();
          setDone(t('admin.users.saved'));
        },
        onError: refuse,
      },
    );
  };

  return (
    <form
      ref={formRef}
      className="admin-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="admin-user-edit"
    >
      <h4 id="admin-user-edit" className="admin-form-title">
        {t('admin.users.edit')}
      </h4>
      <FormMessage errors={errors} summaryRef={summaryRef} />
      <div className="admin-form-fields">
        <Field id="admin-edit-name" label={t('admin.users.name')} error={errors.fields.name}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id="admin-edit-locale" label={t('admin.users.locale')} error={errors.fields.locale}>
          {(props) => (
            <select {...props} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              <option value="en">{t('language.en')}</option>
              <option value="fr">{t('language.fr')}</option>
            </select>
          )}
        </Field>
        <div className="admin-checkbox">
          <input
            id="admin-edit-disabled"
            type="checkbox"
            checked={disabled}
            onChange={(e) => setDisabled(e.target.checked)}
            aria-describedby={
              errors.fields.disabled
                ? 'admin-edit-disabled-hint admin-edit-disabled-error'
                : 'admin-edit-disabled-hint'
            }
            {...(errors.fields.disabled ? { 'aria-invalid': true } : {})}
          />
          <label htmlFor="admin-edit-disabled">{t('admin.users.disabled')}</label>
          <p id="admin-edit-disabled-hint" className="admin-hint">
            {user.id === me.id ? t('admin.users.disabledSelf') : t('admin.users.disabledHint')}
          </p>
          {errors.fields.disabled ? (
            <p id="admin-edit-disabled-error" className="admin-field-error">
              {errors.fields.disabled}
            </p>
          ) : null}
        </div>
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={update.isPending || !changed}
        >
          {t('admin.users.save')}
        </button>
      </div>
      <Done message={done} />
    </form>
  );
}

/** Reset another user's password in a dialog; one's own is changed on the account page. */
function UserPassword({ user }: { user: AdminUser }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <div className="admin-password">
      <h4 className="admin-form-title">{t('account.reset.section')}</h4>
      {user.id === me.id ? (
        <p className="admin-hint">
          <Link to="/account">{t('account.reset.self')}</Link>
        </p>
      ) : (
        <>
          <p className="admin-hint">{t('account.reset.hint')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              aria-haspopup="dialog"
              onClick={() => setOpen(true)}
            >
              {t('account.reset.button')}
            </button>
          </div>
          {open ? <ResetPasswordDialog user={user} onClose={close} /> : null}
        </>
      )}
    </div>
  );
}

export function scopeName(
  grant: RoleGrant,
  organizations: readonly Organization[],
  tables: readonly PlanningTable[],
  unknown: string,
): string | null {
  if (grant.scopeType === null || grant.scopeId === null) return null;
  const list: readonly { id: string; name: string }[] =
    grant.scopeType === 'organization' ? organizations : tables;
  return list.find((x) => x.id === grant.scopeId)?.name ?? unknown;
}

function UserRoles({
  user,
  organizations,
  tables,
}: {
  user: AdminUser;
  organizations: readonly Organization[];
  tables: readonly PlanningTable[];
}) {
  const { t } = useI18n();
  const revoke = useRevokeRole();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onRevoke = (grant: RoleGrant) => {
    setDone(null);
    setError(null);
    revoke.mutate(
      { userId: user.id, grant },
      {
        onSuccess: () => setDone(t('admin.roles.revoked', { role: t(`admin.role.${grant.role}`) })),
        onError: (e) => {
          setError(errorMessage(e, t));
          // The button that was pressed may be gone; the message is where attention goes.
          document.getElementById('admin-roles-heading')?.focus();
        },
      },
    );
  };

  return (
    <div className="admin-roles">
      <h4 id="admin-roles-heading" className="admin-form-title" tabIndex={-1}>
        {t('admin.roles.title')}
      </h4>
      <div className="form-error" role="alert">
        {error ?? ''}
      </div>
      {user.roles.length === 0 ? (
        <p className="muted">{t('admin.roles.none')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">
            {t('admin.roles.caption', { name: user.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.grant.role')}</th>
              <th scope="col">{t('admin.roles.scope')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.roles.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {user.roles.map((grant) => {
              const where = scopeName(grant, organizations, tables, t('admin.roles.unknownScope'));
              const roleLabel = t(`admin.role.${grant.role}`);
              return (
                <tr key={`${grant.role}:${grant.scopeType}:${grant.scopeId}`}>
                  <th scope="row">{roleLabel}</th>
                  <td>
                    {where === null ? (
                      <span className="muted">{t('admin.roles.everywhere')}</span>
                    ) : (
                      <>
                        <span className="muted">
                          {t(`admin.scope.${grant.scopeType ?? 'organization'}`)}
                          {': '}
                        </span>
                        {where}
                      </>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={revoke.isPending}
                      aria-label={t('admin.roles.revokeLabel', {
                        role: roleLabel,
                        scope: where ?? t('admin.roles.everywhere'),
                      })}
                      onClick={() => onRevoke(grant)}
                    >
                      {t('admin.roles.revoke')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Done message={done} />
    </div>
  );
}

export function UsersTab() {
  const { t, formatNumber } = useI18n();
  const { userId } = useParams();
  const users = useUsers();
  const organizations = useOrganizations();
  const tables = useTables();
  const list = [...(users.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const selected = userId ? list.find((u) => u.id === userId) : undefined;

  return (
    <section aria-labelledby="admin-users-heading">
      <h2 id="admin-users-heading" className="admin-title">
        {t('admin.tab.users')}
      </h2>
      {users.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : users.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(users.error, t)}
        </p>
      ) : (
        <div className="admin-split">
          <div className="admin-table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('admin.users.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.users.name')}</th>
                  <th scope="col">{t('admin.users.email')}</th>
                  <th scope="col">{t('admin.users.locale')}</th>
                  <th scope="col">{t('admin.users.status')}</th>
                  <th scope="col" className="number">
                    {t('admin.users.roles')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <tr key={u.id} className={u.id === userId ? 'admin-row-selected' : undefined}>
                    <th scope="row">
                      <Link
                        to={`/admin/users/${u.id}`}
                        {...(u.id === userId ? { 'aria-current': 'true' as const } : {})}
                      >
                        {u.name}
                      </Link>
                    </th>
                    <td>{u.email}</td>
                    <td>{t(`language.${u.locale}`)}</td>
                    <td>
                      {u.disabledAt ? (
                        <span className="admin-disabled">
                          <span aria-hidden="true">⊘ </span>
                          {t('admin.users.isDisabled')}
                        </span>
                      ) : (
                        t('admin.users.active')
                      )}
                    </td>
                    <td className="number">{formatNumber(u.roles.length)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {selected ? (
            <section className="panel admin-detail" aria-labelledby="admin-user-heading">
              <h3 id="admin-user-heading" className="admin-subtitle">
                {selected.name}
                <span className="admin-detail-email muted">{selected.email}</span>
              </h3>
              <EditUserForm key={`edit-${selected.id}`} user={selected} />
              <UserPassword key={`password-${selected.id}`} user={selected} />
              <UserRoles
                user={selected}
                organizations={organizations.data ?? []}
                tables={tables.data ?? []}
              />
              <GrantRoleForm
                key={`grant-${selected.id}`}
                userId={selected.id}
                userName={selected.name}
                organizations={organizations.data ?? []}
                tables={tables.data ?? []}
              />
            </section>
          ) : userId ? (
            <p className="panel">{t('admin.users.notFound')}</p>
          ) : (
            <p className="panel muted">{t('admin.users.pick')}</p>
          )}
        </div>
      )}
      <CreateUserForm />
    </section>
  );
}
