// Mutations of an import: malformed CSV files, mappings and multipart bodies.
import type { Mutation } from './draft.js';
import { fieldMutation } from './json-body.js';
import type { Rng } from './prng.js';
import { UNICODE } from './values.js';

// Malformed CSV files for the import route.
function csvFile(rng: Rng, valid: string): [Buffer, string] {
  const header = valid.split('\n')[0] ?? 'period,value';
  const row = valid.split('\n')[1] ?? 'FY2025-26-Q1,5';
  const options: [number, () => [Buffer | string, string]][] = [
    [2, () => [`${header}\n"FY2025-26-Q1,5\n`, 'unbalanced quote']],
    [1, () => [`${header}\nFY2025-26-Q1,"5"x\n`, 'text after a closing quote']],
    [2, () => [`\uFEFF${valid}`, 'a BOM']],
    [1, () => [`\uFEFF\uFEFF${valid}`, 'two BOMs']],
    [2, () => [`${header}\r\n${row}\n${row}\r${row}\r\n`, 'mixed line endings']],
    [1, () => [`${header}\r${row}\r`, 'old Mac line endings']],
    [
      2,
      () => [
        `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(99_999)}1\n`,
        '100,000 columns',
      ],
    ],
    [2, () => [rng.bytes(rng.pick([16, 1024, 65_536])), 'binary bytes']],
    [
      1,
      () => [
        Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0xc0, 0xaf, 0x2c, 0x35, 0x0a])]),
        'invalid UTF-8',
      ],
    ],
    [1, () => [`${header}\nFY2025-26-Q1\u0000,5\n`, 'a NUL byte']],
    [1, () => [Buffer.from(valid, 'utf16le'), 'UTF-16 without a BOM']],
    [1, () => ['', 'an empty file']],
    [1, () => [`${header}\n`, 'a header only']],
    [1, () => [`\n\n\n`, 'blank lines only']],
    [1, () => [`${header},${header}\n${row},${row}\n`, 'duplicated columns']],
    [1, () => [`${header}\nFY2025-26-Q1,${'9'.repeat(400)}\n`, 'a 400-digit number']],
    [
      1,
      () => [
        `${header}\nFY2025-26-Q1,${rng.pick(['1e999', '-0', 'NaN', 'Infinity', '0x10', '1e-320', '-1', '1.5', '=1+1', '１２'])}\n`,
        'an edge number',
      ],
    ],
    [
      1,
      () => [
        `${header}\n${rng.pick(['2025-Q5', 'FY9999-00-Q4', '0000', '275760-01', '', '""', '=cmd'])},5\n`,
        'a bad period',
      ],
    ],
    [1, () => [`${header}\n${`${row}\n`.repeat(20_000)}`, '20,000 identical rows']],
    [1, () => [`${header}\n"${'x'.repeat(1_000_000)}",5\n`, 'a 1 MB cell']],
    [1, () => [`${header}\n"FY2025-26-Q1\n2025",5\n`, 'a newline inside a quoted cell']],
    [
      1,
      () => [
        `sep=;\n${header.replace(',', ';')}\n${row.replace(',', ';')}\n`,
        'a sep= line and semicolons',
      ],
    ],
    [1, () => [`${header}\n${row}${',5'.repeat(50)}\n`, 'a row longer than the header']],
    [1, () => [`${header}\n${row.split(',')[0]}\n`, 'a row shorter than the header']],
    [1, () => [`${rng.pick(UNICODE)},value\n${row}\n`, 'a unicode header']],
  ];
  const [data, what] = rng.weighted(options)();
  return [Buffer.isBuffer(data) ? data : Buffer.from(data), what];
}

/** The import's CSV, mapping or multipart structure made wrong. */
export const importMutation: Mutation = (d, rng) => {
  const mp = d.multipart;
  if (!mp) return fieldMutation(d, rng, { ids: [], forgedTokens: [] });
  const file = mp.parts.find((p) => p.name === 'file');
  const mapping = mp.parts.find((p) => p.name === 'mapping');
  const what = rng.weighted<() => string>([
    [
      8,
      () => {
        if (!file) return 'no file';
        const [data, w] = csvFile(rng, file.data.toString());
        file.data = data;
        return `csv: ${w}`;
      },
    ],
    [8, () => `mapping ${fieldMutation(d, rng, { ids: [], forgedTokens: [] })}`],
    [
      2,
      () => {
        if (mapping) {
          mapping.fromJson = false;
          mapping.data = Buffer.from(
            rng.pick(['{', 'null', '[]', '"x"', '{"mode":', 'not json', '{}', '\uFEFF{}']),
          );
        }
        return 'mapping: malformed JSON';
      },
    ],
    [
      1,
      () => {
        mp.parts = mp.parts.filter((p) => p.name !== 'mapping');
        return 'no mapping part';
      },
    ],
    [
      1,
      () => {
        mp.parts = mp.parts.filter((p) => p.name !== 'file');
        return 'no file part';
      },
    ],
    [
      1,
      () => {
        mp.parts = [...mp.parts].reverse();
        return 'file before mapping';
      },
    ],
    [
      1,
      () => {
        if (file) mp.parts.push({ ...file });
        return 'two files';
      },
    ],
    [
      1,
      () => {
        mp.parts.push({ name: 'extra', data: Buffer.from('x') });
        return 'an extra field';
      },
    ],
    [
      1,
      () => {
        for (let i = 0; i < 10; i++) mp.parts.push({ name: `f${i}`, data: Buffer.from('x') });
        return 'ten extra fields';
      },
    ],
    [
      1,
      () => {
        if (file) file.name = 'upload';
        return 'the file under another name';
      },
    ],
    [
      1,
      () => {
        if (mapping) {
          mapping.filename = 'mapping.json';
          mapping.contentType = 'application/json';
        }
        return 'the mapping as a file';
      },
    ],
    [
      1,
      () => {
        if (file) {
          file.filename = rng.pick([
            '../../etc/passwd',
            '',
            'a\u0000b.csv',
            'x'.repeat(5000),
            '"quoted".csv',
            'ü.csv',
          ]);
        }
        return 'a hostile file name';
      },
    ],
    [
      1,
      () => {
        if (file) {
          file.contentType = rng.pick([
            'application/octet-stream',
            'image/png',
            'x'.repeat(1000),
            '',
          ]);
        }
        return 'an odd part content type';
      },
    ],
    [
      1,
      () => {
        if (file) delete file.filename;
        return 'a file part without a file name';
      },
    ],
    [
      1,
      () => {
        mp.truncate = rng.between(10, 200);
        return 'truncated multipart body';
      },
    ],
    [
      1,
      () => {
        mp.tail = Buffer.from('garbage after the end');
        return 'data after the closing boundary';
      },
    ],
    [
      1,
      () => {
        d.headers['content-type'] = 'multipart/form-data';
        return 'multipart without a boundary';
      },
    ],
    [
      1,
      () => {
        d.headers['content-type'] = `multipart/form-data; boundary=${'b'.repeat(200)}`;
        return 'a boundary that is not in the body';
      },
    ],
    [
      1,
      () => {
        if (mapping) {
          mapping.fromJson = false;
          mapping.data = Buffer.alloc(2 * 1024 * 1024, 0x20);
        }
        return 'a 2 MB mapping field';
      },
    ],
    [
      1,
      () => {
        if (file) file.data = Buffer.alloc(rng.pick([21, 60]) * 1024 * 1024, 0x31);
        return 'a file over the size limit';
      },
    ],
  ]);
  return what();
};
