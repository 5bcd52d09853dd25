// Granting a role: the scope picker offers organizations or planning tables as the role takes
// them (roleScopes), and nothing for an administrator, who acts everywhere.

import { type FormEvent, useState } from 'react';
import {
  type Organization,
  type PlanningTable,
  type Role,
  roleScopes,
  roles,
  type ScopeType,
} from '../../api/admin-api';
import { useI18n } from '../../i18n/i18n-provider';
import { Done, Field, FormMessage, useFormErrors } from './admin-form';
import { useGrantRole } from './use-admin';

export function GrantRoleForm({
  userId,
  userName,
  organizations,
  tables,
}: {
  userId: string;
  userName: string;
  organizations: readonly Organization[];
  tables: readonly PlanningTable[];
}) {
  const { t } = useI18n();
  const grant = useGrantRole();
  const [role, setRole] = useState<Role>('partner_editor');
  const [scopeType, setScopeType] = useState<ScopeType | null>('organization');
  const [scopeId, setScopeId] = useState('');
  const { errors, formRef, summaryRef, refuse, refuseHere, clear } = useFormErrors([
    'role',
    'scopeType',
    'scopeId',
  ]);
  const [done, setDone] = useState<string | null>(null);

  const allowed = roleScopes[role];
  const choices =
    scopeType === 'organization'
      ? [...organizations]
          .filter((o) => o.archivedAt === null)
          .sort((a, b) => a.name.localeCompare(b.name))
      : scopeType === 'table'
        ? [...tables]
            .filter((x) => x.archivedAt === null)
            .sort((a, b) => a.name.localeCompare(b.name))
        : [];

  const chooseRole = (next: Role) => {
    setRole(next);
    const first = roleScopes[next][0] ?? null;
    // Keep the kind of scope when the new role takes it too (a funder at a table, say).
    setScopeType(roleScopes[next].includes(scopeType) ? scopeType : first);
    if (!roleScopes[next].includes(scopeType)) setScopeId('');
    clear();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (scopeType !== null && scopeId === '') {
      refuseHere({ scopeId: t('admin.grant.chooseScopeFirst') });
      return;
    }
    grant.mutate(
      {
        userId,
        grant: { role, scopeType, scopeId: scopeType === null ? null : scopeId },
      },
      {
        onSuccess: () => {
          clear();
          setScopeId('');
          setDone(t('admin.grant.done', { role: t(`admin.role.${role}`), name: userName }));
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
      aria-labelledby="admin-grant-title"
    >
      <h4 id="admin-grant-title" className="admin-form-title">
        {t('admin.grant.title')}
      </h4>
      <FormMessage errors={errors} summaryRef={summaryRef} />
      <div className="admin-form-fields">
        <Field id="admin-grant-role" label={t('admin.grant.role')} error={errors.fields.role}>
          {(props) => (
            <select {...props} value={role} onChange={(e) => chooseRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {allowed.length > 1 ? (
          <fieldset className="admin-fieldset">
            <legend>{t('admin.grant.scopeType')}</legend>
            {allowed.map((type) =>
              type === null ? null : (
                <div key={type} className="admin-radio">
                  <input
                    type="radio"
                    id={`admin-grant-scope-${type}`}
                    name="admin-grant-scope-type"
                    value={type}
                    checked={scopeType === type}
                    onChange={() => {
                      setScopeType(type);
                      setScopeId('');
                    }}
                  />
                  <label htmlFor={`admin-grant-scope-${type}`}>{t(`admin.scope.${type}`)}</label>
                </div>
              ),
            )}
          </fieldset>
        ) : null}
        {scopeType === null ? (
          <p className="admin-hint admin-scope-note">{t('admin.grant.global')}</p>
        ) : (
          <Field
            id="admin-grant-scope"
            label={
              scopeType === 'organization' ? t('admin.grant.organization') : t('admin.grant.table')
            }
            error={errors.fields.scopeId ?? errors.fields.scopeType}
          >
            {(props) => (
              <select {...props} value={scopeId} onChange={(e) => setScopeId(e.target.value)}>
                <option value="">
                  {scopeType === 'organization'
                    ? t('admin.grant.chooseOrganization')
                    : t('admin.grant.chooseTable')}
                </option>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={grant.isPending}>
          {t('admin.grant.submit')}
        </button>
      </div>
      <Done message={done} />
    </form>
  );
}
