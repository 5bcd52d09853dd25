// One survey's network: the figures, the drawing (static SVG from a force layout computed once)
// with its legend, the bridges and isolates in words, and the table that says the same for screen
// readers. Restricted callers (funders) get the figures alone: the API sends them no nodes.

import { useId, useMemo } from 'react';
import type { NetworkNode, PartnershipSurvey, SurveyNetwork } from '../../api/partnerships-api';
import { NameText } from '../../components/name-text';
import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n/i18n-provider';
import { formatFigure, formatMean, listNames } from './network-format';
import { layoutNetwork } from './network-layout';
import {
  bridges,
  figureKeys,
  figureOf,
  isolates,
  mostTies,
  noRatingsColour,
  tieStyle,
  trustBand,
  trustBands,
  trustColours,
} from './network-model';
import { SurveyStateBadge } from './survey-state';

const figureHints = {
  density: 'partnerships.figures.densityHint',
  reciprocity: 'partnerships.figures.reciprocityHint',
  isolates: 'partnerships.figures.isolatesHint',
} as const;

export function NetworkFigures({ network }: { network: SurveyNetwork }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <dl className="network-figures" aria-label={t('partnerships.figures.label')}>
      {figureKeys.map((key) => (
        <div key={key} className="network-figure">
          <dt>
            {t(`partnerships.figures.${key}`)}
            {key in figureHints ? (
              <span className="network-figure-hint muted">
                {t(figureHints[key as keyof typeof figureHints])}
              </span>
            ) : null}
          </dt>
          <dd>{formatFigure(i18n, key, figureOf(network, key))}</dd>
        </div>
      ))}
    </dl>
  );
}

function nodeFill(node: NetworkNode): string {
  if (node.suppressed) return '#ffffff';
  return node.trust === null ? noRatingsColour : trustColours[trustBand(node.trust)];
}

function NetworkDrawing({ network }: { network: SurveyNetwork }) {
  const { t, locale } = useI18n();
  const layout = useMemo(() => layoutNetwork(network.nodes, network.ties), [network]);
  const most = mostTies(network.nodes);
  const alone = isolates(network.nodes);
  const label = t('partnerships.drawing.label', {
    nodes: network.nodes.length,
    ties: network.ties.length,
    most:
      most.length === 0
        ? '—'
        : listNames(
            locale,
            most.map((n) =>
              t('partnerships.drawing.mostTies', { name: n.organization.name, count: n.degree }),
            ),
          ),
    isolates:
      alone.length === 0
        ? t('partnerships.drawing.noIsolates')
        : t('partnerships.drawing.isolatesNamed', {
            names: listNames(
              locale,
              alone.map((n) => n.organization.name),
            ),
          }),
  });
  return (
    <svg
      className="network-drawing"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      <g className="network-ties">
        {layout.ties.map(({ tie, x1, y1, x2, y2 }) => (
          <line
            key={`${tie.a}|${tie.b}`}
            x1={x1}
            y1={y1}
            x2={x2}
            y2={y2}
            {...tieStyle(tie.level)}
            strokeLinecap="round"
          />
        ))}
      </g>
      <g className="network-nodes">
        {layout.nodes.map(({ id, x, y, r, node }) => (
          <g key={id} transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}>
            <circle
              r={r}
              fill={nodeFill(node)}
              stroke="#1b1f24"
              strokeWidth={1.5}
              strokeDasharray={node.suppressed ? '3 2' : undefined}
            />
            {node.suppressed ? (
              <text className="network-hidden-mark" textAnchor="middle" dy="0.35em">
                {t('partnerships.hiddenMark')}
              </text>
            ) : null}
            <text className="network-node-label" textAnchor="middle" y={r + 13}>
              {node.organization.code}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

function NetworkLegend({ minRespondents }: { minRespondents: number }) {
  const { t } = useI18n();
  return (
    <figcaption className="network-legend">
      <span className="visually-hidden">{t('partnerships.legend.label')}</span>
      <p className="network-legend-item">
        <svg className="network-legend-mark" viewBox="0 0 40 16" aria-hidden="true">
          <circle cx="7" cy="8" r="4" fill="none" stroke="#1b1f24" />
          <circle cx="26" cy="8" r="7" fill="none" stroke="#1b1f24" />
        </svg>
        {t('partnerships.legend.size')}
      </p>
      <p className="network-legend-item">
        <svg className="network-legend-mark" viewBox="0 0 40 16" aria-hidden="true">
          <line x1="2" y1="4" x2="38" y2="4" {...tieStyle(1)} />
          <line x1="2" y1="12" x2="38" y2="12" {...tieStyle(5)} />
        </svg>
        {t('partnerships.legend.ties')}
      </p>
      <p className="network-legend-title">{t('partnerships.legend.trust')}</p>
      <ul className="network-legend-bands">
        {trustBands.map((band) => (
          <li key={band} className="network-legend-item">
            <span
              className="network-swatch"
              style={{ background: trustColours[band] }}
              aria-hidden="true"
            />
            {t(`partnerships.legend.trustBand.${band}`)}
          </li>
        ))}
        <li className="network-legend-item">
          <span className="network-swatch network-swatch-hidden" aria-hidden="true">
            {t('partnerships.hiddenMark')}
          </span>
          {t('partnerships.legend.hidden', { count: minRespondents })}
        </li>
        <li className="network-legend-item">
          <span
            className="network-swatch"
            style={{ background: noRatingsColour }}
            aria-hidden="true"
          />
          {t('partnerships.legend.noRatings')}
        </li>
      </ul>
    </figcaption>
  );
}

/**
 * A received trust or value: the mean, "No ratings", or the neutral hidden mark "x" (UI.md: never
 * a number, nor blank), which the note under the table explains; screen readers hear the reason.
 */
function ReceivedCell({
  node,
  value,
  minRespondents,
}: {
  node: NetworkNode;
  value: number | null;
  minRespondents: number;
}) {
  const { t, formatNumber } = useI18n();
  if (node.suppressed) {
    return (
      <>
        <span aria-hidden="true">{t('partnerships.hiddenMark')}</span>{' '}
        <span className="visually-hidden">
          {t('partnerships.table.hidden', { count: minRespondents })}
        </span>
      </>
    );
  }
  if (value === null) return <>{t('partnerships.table.noRatings')}</>;
  return <>{formatMean({ formatNumber }, value)}</>;
}

function NetworkTable({
  survey,
  network,
  bridgeIds,
}: {
  survey: PartnershipSurvey;
  network: SurveyNetwork;
  bridgeIds: Set<string>;
}) {
  const { t, formatNumber, periodName } = useI18n();
  const captionId = useId();
  const rows = [...network.nodes].sort(
    (a, b) =>
      b.degree - a.degree ||
      (b.betweenness ?? 0) - (a.betweenness ?? 0) ||
      a.organization.name.localeCompare(b.organization.name),
  );
  const hidden = network.nodes.some((n) => n.suppressed);
  return (
    <>
      <TableScroll labelledBy={captionId}>
        <table className="data-table network-table">
          <caption id={captionId}>
            {t('partnerships.table.caption', {
              survey: t('partnerships.network.surveyHeading', {
                title: survey.title,
                period: periodName(survey.period),
              }),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('partnerships.table.organization')}</th>
              <th scope="col" className="number">
                {t('partnerships.table.ties')}
              </th>
              <th scope="col" className="number">
                {t('partnerships.table.betweenness')}
              </th>
              <th scope="col" className="number">
                {t('partnerships.table.trust')}
              </th>
              <th scope="col" className="number">
                {t('partnerships.table.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((node) => (
              <tr key={node.organization.id}>
                <th scope="row">
                  <NameText text={node.organization.name} french={node.organization.nameFr} />
                  {bridgeIds.has(node.organization.id) ? (
                    <>
                      {' '}
                      <span className="network-tag">{t('partnerships.table.bridge')}</span>
                    </>
                  ) : null}
                  {node.degree === 0 ? (
                    <>
                      {' '}
                      <span className="network-tag">{t('partnerships.table.isolate')}</span>
                    </>
                  ) : null}
                </th>
                <td className="number">{formatNumber(node.degree)}</td>
                <td className="number">
                  {node.betweenness === null
                    ? t('partnerships.table.notComputed')
                    : formatNumber(node.betweenness, {
                        minimumFractionDigits: 2,
                        maximumFractionDigits: 2,
                      })}
                </td>
                <td className="number">
                  <ReceivedCell
                    node={node}
                    value={node.trust}
                    minRespondents={survey.minRespondents}
                  />
                </td>
                <td className="number">
                  <ReceivedCell
                    node={node}
                    value={node.value}
                    minRespondents={survey.minRespondents}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {hidden ? (
        <p className="network-table-note muted" aria-hidden="true">
          {t('partnerships.table.hiddenNote', { count: survey.minRespondents })}
        </p>
      ) : null}
    </>
  );
}

export function NetworkView({
  survey,
  network,
}: {
  survey: PartnershipSurvey;
  network: SurveyNetwork;
}) {
  const { t, locale, periodName } = useI18n();
  const headingId = useId();
  const bridging = bridges(network.nodes);
  const alone = isolates(network.nodes);
  const restricted = network.nodes.length === 0;
  return (
    <section className="network-side" aria-labelledby={headingId}>
      <h2 id={headingId} className="network-side-title">
        {t('partnerships.network.surveyHeading', {
          title: survey.title,
          period: periodName(survey.period),
        })}{' '}
        <SurveyStateBadge state={survey.state} />
      </h2>
      <NetworkFigures network={network} />
      {restricted ? (
        <p className="notice">
          {survey.partners === 0
            ? t('partnerships.network.noNodes')
            : t('partnerships.network.restricted')}
        </p>
      ) : (
        <>
          <ul className="plain-list network-sentences">
            <li>
              {bridging.length > 0
                ? t('partnerships.bridges.some', {
                    names: listNames(
                      locale,
                      bridging.map((n) => n.organization.name),
                    ),
                  })
                : t('partnerships.bridges.none')}
            </li>
            <li>
              {alone.length > 0
                ? t('partnerships.isolates.some', {
                    names: listNames(
                      locale,
                      alone.map((n) => n.organization.name),
                    ),
                  })
                : t('partnerships.isolates.none')}
            </li>
          </ul>
          <figure className="network-figure-box">
            <NetworkDrawing network={network} />
            <NetworkLegend minRespondents={survey.minRespondents} />
          </figure>
          <NetworkTable
            survey={survey}
            network={network}
            bridgeIds={new Set(bridging.map((n) => n.organization.id))}
          />
        </>
      )}
    </section>
  );
}
