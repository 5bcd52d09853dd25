// A planning table's system map: who contributes to what, the service coverage grid with its
// gaps and possible duplication, and the call-outs; filters in the address, a CSV export and a
// printable landscape page.

import { useId, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/error-message';
import {
  downloadSystemMapCsv,
  type SystemMap,
  type SystemMapQuery,
} from '../../api/system-map-api';
import { useCurrentUser } from '../../auth/auth-provider';
import { fallbackLang } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { networkPath } from '../partnerships/partnerships-access';
import { ContributionMatrix } from './contribution-matrix';
import { CellDetails, type CellRef, CoverageGrid, CoverageLegend, cellKey } from './coverage-grid';
import { serviceTypeLang, serviceTypeName } from './labels';
import { MapCallouts } from './map-callouts';
import { type FilterOptions, MapFilters, PrintedFilters } from './map-filters';
import { useMapSearch } from './system-map-search';
import './system-map.css';
import {
  isMissing,
  useDimensions,
  useServiceTypes,
  useSystemMap,
  useTableResults,
  useTables,
} from './use-system-map';

type DownloadStatus =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; file: string }
  | { state: 'failed'; message: string };

function MapActions({ tableId, query }: { tableId: string; query: SystemMapQuery }) {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<DownloadStatus>({ state: 'idle' });
  const statusId = useId();
  const download = async () => {
    setStatus({ state: 'busy' });
    try {
      setStatus({ state: 'done', file: await downloadSystemMapCsv(tableId, query, locale) });
    } catch (error) {
      setStatus({ state: 'failed', message: errorMessage(error, t) });
    }
  };
  return (
    <div className="system-map-actions no-print">
      <button
        type="button"
        className="button"
        disabled={status.state === 'busy'}
        aria-describedby={statusId}
        onClick={() => void download()}
      >
        {t('systemMap.export.csv')}
      </button>
      <button type="button" className="button" onClick={() => window.print()}>
        {t('systemMap.print')}
      </button>
      <span
        id={statusId}
        role="status"
        className={`system-map-download${status.state === 'failed' ? ' system-map-download-failed' : ''}`}
      >
        {status.state === 'busy'
          ? t('systemMap.export.busy')
          : status.state === 'done'
            ? t('systemMap.export.done', { file: status.file })
            : status.state === 'failed'
              ? t('systemMap.export.failed', { message: status.message })
              : ''}
      </span>
    </div>
  );
}

function CoverageSection({ map, frenchOnly }: { map: SystemMap; frenchOnly: boolean }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const panelId = useId();
  const [selected, setSelected] = useState<CellRef | null>(null);
  const cells = frenchOnly ? map.frenchCoverage.cells : map.coverage.cells;
  const cell = selected ? cells.find((c) => cellKey(c) === cellKey(selected)) : undefined;
  const type = map.coverage.serviceTypes.find((s) => s.code === cell?.serviceType);
  const value = map.coverage.values.find((v) => v.code === cell?.value);

  const close = () => {
    const key = selected ? cellKey(selected) : null;
    setSelected(null);
    if (key) document.getElementById(`coverage-cell-${key}`)?.focus();
  };

  return (
    <section
      className="system-map-section system-map-coverage"
      aria-labelledby="system-map-coverage"
    >
      <h2 id="system-map-coverage" className="system-map-section-title">
        {t(frenchOnly ? 'systemMap.grid.titleFrench' : 'systemMap.grid.title')}
      </h2>
      <p className="muted system-map-section-lead">{t('systemMap.grid.lead')}</p>
      <CoverageLegend by={map.coverage.by} />
      {map.coverage.serviceTypes.length === 0 || map.coverage.values.length === 0 ? (
        <p className="notice">
          {t(map.coverage.by === 'region' ? 'systemMap.grid.noRegions' : 'systemMap.grid.noAges')}
        </p>
      ) : (
        <CoverageGrid
          coverage={map.coverage}
          cells={cells}
          frenchOnly={frenchOnly}
          selected={cell ? selected : null}
          onSelect={(next) =>
            setSelected(selected && cellKey(selected) === cellKey(next) ? null : next)
          }
          panelId={panelId}
        />
      )}
      {cell ? (
        <CellDetails
          cell={cell}
          serviceName={serviceTypeName(cell.serviceType, type?.name, t)}
          valueLabel={value?.label ?? cell.value}
          serviceLang={serviceTypeLang(cell.serviceType, type?.nameFr, locale)}
          valueLang={value ? fallbackLang(locale, value.labelFr) : undefined}
          frenchOnly={frenchOnly}
          tableId={map.table.id}
          user={user}
          panelId={panelId}
          onClose={close}
        />
      ) : null}
    </section>
  );
}

export function SystemMapPage() {
  const { tableId = '' } = useParams();
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const search = useMapSearch();
  const map = useSystemMap(tableId, search.query);
  const results = useTableResults(tableId);
  const serviceTypes = useServiceTypes();
  const dimensions = useDimensions();
  const tables = useTables();
  const data = map.data;

  const options = useMemo<FilterOptions>(() => {
    const dimension = dimensions.data?.find((d) => d.code === search.query.by);
    return {
      results: (results.data ?? []).filter((r) => r.archivedAt === null),
      serviceTypes: serviceTypes.data ?? data?.coverage.serviceTypes ?? [],
      values: dimension?.values ?? data?.coverage.values ?? [],
    };
  }, [dimensions.data, results.data, serviceTypes.data, data, search.query.by]);

  const severalTables = (tables.data ?? []).filter((table) => table.archivedAt === null).length > 1;
  const title = data ? data.table.name : t('systemMap.title');

  return (
    <PageLayout
      title={title}
      titleLang={data ? fallbackLang(locale, data.table.nameFr) : undefined}
      actions={data ? <MapActions tableId={tableId} query={search.query} /> : undefined}
    >
      <div className="system-map-page">
        <p className="system-map-kicker">
          {t('systemMap.title')}
          {severalTables ? (
            <>
              {' · '}
              <Link to="/system-map" className="no-print">
                {t('systemMap.otherTables')}
              </Link>
            </>
          ) : null}
          <span className="no-print">
            {' · '}
            <Link to={networkPath(tableId)}>{t('partnerships.systemMapLink')}</Link>
          </span>
        </p>
        {map.isPending ? (
          <p className="muted">{t('app.loading')}</p>
        ) : map.isError && !data ? (
          isMissing(map.error) ? (
            <p className="notice">{t('systemMap.notFound')}</p>
          ) : (
            <div className="notice" role="alert">
              <p>{errorMessage(map.error, t)}</p>
              <button type="button" className="button" onClick={() => void map.refetch()}>
                {t('errors.retry')}
              </button>
            </div>
          )
        ) : data ? (
          <div className="system-map-body" aria-busy={map.isPlaceholderData}>
            <p className="lead no-print">{t('systemMap.lead')}</p>
            <MapFilters search={search} options={options} />
            <PrintedFilters search={search} options={options} />
            {map.isError ? (
              <p className="notice" role="alert">
                {errorMessage(map.error, t)}
              </p>
            ) : null}
            <ContributionMatrix map={data} user={user} />
            <CoverageSection map={data} frenchOnly={search.frenchOnly} />
            <MapCallouts
              map={data}
              user={user}
              frenchOnly={search.frenchOnly}
              onShowFrench={() => {
                search.setFrenchOnly(true);
                document.getElementById('system-map-coverage')?.scrollIntoView();
              }}
            />
          </div>
        ) : null}
      </div>
    </PageLayout>
  );
}
