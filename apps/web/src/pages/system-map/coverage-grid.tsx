// The coverage grid: service types (rows) × regions or age groups (columns). Each cell counts the
// programs offering that service there and their capacity; gaps and possible duplication carry an
// icon and a word. Every cell is a button that opens the programs behind it.

import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import type { User } from '../../api/auth-api';
import type { CellStatus, CoverageBy, CoverageCell, SystemMap } from '../../api/system-map-api';
import { fallbackLang, NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { langText, useRichMessage } from '../../i18n/rich-message';
import { serviceTypeLang, serviceTypeName } from './labels';
import { canSeeProgram, profilePath } from './system-map-access';

export const statusGlyphs: Record<CellStatus, string> = {
  gap: '✕',
  duplication: '◎',
  covered: '✓',
};

const statusKeys = {
  gap: 'systemMap.status.gap',
  duplication: 'systemMap.status.duplication',
  covered: 'systemMap.status.covered',
} as const;

export interface CellRef {
  serviceType: string;
  value: string;
}

export const cellKey = (cell: CellRef) => `${cell.serviceType}|${cell.value}`;

/** The icon and word of a cell's status. Covered cells show theirs only to screen readers. */
export function CellStatusMark({
  status,
  showCovered = false,
}: {
  status: CellStatus;
  /** Show the covered mark too (the grid leaves it out so gaps and duplication stand out). */
  showCovered?: boolean;
}) {
  const { t } = useI18n();
  if (status === 'covered' && !showCovered) {
    return <span className="visually-hidden">{t(statusKeys.covered)}</span>;
  }
  return (
    <span className={`cell-status cell-status-${status}`}>
      <span aria-hidden="true" className="cell-status-icon">
        {statusGlyphs[status]}
      </span>{' '}
      {t(statusKeys[status])}
    </span>
  );
}

function useCellText() {
  const { t } = useI18n();
  return {
    programs: (cell: CoverageCell) =>
      cell.programs.length === 0
        ? t('systemMap.cell.noProgram')
        : cell.programs.length === 1
          ? t('systemMap.cell.programOne')
          : t('systemMap.cell.programMany', { count: cell.programs.length }),
    capacity: (cell: CoverageCell) =>
      cell.programs.length === 0
        ? null
        : cell.capacity === null
          ? t('systemMap.cell.capacityUnknown')
          : t('systemMap.cell.capacity', { capacity: cell.capacity }),
  };
}

export function CoverageLegend({ by }: { by: CoverageBy }) {
  const { t } = useI18n();
  return (
    <dl className="coverage-legend">
      <dt>
        <CellStatusMark status="gap" />
      </dt>
      <dd>{t('systemMap.legend.gap')}</dd>
      <dt>
        <CellStatusMark status="duplication" />
      </dt>
      <dd>
        {t(
          by === 'region'
            ? 'systemMap.legend.duplicationRegion'
            : 'systemMap.legend.duplicationAge',
        )}
      </dd>
      <dt>
        <CellStatusMark status="covered" showCovered />
      </dt>
      <dd>{t('systemMap.legend.covered')}</dd>
    </dl>
  );
}

export function CoverageGrid({
  coverage,
  cells,
  frenchOnly,
  selected,
  onSelect,
  panelId,
}: {
  coverage: SystemMap['coverage'];
  /** The cells to show: all programs, or only those serving in French. */
  cells: CoverageCell[];
  frenchOnly: boolean;
  selected: CellRef | null;
  onSelect: (cell: CellRef) => void;
  panelId: string;
}) {
  const { t, locale } = useI18n();
  const rich = useRichMessage();
  const text = useCellText();
  const byKey = new Map(cells.map((cell) => [cellKey(cell), cell]));
  const byRegion = coverage.by === 'region';
  const caption = frenchOnly
    ? t(byRegion ? 'systemMap.grid.captionFrenchRegion' : 'systemMap.grid.captionFrenchAge')
    : t(byRegion ? 'systemMap.grid.captionRegion' : 'systemMap.grid.captionAge');

  return (
    <div className="system-map-scroll">
      <table className="data-table coverage-grid">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('systemMap.grid.serviceType')}</th>
            {coverage.values.map((value) => (
              <th key={value.code} scope="col" lang={fallbackLang(locale, value.labelFr)}>
                {value.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {coverage.serviceTypes.map((type) => {
            const typeName = serviceTypeName(type.code, type.name, t);
            const typeLang = serviceTypeLang(type.code, type.nameFr, locale);
            return (
              <tr key={type.code}>
                <th scope="row" lang={typeLang}>
                  {typeName}
                </th>
                {coverage.values.map((value) => {
                  const cell = byKey.get(cellKey({ serviceType: type.code, value: value.code }));
                  if (!cell) return <td key={value.code} />;
                  const isSelected = selected !== null && cellKey(selected) === cellKey(cell);
                  const capacity = text.capacity(cell);
                  return (
                    <td key={value.code} className={`coverage-cell coverage-${cell.status}`}>
                      <button
                        type="button"
                        id={`coverage-cell-${cellKey(cell)}`}
                        className="coverage-button"
                        aria-expanded={isSelected}
                        aria-controls={isSelected ? panelId : undefined}
                        onClick={() => onSelect(cell)}
                      >
                        <span className="visually-hidden">
                          {rich('systemMap.cell.where', {
                            service: langText(typeName, typeLang),
                            value: langText(value.label, fallbackLang(locale, value.labelFr)),
                          })}
                        </span>
                        <CellStatusMark status={cell.status} />
                        <span className="coverage-count">{text.programs(cell)}</span>
                        {capacity ? <span className="coverage-capacity">{capacity}</span> : null}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The programs behind one cell, with their agency and a way to their profile. */
export function CellDetails({
  cell,
  serviceName,
  valueLabel,
  serviceLang,
  valueLang,
  frenchOnly,
  tableId,
  user,
  panelId,
  onClose,
}: {
  cell: CoverageCell;
  serviceName: string;
  valueLabel: string;
  /** `'en'` when the service type's or the value's name is the English fallback. */
  serviceLang?: 'en' | undefined;
  valueLang?: 'en' | undefined;
  frenchOnly: boolean;
  tableId: string;
  user: User | null;
  panelId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const rich = useRichMessage();
  const service = langText(serviceName, serviceLang);
  const value = langText(valueLabel, valueLang);
  const text = useCellText();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const capacity = text.capacity(cell);
  const key = cellKey(cell);

  // Opening a cell moves focus here; a new cell is a new announcement.
  useEffect(() => {
    if (key) heading.current?.focus();
  }, [key]);

  return (
    <section
      id={panelId}
      className="panel cell-details"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1} className="cell-details-title">
        {rich('systemMap.details.title', { service, value })}
      </h3>
      <p className="cell-details-summary">
        <CellStatusMark status={cell.status} showCovered />
        <span>{text.programs(cell)}</span>
        {capacity ? <span>{capacity}</span> : null}
      </p>
      {frenchOnly ? <p className="muted">{t('systemMap.details.frenchOnly')}</p> : null}
      {cell.status === 'duplication' ? (
        <p className="muted">{t('systemMap.details.duplicationNote')}</p>
      ) : null}
      {cell.programs.length === 0 ? (
        <p>
          {rich(frenchOnly ? 'systemMap.details.gapFrench' : 'systemMap.details.gap', {
            service,
            value,
          })}
        </p>
      ) : (
        <table className="data-table cell-details-table">
          <caption className="visually-hidden">
            {rich('systemMap.details.caption', { service, value })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('systemMap.details.program')}</th>
              <th scope="col">{t('systemMap.details.agency')}</th>
              <th scope="col">{t('systemMap.details.profile')}</th>
            </tr>
          </thead>
          <tbody>
            {cell.programs.map((program) => (
              <tr key={program.id}>
                <th scope="row">
                  <NameText text={program.name} french={program.nameFr} />
                </th>
                <td>
                  <NameText text={program.organization.name} french={program.organization.nameFr} />
                </td>
                <td>
                  {user && canSeeProgram(user, tableId, program.organization.id) ? (
                    <Link
                      to={profilePath(program.id, tableId)}
                      aria-label={t('systemMap.details.profileOf', { program: program.name })}
                    >
                      {t('systemMap.details.profileLink')}
                    </Link>
                  ) : (
                    <span className="muted">{t('systemMap.details.profileHidden')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row no-print">
        <button type="button" className="button" onClick={onClose}>
          {t('systemMap.details.close')}
        </button>
      </div>
    </section>
  );
}
