// What the table should look at besides the grids: results no program works toward, programs
// that work toward no result, programs without a profile, and where French-language service is
// missing though the service exists.

import { Link } from 'react-router';
import type { User } from '../../api/auth-api';
import type { ProgramRef, SystemMap } from '../../api/system-map-api';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { langText, useRichMessage } from '../../i18n/rich-message';
import { cellKey } from './coverage-grid';
import { serviceTypeLang, serviceTypeName } from './labels';
import { canEditProfile, canSeeProgram, profilePath } from './system-map-access';

/** Cells where the service is offered but no program offers it in French. */
export function frenchGaps(map: SystemMap) {
  const french = new Map(map.frenchCoverage.cells.map((cell) => [cellKey(cell), cell]));
  return map.coverage.cells.filter(
    (cell) => cell.status !== 'gap' && french.get(cellKey(cell))?.status === 'gap',
  );
}

function ProgramList({
  programs,
  tableId,
  user,
  withProfileAction,
}: {
  programs: ProgramRef[];
  tableId: string;
  user: User | null;
  withProfileAction: boolean;
}) {
  const { t } = useI18n();
  return (
    <ul className="callout-list">
      {programs.map((program) => {
        const visible = user !== null && canSeeProgram(user, tableId, program.organization.id);
        const editable = user !== null && canEditProfile(user, program.organization.id);
        return (
          <li key={program.id}>
            {visible && !withProfileAction ? (
              <Link to={profilePath(program.id, tableId)}>
                <NameText text={program.name} french={program.nameFr} />
              </Link>
            ) : (
              <span className="callout-program">
                <NameText text={program.name} french={program.nameFr} />
              </span>
            )}{' '}
            <span className="muted">
              <NameText text={program.organization.name} french={program.organization.nameFr} />
            </span>
            {withProfileAction && visible ? (
              <>
                {' '}
                <Link
                  to={profilePath(program.id, tableId)}
                  className="callout-action no-print"
                  aria-label={t(
                    editable
                      ? 'systemMap.callouts.fillProfileOf'
                      : 'systemMap.callouts.openProfileOf',
                    { program: program.name },
                  )}
                >
                  {t(
                    editable ? 'systemMap.callouts.fillProfile' : 'systemMap.callouts.openProfile',
                  )}
                </Link>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function MapCallouts({
  map,
  user,
  frenchOnly,
  onShowFrench,
}: {
  map: SystemMap;
  user: User | null;
  frenchOnly: boolean;
  onShowFrench: () => void;
}) {
  const { t, locale } = useI18n();
  const rich = useRichMessage();
  const values = new Map(map.coverage.values.map((v) => [v.code, v]));
  const types = new Map(map.coverage.serviceTypes.map((s) => [s.code, s]));
  const missingFrench = frenchGaps(map);
  const tableId = map.table.id;

  return (
    <section className="system-map-section" aria-labelledby="system-map-callouts">
      <h2 id="system-map-callouts" className="system-map-section-title">
        {t('systemMap.callouts.title')}
      </h2>
      <div className="system-map-callouts">
        <section className="panel callout" aria-labelledby="callout-results">
          <h3 id="callout-results" className="callout-title">
            {t('systemMap.callouts.unlinkedResults', { count: map.unlinkedResults.length })}
          </h3>
          {map.unlinkedResults.length === 0 ? (
            <p className="muted">{t('systemMap.callouts.noUnlinkedResults')}</p>
          ) : (
            <ul className="callout-list">
              {map.unlinkedResults.map((result) => (
                <li key={result.id}>
                  <NameText text={result.title} french={result.titleFr} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel callout" aria-labelledby="callout-programs">
          <h3 id="callout-programs" className="callout-title">
            {t('systemMap.callouts.unlinkedPrograms', { count: map.unlinkedPrograms.length })}
          </h3>
          {map.unlinkedPrograms.length === 0 ? (
            <p className="muted">{t('systemMap.callouts.noUnlinkedPrograms')}</p>
          ) : (
            <ProgramList
              programs={map.unlinkedPrograms}
              tableId={tableId}
              user={user}
              withProfileAction={false}
            />
          )}
        </section>
        <section className="panel callout" aria-labelledby="callout-profiles">
          <h3 id="callout-profiles" className="callout-title">
            {t('systemMap.callouts.unprofiled', { count: map.unprofiledPrograms.length })}
          </h3>
          {map.unprofiledPrograms.length === 0 ? (
            <p className="muted">{t('systemMap.callouts.noUnprofiled')}</p>
          ) : (
            <>
              <p className="muted">{t('systemMap.callouts.unprofiledLead')}</p>
              <ProgramList
                programs={map.unprofiledPrograms}
                tableId={tableId}
                user={user}
                withProfileAction
              />
            </>
          )}
        </section>
        <section className="panel callout" aria-labelledby="callout-french">
          <h3 id="callout-french" className="callout-title">
            {t('systemMap.callouts.french')}
          </h3>
          {missingFrench.length === 0 ? (
            <p className="muted">{t('systemMap.callouts.frenchEverywhere')}</p>
          ) : (
            <>
              <p className="muted">{t('systemMap.callouts.frenchLead')}</p>
              <ul className="callout-list">
                {missingFrench.map((cell) => (
                  <li key={cellKey(cell)}>
                    {rich('systemMap.callouts.frenchGap', {
                      service: langText(
                        serviceTypeName(cell.serviceType, types.get(cell.serviceType)?.name, t),
                        serviceTypeLang(
                          cell.serviceType,
                          types.get(cell.serviceType)?.nameFr,
                          locale,
                        ),
                      ),
                      value: values.has(cell.value) ? (
                        <NameText
                          text={values.get(cell.value)?.label ?? cell.value}
                          french={values.get(cell.value)?.labelFr}
                        />
                      ) : (
                        cell.value
                      ),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {frenchOnly ? null : (
            <div className="button-row no-print">
              <button type="button" className="button" onClick={onShowFrench}>
                {t('systemMap.callouts.showFrench')}
              </button>
            </div>
          )}
        </section>
      </div>
    </section>
  );
}
