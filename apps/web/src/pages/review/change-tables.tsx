// The quarter's figures beside the previous quarter's, by program and category: each measure's
// total with the change the API reports, and its breakdown cells beneath.

import { changeSinceBaseline } from '@rba/domain';
import { useId } from 'react';
import type { EntryMeasure, EntrySheet } from '../../api/entry-api';
import { changeText } from '../../components/figures/change-text';
import { NameText } from '../../components/name-text';
import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n/i18n-provider';
import {
  breakdownRows,
  categoryIcon,
  categoryTitle,
  findCell,
  groupSheet,
} from '../data-entry/entry-sheet-model';
import { Figure } from '../data-entry/figure-inputs';
import { useFigureFormat } from '../data-entry/use-figure-format';

/** A quarter's name that may wrap between its year and its quarter, never inside the year. */
function PeriodHeading({ label }: { label: string }) {
  const { periodName } = useI18n();
  const [year = '', ...rest] = periodName(label).split(' ');
  return (
    <>
      <span className="nowrap">{year}</span>
      {rest.length > 0 ? ` ${rest.join(' ')}` : null}
    </>
  );
}

export function ChangeTables({ sheet }: { sheet: EntrySheet }) {
  const { t } = useI18n();
  const groups = groupSheet(sheet);
  const previous = sheet.periods[sheet.periods.length - 2];
  const idBase = useId();
  if (groups.length === 0) return <p className="notice">{t('review.detail.noMeasures')}</p>;
  return (
    <>
      {groups.map((program) => (
        <section
          key={program.id}
          aria-labelledby={`${idBase}-${program.id}`}
          className="review-program"
        >
          <h3 id={`${idBase}-${program.id}`} className="review-program-title">
            <NameText text={program.name} french={program.nameFr} />
          </h3>
          {program.categories.map((group) => {
            const category = group.category ?? 'none';
            const captionId = `${idBase}-${program.id}-${category}`;
            return (
              <TableScroll
                key={category}
                className="review-table-wrap"
                labelledBy={`${idBase}-${program.id} ${captionId}`}
              >
                <table className="data-table review-changes" aria-labelledby={captionId}>
                  <caption id={captionId}>
                    <span aria-hidden="true" className="review-category-icon">
                      {categoryIcon[category]}
                    </span>{' '}
                    {t(categoryTitle[category])}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('review.col.measure')}</th>
                      {previous ? (
                        <th scope="col" className="number">
                          <PeriodHeading label={previous.label} />
                        </th>
                      ) : null}
                      <th scope="col" className="number">
                        <PeriodHeading label={sheet.period.label} />
                      </th>
                      <th scope="col" className="number">
                        {t('review.col.change')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.measures.map((m) => (
                      <MeasureChange
                        key={m.id}
                        measure={m}
                        previous={previous?.label ?? null}
                        current={sheet.period.label}
                      />
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            );
          })}
        </section>
      ))}
    </>
  );
}

function MeasureChange({
  measure,
  previous,
  current,
}: {
  measure: EntryMeasure;
  previous: string | null;
  current: string;
}) {
  const { t } = useI18n();
  const format = useFigureFormat();
  const note = findCell(measure, current)?.note;
  const parts = breakdownRows(measure).filter(
    (r) =>
      findCell(measure, current, r.breakdown) ||
      (previous !== null && findCell(measure, previous, r.breakdown)),
  );
  return (
    <>
      <tr>
        <th scope="row">
          <NameText text={measure.name} french={measure.nameFr} />
          {note ? <p className="review-cell-note">{t('review.detail.note', { note })}</p> : null}
        </th>
        {previous !== null ? (
          <td className="number">
            <Figure text={format.figure(measure, findCell(measure, previous))} />
          </td>
        ) : null}
        <td className="number review-current">
          <Figure text={format.figure(measure, findCell(measure, current))} />
        </td>
        <td className="number">
          <Change measure={measure} previous={previous} current={current} />
        </td>
      </tr>
      {parts.map((r) => (
        <tr key={JSON.stringify(r.breakdown)} className="review-part">
          <th scope="row">
            <span className="review-part-name">{r.labels.join(', ')}</span>
          </th>
          {previous !== null ? (
            <td className="number">
              <Figure text={format.figure(measure, findCell(measure, previous, r.breakdown))} />
            </td>
          ) : null}
          <td className="number review-current">
            <Figure text={format.figure(measure, findCell(measure, current, r.breakdown))} />
          </td>
          <td />
        </tr>
      ))}
    </>
  );
}

/** The change since the previous quarter (the domain's rule: points for percents and rates, else
 * relative): a glyph, the signed figure, and whether it helps. */
function Change({
  measure,
  previous,
  current,
}: {
  measure: EntryMeasure;
  previous: string | null;
  current: string;
}) {
  const { t, locale } = useI18n();
  const before = previous === null ? null : (findCell(measure, previous)?.value ?? null);
  const since = changeSinceBaseline(findCell(measure, current)?.value ?? null, before, measure);
  if (since.change === null) return <Figure text={null} />;
  const { change } = since;
  if (change === 0) {
    return (
      <span className="review-change review-change-flat">
        <span aria-hidden="true">■ </span>
        {t('review.change.none')}
      </span>
    );
  }
  const favourable = since.favorable === true;
  return (
    <span
      className={`review-change ${favourable ? 'review-change-favourable' : 'review-change-unfavourable'}`}
    >
      <span aria-hidden="true">{change > 0 ? '▲ ' : '▼ '}</span>
      {changeText(t, locale, change, since.changeUnit, measure.decimals)}
      <span className="visually-hidden">
        {' '}
        {t(favourable ? 'review.change.favourable' : 'review.change.unfavourable')}
      </span>
    </span>
  );
}
