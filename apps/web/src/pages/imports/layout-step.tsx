// Step 2: the platform's own layout, or a mapping of the file's columns; then the dry run.

import { useId } from 'react';
import { errorMessage } from '../../api/error-message';
import type { Dimension } from '../../api/imports-api';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { FilePreview } from './file-preview';
import { MappingBuilder } from './mapping-builder';
import type { DraftProblem, MappingDraft } from './mapping-draft';
import type { ChosenFile } from './upload-step';
import type { WritableMeasures } from './use-import-data';

export type LayoutMode = 'native' | 'mapped';

const problemLabels: Record<DraftProblem, MessageKey> = {
  measure: 'imports.problem.measure',
  measureColumn: 'imports.problem.measureColumn',
  periodColumn: 'imports.problem.periodColumn',
  valueColumn: 'imports.problem.valueColumn',
  ratioColumns: 'imports.problem.ratioColumns',
  periodColumns: 'imports.problem.periodColumns',
  scale: 'imports.problem.scale',
  breakdown: 'imports.problem.breakdown',
  breakdownTwice: 'imports.problem.breakdownTwice',
  filter: 'imports.problem.filter',
};

/** The columns a native file needs (the export's long layout). */
const nativeColumns = ['measure_code', 'organization_code', 'period', 'breakdown'];

/** A refused upload: the sentence, and each problem of the file or its mapping. */
export interface UploadRefusal {
  message: string;
  problems: string[];
}

export function RefusalMessage({ refusal }: { refusal: UploadRefusal }) {
  return (
    <div className="form-error imports-problems" role="alert">
      <p>{refusal.message}</p>
      {refusal.problems.length > 0 ? (
        <ul className="plain-list">
          {refusal.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function LayoutStep({
  chosen,
  mode,
  onMode,
  draft,
  onDraft,
  problems,
  showProblems,
  measures,
  measuresState,
  dimensions,
  checking,
  checkError,
  onBack,
  onCheck,
}: {
  chosen: ChosenFile;
  mode: LayoutMode;
  onMode: (mode: LayoutMode) => void;
  draft: MappingDraft;
  onDraft: (draft: MappingDraft) => void;
  problems: readonly DraftProblem[];
  showProblems: boolean;
  measures: WritableMeasures;
  measuresState: { pending: boolean; error: unknown };
  dimensions: readonly Dimension[];
  checking: boolean;
  checkError: UploadRefusal | null;
  onBack: () => void;
  onCheck: () => void;
}) {
  const t = useT();
  const id = useId();
  const lacking = nativeColumns.filter((c) => !chosen.preview.header.includes(c));

  return (
    <>
      <FilePreview preview={chosen.preview} fileName={chosen.file.name} />

      <fieldset className="imports-group imports-modes">
        <legend>{t('imports.layout.legend')}</legend>
        <label className="imports-choice">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'native'}
            onChange={() => onMode('native')}
          />
          <span>
            {t('imports.layout.native')}
            <span className="imports-hint">{t('imports.layout.nativeHint')}</span>
          </span>
        </label>
        <label className="imports-choice">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'mapped'}
            onChange={() => onMode('mapped')}
          />
          <span>
            {t('imports.layout.mapped')}
            <span className="imports-hint">{t('imports.layout.mappedHint')}</span>
          </span>
        </label>
      </fieldset>

      {mode === 'native' && lacking.length > 0 ? (
        <p className="notice imports-warning">
          {t('imports.layout.nativeLacks', { columns: lacking.join(', ') })}
        </p>
      ) : null}

      {mode === 'mapped' ? (
        <>
          {measuresState.pending ? (
            <p className="muted" role="status">
              {t('imports.map.measuresLoading')}
            </p>
          ) : null}
          {measuresState.error ? (
            <p className="form-error" role="alert">
              {t('imports.map.measuresError', { message: errorMessage(measuresState.error, t) })}
            </p>
          ) : null}
          <MappingBuilder
            preview={chosen.preview}
            draft={draft}
            onChange={onDraft}
            measures={measures}
            dimensions={dimensions}
            problems={showProblems ? problems : []}
          />
        </>
      ) : null}

      {showProblems && problems.length > 0 ? (
        <div className="form-error imports-problems" role="alert">
          <p>{t('imports.problem.title')}</p>
          <ul className="plain-list">
            {problems.map((p) => (
              <li key={p}>{t(problemLabels[p])}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {checkError ? <RefusalMessage refusal={checkError} /> : null}

      <div className="button-row">
        <button type="button" className="button" onClick={onBack}>
          {t('imports.back')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={onCheck}
          disabled={checking}
        >
          {checking ? t('imports.layout.checking') : t('imports.layout.check')}
        </button>
      </div>
    </>
  );
}
