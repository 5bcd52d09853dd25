import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeRoute } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { earlierFigures, entrySheet, Q, served, serveEntry } from './test-fixtures';

const earlierRoute = `GET /api/v1/measures/${served}/observations`;
const earlier: FakeRoute = () => ({ status: 200, body: { items: earlierFigures } });
const save: FakeRoute = ({ body }) => ({
  status: 200,
  body: {
    id: 'd9d9d9d9-0000-4000-8000-000000000009',
    measureId: served,
    period: Q,
    periodStart: '2025-10-01',
    periodEnd: '2025-12-31',
    breakdown: {},
    value: (body as { value: number }).value,
    numerator: null,
    denominator: null,
    note: null,
    status: 'draft',
    version: 2,
    enteredBy: null,
    updatedAt: '2025-11-01T10:00:00.000Z',
    warnings: [],
  },
});

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  document.documentElement.lang = 'en';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function typeInto(name: string, text: string) {
  const input = (await screen.findByRole('textbox', { name })) as HTMLInputElement;
  act(() => input.focus());
  fireEvent.keyDown(input, { key: text.charAt(0) });
  fireEvent.change(input, { target: { value: text } });
  return input;
}

describe('the plausibility flag while typing', () => {
  it('warns beside a figure far from its earlier quarters, tied to the input, and still saves', async () => {
    const api = serveEntry(entrySheet(), {
      [earlierRoute]: earlier,
      [`PUT /api/v1/measures/${served}/observations/${Q}`]: save,
    });
    renderApp('/data-entry');
    const input = await typeInto('Children served, FY2025-26 Q3', '500');
    const flag = await screen.findByText('Unusual compared with earlier quarters');
    const flagBox = flag.closest('[id]') as HTMLElement;
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(flagBox.id);
    // The cell's earlier figures: the twelve quarters before this one, breakdowns included.
    expect(api.urls).toContain(
      `/api/v1/measures/${served}/observations?from=FY2022-23-Q3&to=FY2025-26-Q2`,
    );

    // Back to a usual figure: the warning goes.
    fireEvent.change(input, { target: { value: '101' } });
    await waitFor(() =>
      expect(screen.queryByText('Unusual compared with earlier quarters')).toBeNull(),
    );
    expect(input.getAttribute('aria-describedby')).toBeNull();

    // Never blocking: the unusual figure is saved as typed, and the warning stays beside it.
    fireEvent.change(input, { target: { value: '500' } });
    await screen.findByText('Unusual compared with earlier quarters');
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({ value: 500, version: 1 });
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(screen.getByText('Unusual compared with earlier quarters')).toBeTruthy();
  });

  it('says nothing for a figure like the earlier ones', async () => {
    const api = serveEntry(entrySheet(), { [earlierRoute]: earlier });
    renderApp('/data-entry');
    await typeInto('Children served, FY2025-26 Q3', '102');
    await waitFor(() =>
      expect(api.urls.some((u) => u.startsWith(`/api/v1/measures/${served}/observations?`))).toBe(
        true,
      ),
    );
    // Give the answer time to arrive and be applied.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByText('Unusual compared with earlier quarters')).toBeNull();
  });

  it('speaks French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    serveEntry(entrySheet(), { [earlierRoute]: earlier });
    renderApp('/data-entry', { locale: 'fr' });
    await typeInto('Children served, T3 2025-2026', '500');
    expect(
      await screen.findByText('Inhabituel par rapport aux trimestres précédents'),
    ).toBeTruthy();
  });
});
