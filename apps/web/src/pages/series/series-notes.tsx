// The notes people wrote on the figures, newest first. Funders are not given the stored figures
// (the API answers 403), so for them the section is left out.

import type { Observation } from '@rba/schema';
import { comparePeriodLabels } from '../../charts/curve-rows';
import { useI18n } from '../../i18n/i18n-provider';

export function notedFigures(observations: readonly Observation[]): Observation[] {
  return observations
    .filter((o) => Object.keys(o.breakdown).length === 0 && o.note !== null && o.note.trim() !== '')
    .sort((a, b) => comparePeriodLabels(b.period, a.period));
}

export function SeriesNotes({ observations }: { observations: readonly Observation[] }) {
  const { t, periodName } = useI18n();
  const noted = notedFigures(observations);
  return (
    <section className="series-notes" aria-labelledby="series-notes-title">
      <h2 id="series-notes-title" className="section-title">
        {t('series.notes.title')}
      </h2>
      {noted.length === 0 ? (
        <p className="muted">{t('series.notes.none')}</p>
      ) : (
        <dl className="series-notes-list">
          {noted.map((o) => (
            <div key={o.id}>
              <dt>{periodName(o.period)}</dt>
              <dd>{o.note}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
