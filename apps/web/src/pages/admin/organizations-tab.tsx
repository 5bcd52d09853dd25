// Organizations: the agencies, funders and backbone staff of the collaborative, and a new one.

import { type FormEvent, useState } from 'react';
import { type OrganizationKind, organizationKinds } from '../../api/admin-api';
import { errorMessage } from '../../api/error-message';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { Done, Field, FormMessage, TwinFields, useFormErrors } from './admin-form';
import { useCreateOrganization, useOrganizations } from './use-admin';

function CreateOrganizationForm() {
  const { t } = useI18n();
  const create = useCreateOrganization();
  const [code, setCode] = useState('');
  const [name, setName] = useState({ en: '', fr: '' });
  const [kind, setKind] = useState<OrganizationKind>('agency');
  const { errors, formRef, summaryRef, refuse, clear } = useFormErrors([
    'code',
    'name',
    'nameFr',
    'kind',
  ]);
  const [done, setDone] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const french = name.fr.trim();
    create.mutate(
      { code: code.trim(), name: name.en.trim(), ...(french ? { nameFr: french } : {}), kind },
      {
        onSuccess: (created) => {
          clear();
          setCode('');
          setName({ en: '', fr: '' });
          setDone(t('admin.orgs.created', { name: created.name }));
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
      aria-labelledby="admin-org-new"
    >
      <h3 id="admin-org-new" className="admin-form-title">
        {t('admin.orgs.new')}
      </h3>
      <FormMessage errors={errors} summaryRef={summaryRef} />
      <div className="admin-form-fields">
        <Field
          id="admin-org-code"
          label={t('admin.orgs.code')}
          hint={t('admin.orgs.codeHint')}
          error={errors.fields.code}
        >
          {(props) => (
            <input {...props} value={code} onChange={(e) => setCode(e.target.value)} required />
          )}
        </Field>
        <TwinFields
          id="admin-org-name"
          labels={{ en: t('admin.orgs.nameEn'), fr: t('admin.orgs.nameFr') }}
          values={name}
          onChange={(lang, value) => setName((n) => ({ ...n, [lang]: value }))}
          errors={{ en: errors.fields.name, fr: errors.fields.nameFr }}
          required
        />
        <Field id="admin-org-kind" label={t('admin.orgs.kind')} error={errors.fields.kind}>
          {(props) => (
            <select
              {...props}
              value={kind}
              onChange={(e) => setKind(e.target.value as OrganizationKind)}
            >
              {organizationKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.orgs.create')}
        </button>
      </div>
      <Done message={done} />
    </form>
  );
}

export function OrganizationsTab() {
  const { t, formatDate } = useI18n();
  const organizations = useOrganizations();
  const rows = [...(organizations.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="admin-orgs-heading">
      <h2 id="admin-orgs-heading" className="admin-title">
        {t('admin.tab.organizations')}
      </h2>
      {organizations.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : organizations.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(organizations.error, t)}
        </p>
      ) : (
        <div className="admin-table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('admin.orgs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.orgs.name')}</th>
                <th scope="col">{t('admin.orgs.code')}</th>
                <th scope="col">{t('admin.orgs.kind')}</th>
                <th scope="col">{t('admin.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <NameText text={o.name} french={o.nameFr} />
                    {o.archivedAt ? <span className="muted"> {t('admin.archivedTag')}</span> : null}
                  </th>
                  <td>{o.code}</td>
                  <td>{t(`admin.kind.${o.kind}`)}</td>
                  <td className="nowrap">{formatDate(o.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateOrganizationForm />
    </section>
  );
}
