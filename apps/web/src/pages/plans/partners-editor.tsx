// Step 3: the partners with a role to play — an organization at the table, or a named outside
// partner — and the role each plays.

import { fallbackLang } from '../../components/name-text';
import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';
import type { DraftPartner } from './plan-draft';
import type { PlanEditing } from './plan-editing';
import { AddButton, EmptyNote, fieldId, ItemControls, SelectField, TextField } from './plan-fields';

/** The organizations to pick from, keeping one already chosen that is no longer offered. */
export function organizationChoices(
  edit: PlanEditing,
  current: string,
  noneLabel: string,
  locale: Locale,
) {
  const options: { value: string; label: string; lang?: 'en' | undefined }[] = [
    { value: '', label: noneLabel },
  ];
  if (current && !edit.organizations.some((o) => o.id === current)) {
    options.push({ value: current, label: edit.organizationName(current) });
  }
  return [
    ...options,
    ...edit.organizations.map((o) => ({
      value: o.id,
      label: o.name,
      lang: fallbackLang(locale, o.nameFr),
    })),
  ];
}

function partnerName(p: DraftPartner, edit: PlanEditing): string {
  return p.kind === 'organization'
    ? p.organizationId
      ? edit.organizationName(p.organizationId)
      : ''
    : p.name;
}

export function PartnersEditor({
  partners,
  edit,
}: {
  partners: DraftPartner[];
  edit: PlanEditing;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="plan-section panel" aria-labelledby="plan-partners-heading">
      <h2 id="plan-partners-heading" className="plan-section-title">
        {t('plans.partners.title')}
      </h2>
      {partners.length === 0 ? <EmptyNote>{t('plans.empty')}</EmptyNote> : null}
      {edit.readOnly ? (
        partners.length > 0 ? (
          <TableScroll labelledBy="plan-partners-heading">
            <table className="data-table plan-table">
              <thead>
                <tr>
                  <th scope="col">{t('plans.partners.partner')}</th>
                  <th scope="col">{t('plans.partners.role')}</th>
                </tr>
              </thead>
              <tbody>
                {partners.map((p) => (
                  <tr key={p.key}>
                    <th scope="row">
                      {partnerName(p, edit)}
                      {p.kind === 'outside' ? (
                        <span className="muted"> {t('plans.partners.outsideTag')}</span>
                      ) : null}
                    </th>
                    <td>{p.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null
      ) : (
        <>
          <ol className="plan-items" aria-labelledby="plan-partners-heading">
            {partners.map((p, index) => (
              <li key={p.key} className="plan-item">
                <div className="plan-item-fields">
                  <SelectField
                    id={fieldId(p.key, 'kind')}
                    label={t('plans.partners.kind')}
                    value={p.kind}
                    options={[
                      { value: 'organization', label: t('plans.partners.kind.organization') },
                      { value: 'outside', label: t('plans.partners.kind.outside') },
                    ]}
                    onChange={(kind) =>
                      edit.update('partners', p.key, { kind: kind as DraftPartner['kind'] })
                    }
                  />
                  {p.kind === 'organization' ? (
                    <SelectField
                      id={fieldId(p.key, 'organizationId')}
                      label={t('plans.partners.organization')}
                      className="plan-field-span2"
                      value={p.organizationId}
                      options={organizationChoices(
                        edit,
                        p.organizationId,
                        t('plans.partners.choose'),
                        locale,
                      )}
                      error={
                        edit.problem(`${p.key}.organizationId`) ?? edit.problem(`${p.key}.name`)
                      }
                      onChange={(organizationId) =>
                        edit.update('partners', p.key, { organizationId })
                      }
                    />
                  ) : (
                    <TextField
                      id={fieldId(p.key, 'name')}
                      label={t('plans.partners.name')}
                      className="plan-field-span2"
                      value={p.name}
                      required
                      error={edit.problem(`${p.key}.name`)}
                      onChange={(name) => edit.update('partners', p.key, { name })}
                    />
                  )}
                  <TextField
                    id={fieldId(p.key, 'role')}
                    label={t('plans.partners.role')}
                    value={p.role}
                    className="plan-field-wide"
                    error={edit.problem(`${p.key}.role`)}
                    onChange={(role) => edit.update('partners', p.key, { role })}
                  />
                </div>
                <ItemControls
                  itemKey={p.key}
                  itemName={
                    partnerName(p, edit) || t('plans.partners.number', { number: index + 1 })
                  }
                  index={index}
                  count={partners.length}
                  onMove={(by) => edit.move('partners', p.key, by)}
                  onRemove={() => edit.remove('partners', p.key)}
                />
              </li>
            ))}
          </ol>
          <AddButton
            id="plan-add-partners"
            label={t('plans.partners.add')}
            onClick={() => edit.add('partners')}
          />
        </>
      )}
    </section>
  );
}
