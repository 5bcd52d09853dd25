// The inline, non-blocking warning beside a figure the checks would flag. Always in the page (a
// polite live region, so it is heard when it appears) and described by the figure's inputs.

import './unusual-flag.css';
import { useI18n } from '../../i18n/i18n-provider';

export function UnusualFlag({ id, shown }: { id: string; shown: boolean }) {
  const { t } = useI18n();
  return (
    <span id={id} className="entry-unusual" aria-live="polite">
      {shown ? (
        <>
          <span aria-hidden="true">⚠ </span>
          {t('dataEntry.cell.unusual')}
        </>
      ) : null}
    </span>
  );
}
