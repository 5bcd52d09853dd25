// Step 5: the action plan — who does what by when, and its status; overdue actions flagged as
// the API reports them — and the data development agenda in priority order.

import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n/i18n-provider';
import { organizationChoices } from './partners-editor';
import {
  type ActionStatus,
  actionStatuses,
  type DraftAction,
  type DraftAgendaItem,
} from './plan-draft';
import type { PlanEditing } from './plan-editing';
import { AddButton, EmptyNote, fieldId, ItemControls, SelectField, TextField } from './plan-fields';

function OverdueFlag() {
  const { t } = useI18n();
  return (
    <span className="plan-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('plans.actions.overdue')}
    </span>
  );
}

function ownerText(
  a: DraftAction,
  edit: PlanEditing,
  both: (person: string, org: string) => string,
) {
  const org = a.ownerOrganizationId ? edit.organizationName(a.ownerOrganizationId) : '';
  if (org && a.ownerName) return both(a.ownerName, org);
  return org || a.ownerName;
}

function ActionsList({
  actions,
  overdue,
  edit,
}: {
  actions: DraftAction[];
  overdue: ReadonlySet<string>;
  edit: PlanEditing;
}) {
  const { t, locale, formatDate } = useI18n();
  const statusOptions = actionStatuses.map((s) => ({ value: s, label: t(`plans.status.${s}`) }));
  const isOverdue = (a: DraftAction) => a.id !== undefined && overdue.has(a.id);

  if (edit.readOnly) {
    return actions.length > 0 ? (
      <TableScroll labelledBy="plan-actions-heading">
        <table className="data-table plan-table">
          <thead>
            <tr>
              <th scope="col">{t('plans.actions.action')}</th>
              <th scope="col">{t('plans.actions.owner')}</th>
              <th scope="col">{t('plans.actions.due')}</th>
              <th scope="col">{t('plans.actions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.key}>
                <th scope="row">{a.title}</th>
                <td>
                  {ownerText(a, edit, (person, organization) =>
                    t('plans.actions.ownerBoth', { person, organization }),
                  )}
                </td>
                <td className="nowrap">
                  {a.dueDate ? (
                    formatDate(a.dueDate)
                  ) : (
                    <span className="muted">{t('plans.actions.noDate')}</span>
                  )}
                </td>
                <td>
                  {t(`plans.status.${a.status}`)}
                  {isOverdue(a) ? <OverdueFlag /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    ) : null;
  }

  return (
    <>
      <ol className="plan-items" aria-labelledby="plan-actions-heading">
        {actions.map((a, index) => (
          <li key={a.key} className={`plan-item${isOverdue(a) ? ' plan-item-overdue' : ''}`}>
            <div className="plan-item-fields">
              <TextField
                id={fieldId(a.key, 'title')}
                label={t('plans.actions.action')}
                value={a.title}
                required
                className="plan-field-wide"
                error={edit.problem(`${a.key}.title`)}
                onChange={(title) => edit.update('actions', a.key, { title })}
              />
              <SelectField
                id={fieldId(a.key, 'ownerOrganizationId')}
                label={t('plans.actions.ownerOrganization')}
                className="plan-field-span2"
                value={a.ownerOrganizationId}
                options={organizationChoices(
                  edit,
                  a.ownerOrganizationId,
                  t('plans.actions.noOrganization'),
                  locale,
                )}
                error={edit.problem(`${a.key}.ownerOrganizationId`)}
                onChange={(ownerOrganizationId) =>
                  edit.update('actions', a.key, { ownerOrganizationId })
                }
              />
              <TextField
                id={fieldId(a.key, 'ownerName')}
                label={t('plans.actions.ownerName')}
                value={a.ownerName}
                error={edit.problem(`${a.key}.ownerName`)}
                onChange={(ownerName) => edit.update('actions', a.key, { ownerName })}
              />
              <TextField
                id={fieldId(a.key, 'dueDate')}
                label={t('plans.actions.due')}
                type="date"
                value={a.dueDate}
                error={edit.problem(`${a.key}.dueDate`)}
                onChange={(dueDate) => edit.update('actions', a.key, { dueDate })}
              />
              <SelectField
                id={fieldId(a.key, 'status')}
                label={t('plans.actions.status')}
                value={a.status}
                options={statusOptions}
                onChange={(status) =>
                  edit.update('actions', a.key, { status: status as ActionStatus })
                }
              />
              {isOverdue(a) ? (
                <p className="plan-field plan-overdue-field">
                  <OverdueFlag />
                </p>
              ) : null}
            </div>
            <ItemControls
              itemKey={a.key}
              itemName={a.title.trim() || t('plans.actions.number', { number: index + 1 })}
              index={index}
              count={actions.length}
              onMove={(by) => edit.move('actions', a.key, by)}
              onRemove={() => edit.remove('actions', a.key)}
            />
          </li>
        ))}
      </ol>
      <AddButton
        id="plan-add-actions"
        label={t('plans.actions.add')}
        onClick={() => edit.add('actions')}
      />
    </>
  );
}

function AgendaList({ agenda, edit }: { agenda: DraftAgendaItem[]; edit: PlanEditing }) {
  const { t } = useI18n();
  if (edit.readOnly) {
    return agenda.length > 0 ? (
      <ol className="agenda-list" aria-labelledby="plan-agenda-heading">
        {agenda.map((d) => (
          <li key={d.key}>
            <strong>{d.name}</strong>
            {d.description ? <span className="evidence">{d.description}</span> : null}
          </li>
        ))}
      </ol>
    ) : null;
  }
  return (
    <>
      <ol className="plan-items plan-items-numbered" aria-labelledby="plan-agenda-heading">
        {agenda.map((d, index) => (
          <li key={d.key} className="plan-item">
            <span className="plan-priority" aria-hidden="true">
              {index + 1}
            </span>
            <div className="plan-item-fields">
              <TextField
                id={fieldId(d.key, 'name')}
                label={t('plans.agenda.name')}
                className="plan-field-wide"
                value={d.name}
                required
                error={edit.problem(`${d.key}.name`)}
                onChange={(name) => edit.update('dataDevelopmentAgenda', d.key, { name })}
              />
              <TextField
                id={fieldId(d.key, 'description')}
                label={t('plans.agenda.description')}
                value={d.description}
                className="plan-field-wide"
                error={edit.problem(`${d.key}.description`)}
                onChange={(description) =>
                  edit.update('dataDevelopmentAgenda', d.key, { description })
                }
              />
            </div>
            <ItemControls
              itemKey={d.key}
              itemName={d.name.trim() || t('plans.agenda.number', { number: index + 1 })}
              index={index}
              count={agenda.length}
              onMove={(by) => edit.move('dataDevelopmentAgenda', d.key, by)}
              onRemove={() => edit.remove('dataDevelopmentAgenda', d.key)}
            />
          </li>
        ))}
      </ol>
      <AddButton
        id="plan-add-dataDevelopmentAgenda"
        label={t('plans.agenda.add')}
        onClick={() => edit.add('dataDevelopmentAgenda')}
      />
    </>
  );
}

export function ActionsEditor({
  actions,
  agenda,
  overdue,
  edit,
}: {
  actions: DraftAction[];
  agenda: DraftAgendaItem[];
  overdue: ReadonlySet<string>;
  edit: PlanEditing;
}) {
  const { t } = useI18n();
  return (
    <section className="plan-section panel" aria-labelledby="plan-actions-heading">
      <h2 id="plan-actions-heading" className="plan-section-title">
        {t('plans.actions.title')}
      </h2>
      {actions.length === 0 ? <EmptyNote>{t('plans.empty')}</EmptyNote> : null}
      <ActionsList actions={actions} overdue={overdue} edit={edit} />
      <div className="plan-subsection">
        <h3 id="plan-agenda-heading" className="plan-subtitle">
          {t('plans.agenda.title')}
        </h3>
        <p className="muted plan-hint">{t('plans.agenda.hint')}</p>
        {agenda.length === 0 ? <EmptyNote>{t('plans.empty')}</EmptyNote> : null}
        <AgendaList agenda={agenda} edit={edit} />
      </div>
    </section>
  );
}
