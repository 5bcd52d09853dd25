// Step 1: choose the CSV file (file input, or drop it on the zone), with its size and the limit.

import { type DragEvent, useId, useState } from 'react';
import { maxImportBytes } from '../../api/imports-api';
import { useI18n } from '../../i18n/i18n-provider';
import { type CsvPreview, previewCsv } from './csv-preview';

export interface ChosenFile {
  file: File;
  preview: CsvPreview;
}

/** "12.5 kB", "3.2 MB" in the reader's language. */
export function useFileSize(): (bytes: number) => string {
  const { formatNumber } = useI18n();
  return (bytes) => {
    if (bytes < 1024) return formatNumber(bytes, { style: 'unit', unit: 'byte' });
    if (bytes < 1024 * 1024) {
      return formatNumber(bytes / 1024, {
        style: 'unit',
        unit: 'kilobyte',
        maximumFractionDigits: 1,
      });
    }
    return formatNumber(bytes / (1024 * 1024), {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
    });
  };
}

export function UploadStep({
  chosen,
  onChosen,
  onNext,
}: {
  chosen: ChosenFile | null;
  onChosen: (chosen: ChosenFile | null) => void;
  onNext: () => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  const size = useFileSize();
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const take = async (file: File | undefined) => {
    setProblem(null);
    if (!file) {
      onChosen(null);
      return;
    }
    if (file.size > maxImportBytes) {
      onChosen(null);
      setProblem(
        t('imports.upload.tooLarge', { size: size(file.size), limit: size(maxImportBytes) }),
      );
      return;
    }
    setReading(true);
    try {
      const preview = previewCsv(await file.text());
      if (preview.header.length === 0 || preview.header.every((h) => h === '')) {
        onChosen(null);
        setProblem(t('imports.upload.empty'));
        return;
      }
      onChosen({ file, preview });
    } catch {
      onChosen(null);
      setProblem(t('imports.upload.unreadable'));
    } finally {
      setReading(false);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void take(event.dataTransfer.files[0]);
  };

  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the file input inside is the keyboard's way. */}
      <div
        className="imports-drop"
        data-dragging={dragging || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div className="field">
          <label htmlFor={`${ids}-file`}>{t('imports.upload.label')}</label>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            aria-describedby={`${ids}-hint`}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => void take(event.target.files?.[0])}
          />
        </div>
        <p id={`${ids}-hint`} className="imports-hint">
          {t('imports.upload.hint', { limit: size(maxImportBytes) })}
        </p>
      </div>
      <div role="status" className="imports-file-status">
        {reading ? t('imports.upload.reading') : null}
        {chosen && !reading
          ? t('imports.upload.chosen', {
              name: chosen.file.name,
              size: size(chosen.file.size),
              rows: chosen.preview.rowCount,
            })
          : null}
      </div>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={reading}
          onClick={() => (chosen ? onNext() : setProblem(t('imports.upload.none')))}
        >
          {t('imports.upload.next')}
        </button>
      </div>
    </>
  );
}
