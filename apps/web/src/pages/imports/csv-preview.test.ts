import { describe, expect, it } from 'vitest';
import { detectDelimiter, previewCsv } from './csv-preview';

describe('the CSV preview', () => {
  it('reads quoted fields with delimiters, quotes and line breaks, a BOM and CRLF', () => {
    const text =
      '\uFEFFmeasure_code,note,value\r\nA,"counted twice, ""once"" in the hall",12\r\n\r\nB,"two\nlines",3\r\n';
    const preview = previewCsv(text);
    expect(preview.header).toEqual(['measure_code', 'note', 'value']);
    expect(preview.rows).toEqual([
      ['A', 'counted twice, "once" in the hall', '12'],
      ['B', 'two\nlines', '3'],
    ]);
    expect(preview.rowCount).toBe(2);
    expect(preview.complete).toBe(true);
  });

  it('picks the delimiter that splits the header most, outside quotes', () => {
    expect(detectDelimiter('a;b;"c,d,e"\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(previewCsv('Sex;VALUE\nMales;12,5\n').rows).toEqual([['Males', '12,5']]);
  });

  it('lists each column’s distinct values and says when it read only part of the file', () => {
    const rows = Array.from(
      { length: 10 },
      (_, i) => `${2015 + (i % 3)},${i % 2 ? 'Males' : ' Females '}`,
    );
    const preview = previewCsv(['REF_DATE,Sex', ...rows].join('\n'), {
      previewRows: 2,
      maxRecords: 6,
    });
    expect(preview.rows).toHaveLength(2);
    expect(preview.distinct).toEqual({
      REF_DATE: ['2015', '2016', '2017'],
      Sex: ['Females', 'Males'],
    });
    expect(preview.rowCount).toBe(6);
    expect(preview.complete).toBe(false);
  });
});
