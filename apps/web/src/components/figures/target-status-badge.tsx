// A target and how the latest figure stands against it: an icon and a word (Met, Near, Off,
// No target), so the status reads without colour.

import type { SeriesSummary } from '../../api/scorecards-api';
import { useI18n } from '../../i18n/i18n-provider';
import { statusGlyphs, type TargetStatus } from './figure-glyphs';
import './figures.css';

const statusKeys = {
  met: 'figures.status.met',
  near: 'figures.status.near',
  off: 'figures.status.off',
  none: 'figures.status.none',
} as const;

const statusTones: Record<TargetStatus, string> = {
  met: 'favourable',
  near: 'near',
  off: 'unfavourable',
  none: 'neutral',
};

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useI18n();
  return (
    <span className={`target-status-badge figure-tone-${statusTones[status]}`}>
      <span aria-hidden="true" className="target-status-icon">
        {statusGlyphs[status]}
      </span>{' '}
      {t(statusKeys[status])}
    </span>
  );
}

export type TargetSummary = SeriesSummary['target'];
