// Sections 2 to 5 of the report: the story behind the curve, partners, what works and the action
// plan with the data development agenda, as the plan holds them.

import type { Plan } from '@rba/schema';
import type { ReactNode } from 'react';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { useRichMessage } from '../../i18n/rich-message';
import { useOrganizationName } from './use-curve-report';

export function ReportSection({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={className ? `report-section ${className}` : 'report-section'}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="report-section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Empty() {
  const { t } = useI18n();
  return <p className="muted">{t('report.empty')}</p>;
}

/** An organization at the table by its name, a neutral label when the viewer cannot see it. */
function useOrganizationLabel(id: string | null): { label: ReactNode; known: boolean } {
  const { t } = useI18n();
  const found = useOrganizationName(id);
  if (id === null) return { label: null, known: false };
  if (found.state === 'known') {
    return { label: <NameText text={found.name} french={found.nameFr} />, known: true };
  }
  if (found.state === 'loading') return { label: t('app.loading'), known: false };
  return { label: t('report.partners.unknownOrganization'), known: false };
}

function PartnerRow({ partner }: { partner: Plan['partners'][number] }) {
  const organization = useOrganizationLabel(partner.organizationId);
  // An organization at the table by its own name; else the outside partner's.
  const label = organization.known
    ? organization.label
    : (partner.name ?? organization.label ?? '');
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{partner.role}</td>
    </tr>
  );
}

function ActionRow({ action }: { action: Plan['actions'][number] }) {
  const { t, formatDate } = useI18n();
  const rich = useRichMessage();
  const organization = useOrganizationLabel(action.ownerOrganizationId).label;
  const owner =
    action.ownerName && organization
      ? rich('report.actions.ownerBoth', { person: action.ownerName, organization })
      : (action.ownerName ?? organization ?? '');
  return (
    <tr>
      <th scope="row">{action.title}</th>
      <td>{owner}</td>
      <td className="nowrap">
        {action.dueDate
          ? formatDate(action.dueDate, { dateStyle: 'medium' })
          : t('report.actions.noDueDate')}
      </td>
      <td>
        {t(`report.actionStatus.${action.status}`)}
        {action.overdue ? ' ' : null}
        {action.overdue ? (
          <strong className="overdue">
            <span aria-hidden="true">⚠ </span>
            {t('report.actions.overdue')}
          </strong>
        ) : null}
      </td>
    </tr>
  );
}

function Forces({ title, forces }: { title: string; forces: Plan['story']['forcesUp'] }) {
  const { t } = useI18n();
  return (
    <div className="forces">
      <h3 className="report-subtitle">{title}</h3>
      {forces.length === 0 ? (
        <Empty />
      ) : (
        <ul className="plain-list">
          {forces.map((force) => (
            <li key={force.id}>
              {force.text}
              {force.evidence ? (
                <span className="evidence">
                  {t('report.story.evidence', { evidence: force.evidence })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StorySection({ story }: { story: Plan['story'] }) {
  const { t } = useI18n();
  const paragraphs = story.narrative
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <ReportSection id="report-story" title={t('report.story.title')}>
      <div className="forces-columns">
        <Forces title={t('report.story.forcesUp')} forces={story.forcesUp} />
        <Forces title={t('report.story.forcesDown')} forces={story.forcesDown} />
      </div>
      <h3 className="report-subtitle">{t('report.story.narrative')}</h3>
      {paragraphs.length === 0 ? (
        <Empty />
      ) : (
        paragraphs.map((text) => (
          <p key={text} className="narrative">
            {text}
          </p>
        ))
      )}
    </ReportSection>
  );
}

export function PartnersSection({ partners }: { partners: Plan['partners'] }) {
  const { t } = useI18n();
  return (
    <ReportSection id="report-partners" title={t('report.partners.title')}>
      {partners.length === 0 ? (
        <Empty />
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.partners.partner')}</th>
              <th scope="col">{t('report.partners.role')}</th>
            </tr>
          </thead>
          <tbody>
            {partners.map((partner) => (
              <PartnerRow key={partner.id} partner={partner} />
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}

export function WhatWorksSection({ ideas }: { ideas: Plan['whatWorks'] }) {
  const { t } = useI18n();
  return (
    <ReportSection id="report-what-works" title={t('report.whatWorks.title')}>
      {ideas.length === 0 ? (
        <Empty />
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.whatWorks.idea')}</th>
              <th scope="col">{t('report.whatWorks.source')}</th>
              <th scope="col">{t('report.whatWorks.cost')}</th>
              <th scope="col">{t('report.whatWorks.chosen')}</th>
            </tr>
          </thead>
          <tbody>
            {ideas.map((idea) => (
              <tr key={idea.id} className={idea.chosen ? 'is-chosen' : undefined}>
                <th scope="row">{idea.idea}</th>
                <td>{idea.source ?? ''}</td>
                <td>
                  <span className={`cost-badge cost-${idea.cost}`}>
                    {t(`report.cost.${idea.cost}`)}
                  </span>
                </td>
                <td>
                  {idea.chosen ? (
                    <strong>
                      <span aria-hidden="true">✓ </span>
                      {t('report.whatWorks.chosen')}
                    </strong>
                  ) : (
                    <span className="muted">{t('report.whatWorks.notChosen')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}

export function ActionPlanSection({
  actions,
  agenda,
}: {
  actions: Plan['actions'];
  agenda: Plan['dataDevelopmentAgenda'];
}) {
  const { t } = useI18n();
  return (
    <ReportSection id="report-actions" title={t('report.actions.title')}>
      {actions.length === 0 ? (
        <Empty />
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.actions.action')}</th>
              <th scope="col">{t('report.actions.owner')}</th>
              <th scope="col">{t('report.actions.due')}</th>
              <th scope="col">{t('report.actions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <ActionRow key={action.id} action={action} />
            ))}
          </tbody>
        </table>
      )}
      <h3 className="report-subtitle">{t('report.agenda.title')}</h3>
      <p className="muted">{t('report.agenda.lead')}</p>
      {agenda.length === 0 ? (
        <Empty />
      ) : (
        <ol className="agenda-list">
          {agenda.map((item) => (
            <li key={item.id}>
              <strong>{item.name}</strong>
              {item.description ? <span className="evidence">{item.description}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </ReportSection>
  );
}
