// Step 4: what works — ideas with their source, their cost (no-cost and low-cost ones count), and
// whether the table chose them.

import { TableScroll } from '../../components/table-scroll';
import { useT } from '../../i18n/i18n-provider';
import { type Cost, costs, type DraftIdea } from './plan-draft';
import type { PlanEditing } from './plan-editing';
import {
  AddButton,
  CheckboxField,
  EmptyNote,
  fieldId,
  ItemControls,
  SelectField,
  TextField,
} from './plan-fields';

export function WhatWorksEditor({ ideas, edit }: { ideas: DraftIdea[]; edit: PlanEditing }) {
  const t = useT();
  const costOptions = costs.map((cost) => ({ value: cost, label: t(`plans.cost.${cost}`) }));
  return (
    <section className="plan-section panel" aria-labelledby="plan-whatworks-heading">
      <h2 id="plan-whatworks-heading" className="plan-section-title">
        {t('plans.whatWorks.title')}
      </h2>
      <p className="muted plan-hint">{t('plans.whatWorks.hint')}</p>
      {ideas.length === 0 ? <EmptyNote>{t('plans.empty')}</EmptyNote> : null}
      {edit.readOnly ? (
        ideas.length > 0 ? (
          <TableScroll labelledBy="plan-whatworks-heading">
            <table className="data-table plan-table">
              <thead>
                <tr>
                  <th scope="col">{t('plans.whatWorks.idea')}</th>
                  <th scope="col">{t('plans.whatWorks.source')}</th>
                  <th scope="col">{t('plans.whatWorks.cost')}</th>
                  <th scope="col">{t('plans.whatWorks.chosen')}</th>
                </tr>
              </thead>
              <tbody>
                {ideas.map((w) => (
                  <tr key={w.key}>
                    <th scope="row">{w.idea}</th>
                    <td>{w.source}</td>
                    <td>
                      <span className={`cost-badge cost-${w.cost}`}>
                        {t(`plans.cost.${w.cost}`)}
                      </span>
                    </td>
                    <td>
                      {w.chosen ? (
                        <>
                          <span aria-hidden="true">✓ </span>
                          {t('plans.whatWorks.isChosen')}
                        </>
                      ) : (
                        <span className="muted">{t('plans.whatWorks.notChosen')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null
      ) : (
        <>
          <ol className="plan-items" aria-labelledby="plan-whatworks-heading">
            {ideas.map((w, index) => (
              <li key={w.key} className="plan-item">
                <div className="plan-item-fields">
                  <TextField
                    id={fieldId(w.key, 'idea')}
                    label={t('plans.whatWorks.idea')}
                    value={w.idea}
                    required
                    className="plan-field-wide"
                    error={edit.problem(`${w.key}.idea`)}
                    onChange={(idea) => edit.update('whatWorks', w.key, { idea })}
                  />
                  <TextField
                    id={fieldId(w.key, 'source')}
                    label={t('plans.whatWorks.source')}
                    value={w.source}
                    error={edit.problem(`${w.key}.source`)}
                    onChange={(source) => edit.update('whatWorks', w.key, { source })}
                  />
                  <SelectField
                    id={fieldId(w.key, 'cost')}
                    label={t('plans.whatWorks.cost')}
                    value={w.cost}
                    options={costOptions}
                    onChange={(cost) => edit.update('whatWorks', w.key, { cost: cost as Cost })}
                  />
                  <CheckboxField
                    id={fieldId(w.key, 'chosen')}
                    label={t('plans.whatWorks.chosen')}
                    checked={w.chosen}
                    onChange={(chosen) => edit.update('whatWorks', w.key, { chosen })}
                  />
                </div>
                <ItemControls
                  itemKey={w.key}
                  itemName={w.idea.trim() || t('plans.whatWorks.number', { number: index + 1 })}
                  index={index}
                  count={ideas.length}
                  onMove={(by) => edit.move('whatWorks', w.key, by)}
                  onRemove={() => edit.remove('whatWorks', w.key)}
                />
              </li>
            ))}
          </ol>
          <AddButton
            id="plan-add-whatWorks"
            label={t('plans.whatWorks.add')}
            onClick={() => edit.add('whatWorks')}
          />
        </>
      )}
    </section>
  );
}
