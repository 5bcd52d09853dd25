// Step 4: the commit runs as a job; its progress, then the final report.

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { errorMessage } from '../../api/error-message';
import { queryKeys } from '../../api/query-keys';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { ImportReportView } from './import-report';
import { useImportJob } from './use-import-job';

const phaseLabels: Record<string, MessageKey> = {
  queued: 'imports.commit.phase.queued',
  checking: 'imports.commit.phase.checking',
  writing: 'imports.commit.phase.writing',
  done: 'imports.commit.phase.done',
  failed: 'imports.commit.phase.failed',
  abandoned: 'imports.commit.phase.failed',
};

export function CommitProgress({
  jobId,
  onBack,
  onRestart,
  pollInterval,
}: {
  jobId: string;
  /** Back to the report, to change the mapping or the file. */
  onBack: () => void;
  /** Start again with another file. */
  onRestart: () => void;
  pollInterval?: number;
}) {
  const { t, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const job = useImportJob(jobId, pollInterval);
  const data = job.data;
  const finished = data !== undefined && data.status !== 'running';
  const written = data?.status === 'done' && data.report?.committed === true;

  // Written figures change every scorecard, series and grid: let them all read again.
  useEffect(() => {
    if (written) void queryClient.invalidateQueries({ queryKey: queryKeys.all });
  }, [written, queryClient]);

  const total = data?.total ?? 0;
  const done = Math.min(data?.done ?? 0, total);
  const phase = data ? t(phaseLabels[data.phase] ?? 'imports.commit.phase.checking') : '';
  // Nothing counted yet in this phase (or nothing to count: PostgreSQL writes an import in one
  // transaction): a bar that says it is busy, not one stuck at 0 or already full.
  const counting = finished || done > 0;

  return (
    <div className="imports-commit">
      <div className="imports-progress">
        <label htmlFor={`progress-${jobId}`}>{t('imports.commit.progress')}</label>
        <progress
          id={`progress-${jobId}`}
          max={Math.max(total, 1)}
          value={!counting ? undefined : data?.status === 'done' ? Math.max(total, 1) : done}
        />
      </div>
      <p role="status" className="imports-progress-text">
        {!data
          ? t('imports.commit.starting')
          : counting
            ? t('imports.commit.progressText', {
                phase,
                done: formatNumber(data.status === 'done' ? total : done),
                total: formatNumber(total),
              })
            : t('imports.commit.phaseBusy', { phase, total: formatNumber(total) })}
      </p>

      {job.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(job.error, t)}
        </p>
      ) : null}

      {finished && data ? (
        <>
          {written ? (
            <p className="notice imports-success" role="status">
              {t('imports.commit.written', {
                inserted: formatNumber(data.report?.inserted ?? 0),
                updated: formatNumber(data.report?.updated ?? 0),
              })}
            </p>
          ) : (
            <p className="form-error" role="alert">
              {data.error?.code === 'IMPORT_REJECTED'
                ? t('imports.commit.rejected')
                : data.error?.code === 'IMPORT_CONFLICT'
                  ? t('imports.commit.conflict')
                  : data.error?.code === 'ABANDONED'
                    ? t('imports.commit.abandoned')
                    : t('imports.commit.failed', { message: data.error?.message ?? '' })}
            </p>
          )}
          {data.report ? <ImportReportView report={data.report} /> : null}
          <div className="button-row">
            {written ? null : (
              <button type="button" className="button" onClick={onBack}>
                {t('imports.commit.back')}
              </button>
            )}
            <button type="button" className="button button-primary" onClick={onRestart}>
              {t('imports.commit.another')}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
