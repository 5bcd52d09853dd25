// The partner network of a planning table (issue #23): a survey's network drawn and tabled, and
// a second survey beside it to see what changed (each chosen from a picker; both in the address).
// The earlier survey stands on the left, the later on the right, and a table of the figures of
// both says what changed.

import './partnerships.css';
import { type ReactNode, useId, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/error-message';
import type { PartnershipSurvey, SurveyNetwork } from '../../api/partnerships-api';
import { PageLayout } from '../../components/page-layout';
import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n/i18n-provider';
import { formatChange, formatFigure } from './network-format';
import { figureKeys, figureOf } from './network-model';
import { NetworkView } from './network-view';
import { partnershipsPath, tableSurveysPath } from './partnerships-access';
import { useSurveyNetwork, useTableSurveys, useTables } from './use-partnerships';

const none = 'none';

const byOpens = (a: PartnershipSurvey, b: PartnershipSurvey) =>
  a.opens.localeCompare(b.opens) || a.title.localeCompare(b.title);

/** The survey shown first: the latest closed one, else the latest. */
function defaultSurvey(surveys: readonly PartnershipSurvey[]): PartnershipSurvey | undefined {
  const sorted = [...surveys].sort(byOpens);
  return sorted.filter((s) => s.state === 'closed').at(-1) ?? sorted.at(-1);
}

function SurveyPicker({
  label,
  value,
  surveys,
  allowNone,
  onChange,
}: {
  label: string;
  value: string;
  surveys: readonly PartnershipSurvey[];
  allowNone: boolean;
  onChange: (value: string) => void;
}) {
  const { t, periodName } = useI18n();
  const id = useId();
  return (
    <div className="network-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {allowNone ? <option value={none}>{t('partnerships.network.noCompare')}</option> : null}
        {surveys.map((survey) => (
          <option key={survey.id} value={survey.id}>
            {t('partnerships.network.surveyOption', {
              title: survey.title,
              period: periodName(survey.period),
              state: t(`partnerships.state.${survey.state}`),
            })}
          </option>
        ))}
      </select>
    </div>
  );
}

function Changes({
  earlier,
  later,
}: {
  earlier: { survey: PartnershipSurvey; network: SurveyNetwork };
  later: { survey: PartnershipSurvey; network: SurveyNetwork };
}) {
  const i18n = useI18n();
  const { t, periodName } = i18n;
  const headingId = useId();
  const captionId = useId();
  const name = (survey: PartnershipSurvey) =>
    t('partnerships.network.surveyHeading', {
      title: survey.title,
      period: periodName(survey.period),
    });
  return (
    <section className="network-changes" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t('partnerships.changes.title')}
      </h2>
      <TableScroll labelledBy={captionId}>
        <table className="data-table network-changes-table">
          <caption id={captionId}>
            {t('partnerships.changes.caption', {
              earlier: name(earlier.survey),
              later: name(later.survey),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('partnerships.changes.figure')}</th>
              <th scope="col" className="number">
                {name(earlier.survey)}
              </th>
              <th scope="col" className="number">
                {name(later.survey)}
              </th>
              <th scope="col" className="number">
                {t('partnerships.changes.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {figureKeys.map((key) => {
              const a = figureOf(earlier.network, key);
              const b = figureOf(later.network, key);
              return (
                <tr key={key}>
                  <th scope="row">{t(`partnerships.figures.${key}`)}</th>
                  <td className="number">{formatFigure(i18n, key, a)}</td>
                  <td className="number">{formatFigure(i18n, key, b)}</td>
                  <td className="number">{formatChange(i18n, key, a, b)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function NetworkSide({ survey }: { survey: PartnershipSurvey }) {
  const { t } = useI18n();
  const network = useSurveyNetwork(survey.id);
  if (network.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (network.isError) {
    return (
      <div className="notice" role="alert">
        <p>{errorMessage(network.error, t)}</p>
        <button type="button" className="button" onClick={() => void network.refetch()}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
  return <NetworkView survey={survey} network={network.data} />;
}

function NetworkBody({ surveys }: { surveys: PartnershipSurvey[] }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const sorted = useMemo(() => [...surveys].sort(byOpens).reverse(), [surveys]);
  const main = surveys.find((s) => s.id === params.get('survey')) ?? defaultSurvey(surveys);
  const compareParam = params.get('compare');
  const earlierThanMain = main
    ? [...surveys].sort(byOpens).filter((s) => byOpens(s, main) < 0 && s.id !== main.id)
    : [];
  const other =
    compareParam === none
      ? undefined
      : (surveys.find((s) => s.id === compareParam && s.id !== main?.id) ??
        (compareParam === null ? earlierThanMain.at(-1) : undefined));

  const mainNetwork = useSurveyNetwork(main?.id);
  const otherNetwork = useSurveyNetwork(other?.id);

  if (!main) return <p className="notice">{t('partnerships.network.noSurveys')}</p>;

  const set = (name: 'survey' | 'compare', value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );

  const sides = other ? [main, other].sort(byOpens) : [main];
  const [earlier, later] = sides;
  const earlierData = earlier?.id === main.id ? mainNetwork.data : otherNetwork.data;
  const laterData = later?.id === main.id ? mainNetwork.data : otherNetwork.data;

  return (
    <>
      <div className="network-pickers">
        <SurveyPicker
          label={t('partnerships.network.survey')}
          value={main.id}
          surveys={sorted}
          allowNone={false}
          onChange={(value) => set('survey', value)}
        />
        <SurveyPicker
          label={t('partnerships.network.compare')}
          value={other?.id ?? none}
          surveys={sorted.filter((s) => s.id !== main.id)}
          allowNone
          onChange={(value) => set('compare', value)}
        />
      </div>
      {earlier && later && earlierData && laterData ? (
        <Changes
          earlier={{ survey: earlier, network: earlierData }}
          later={{ survey: later, network: laterData }}
        />
      ) : null}
      <div className={`network-sides${sides.length > 1 ? ' network-sides-two' : ''}`}>
        {sides.map((survey) => (
          <NetworkSide key={survey.id} survey={survey} />
        ))}
      </div>
    </>
  );
}

export function NetworkPage() {
  const { tableId = '' } = useParams();
  const { t } = useI18n();
  const tables = useTables();
  const surveys = useTableSurveys(tableId);
  const table = tables.data?.find((x) => x.id === tableId);

  let content: ReactNode;
  if (surveys.isPending) content = <p className="muted">{t('app.loading')}</p>;
  else if (surveys.isError) {
    content = (
      <div className="notice" role="alert">
        <p>{errorMessage(surveys.error, t)}</p>
        <button type="button" className="button" onClick={() => void surveys.refetch()}>
          {t('errors.retry')}
        </button>
      </div>
    );
  } else content = <NetworkBody surveys={surveys.data} />;

  return (
    <PageLayout
      title={
        table
          ? t('partnerships.network.title', { table: table.name })
          : t('partnerships.network.fallbackTitle')
      }
    >
      <div className="partnerships-page network-page">
        <p className="partnerships-kicker">
          <Link to={partnershipsPath()}>{t('partnerships.title')}</Link>
          {' · '}
          <Link to={tableSurveysPath(tableId)}>{t('partnerships.network.toSurveys')}</Link>
        </p>
        <p className="lead">{t('partnerships.network.lead')}</p>
        {content}
      </div>
    </PageLayout>
  );
}
