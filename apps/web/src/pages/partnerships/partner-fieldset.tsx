// One partner agency in the survey form: a fieldset named by the agency, with how closely the two
// work together as a group of six named radios and, from networking up, the three trust and three
// value items (1–4), what the partner contributes and how the relationship could be stronger.
// Native radios and checkboxes, so arrows move within a group and Tab between groups.

import { useId } from 'react';
import {
  type Contribution,
  contributionCodes,
  type Level,
  levels,
  type OrganizationRef,
} from '../../api/partnerships-api';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { needsRatings, type PartnerDraft, type RatingTriple, setRating } from './response-draft';

const ratingItems = [0, 1, 2] as const;
const scale = [1, 2, 3, 4] as const;

function RatingGroup({
  name,
  legend,
  low,
  high,
  rating,
  disabled,
  onChange,
}: {
  name: string;
  legend: string;
  low: string;
  high: string;
  rating: number | null;
  disabled: boolean;
  onChange: (rating: number) => void;
}) {
  return (
    <fieldset className="survey-rating" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="survey-rating-scale">
        {scale.map((n) => (
          <label key={n} className="survey-choice">
            <input
              type="radio"
              name={name}
              value={n}
              checked={rating === n}
              onChange={() => onChange(n)}
            />
            <span>{n === 1 ? low : n === 4 ? high : n}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function RatingSet({
  kind,
  name,
  ratings,
  disabled,
  onChange,
}: {
  kind: 'trust' | 'value';
  name: string;
  ratings: RatingTriple;
  disabled: boolean;
  onChange: (next: RatingTriple) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="survey-ratings" disabled={disabled}>
      <legend>{t(`partnerships.form.${kind}.legend`)}</legend>
      {ratingItems.map((index) => (
        <RatingGroup
          key={index}
          name={`${name}-${kind}-${index}`}
          legend={t(`partnerships.${kind}.${index}`)}
          low={t(`partnerships.form.${kind}.low`)}
          high={t(`partnerships.form.${kind}.high`)}
          rating={ratings[index]}
          disabled={disabled}
          onChange={(rating) => onChange(setRating(ratings, index, rating))}
        />
      ))}
    </fieldset>
  );
}

export function PartnerFieldset({
  organization,
  draft,
  disabled,
  onChange,
}: {
  organization: OrganizationRef;
  draft: PartnerDraft;
  disabled: boolean;
  onChange: (next: PartnerDraft) => void;
}) {
  const { t } = useI18n();
  const name = useId();
  const hintId = (level: Level) => `${name}-level-${level}-hint`;
  const commentId = `${name}-comment`;
  const missing = needsRatings(draft);

  const toggle = (code: Contribution, on: boolean) =>
    onChange({
      ...draft,
      contributions: on
        ? [...draft.contributions, code]
        : draft.contributions.filter((c) => c !== code),
    });

  return (
    <fieldset className="survey-partner" disabled={disabled} id={`partner-${organization.id}`}>
      <legend className="survey-partner-name">
        <NameText text={organization.name} french={organization.nameFr} />
      </legend>

      <fieldset className="survey-level">
        <legend>{t('partnerships.form.level.legend')}</legend>
        <div className="survey-level-choices">
          {levels.map((level) => (
            <div key={level} className="survey-level-choice">
              <label className="survey-choice">
                <input
                  type="radio"
                  name={`${name}-level`}
                  value={level}
                  checked={draft.level === level}
                  aria-describedby={hintId(level)}
                  onChange={() => onChange({ ...draft, level })}
                />
                <span className="survey-level-name">{t(`partnerships.level.${level}`)}</span>
              </label>
              <span id={hintId(level)} className="survey-level-hint muted">
                {t(`partnerships.level.${level}.hint`)}
              </span>
            </div>
          ))}
        </div>
      </fieldset>

      {draft.level !== null && draft.level >= 1 ? (
        <div className="survey-partner-more">
          {missing ? (
            <p className="survey-needs muted">
              {t('partnerships.form.needsRatings', { agency: organization.name })}
            </p>
          ) : null}
          <RatingSet
            kind="trust"
            name={name}
            ratings={draft.trust}
            disabled={disabled}
            onChange={(trust) => onChange({ ...draft, trust })}
          />
          <RatingSet
            kind="value"
            name={name}
            ratings={draft.value}
            disabled={disabled}
            onChange={(value) => onChange({ ...draft, value })}
          />
          <fieldset className="survey-contributions">
            <legend>{t('partnerships.form.contributions.legend')}</legend>
            <div className="survey-contribution-choices">
              {contributionCodes.map((code) => (
                <label key={code} className="survey-choice">
                  <input
                    type="checkbox"
                    checked={draft.contributions.includes(code)}
                    onChange={(event) => toggle(code, event.target.checked)}
                  />
                  <span>{t(`partnerships.contribution.${code}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field survey-comment">
            <label htmlFor={commentId}>{t('partnerships.form.comment')}</label>
            <textarea
              id={commentId}
              rows={2}
              maxLength={2000}
              value={draft.comment}
              onChange={(event) => onChange({ ...draft, comment: event.target.value })}
            />
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
