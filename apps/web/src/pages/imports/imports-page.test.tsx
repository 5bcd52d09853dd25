import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { ImportJob, ImportReport } from '../../api/imports-api';
import { authRoutes, type FakeResponse, fakeApi, holdRefreshCookie } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

const tableId = '8650ce1a-228f-4016-bc36-693d34bab59f';
const resultId = 'a503e436-4f8e-4f27-bc56-839f64a1ffae';
const indicatorId = 'edddeb5a-c791-49e1-b747-b327a9f234ff';

const coordinator: User = {
  id: 'u-coord',
  email: 'coordinator@example.org',
  name: 'Chantal Coordinator',
  locale: 'en',
  roles: [{ role: 'table_coordinator', scopeType: 'table', scopeId: tableId }],
};

const indicator = {
  id: indicatorId,
  kind: 'indicator',
  code: 'YOUTH-MH-CA',
  name: 'Youth with fair or poor mental health (Canada)',
  tableId,
  resultId,
  programId: null,
  organizationId: null,
  category: null,
  unit: 'percent',
  ratePer: null,
  direction: 'down',
  periodType: 'year',
  aggregation: 'mean',
  periodAggregation: 'mean',
  decimals: 1,
  headline: false,
  onDataDevelopmentAgenda: false,
  baselinePeriod: null,
  dataSource: null,
  definition: null,
  sharedMeasureId: null,
  dimensions: ['gender'],
  archivedAt: null,
};

// Statistics Canada table 13-10-0096-01, youth aged 12 to 17, as published.
const statcan = [
  'REF_DATE,GEO,Age,Sex,Indicators,VALUE',
  '2015,Canada (excluding territories),12 to 17 years,Both sexes,"Perceived mental health, fair or poor",4.1',
  '2015,Canada (excluding territories),12 to 17 years,Males,"Perceived mental health, fair or poor",2.8',
  '2015,Canada (excluding territories),12 to 17 years,Females,"Perceived mental health, fair or poor",5.5',
  '2015,Ontario,12 to 17 years,Both sexes,"Perceived mental health, fair or poor",4.5',
  '2015,Ontario,12 to 17 years,Both sexes,"Life satisfaction, satisfied or very satisfied",97.7',
  '2016,Canada (excluding territories),12 to 17 years,Males,"Perceived mental health, fair or poor",NA',
].join('\n');

interface Upload {
  url: URL;
  mapping: unknown;
  fileName: string;
  fileText: string;
}

let uploads: Upload[];
let importAnswers: FakeResponse[];
let jobAnswers: FakeResponse[];

function serve() {
  const base = fakeApi({
    ...authRoutes(coordinator),
    'GET /api/v1/tables': () => ({
      status: 200,
      body: {
        items: [
          {
            id: tableId,
            name: 'Northshire Planning Table',
            population: 'Children and youth',
            description: null,
            archivedAt: null,
            createdAt: '2025-01-01T00:00:00.000Z',
          },
        ],
        total: 1,
      },
    }),
    [`GET /api/v1/tables/${tableId}`]: () => ({
      status: 200,
      body: { id: tableId, name: 'Northshire Planning Table' },
    }),
    [`GET /api/v1/tables/${tableId}/results`]: () => ({
      status: 200,
      body: {
        items: [
          {
            id: resultId,
            tableId,
            title: 'All children and youth in Northshire are mentally healthy',
            description: null,
            sortOrder: 0,
            archivedAt: null,
          },
        ],
        total: 1,
      },
    }),
    [`GET /api/v1/results/${resultId}/indicators`]: () => ({
      status: 200,
      body: { items: [indicator], total: 1 },
    }),
    'GET /api/v1/dimensions': () => ({
      status: 200,
      body: {
        items: [
          {
            id: 'd-1',
            code: 'gender',
            name: 'Gender',
            values: [
              { code: 'girls_women', label: 'Girls and women' },
              { code: 'boys_men', label: 'Boys and men' },
              { code: 'gender_diverse', label: 'Gender diverse' },
            ],
          },
        ],
      },
    }),
    'GET /api/v1/imports/job-1': () =>
      jobAnswers.length > 1
        ? (jobAnswers.shift() as FakeResponse)
        : (jobAnswers[0] as FakeResponse),
  });
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    if (init?.method === 'POST' && url.pathname === '/api/v1/imports') {
      const form = init.body as FormData;
      const file = form.get('file') as File;
      uploads.push({
        url,
        mapping: JSON.parse(String(form.get('mapping'))),
        fileName: file.name,
        fileText: await file.text(),
      });
      const answer = importAnswers.shift() ?? { status: 500 };
      return new Response(JSON.stringify(answer.body ?? {}), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    }
    return base.fetch(input, init);
  };
  vi.stubGlobal('fetch', fetchStub);
}

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    rowsRead: 6,
    inserted: 3,
    updated: 0,
    unchanged: 0,
    rejected: [],
    committed: false,
    skipped: [{ line: 7, reason: 'VALUE: "NA" is a missing value; skipped' }],
    filtered: 2,
    ...overrides,
  };
}

function job(overrides: Partial<ImportJob>): FakeResponse {
  return {
    status: 200,
    body: {
      id: 'job-1',
      status: 'running',
      commit: true,
      phase: 'queued',
      done: 0,
      total: 6,
      report: null,
      error: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      finishedAt: null,
      ...overrides,
    },
  };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  holdRefreshCookie();
  document.documentElement.lang = 'en';
  uploads = [];
  importAnswers = [];
  jobAnswers = [];
  serve();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function chooseFile(text: string, name: string) {
  renderApp('/imports');
  const input = await screen.findByLabelText('CSV file');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
  await screen.findByText(new RegExp(`^${name.replace('.', '\\.')} \\(`));
  fireEvent.click(screen.getByRole('button', { name: 'Next: describe the layout' }));
  await screen.findByRole('heading', { level: 2, name: 'Step 2 of 4: Describe its layout' });
}

function select(label: string | RegExp, value: string, within_: HTMLElement = document.body) {
  fireEvent.change(within(within_).getByLabelText(label), { target: { value } });
}

function mappingJson(): unknown {
  return JSON.parse(screen.getByTestId('mapping-json').textContent ?? '');
}

/** Maps the StatCan extract: Canada, fair or poor mental health, by sex, "F" not missing. */
async function mapStatcan() {
  await chooseFile(statcan, 'statcan.csv');
  expect((screen.getByRole('radio', { name: /Map my columns/ }) as HTMLInputElement).checked).toBe(
    true,
  );
  const preview = screen.getByRole('table', { name: 'The first 5 rows' });
  expect(
    within(preview)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['REF_DATE', 'GEO', 'Age', 'Sex', 'Indicators', 'VALUE']);

  const measure = (await screen.findByRole('option', {
    name: 'YOUTH-MH-CA – Youth with fair or poor mental health (Canada)',
  })) as HTMLOptionElement;
  select('Measure', measure.value);
  expect(
    screen.getByText(/Yearly figures · entered as a value · broken down by Gender/),
  ).toBeTruthy();
  select('How periods are written', 'year');

  fireEvent.click(screen.getByRole('button', { name: 'Add a breakdown column' }));
  const breakdown = screen.getByRole('group', { name: 'Breakdown 1' });
  // The measure's only dimension is chosen; "Both sexes" is recognised as the total.
  expect((within(breakdown).getByLabelText('Dimension') as HTMLSelectElement).value).toBe('gender');
  select('Column', 'Sex', breakdown);
  const values = within(breakdown).getByRole('table', { name: 'What the values of Sex mean' });
  expect((within(values).getByLabelText('Both sexes') as HTMLSelectElement).value).toBe('*total');
  expect((within(values).getByLabelText('Males') as HTMLSelectElement).value).toBe('');
  select('Males', 'boys_men', values);
  select('Females', 'girls_women', values);

  fireEvent.click(screen.getByRole('button', { name: 'Add a filter' }));
  const geo = screen.getByRole('group', { name: 'Filter 1' });
  select('Column', 'GEO', geo);
  fireEvent.click(within(geo).getByRole('checkbox', { name: 'Canada (excluding territories)' }));
  fireEvent.click(screen.getByRole('button', { name: 'Add a filter' }));
  const indicators = screen.getByRole('group', { name: 'Filter 2' });
  select('Column', 'Indicators', indicators);
  fireEvent.click(
    within(indicators).getByRole('checkbox', { name: 'Perceived mental health, fair or poor' }),
  );

  const missing = screen.getByRole('group', { name: 'Missing values' });
  fireEvent.click(within(missing).getByRole('checkbox', { name: 'F' }));
}

const statcanMapping = {
  mode: 'long',
  measureId: indicatorId,
  period: { column: 'REF_DATE', format: 'year' },
  value: { column: 'VALUE', scale: 1 },
  breakdown: {
    gender: {
      column: 'Sex',
      values: { 'Both sexes': null, Males: 'boys_men', Females: 'girls_women' },
    },
  },
  filters: [
    { column: 'GEO', equals: 'Canada (excluding territories)' },
    { column: 'Indicators', equals: 'Perceived mental health, fair or poor' },
  ],
  missing: ['', 'NA', 'N/A', '..', '...', 'x', 'X'],
};

describe('the import wizard', () => {
  it('builds the mapping of a long file with a breakdown column and filters, and sends it with the file', async () => {
    await mapStatcan();
    expect(mappingJson()).toEqual(statcanMapping);

    importAnswers.push({ status: 200, body: report() });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    await screen.findByRole('heading', { level: 2, name: 'Step 3 of 4: Check the dry run' });

    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.url.search).toBe('');
    expect(uploads[0]?.mapping).toEqual(statcanMapping);
    expect(uploads[0]?.fileName).toBe('statcan.csv');
    expect(uploads[0]?.fileText).toBe(statcan);
  });

  it('says what is missing from the mapping instead of sending it', async () => {
    await chooseFile(statcan, 'statcan.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The mapping is not finished:');
    expect(alert.textContent).toContain('Choose the measure.');
    expect(uploads).toEqual([]);
  });

  it('builds the mapping of a wide file: a measure column and one column per period', async () => {
    const wide = ['measure_code,Region,2021,2022,2023', 'SERVED,North,0.12,0.2,0.25'].join('\r\n');
    await chooseFile(wide, 'wide.csv');
    // Three headers read as years: the file is taken as wide, every year column ticked.
    expect(
      (screen.getByRole('radio', { name: /One column per period/ }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'A column names the measure of each row' }));
    expect((screen.getByLabelText('Measure column') as HTMLSelectElement).value).toBe(
      'measure_code',
    );
    select('Look the measures up in', `table:${tableId}`);
    select('How periods are written', 'year');
    const periods = screen.getByRole('group', { name: 'Columns that are periods' });
    fireEvent.click(within(periods).getByRole('checkbox', { name: '2021' }));
    fireEvent.change(screen.getByLabelText('Multiply by'), { target: { value: '100' } });

    expect(mappingJson()).toEqual({
      mode: 'wide',
      measure: { column: 'measure_code', by: 'code' },
      tableId,
      period: { format: 'year' },
      value: { column: '2022', scale: 100 },
      wide: { periodColumns: ['2022', '2023'] },
    });
  });

  it('lists every rejected line with its reason and offers no commit', async () => {
    await mapStatcan();
    importAnswers.push({
      status: 200,
      body: report({
        inserted: 1,
        rejected: [
          {
            line: 3,
            reason: 'period locked: this period is approved; a coordinator must return it',
          },
          { line: 4, reason: 'Sex: "Femmes" is not mapped to a value of gender' },
        ],
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    const table = await screen.findByRole('table', { name: 'Rejected rows' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['3', 'period locked: this period is approved; a coordinator must return it'],
      ['4', 'Sex: "Femmes" is not mapped to a value of gender'],
    ]);
    const counts = [...document.querySelectorAll('.imports-counts > div')].map((d) =>
      [...d.children].map((c) => c.textContent).join(': '),
    );
    expect(counts).toEqual([
      'Rows read: 6',
      'New figures: 1',
      'Changed figures: 0',
      'Already the same: 0',
      'Missing values skipped: 1',
      'Rows filtered out: 2',
      'Rows rejected: 2',
    ]);
    expect(screen.getByText(/^Rows rejected: 2\. Nothing can be written/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Write the figures/ })).toBeNull();
    // The heading of the step takes the focus, so the report is read from its top.
    expect(document.activeElement?.textContent).toBe('Step 3 of 4: Check the dry run');
  });

  it('commits as a job and shows its progress until the final report', async () => {
    await mapStatcan();
    importAnswers.push({ status: 200, body: report() });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    const commit = await screen.findByRole('button', { name: 'Write the figures (3)' });

    jobAnswers.push(
      job({ phase: 'checking', done: 0 }),
      job({ phase: 'writing', done: 3 }),
      job({
        status: 'done',
        phase: 'done',
        done: 6,
        report: report({ committed: true }),
        finishedAt: '2025-01-01T00:00:01.000Z',
      }),
    );
    importAnswers.push({ status: 202, body: { jobId: 'job-1' } });
    fireEvent.click(commit);

    await screen.findByRole('heading', { level: 2, name: 'Step 4 of 4: Write the figures' });
    expect(uploads[1]?.url.searchParams.get('commit')).toBe('true');
    expect(uploads[1]?.url.searchParams.get('async')).toBe('true');
    expect(uploads[1]?.mapping).toEqual(statcanMapping);

    const progress = screen.getByLabelText('Progress') as HTMLProgressElement;
    // Nothing counted yet: the bar is busy (no value), not stuck at 0.
    await waitFor(() => expect(screen.getByText('Checking: 6 rows…')).toBeTruthy());
    expect(progress.hasAttribute('value')).toBe(false);
    await waitFor(() => expect(screen.getByText('Writing: 3 of 6 rows')).toBeTruthy(), {
      timeout: 3000,
    });
    expect(progress.getAttribute('value')).toBe('3');
    expect(progress.max).toBe(6);
    expect(
      await screen.findByText('Written: 3 figures added and 0 changed.', {}, { timeout: 3000 }),
    ).toBeTruthy();
    expect(screen.getByText('Done: 6 of 6 rows')).toBeTruthy();
    expect(screen.getByText('Figures added')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import another file' })).toBeTruthy();
  });

  it('explains a file the server refuses as too large', async () => {
    await mapStatcan();
    importAnswers.push({
      status: 413,
      body: { error: { code: 'FILE_TOO_LARGE', message: 'The file is larger than 20 MB' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^The server refused the file because it is larger than 20 MB\. Split it/,
    );
  });

  it('words the mapping problems the server finds, each with where it is', async () => {
    await mapStatcan();
    importAnswers.push({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'mapping.columns.value: Required',
          details: [
            {
              path: 'mapping.scale',
              code: 'too_small',
              params: { minimum: 0, inclusive: false },
              message: 'The API’s own words',
            },
          ],
        },
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The file or its layout was refused:');
    expect(within(alert).getByRole('listitem').textContent).toBe('scale: Enter more than 0.');
    expect(alert.textContent).not.toContain('The API’s own words');
  });

  it('offers the coordinator an export of their own table', async () => {
    renderApp('/imports');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Export CSV: Northshire Planning Table' }),
    );
    expect(
      await screen.findByText('Planning table: Northshire Planning Table', {}, { timeout: 2000 }),
    ).toBeTruthy();
  });

  it('speaks French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    renderApp('/imports');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Étape 1 sur 4 : Choisir le fichier' }),
    ).toBeTruthy();
    expect(screen.getByLabelText('Fichier CSV')).toBeTruthy();
    expect(screen.getByText(/jusqu’à 20 Mo/)).toBeTruthy();
  });
});
