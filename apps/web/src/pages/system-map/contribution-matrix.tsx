// Who contributes to what: a table of partner agencies (rows) × results (columns), each cell
// listing the agency's contributing programs and their headline measures' target status and trend.

import { Link } from 'react-router';
import type { User } from '../../api/auth-api';
import type { HeadlineMeasure, MapProgram, SystemMap } from '../../api/system-map-api';
import { TargetStatusBadge, toneOf, trendGlyphs, trendWord } from '../../components/figures';
import { fallbackLang, NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { canSeeProgram, profilePath } from './system-map-access';

type Organization = SystemMap['results'][number]['partners'][number]['organization'];

const trendKeys = {
  up: 'systemMap.trend.up',
  down: 'systemMap.trend.down',
  flat: 'systemMap.trend.flat',
} as const;

/** The partner agencies that contribute to any result, by name. */
export function matrixPartners(map: SystemMap, locale?: string): Organization[] {
  const byId = new Map<string, Organization>();
  for (const result of map.results) {
    for (const partner of result.partners) byId.set(partner.organization.id, partner.organization);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The trend's glyph and word (the map carries no run length): "▼ unfavourable". */
function HeadlineTrend({ measure }: { measure: HeadlineMeasure }) {
  const { t } = useI18n();
  const trend = { trend: measure.trend, favorable: measure.favorable, periods: 0 };
  const tone = measure.trend === 'flat' ? 'neutral' : toneOf(measure.favorable);
  const word = trendWord(trend, t);
  const direction = t(trendKeys[measure.trend]);
  const sentence =
    word && measure.trend !== 'flat'
      ? t('systemMap.trend.sentence', { direction, judgement: word })
      : direction;
  return (
    <span className={`trend-badge figure-tone-${tone}`} title={sentence}>
      <span aria-hidden="true" className="trend-badge-mark">
        {trendGlyphs[measure.trend]}
      </span>
      {word ? (
        <span aria-hidden="true" className="trend-badge-word">
          {word}
        </span>
      ) : null}
      <span className="visually-hidden">{sentence}</span>
    </span>
  );
}

function ProgramEntry({
  program,
  organization,
  tableId,
  user,
}: {
  program: MapProgram;
  organization: Organization;
  tableId: string;
  user: User | null;
}) {
  const { t } = useI18n();
  // Partner staff open their own agency's programs and series; the table's people open all.
  const linked = user !== null && canSeeProgram(user, tableId, organization.id);
  return (
    <li className="matrix-program">
      <span className="matrix-program-name">
        {linked ? (
          <Link to={profilePath(program.id, tableId)}>
            <NameText text={program.name} french={program.nameFr} />
          </Link>
        ) : (
          <NameText text={program.name} french={program.nameFr} />
        )}
      </span>
      {program.headlineMeasures.length === 0 ? (
        <span className="muted matrix-no-headline">{t('systemMap.matrix.noHeadline')}</span>
      ) : (
        <ul className="matrix-measures">
          {program.headlineMeasures.map((measure) => (
            <li key={measure.measureId} className="matrix-measure">
              {linked ? (
                <Link to={`/measures/${encodeURIComponent(measure.measureId)}`}>
                  <NameText text={measure.name} french={measure.nameFr} />
                </Link>
              ) : (
                <span>
                  <NameText text={measure.name} french={measure.nameFr} />
                </span>
              )}
              <span className="matrix-measure-status">
                <TargetStatusBadge status={measure.targetStatus} />
                <HeadlineTrend measure={measure} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function ContributionMatrix({ map, user }: { map: SystemMap; user: User | null }) {
  const { t, locale } = useI18n();
  const partners = matrixPartners(map, locale);

  return (
    <section className="system-map-section" aria-labelledby="system-map-matrix">
      <h2 id="system-map-matrix" className="system-map-section-title">
        {t('systemMap.matrix.title')}
      </h2>
      <p className="muted system-map-section-lead">{t('systemMap.matrix.lead')}</p>
      {map.results.length === 0 ? (
        <p className="notice">{t('systemMap.matrix.noResults')}</p>
      ) : partners.length === 0 ? (
        <p className="notice">{t('systemMap.matrix.noPartners')}</p>
      ) : (
        <div className="system-map-scroll">
          <table className="data-table system-map-matrix">
            <caption className="visually-hidden">{t('systemMap.matrix.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('systemMap.matrix.agency')}</th>
                {map.results.map((result) => (
                  <th key={result.id} scope="col" lang={fallbackLang(locale, result.titleFr)}>
                    {result.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {partners.map((organization) => (
                <tr key={organization.id}>
                  <th scope="row">
                    <span className="matrix-agency-name">
                      <NameText text={organization.name} french={organization.nameFr} />
                    </span>
                  </th>
                  {map.results.map((result) => {
                    const programs =
                      result.partners.find((p) => p.organization.id === organization.id)
                        ?.programs ?? [];
                    return (
                      <td key={result.id}>
                        {programs.length === 0 ? (
                          <span className="matrix-empty">
                            <span aria-hidden="true">–</span>
                            <span className="visually-hidden">
                              {t('systemMap.matrix.noProgram')}
                            </span>
                          </span>
                        ) : (
                          <ul className="matrix-programs">
                            {programs.map((program) => (
                              <ProgramEntry
                                key={program.id}
                                program={program}
                                organization={organization}
                                tableId={map.table.id}
                                user={user}
                              />
                            ))}
                          </ul>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
