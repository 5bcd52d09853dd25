// A small CSV reader for the mapping builder's preview only: the server does the real parsing.

export interface CsvPreview {
  header: string[];
  /** The first data rows, for the preview table. */
  rows: string[][];
  /** Each column's distinct trimmed values, in order of first appearance (capped). */
  distinct: Record<string, string[]>;
  /** Data rows read (blank lines left out); all of them when `complete`. */
  rowCount: number;
  /** Whether every row of the file was read (else only the first `maxRecords`). */
  complete: boolean;
  delimiter: string;
}

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** The delimiter that splits the header line most, outside quotes (as the server decides). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const [c, n] of counts) {
    if (n > most) {
      best = c;
      most = n;
    }
  }
  return best;
}

/** Splits text into records of fields (RFC 4180 quoting), one record at a time. */
function* records(text: string, delimiter: string): Generator<string[]> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      yield fields;
      fields = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield fields;
  }
}

export interface PreviewOptions {
  /** Rows kept for the preview table. */
  previewRows?: number;
  /** Rows read at most for counts and distinct values. */
  maxRecords?: number;
  /** Distinct values kept per column. */
  maxDistinct?: number;
}

export function previewCsv(text: string, options: PreviewOptions = {}): CsvPreview {
  const { previewRows = 5, maxRecords = 50_000, maxDistinct = 300 } = options;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const header: string[] = [];
  const rows: string[][] = [];
  const seen: Set<string>[] = [];
  let rowCount = 0;
  let complete = true;
  let first = true;
  for (const fields of records(body, delimiter)) {
    if (first) {
      first = false;
      for (const name of fields) {
        header.push(name.trim());
        seen.push(new Set());
      }
      continue;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    if (rowCount >= maxRecords) {
      complete = false;
      break;
    }
    rowCount++;
    if (rows.length < previewRows) rows.push(fields);
    fields.forEach((value, at) => {
      const set = seen[at];
      if (set && set.size < maxDistinct) set.add(value.trim());
    });
  }
  const distinct: Record<string, string[]> = {};
  header.forEach((name, at) => {
    distinct[name] = [...(seen[at] ?? [])];
  });
  return { header, rows, distinct, rowCount, complete, delimiter };
}
