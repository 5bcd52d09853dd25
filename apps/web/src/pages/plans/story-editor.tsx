// Step 2: the story behind the curve — the forces pushing it up and down, and the narrative.

import { useT } from '../../i18n/i18n-provider';
import type { DraftForce, PlanDraft } from './plan-draft';
import type { PlanEditing } from './plan-editing';
import { AddButton, EmptyNote, fieldId, ItemControls, TextField } from './plan-fields';

function ForcesList({
  list,
  title,
  forces,
  edit,
}: {
  list: 'forcesUp' | 'forcesDown';
  title: string;
  forces: DraftForce[];
  edit: PlanEditing;
}) {
  const t = useT();
  const headingId = `plan-${list}-heading`;
  return (
    <div className="plan-subsection">
      <h3 id={headingId} className="plan-subtitle">
        {title}
      </h3>
      {forces.length === 0 ? <EmptyNote>{t('plans.empty')}</EmptyNote> : null}
      {edit.readOnly ? (
        forces.length > 0 ? (
          <ul className="plain-list" aria-labelledby={headingId}>
            {forces.map((f) => (
              <li key={f.key}>
                {f.text}
                {f.evidence ? (
                  <span className="evidence">
                    {t('plans.story.evidenceIs', { evidence: f.evidence })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null
      ) : (
        <>
          <ol className="plan-items" aria-labelledby={headingId}>
            {forces.map((f, index) => (
              <li key={f.key} className="plan-item">
                <div className="plan-item-fields plan-item-fields-wide">
                  <TextField
                    id={fieldId(f.key, 'text')}
                    label={t('plans.story.force')}
                    value={f.text}
                    required
                    error={edit.problem(`${f.key}.text`)}
                    onChange={(text) => edit.update(list, f.key, { text })}
                  />
                  <TextField
                    id={fieldId(f.key, 'evidence')}
                    label={t('plans.story.evidence')}
                    value={f.evidence}
                    error={edit.problem(`${f.key}.evidence`)}
                    onChange={(evidence) => edit.update(list, f.key, { evidence })}
                  />
                </div>
                <ItemControls
                  itemKey={f.key}
                  itemName={f.text.trim() || t('plans.story.forceNumber', { number: index + 1 })}
                  index={index}
                  count={forces.length}
                  onMove={(by) => edit.move(list, f.key, by)}
                  onRemove={() => edit.remove(list, f.key)}
                />
              </li>
            ))}
          </ol>
          <AddButton
            id={`plan-add-${list}`}
            label={list === 'forcesUp' ? t('plans.story.addUp') : t('plans.story.addDown')}
            onClick={() => edit.add(list)}
          />
        </>
      )}
    </div>
  );
}

export function StoryEditor({ story, edit }: { story: PlanDraft['story']; edit: PlanEditing }) {
  const t = useT();
  return (
    <section className="plan-section panel" aria-labelledby="plan-story-heading">
      <h2 id="plan-story-heading" className="plan-section-title">
        {t('plans.story.title')}
      </h2>
      <p className="muted plan-hint">{t('plans.story.hint')}</p>
      <div className="plan-columns">
        <ForcesList
          list="forcesUp"
          title={t('plans.story.forcesUp')}
          forces={story.forcesUp}
          edit={edit}
        />
        <ForcesList
          list="forcesDown"
          title={t('plans.story.forcesDown')}
          forces={story.forcesDown}
          edit={edit}
        />
      </div>
      {edit.readOnly ? (
        <div className="plan-subsection">
          <h3 className="plan-subtitle">{t('plans.story.narrative')}</h3>
          {story.narrative.trim() ? (
            <p className="narrative">{story.narrative}</p>
          ) : (
            <EmptyNote>{t('plans.empty')}</EmptyNote>
          )}
        </div>
      ) : (
        <TextField
          id="plan-story-narrative"
          label={t('plans.story.narrative')}
          value={story.narrative}
          multiline
          className="plan-narrative"
          error={edit.problem('story.narrative')}
          onChange={edit.setNarrative}
        />
      )}
    </section>
  );
}
