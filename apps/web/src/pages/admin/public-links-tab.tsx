// Public scorecard links of a planning table: publish one (its address is shown once, with a copy
// button and an embed snippet), see which are live, and revoke one, which stops it at once.

import { type FormEvent, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type NewPublicLink, type PlanningTable, publicScorecardUrl } from '../../api/admin-api';
import { errorMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-provider';
import { Done, Field, FormMessage, useFormErrors } from './admin-form';
import { useCreatePublicLink, usePublicLinks, useRevokePublicLink, useTables } from './use-admin';

export function embedSnippet(url: string, title: string): string {
  const quoted = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const attributes: [string, string][] = [
    ['src', url],
    ['title', title],
    ['width', '100%'],
    ['height', '900'],
    ['style', 'border:0'],
    ['loading', 'lazy'],
  ];
  return `<iframe ${attributes.map(([name, value]) => `${name}="${quoted(value)}"`).join(' ')}></iframe>`;
}

/** Copies text with the clipboard API, else by selecting it in its field; says which worked. */
async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return false;
  }
}

function CopyField({
  id,
  label,
  value,
  multiline = false,
}: {
  id: string;
  label: string;
  value: string;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  return (
    <div className="field admin-field admin-copy">
      <label htmlFor={id}>{label}</label>
      <div className="admin-copy-row">
        {multiline ? (
          <textarea
            id={id}
            ref={area}
            readOnly
            rows={3}
            value={value}
            onFocus={(e) => e.target.select()}
          />
        ) : (
          <input id={id} ref={input} readOnly value={value} onFocus={(e) => e.target.select()} />
        )}
        <button
          type="button"
          className="button"
          aria-describedby={`${id}-copied`}
          onClick={async () =>
            setCopied(
              (await copyText(value, multiline ? area.current : input.current)) ? 'yes' : 'select',
            )
          }
        >
          {t('admin.links.copy')}
        </button>
      </div>
      <p id={`${id}-copied`} className="admin-done" role="status">
        {copied === 'yes'
          ? t('admin.links.copied')
          : copied === 'select'
            ? t('admin.links.copyManually')
            : ''}
      </p>
    </div>
  );
}

function NewLinkPanel({
  link,
  table,
  onDismiss,
}: {
  link: NewPublicLink;
  table: Pick<PlanningTable, 'id' | 'name'>;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  const url = publicScorecardUrl(window.location.origin, link.token);
  return (
    <section className="admin-new-link" aria-labelledby="admin-new-link-heading">
      <h3 id="admin-new-link-heading" className="admin-subtitle" tabIndex={-1}>
        {t('admin.links.newTitle')}
      </h3>
      <p className="admin-warning">
        <span aria-hidden="true">⚠ </span>
        {t('admin.links.onlyOnce')}
      </p>
      <CopyField id="admin-link-url" label={t('admin.links.url')} value={url} />
      <CopyField
        id="admin-link-embed"
        label={t('admin.links.embed')}
        value={embedSnippet(url, t('admin.links.iframeTitle', { name: table.name }))}
        multiline
      />
      <div className="button-row">
        <button type="button" className="button" onClick={onDismiss}>
          {t('admin.links.dismiss')}
        </button>
      </div>
    </section>
  );
}

/** One table's public links; also shown to the table's coordinators on its scorecard. */
export function TableLinks({ table }: { table: Pick<PlanningTable, 'id' | 'name'> }) {
  const { t, formatDate } = useI18n();
  const links = usePublicLinks(table.id);
  const create = useCreatePublicLink();
  const revoke = useRevokePublicLink();
  const [label, setLabel] = useState('');
  const [fresh, setFresh] = useState<NewPublicLink | null>(null);
  const { errors, formRef, summaryRef, refuse, clear } = useFormErrors(['label']);
  const [done, setDone] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    create.mutate(
      { tableId: table.id, label: label.trim() === '' ? null : label.trim() },
      {
        onSuccess: (link) => {
          clear();
          setLabel('');
          setFresh(link);
          // The address is shown once: bring the person to it.
          setTimeout(() => document.getElementById('admin-new-link-heading')?.focus(), 0);
        },
        onError: refuse,
      },
    );
  };

  const onRevoke = (linkId: string, name: string) => {
    setDone(null);
    revoke.mutate(
      { tableId: table.id, linkId },
      {
        onSuccess: () => {
          clear();
          setDone(t('admin.links.revoked', { name }));
          document.getElementById('admin-links-heading')?.focus();
        },
        onError: refuse,
      },
    );
  };

  const items = links.data ?? [];
  return (
    <section className="panel admin-detail" aria-labelledby="admin-links-heading">
      <h3 id="admin-links-heading" className="admin-subtitle" tabIndex={-1}>
        {t('admin.links.of', { name: table.name })}
      </h3>
      {fresh ? <NewLinkPanel link={fresh} table={table} onDismiss={() => setFresh(null)} /> : null}
      <FormMessage errors={errors} summaryRef={summaryRef} />
      {links.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : links.isError ? (
        <p className="form-error">{errorMessage(links.error, t)}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('admin.links.none')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">
            {t('admin.links.caption', { name: table.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.links.label')}</th>
              <th scope="col">{t('admin.created')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.links.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((link) => {
              const name = link.label ?? t('admin.links.unlabelled');
              return (
                <tr key={link.id}>
                  <th scope="row">{name}</th>
                  <td className="nowrap">
                    {formatDate(link.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </td>
                  <td>
                    {link.revokedAt ? (
                      <span className="muted">
                        <span aria-hidden="true">⊘ </span>
                        {t('admin.links.revokedOn', { date: formatDate(link.revokedAt) })}
                      </span>
                    ) : (
                      <span className="admin-live">
                        <span aria-hidden="true">● </span>
                        {t('admin.links.live')}
                      </span>
                    )}
                  </td>
                  <td>
                    {link.revokedAt ? null : (
                      <button
                        type="button"
                        className="button"
                        disabled={revoke.isPending}
                        aria-label={t('admin.links.revokeLabel', { name })}
                        onClick={() => onRevoke(link.id, name)}
                      >
                        {t('admin.links.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form ref={formRef} className="admin-form admin-inline-form" onSubmit={submit} noValidate>
        <Field
          id="admin-link-label"
          label={t('admin.links.labelField')}
          hint={t('admin.links.labelHint')}
          error={errors.fields.label}
        >
          {(props) => <input {...props} value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.links.publish')}
        </button>
      </form>
      <Done message={done} />
    </section>
  );
}

export function PublicLinksTab() {
  const { t } = useI18n();
  const { tableId } = useParams();
  const navigate = useNavigate();
  const tables = useTables();
  const list = [...(tables.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const only = list.length === 1 ? list[0] : undefined;
  const selected = list.find((x) => x.id === tableId) ?? (tableId ? undefined : only);

  return (
    <section aria-labelledby="admin-public-heading">
      <h2 id="admin-public-heading" className="admin-title">
        {t('admin.tab.publicLinks')}
      </h2>
      <p className="admin-lead">{t('admin.links.lead')}</p>
      {tables.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : tables.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(tables.error, t)}
        </p>
      ) : (
        <>
          <div className="field admin-field admin-picker">
            <label htmlFor="admin-links-table">{t('admin.links.table')}</label>
            <select
              id="admin-links-table"
              value={selected?.id ?? ''}
              onChange={(e) => void navigate(`/admin/public-links/${e.target.value}`)}
            >
              <option value="" disabled>
                {t('admin.links.chooseTable')}
              </option>
              {list.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          {selected ? <TableLinks key={selected.id} table={selected} /> : null}
        </>
      )}
    </section>
  );
}
