// A button any page can drop in to open the export dialog for what it shows.

import { useCallback, useState } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { ExportDialog } from './export-dialog';
import type { ExportScope } from './export-url';

export type { ExportScope } from './export-url';

export interface ExportDialogButtonProps {
  scope: ExportScope;
  /** The period the page shows: the scorecard export's default. */
  period?: string;
  /** The button's text; "Export CSV" when not given. */
  label?: string;
  className?: string;
}

export function ExportDialogButton({ scope, period, label, className }: ExportDialogButtonProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        type="button"
        className={className ?? 'button'}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {label ?? t('imports.export.button')}
      </button>
      {open ? <ExportDialog scope={scope} {...(period ? { period } : {})} onClose={close} /> : null}
    </>
  );
}
