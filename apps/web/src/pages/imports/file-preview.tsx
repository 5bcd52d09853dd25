// The file's first rows as a table, so a person can see which column holds what.

import { useId } from 'react';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import type { CsvPreview } from './csv-preview';

const delimiterNames: Record<string, MessageKey> = {
  ',': 'imports.preview.delimiter.comma',
  ';': 'imports.preview.delimiter.semicolon',
  '\t': 'imports.preview.delimiter.tab',
  '|': 'imports.preview.delimiter.pipe',
};

export function FilePreview({ preview, fileName }: { preview: CsvPreview; fileName: string }) {
  const t = useT();
  const captionId = useId();
  return (
    <section className="imports-preview" aria-labelledby={captionId}>
      <h3 id={captionId} className="imports-subtitle">
        {t('imports.preview.title', { name: fileName })}
      </h3>
      <p className="imports-hint">
        {t(preview.complete ? 'imports.preview.summary' : 'imports.preview.summaryPartial', {
          rows: preview.rowCount,
          columns: preview.header.length,
          delimiter: t(delimiterNames[preview.delimiter] ?? 'imports.preview.delimiter.comma'),
        })}
      </p>
      {/* Focusable, so a keyboard can scroll a wide file sideways. */}
      <section
        className="imports-table-wrap"
        aria-label={t('imports.preview.scroll')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus.
        tabIndex={0}
      >
        <table className="data-table imports-preview-table">
          <caption>{t('imports.preview.caption', { count: preview.rows.length })}</caption>
          <thead>
            <tr>
              {preview.header.map((column, at) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; position is identity.
                <th key={at} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their place.
              <tr key={r}>
                {preview.header.map((_, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
