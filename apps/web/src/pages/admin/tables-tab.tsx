// Planning tables: the list (archive and bring back), a new table, and one table's partner
// agencies (add and remove).

import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PlanningTable } from '../../api/admin-api';
import { errorMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-provider';
import { Done, Field, type FormErrors, FormMessage, formErrors, noErrors } from './admin-form';
import {
  useAddPartner,
  useArchiveTable,
  useCreateTable,
  useOrganizations,
  useRemovePartner,
  useTablePartners,
  useTables,
} from './use-admin';

function CreateTableForm() {
  const { t } = useI18n();
  const create = useCreateTable();
  const [name, setName] = useState('');
  const [population, setPopulation] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    create.mutate(
      {
        name: name.trim(),
        population: population.trim(),
        description: description.trim() === '' ? null : description.trim(),
      },
      {
        onSuccess: (table) => {
          setErrors(noErrors);
          setName('');
          setPopulation('');
          setDescription('');
          setDone(t('admin.tables.created', { name: table.name }));
        },
        onError: (error) => setErrors(formErrors(error, t)),
      },
    );
  };

  return (
    <form
      className="admin-form panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="admin-table-new"
    >
      <h3 id="admin-table-new" className="admin-form-title">
        {t('admin.tables.new')}
      </h3>
      <FormMessage errors={errors} />
      <div className="admin-form-fields">
        <Field id="admin-table-name" label={t('admin.tables.name')} error={errors.fields.name}>
          {(props) => (
            <input {...props} value={name} onChange={(e) => setName(e.target.value)} required />
          )}
        </Field>
        <Field
          id="admin-table-population"
          label={t('admin.tables.population')}
          hint={t('admin.tables.populationHint')}
          error={errors.fields.population}
        >
          {(props) => (
            <input
              {...props}
              value={population}
              onChange={(e) => setPopulation(e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          id="admin-table-description"
          label={t('admin.tables.description')}
          error={errors.fields.description}
          className="admin-field-wide"
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.tables.create')}
        </button>
      </div>
      <Done message={done} />
    </form>
  );
}

function TablePartners({ table }: { table: PlanningTable }) {
  const { t } = useI18n();
  const partners = useTablePartners(table.id);
  const organizations = useOrganizations();
  const add = useAddPartner();
  const remove = useRemovePartner();
  const [organizationId, setOrganizationId] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState<string | null>(null);

  const current = partners.data ?? [];
  const candidates = (organizations.data ?? [])
    // Funders read a table through their role, not as partners (the API refuses them).
    .filter(
      (o) =>
        o.archivedAt === null &&
        o.kind !== 'funder' &&
        !current.some((p) => p.organization.id === o.id),
    )
    .sort((a, b) => a.name.localeCompare(b.name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (organizationId === '') {
      setErrors({ general: null, fields: { organizationId: t('admin.partners.chooseFirst') } });
      document.getElementById('admin-partner-org')?.focus();
      return;
    }
    add.mutate(
      { tableId: table.id, organizationId },
      {
        onSuccess: (partner) => {
          setErrors(noErrors);
          setOrganizationId('');
          setDone(t('admin.partners.added', { name: partner.organization.name }));
        },
        onError: (error) => setErrors(formErrors(error, t)),
      },
    );
  };

  const onRemove = (id: string, name: string) => {
    setDone(null);
    remove.mutate(
      { tableId: table.id, organizationId: id },
      {
        onSuccess: () => {
          setErrors(noErrors);
          setDone(t('admin.partners.removed', { name }));
          document.getElementById('admin-partners-heading')?.focus();
        },
        onError: (error) => setErrors(formErrors(error, t)),
      },
    );
  };

  return (
    <section className="panel admin-detail" aria-labelledby="admin-partners-heading">
      <h3 id="admin-partners-heading" className="admin-subtitle" tabIndex={-1}>
        {t('admin.partners.title', { name: table.name })}
      </h3>
      <FormMessage errors={errors} />
      {partners.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : partners.isError ? (
        <p className="form-error">{errorMessage(partners.error, t)}</p>
      ) : current.length === 0 ? (
        <p className="muted">{t('admin.partners.none')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">
            {t('admin.partners.caption', { name: table.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.orgs.name')}</th>
              <th scope="col">{t('admin.orgs.code')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.partners.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...current]
              .sort((a, b) => a.organization.name.localeCompare(b.organization.name))
              .map((p) => (
                <tr key={p.organization.id}>
                  <th scope="row">{p.organization.name}</th>
                  <td>{p.organization.code}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={remove.isPending}
                      aria-label={t('admin.partners.removeLabel', { name: p.organization.name })}
                      onClick={() => onRemove(p.organization.id, p.organization.name)}
                    >
                      {t('admin.partners.remove')}
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <form className="admin-form admin-inline-form" onSubmit={submit} noValidate>
        <Field
          id="admin-partner-org"
          label={t('admin.partners.add')}
          error={errors.fields.organizationId}
        >
          {(props) => (
            <select
              {...props}
              value={organizationId}
              onChange={(e) => setOrganizationId(e.target.value)}
            >
              <option value="">{t('admin.partners.choose')}</option>
              {candidates.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {t('admin.partners.addButton')}
        </button>
      </form>
      <Done message={done} />
    </section>
  );
}

export function TablesTab() {
  const { t, formatDate } = useI18n();
  const { tableId } = useParams();
  const tables = useTables();
  const archive = useArchiveTable();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = [...(tables.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const selected = tableId ? list.find((x) => x.id === tableId) : undefined;

  const toggle = (table: PlanningTable) => {
    const archived = table.archivedAt === null;
    setDone(null);
    setError(null);
    archive.mutate(
      { tableId: table.id, archived },
      {
        onSuccess: () =>
          setDone(
            archived
              ? t('admin.tables.archived', { name: table.name })
              : t('admin.tables.restored', { name: table.name }),
          ),
        onError: (e) => setError(errorMessage(e, t)),
      },
    );
  };

  return (
    <section aria-labelledby="admin-tables-heading">
      <h2 id="admin-tables-heading" className="admin-title">
        {t('admin.tab.tables')}
      </h2>
      <div className="form-error" role="alert">
        {error ?? ''}
      </div>
      {tables.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : tables.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(tables.error, t)}
        </p>
      ) : (
        <div className="admin-table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('admin.tables.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.tables.name')}</th>
                <th scope="col">{t('admin.tables.population')}</th>
                <th scope="col">{t('admin.users.status')}</th>
                <th scope="col">{t('admin.created')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.tables.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((table) => (
                <tr
                  key={table.id}
                  className={table.id === tableId ? 'admin-row-selected' : undefined}
                >
                  <th scope="row">{table.name}</th>
                  <td>{table.population}</td>
                  <td>
                    {table.archivedAt
                      ? t('admin.tables.isArchived', { date: formatDate(table.archivedAt) })
                      : t('admin.tables.active')}
                  </td>
                  <td className="nowrap">{formatDate(table.createdAt)}</td>
                  <td>
                    <div className="admin-row-actions">
                      <Link
                        to={`/admin/tables/${table.id}`}
                        className="button"
                        aria-label={t('admin.tables.partnersOf', { name: table.name })}
                        {...(table.id === tableId ? { 'aria-current': 'true' as const } : {})}
                      >
                        {t('admin.tables.partners')}
                      </Link>
                      <button
                        type="button"
                        className="button"
                        disabled={archive.isPending}
                        aria-label={
                          table.archivedAt
                            ? t('admin.tables.restoreLabel', { name: table.name })
                            : t('admin.tables.archiveLabel', { name: table.name })
                        }
                        onClick={() => toggle(table)}
                      >
                        {table.archivedAt ? t('admin.tables.restore') : t('admin.tables.archive')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Done message={done} />
      {selected ? <TablePartners key={selected.id} table={selected} /> : null}
      <CreateTableForm />
    </section>
  );
}
