import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render-app';
import {
  editor,
  focus,
  makeSheet,
  openPage,
  orgId,
  puts,
  Q,
  saves,
  serve,
  served,
  servedInput,
  setUpEntryPage,
} from './data-entry-page.fixtures';

setUpEntryPage();

describe('a version conflict', () => {
  function conflictOnce() {
    saves.push(() => ({
      status: 409,
      body: {
        error: {
          code: 'VERSION_CONFLICT',
          message: 'Someone else saved this figure first; review their value and save again',
          details: {
            current: {
              id: 'd1d1d1d1-0000-4000-8000-000000000001',
              measureId: served,
              period: Q,
              periodStart: '2025-10-01',
              periodEnd: '2025-12-31',
              breakdown: {},
              value: 20,
              numerator: null,
              denominator: null,
              note: null,
              status: 'draft',
              version: 3,
              enteredBy: 'u-9',
              updatedAt: '2025-11-01T09:00:00.000Z',
            },
          },
        },
      },
    }));
  }

  async function typeFifteen() {
    await openPage();
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: '1' });
    fireEvent.change(servedInput(), { target: { value: '15' } });
    fireEvent.keyDown(servedInput(), { key: 'Enter' });
    return screen.findByRole('alert');
  }

  it('shows their figure beside mine; keep mine saves again at their version', async () => {
    conflictOnce();
    const alert = await typeFifteen();
    expect(alert.textContent).toContain(
      'Someone else saved Children served while you were editing it.',
    );
    expect(within(alert).getByText('Their figure').nextSibling?.textContent).toBe('20');
    expect(within(alert).getByText('Yours').nextSibling?.textContent).toBe('15');
    fireEvent.click(within(alert).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(puts()).toHaveLength(2));
    expect(puts()[1]?.body).toEqual({ value: 15, version: 3 });
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(servedInput().value).toBe('15');
  });

  it('take theirs puts their figure in the cell and saves nothing', async () => {
    conflictOnce();
    const alert = await typeFifteen();
    fireEvent.click(within(alert).getByRole('button', { name: 'Take theirs' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(servedInput().value).toBe('20'));
    expect(puts()).toHaveLength(1);
    // The next save goes at their version.
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: '2' });
    fireEvent.change(servedInput(), { target: { value: '21' } });
    fireEvent.keyDown(servedInput(), { key: 'Enter' });
    await waitFor(() => expect(puts()).toHaveLength(2));
    expect(puts()[1]?.body).toEqual({ value: 21, version: 3 });
  });

  it('lets the choice be reached from the keyboard, below the figure', async () => {
    conflictOnce();
    await typeFifteen();
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep mine' }));
  });
});

describe('the quarter', () => {
  it('shows a returned quarter’s note at the top', async () => {
    serve(
      makeSheet({
        submission: {
          id: 'e1e1e1e1-0000-4000-8000-000000000001',
          status: 'returned',
          submittedBy: { id: editor.id, name: 'Priya Patel' },
          submittedAt: '2025-10-20T10:00:00.000Z',
          reviewedBy: { id: 'u-3', name: 'Chantal Coordinator' },
          reviewedAt: '2025-10-22T10:00:00.000Z',
          reviewNote: 'The average wait went from 58 to 71 days. Please check.',
        },
      }),
    );
    await openPage();
    const banner = screen.getByRole('region', {
      name: 'FY2025-26 Q3 was returned for changes',
    });
    expect(
      within(banner).getByText('The average wait went from 58 to 71 days. Please check.'),
    ).toBeTruthy();
    expect(within(banner).getByText(/Chantal Coordinator returned it on/)).toBeTruthy();
    // It comes before the grid.
    const grid = screen.getAllByRole('grid')[0] as HTMLElement;
    expect(banner.compareDocumentPosition(grid) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 again' })).toBeTruthy();
  });

  it('shows a locked quarter read-only with the reason', async () => {
    serve(
      makeSheet({
        lock: 'approved',
        submission: {
          id: 'e1e1e1e1-0000-4000-8000-000000000001',
          status: 'approved',
          submittedBy: null,
          submittedAt: '2025-10-20T10:00:00.000Z',
          reviewedBy: null,
          reviewedAt: '2025-10-22T10:00:00.000Z',
          reviewNote: null,
        },
      }),
    );
    renderApp('/data-entry');
    expect(await screen.findByText(/This quarter was approved on/)).toBeTruthy();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.getByText('60% (6/10)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Submit/ })).toBeNull();
  });

  it('submits the quarter after a confirmation', async () => {
    let submitted = 0;
    serve(makeSheet(), {
      [`POST /api/v1/organizations/${orgId}/periods/${Q}/submit`]: () => {
        submitted++;
        return {
          status: 200,
          body: {
            id: 'e1e1e1e1-0000-4000-8000-000000000001',
            organizationId: orgId,
            period: Q,
            periodStart: '2025-10-01',
            periodEnd: '2025-12-31',
            status: 'submitted',
            submittedBy: editor.id,
            submittedAt: '2025-11-01T10:00:00.000Z',
            reviewedBy: null,
            reviewedAt: null,
            reviewNote: null,
            lockedObservations: 3,
          },
        };
      },
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 for review' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Submit FY2025-26 Q3 for review?' });
    expect(submitted).toBe(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(submitted).toBe(1));
  });
});
