// Where the turn-the-curve work on a measure stands: "Plan: 2 open, 1 overdue", or "No plan".

import type { PlanSummary } from '@rba/schema';
import { useI18n } from '../../i18n/i18n-provider';
import './figures.css';

export function PlanStatus({ plan }: { plan: PlanSummary }) {
  const { t } = useI18n();
  if (!plan.hasPlan) return <span className="plan-status plan-none">{t('figures.plan.none')}</span>;
  const text =
    plan.overdueActions > 0
      ? t('figures.plan.openOverdue', { open: plan.openActions, overdue: plan.overdueActions })
      : plan.openActions > 0
        ? t('figures.plan.open', { open: plan.openActions })
        : t('figures.plan.noOpen');
  return (
    <span className={`plan-status${plan.overdueActions > 0 ? ' plan-overdue' : ''}`}>{text}</span>
  );
}
