// What changed between two revisions, as the API lists it section by section: items added,
// removed and changed, each written out in words rather than as data.

import type { PlanComparison } from '../../api/plans-api';
import { type Translate, useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';

type Item = Record<string, unknown>;

const sectionLabels: Record<string, MessageKey> = {
  'story.forcesUp': 'plans.story.forcesUp',
  'story.forcesDown': 'plans.story.forcesDown',
  'story.narrative': 'plans.story.narrative',
  partners: 'plans.section.partners',
  whatWorks: 'plans.section.whatWorks',
  actions: 'plans.section.actions',
  dataDevelopmentAgenda: 'plans.agenda.title',
};

const fieldLabels: Record<string, MessageKey> = {
  text: 'plans.story.force',
  evidence: 'plans.story.evidence',
  organizationId: 'plans.partners.organization',
  name: 'plans.compare.field.name',
  role: 'plans.partners.role',
  idea: 'plans.whatWorks.idea',
  source: 'plans.whatWorks.source',
  cost: 'plans.whatWorks.cost',
  chosen: 'plans.whatWorks.chosen',
  title: 'plans.actions.action',
  ownerOrganizationId: 'plans.actions.ownerOrganization',
  ownerName: 'plans.actions.ownerName',
  dueDate: 'plans.actions.due',
  status: 'plans.actions.status',
  measureId: 'plans.compare.field.measure',
  description: 'plans.agenda.description',
};

const costKeys: Record<string, MessageKey> = {
  no_cost: 'plans.cost.no_cost',
  low_cost: 'plans.cost.low_cost',
  other: 'plans.cost.other',
};

const statusKeys: Record<string, MessageKey> = {
  planned: 'plans.status.planned',
  in_progress: 'plans.status.in_progress',
  done: 'plans.status.done',
  dropped: 'plans.status.dropped',
};

export function sectionLabel(section: string, t: Translate): string {
  const key = sectionLabels[section];
  return key ? t(key) : section;
}

export interface Formatters {
  t: Translate;
  formatDate: (date: string) => string;
  organizationName: (id: string) => string;
}

function asItem(value: unknown): Item {
  return typeof value === 'object' && value !== null ? (value as Item) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One field's value in words: a cost or status by its label, a date in the locale, an organization by name. */
function fieldValue(field: string, value: unknown, f: Formatters): string {
  if (value === null || value === undefined || value === '') return f.t('plans.compare.none');
  if (typeof value === 'boolean') return value ? f.t('plans.compare.yes') : f.t('plans.compare.no');
  const s = String(value);
  if (field === 'cost' && costKeys[s]) return f.t(costKeys[s]);
  if (field === 'status' && statusKeys[s]) return f.t(statusKeys[s]);
  if (field === 'dueDate') return f.formatDate(s);
  if (field === 'organizationId' || field === 'ownerOrganizationId') return f.organizationName(s);
  return s;
}

/** An item of a section in one line. */
export function itemSummary(section: string, value: unknown, f: Formatters): string {
  const item = asItem(value);
  switch (section) {
    case 'story.forcesUp':
    case 'story.forcesDown':
      return item.evidence
        ? f.t('plans.compare.withDetail', { main: text(item.text), detail: text(item.evidence) })
        : text(item.text);
    case 'partners': {
      const who = item.organizationId
        ? f.organizationName(text(item.organizationId))
        : text(item.name);
      return item.role
        ? f.t('plans.compare.withDetail', { main: who, detail: text(item.role) })
        : who;
    }
    case 'whatWorks':
      return f.t('plans.compare.withDetail', {
        main: text(item.idea),
        detail: [
          fieldValue('cost', item.cost, f),
          item.chosen ? f.t('plans.whatWorks.isChosen') : f.t('plans.whatWorks.notChosen'),
        ].join(', '),
      });
    case 'actions': {
      const details = [
        item.ownerOrganizationId ? f.organizationName(text(item.ownerOrganizationId)) : '',
        text(item.ownerName),
        item.dueDate ? fieldValue('dueDate', item.dueDate, f) : '',
        fieldValue('status', item.status, f),
      ].filter(Boolean);
      return f.t('plans.compare.withDetail', {
        main: text(item.title),
        detail: details.join(', '),
      });
    }
    case 'dataDevelopmentAgenda':
      return item.description
        ? f.t('plans.compare.withDetail', { main: text(item.name), detail: text(item.description) })
        : text(item.name);
    default:
      return JSON.stringify(value);
  }
}

/** Every item the API compares carries its id. */
function itemKey(value: unknown): string {
  return text(asItem(value).id);
}

function changedFields(before: Item, after: Item): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  fields.delete('id');
  return [...fields].filter(
    (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
}

function SectionDiff({ diff, f }: { diff: PlanComparison['sections'][number]; f: Formatters }) {
  const { t } = f;
  if (diff.section === 'story.narrative') {
    const change = diff.changed[0];
    return (
      <dl className="plan-diff-narrative">
        <div>
          <dt>{t('plans.compare.before')}</dt>
          <dd className="narrative">{text(change?.before) || t('plans.compare.none')}</dd>
        </div>
        <div>
          <dt>{t('plans.compare.after')}</dt>
          <dd className="narrative">{text(change?.after) || t('plans.compare.none')}</dd>
        </div>
      </dl>
    );
  }
  return (
    <ul className="plan-diff-list">
      {diff.added.map((item) => (
        <li key={`a${itemKey(item)}`} className="plan-diff-added">
          <span className="plan-diff-mark">
            <span aria-hidden="true">+ </span>
            {t('plans.compare.added')}
          </span>{' '}
          {itemSummary(diff.section, item, f)}
        </li>
      ))}
      {diff.removed.map((item) => (
        <li key={`r${itemKey(item)}`} className="plan-diff-removed">
          <span className="plan-diff-mark">
            <span aria-hidden="true">− </span>
            {t('plans.compare.removed')}
          </span>{' '}
          <del>{itemSummary(diff.section, item, f)}</del>
        </li>
      ))}
      {diff.changed.map((change) => {
        const before = asItem(change.before);
        const after = asItem(change.after);
        return (
          <li key={`c${itemKey(change.after)}`} className="plan-diff-changed">
            <span className="plan-diff-mark">
              <span aria-hidden="true">~ </span>
              {t('plans.compare.changed')}
            </span>{' '}
            {itemSummary(diff.section, change.after, f)}
            <ul className="plan-diff-fields">
              {changedFields(before, after).map((field) => {
                const label = fieldLabels[field];
                return (
                  <li key={field}>
                    {t('plans.compare.fieldChange', {
                      field: label ? t(label) : field,
                      before: fieldValue(field, before[field], f),
                      after: fieldValue(field, after[field], f),
                    })}
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

export function useFormatters(organizationName: (id: string) => string): Formatters {
  const { t, formatDate } = useI18n();
  return { t, formatDate: (d) => formatDate(d), organizationName };
}

/**
 * Sections the revisions in between say they changed, but whose items the comparison lists no
 * change in: the API compares items, not their order, so those were reordered (or changed back).
 */
export function reorderedSections(
  comparison: PlanComparison,
  changedInBetween: readonly string[],
): string[] {
  const listed = new Set(comparison.sections.map((d) => d.section.split('.')[0]));
  return [...new Set(changedInBetween)].filter((section) => !listed.has(section));
}

const reorderKeys: Record<string, MessageKey> = {
  story: 'plans.section.story',
  partners: 'plans.section.partners',
  whatWorks: 'plans.section.whatWorks',
  actions: 'plans.section.actions',
  dataDevelopmentAgenda: 'plans.section.dataDevelopmentAgenda',
};

export function PlanComparisonView({
  comparison,
  organizationName,
  changedInBetween = [],
}: {
  comparison: PlanComparison;
  organizationName: (id: string) => string;
  /** The `changedSections` of the revisions after `from` up to `to`. */
  changedInBetween?: readonly string[];
}) {
  const f = useFormatters(organizationName);
  const { t } = f;
  const reordered = reorderedSections(comparison, changedInBetween);
  return (
    <section className="plan-diff" aria-labelledby="plan-diff-heading">
      <h4 id="plan-diff-heading" className="plan-subtitle">
        {t('plans.compare.heading', { from: comparison.from, to: comparison.to })}
      </h4>
      {reordered.length > 0 ? (
        <p className="plan-diff-reordered">
          {t('plans.compare.reordered', {
            sections: reordered
              .map((name) => (reorderKeys[name] ? t(reorderKeys[name]) : name))
              .join(', '),
          })}
        </p>
      ) : null}
      {comparison.sections.length === 0 ? (
        reordered.length > 0 ? null : (
          <p className="muted">{t('plans.compare.same')}</p>
        )
      ) : (
        comparison.sections.map((diff) => (
          <div key={diff.section} className="plan-diff-section">
            <h5 className="plan-diff-title">{sectionLabel(diff.section, t)}</h5>
            <SectionDiff diff={diff} f={f} />
          </div>
        ))
      )}
    </section>
  );
}
