// A link to a measure's printable turn-the-curve report; scorecard rows and plans carry it.

import { Link } from 'react-router';
import { useT } from '../i18n/i18n-provider';

export function curveReportPath(measureId: string): string {
  return `/reports/curve/${encodeURIComponent(measureId)}`;
}

export function CurveReportLink({
  measureId,
  measureName,
  className,
}: {
  measureId: string;
  /** Names the measure to screen readers when many report links sit in one list. */
  measureName?: string;
  className?: string;
}) {
  const t = useT();
  return (
    <Link
      to={curveReportPath(measureId)}
      className={className}
      {...(measureName ? { 'aria-label': t('report.linkFor', { name: measureName }) } : {})}
    >
      {t('report.link')}
    </Link>
  );
}
