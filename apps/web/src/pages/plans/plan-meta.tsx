// The editor's header: the measure's kind and code, who saved the revision shown and when, and
// whether the plan is read-only or not started yet.

import type { Measure, Plan } from '../../api/plans-api';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';

function kindLabel(kind: Measure['kind']): MessageKey {
  return `plans.kind.${kind}`;
}

export function PlanMeta({
  kind,
  measure,
  base,
  readOnly,
  savedByName,
}: {
  kind: Measure['kind'];
  measure: Measure | undefined;
  base: Plan;
  readOnly: boolean;
  savedByName: (userId: string | null, name?: string | null) => string;
}) {
  const { t, formatDate } = useI18n();
  return (
    <div className="plan-meta">
      <p>
        <span className="plan-kind">{t(kindLabel(kind))}</span>
        {measure ? <span className="muted">{t('plans.code', { code: measure.code })}</span> : null}
        <span>
          {base.revision > 0 && base.updatedAt
            ? t('plans.revisionSaved', {
                revision: base.revision,
                date: formatDate(base.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                who: savedByName(base.updatedBy, base.updatedByName),
              })
            : t('plans.noPlanYet')}
        </span>
      </p>
      {readOnly ? (
        <p className="notice plan-readonly">
          <strong>{t('plans.readOnly.title')}</strong> {t('plans.readOnly.body')}
        </p>
      ) : base.revision === 0 ? (
        <p className="notice">{t('plans.startHint')}</p>
      ) : null}
    </div>
  );
}
