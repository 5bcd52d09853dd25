// Download buttons for the two CSV exports of a table or an agency: the figures (long or wide)
// and the scorecard. Downloads carry the bearer token, so they are fetched, then saved.

import { useId, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import {
  downloadFile,
  type ExportScope,
  observationsCsvPath,
  scorecardCsvPath,
} from '../../api/scorecards-api';
import { useI18n } from '../../i18n/i18n-provider';
import { useRichMessage } from '../../i18n/rich-message';
import { NameText } from '../name-text';
import './figures.css';

type Kind = 'long' | 'wide' | 'scorecard';

type Status =
  | { state: 'idle' }
  | { state: 'busy'; kind: Kind }
  | { state: 'done'; file: string }
  | { state: 'failed'; message: string };

export function ExportButtons({
  scope,
  period,
  name,
  nameFr,
}: {
  scope: ExportScope;
  /** The scorecard's period; the latest when left out. */
  period?: string | undefined;
  /** What is exported (a table's or an agency's name), to tell the groups of buttons apart. */
  name: string;
  /** That name's stored French (see NameText). */
  nameFr?: string | null | undefined;
}) {
  const { t, locale } = useI18n();
  const rich = useRichMessage();
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const statusId = useId();

  const download = async (kind: Kind) => {
    setStatus({ state: 'busy', kind });
    const path =
      kind === 'scorecard'
        ? scorecardCsvPath(scope, period)
        : observationsCsvPath({ scope, layout: kind });
    const fallback = kind === 'scorecard' ? 'scorecard.csv' : `observations-${kind}.csv`;
    try {
      const file = await downloadFile(path, fallback, locale);
      setStatus({ state: 'done', file });
    } catch (error) {
      setStatus({ state: 'failed', message: errorMessage(error, t) });
    }
  };

  const busy = status.state === 'busy';
  const buttons: { kind: Kind; label: string }[] = [
    { kind: 'long', label: t('figures.export.long') },
    { kind: 'wide', label: t('figures.export.wide') },
    { kind: 'scorecard', label: t('figures.export.scorecard') },
  ];

  return (
    <fieldset className="export-buttons" aria-describedby={statusId}>
      <legend className="export-buttons-label">
        <span aria-hidden="true">{t('figures.export.label')}</span>
        <span className="visually-hidden">
          {rich('figures.export.groupFor', { name: <NameText text={name} french={nameFr} /> })}
        </span>
      </legend>
      {buttons.map(({ kind, label }) => (
        <button
          key={kind}
          type="button"
          className="button export-button"
          disabled={busy}
          aria-busy={busy && status.kind === kind}
          onClick={() => void download(kind)}
        >
          {label}
        </button>
      ))}
      <span
        id={statusId}
        className={`export-status${status.state === 'failed' ? ' export-failed' : ''}`}
        role="status"
      >
        {status.state === 'busy'
          ? t('figures.export.busy')
          : status.state === 'done'
            ? t('figures.export.done', { file: status.file })
            : status.state === 'failed'
              ? t('figures.export.failed', { message: status.message })
              : ''}
      </span>
    </fieldset>
  );
}
