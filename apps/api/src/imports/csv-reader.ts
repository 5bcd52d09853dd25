// Reads an uploaded CSV into records with the line each starts on: byte-order mark, CRLF,
// quoted newlines and `,` `;` tab `|` delimiters (detected from the header line).
import { parse } from 'csv-parse';
import { issue, ValidationError } from '../errors.js';
import { yieldToEventLoop } from './pacing.js';

export interface CsvRecord {
  /** The 1-based line of the file where the record starts; the header is line 1. */
  line: number;
  fields: string[];
}

export interface CsvFile {
  header: string[];
  records: CsvRecord[];
  delimiter: string;
}

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** The delimiter that splits the header line most, counting only outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
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

const LF = 0x0a;
const CR = 0x0d;

/** Line breaks (CRLF, LF or a lone CR each count once) in bytes [from, to). */
function lineBreaks(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if (b === LF) n++;
    else if (b === CR && buf[i + 1] !== LF) n++;
  }
  return n;
}

type Parsed = (string[] | { record: string[]; info: { bytes: number } })[];

const OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: false } as const;

function unreadable(err: unknown): ValidationError {
  const e = err as { message?: string; lines?: number };
  return new ValidationError(
    `file: not readable as CSV${e.lines ? ` (near line ${e.lines})` : ''}: ${e.message ?? 'parse error'}`,
    issue('file', 'invalid_format', { format: 'csv', line: e.lines }),
  );
}

/** Bytes parsed per piece: the event loop gets a turn between pieces. */
const PIECE_BYTES = 256 * 1024;

/**
 * csv-parse's streaming parser fed the file in pieces cut after a line feed (never inside a
 * UTF-8 character), with the event loop free between them: the same records as one call of the
 * synchronous parser, without holding the thread for the whole file.
 */
async function parseRecords(file: Buffer, delimiter: string, info: boolean): Promise<Parsed> {
  const parser = parse({ ...OPTIONS, delimiter, info });
  const out: Parsed = [];
  let failure: unknown = null;
  parser.on('readable', () => {
    let r: Parsed[number] | null = parser.read();
    while (r !== null) {
      out.push(r);
      r = parser.read();
    }
  });
  parser.on('error', (err) => {
    failure ??= err;
  });
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
    parser.on('error', () => resolve());
  });
  let from = 0;
  while (from < file.length && failure === null) {
    let to = Math.min(file.length, from + PIECE_BYTES);
    if (to < file.length) {
      const lf = file.indexOf(LF, to);
      to = lf < 0 ? file.length : lf + 1;
    }
    parser.write(file.subarray(from, to));
    from = to;
    await yieldToEventLoop();
  }
  if (failure === null) parser.end();
  await ended;
  if (failure !== null) throw unreadable(failure);
  return out;
}

export async function readCsv(file: Buffer, delimiter: string): Promise<CsvFile> {
  const hasBom = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf;
  const head = file.subarray(hasBom ? 3 : 0, Math.min(file.length, 64 * 1024)).toString('utf8');
  const sep = delimiter === 'auto' ? detectDelimiter(head) : delimiter;
  // With no quoted line breaks every record is one line (blank lines are records too, as
  // skip_empty_lines is off), so record i starts on line i + 1. Only files with quoted line
  // breaks pay for csv-parse's per-record byte offsets.
  const plain = (await parseRecords(file, sep, false)) as string[][];
  const breaks = lineBreaks(file, 0, file.length);
  const last = file[file.length - 1];
  const endsWithBreak = last === LF || last === CR;
  const oneLineEach = breaks === (endsWithBreak ? plain.length : plain.length - 1);
  const starts: number[] = [];
  let rows: string[][];
  if (oneLineEach) {
    rows = plain;
    for (let i = 0; i < plain.length; i++) starts.push(i + 1);
  } else {
    const withInfo = (await parseRecords(file, sep, true)) as {
      record: string[];
      info: { bytes: number };
    }[];
    rows = [];
    let line = 1;
    let offset = 0;
    for (const { record, info } of withInfo) {
      rows.push(record);
      starts.push(line);
      line += lineBreaks(file, offset, info.bytes);
      offset = info.bytes;
    }
  }
  const first = rows[0];
  if (!first || first.every((c) => c.trim() === '')) {
    throw new ValidationError(
      'file: the first line must be a header naming the columns',
      issue('file', 'invalid_format', { format: 'csv_header' }),
    );
  }
  const header = first.map((h) => h.trim());
  const records: CsvRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const fields = rows[i] as string[];
    if (fields.length === 1 && fields[0] === '') continue; // an empty line
    records.push({ line: starts[i] as number, fields });
  }
  return { header, records, delimiter: sep };
}
