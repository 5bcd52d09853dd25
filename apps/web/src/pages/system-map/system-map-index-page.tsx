// The system map's front page: straight to the map when one planning table is visible, else a
// choice of tables.

import { Link, Navigate } from 'react-router';
import { errorMessage } from '../../api/error-message';
import { NameText } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { systemMapPath } from './system-map-access';
import './system-map.css';
import { useTables } from './use-system-map';

export function SystemMapIndexPage() {
  const { t } = useI18n();
  const tables = useTables();
  const live = (tables.data ?? []).filter((table) => table.archivedAt === null);
  const only = live.length === 1 ? live[0] : undefined;
  if (only) return <Navigate to={systemMapPath(only.id)} replace />;

  return (
    <PageLayout title={t('systemMap.title')}>
      <p className="lead">{t('systemMap.index.lead')}</p>
      {tables.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : tables.isError ? (
        <div className="notice" role="alert">
          <p>{errorMessage(tables.error, t)}</p>
          <button type="button" className="button" onClick={() => void tables.refetch()}>
            {t('errors.retry')}
          </button>
        </div>
      ) : live.length === 0 ? (
        <p className="notice">{t('systemMap.index.none')}</p>
      ) : (
        <section className="panel system-map-index" aria-labelledby="system-map-tables">
          <h2 id="system-map-tables" className="section-title">
            {t('systemMap.index.tables')}
          </h2>
          <ul className="system-map-index-list">
            {live.map((table) => (
              <li key={table.id} className="system-map-index-item">
                <Link to={systemMapPath(table.id)} className="system-map-index-link">
                  <NameText text={table.name} french={table.nameFr} />
                </Link>
                <span className="muted">
                  <NameText text={table.population} french={table.populationFr} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </PageLayout>
  );
}
