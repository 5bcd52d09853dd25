// Planning tables: the list (archive and bring back), a new table, and one table: its texts in
// English and French, and its partner agencies (add and remove).

import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PlanningTable } from '../../api/admin-api';
import { errorMessage } from '../../api/error-message';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { Done, Field, FormMessage, useFormErrors } from './admin-form';
import { CreateTableForm, EditTableForm } from './table-forms';
import {
  useAddPartner,
  useArchiveTable,
  useOrganizations,
  useRemovePartner,
  useTablePartners,
  useTables,
} from './use-admin';

function TablePartners({ table }: { table: PlanningTable }) {
  const { t } = useI18n();
  const partners = useTablePartners(table.id);
  const organizations = useOrganizations();
  const add = useAddPartner();
  const remove = useRemovePartner();
  const [organizationId, setOrganizationId] = useState('');
  const { errors, formRef, summaryRef, refuse, refuseHere, clear } = useFormErrors([
    'organizationId',
  ]);
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
      refuseHere({ organizationId: t('admin.partners.chooseFirst') });
      return;
    }
    add.mutate(
      { tableId: table.id, organizationId },
      {
        onSuccess: (partner) => {
          clear();
          setOrganizationId('');
          setDone(t('admin.partners.added', { name: partner.organization.name }));
        },
        onError: refuse,
      },
    );
  };

  const onRemove = (id: string, name: string) => {
    setDone(null);
    remove.mutate(
      { tableId: table.id, organizationId: id },
      {
        onSuccess: () => {
          clear();
          setDone(t('admin.partners.removed', { name }));
          document.getElementById('admin-partners-heading')?.focus();
        },
        onError: refuse,
      },
    );
  };

  return (
    <section className="admin-partners" aria-labelledby="admin-partners-heading">
      <h4 id="admin-partners-heading" className="admin-form-title" tabIndex={-1}>
        {t('admin.partners.title', { name: table.name })}
      </h4>
      <FormMessage errors={errors} summaryRef={summaryRef} />
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
                  <th scope="row">
                    <NameText text={p.organization.name} french={p.organization.nameFr} />
                  </th>
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
      <form ref={formRef} className="admin-form admin-inline-form" onSubmit={submit} noValidate>
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
                  <th scope="row">
                    <NameText text={table.name} french={table.nameFr} />
                  </th>
                  <td>
                    <NameText text={table.population} french={table.populationFr} />
                  </td>
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
                        aria-label={t('admin.tables.editLabel', { name: table.name })}
                        {...(table.id === tableId ? { 'aria-current': 'true' as const } : {})}
                      >
                        {t('admin.tables.edit')}
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
      {selected ? (
        <section className="panel admin-detail" aria-labelledby="admin-table-heading">
          <h3 id="admin-table-heading" className="admin-subtitle">
            <NameText text={selected.name} french={selected.nameFr} />
          </h3>
          <EditTableForm
            key={selected.id}
            tableId={selected.id}
            title={t('admin.tables.editTitle', { name: selected.name })}
          />
          <TablePartners key={`partners-${selected.id}`} table={selected} />
        </section>
      ) : null}
      <CreateTableForm />
    </section>
  );
}
