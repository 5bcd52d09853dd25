// The import wizard (upload, layout or mapping, dry run, commit with progress) and the way out:
// export buttons for the person's own agency and table.

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { User } from '../../api/auth-api';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import {
  type ImportMappingJson,
  type ImportReport,
  maxImportBytes,
  postImport,
} from '../../api/imports-api';
import { useCurrentUser } from '../../auth/auth-provider';
import { ExportDialogButton } from '../../components/export-dialog/export-dialog-button';
import type { ExportScope } from '../../components/export-dialog/export-url';
import { useScopeName } from '../../components/export-dialog/use-scope-name';
import { PageLayout } from '../../components/page-layout';
import { type Translate, useI18n, useT } from '../../i18n/i18n-provider';
import { errorIssues, wordIssue } from '../../i18n/issue-wording';
import type { Locale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages.en';
import { CommitProgress } from './commit-step';
import { ImportReportView } from './import-report';
import { type LayoutMode, LayoutStep, RefusalMessage, type UploadRefusal } from './layout-step';
import { buildMapping, draftProblems, guessDraft, type MappingDraft } from './mapping-draft';
import { type ChosenFile, UploadStep, useFileSize } from './upload-step';
import { canImport, ownExportScopes, useDimensions, useWritableMeasures } from './use-import-data';
import './imports.css';

type Step = 'upload' | 'layout' | 'report' | 'commit';
const steps: readonly Step[] = ['upload', 'layout', 'report', 'commit'];

const stepTitles: Record<Step, MessageKey> = {
  upload: 'imports.step.upload',
  layout: 'imports.step.layout',
  report: 'imports.step.report',
  commit: 'imports.step.commit',
};

/**
 * What a refused upload says: the size limit in the reader's words rather than the server's, and
 * each problem of the file or its mapping worded from its code, with where it is.
 */
function uploadError(error: unknown, t: Translate, locale: Locale, limit: string): UploadRefusal {
  if (error instanceof ApiError && error.status === 413)
    return { message: t('imports.upload.rejected413', { limit }), problems: [] };
  const issues = errorIssues(error);
  if (issues.length === 0) return { message: errorMessage(error, t), problems: [] };
  const problems = issues.map((issue) => {
    const where = issue.path.replace(/^(body|query|params|mapping|file)\.?/, '');
    const problem = wordIssue(issue, locale);
    return where ? t('imports.check.problemAt', { field: where, problem }) : problem;
  });
  return { message: t('imports.check.refused'), problems: [...new Set(problems)] };
}

function ExportShortcut({ scope }: { scope: ExportScope }) {
  const t = useT();
  const name = useScopeName(scope);
  return (
    <ExportDialogButton
      scope={scope}
      label={name ? t('imports.exportFor', { name: name.name }) : t('imports.export.button')}
    />
  );
}

function OwnExports({ user }: { user: User }) {
  const { organizationIds, tableIds } = ownExportScopes(user);
  if (organizationIds.length + tableIds.length === 0) return null;
  return (
    <>
      {organizationIds.map((id) => (
        <ExportShortcut key={id} scope={{ organizationId: id }} />
      ))}
      {tableIds.map((id) => (
        <ExportShortcut key={id} scope={{ tableId: id }} />
      ))}
    </>
  );
}

function ImportWizard({ user }: { user: User }) {
  const { t, locale } = useI18n();
  const size = useFileSize();
  const [step, setStep] = useState<Step>('upload');
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [mode, setMode] = useState<LayoutMode>('native');
  const [draft, setDraft] = useState<MappingDraft>(() => guessDraft([]));
  const [tried, setTried] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const measures = useWritableMeasures(user);
  const dimensions = useDimensions();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Each step's title takes the focus, so keyboard and screen-reader users start at its top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: it runs because the step changed.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);
  const go = (next: Step) => {
    moved.current = true;
    setStep(next);
  };

  const problems = mode === 'mapped' ? draftProblems(draft) : [];
  const mapping: ImportMappingJson = mode === 'mapped' ? buildMapping(draft) : { mode: 'native' };
  const limit = size(maxImportBytes);

  const dryRun = useMutation({
    mutationFn: (input: { file: File; mapping: ImportMappingJson }) =>
      postImport(input.file, input.mapping),
    onSuccess: (answer) => {
      if (answer.kind !== 'report') return;
      setReport(answer.report);
      go('report');
    },
  });

  const commit = useMutation({
    mutationFn: (input: { file: File; mapping: ImportMappingJson }) =>
      postImport(input.file, input.mapping, { commit: true, async: true }),
    onSuccess: (answer) => {
      if (answer.kind === 'job') {
        setJobId(answer.jobId);
        go('commit');
      } else setReport(answer.report);
    },
  });

  const choose = (next: ChosenFile | null) => {
    setChosen(next);
    setReport(null);
    setTried(false);
    dryRun.reset();
    commit.reset();
    if (next) {
      const header = next.preview.header;
      setMode(header.includes('measure_code') && header.includes('period') ? 'native' : 'mapped');
      setDraft(guessDraft(header));
    }
  };

  const check = () => {
    if (!chosen) return;
    setTried(true);
    if (problems.length > 0) return;
    dryRun.mutate({ file: chosen.file, mapping });
  };

  const restart = () => {
    choose(null);
    setJobId(null);
    go('upload');
  };

  const current = steps.indexOf(step);
  const rejected = report?.rejected.length ?? 0;
  const toWrite = (report?.inserted ?? 0) + (report?.updated ?? 0);

  return (
    <div className="imports-wizard">
      <ol className="imports-steps" aria-label={t('imports.steps.label')}>
        {steps.map((s, at) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            data-state={at < current ? 'done' : at === current ? 'current' : 'next'}
          >
            <span className="imports-step-number" aria-hidden="true">
              {at < current ? '✓' : at + 1}
            </span>
            <span>
              {t(stepTitles[s])}
              {at < current ? (
                <span className="visually-hidden">{t('imports.steps.done')}</span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>

      <section className="panel imports-step" aria-labelledby="imports-step-title">
        <h2 id="imports-step-title" ref={heading} tabIndex={-1} className="imports-step-title">
          {t('imports.step.heading', {
            number: current + 1,
            total: steps.length,
            title: t(stepTitles[step]),
          })}
        </h2>

        {step === 'upload' ? (
          <UploadStep chosen={chosen} onChosen={choose} onNext={() => go('layout')} />
        ) : null}

        {step === 'layout' && chosen ? (
          <LayoutStep
            chosen={chosen}
            mode={mode}
            onMode={(next) => {
              setMode(next);
              setTried(false);
            }}
            draft={draft}
            onDraft={setDraft}
            problems={problems}
            showProblems={tried}
            measures={measures.data ?? { owners: [], measures: [] }}
            measuresState={{ pending: measures.isPending, error: measures.error }}
            dimensions={dimensions.data ?? []}
            checking={dryRun.isPending}
            checkError={dryRun.isError ? uploadError(dryRun.error, t, locale, limit) : null}
            onBack={() => go('upload')}
            onCheck={check}
          />
        ) : null}

        {step === 'report' && report && chosen ? (
          <>
            <p className="imports-intro">
              {report.committed ? t('imports.check.committed') : t('imports.check.intro')}
            </p>
            {rejected > 0 ? (
              <p className="form-error">{t('imports.check.hasRejected', { count: rejected })}</p>
            ) : toWrite === 0 ? (
              <p className="notice">{t('imports.check.nothing')}</p>
            ) : (
              <p className="notice">{t('imports.check.ready', { count: toWrite })}</p>
            )}
            <ImportReportView report={report} />
            {commit.isError ? (
              <RefusalMessage refusal={uploadError(commit.error, t, locale, limit)} />
            ) : null}
            <div className="button-row">
              <button type="button" className="button" onClick={() => go('layout')}>
                {t('imports.check.back')}
              </button>
              {rejected === 0 && toWrite > 0 && !report.committed ? (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={commit.isPending}
                  onClick={() => commit.mutate({ file: chosen.file, mapping })}
                >
                  {commit.isPending
                    ? t('imports.check.committing')
                    : t('imports.check.commit', { count: toWrite })}
                </button>
              ) : null}
            </div>
          </>
        ) : null}

        {step === 'commit' && jobId ? (
          <CommitProgress jobId={jobId} onBack={() => go('layout')} onRestart={restart} />
        ) : null}
      </section>
    </div>
  );
}

export function ImportsPage() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <PageLayout title={t('imports.title')} actions={<OwnExports user={user} />}>
      <p className="lead">{t('imports.page.lead')}</p>
      {canImport(user) ? (
        <ImportWizard user={user} />
      ) : (
        <p className="notice">{t('imports.readOnly')}</p>
      )}
    </PageLayout>
  );
}
