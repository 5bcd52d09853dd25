import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeRoute } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import {
  api,
  editor,
  families,
  makeSheet,
  openPage,
  orgId,
  Q,
  serve,
  served,
  setUpEntryPage,
} from './data-entry-page.fixtures';

setUpEntryPage();

describe('the checks before submitting', () => {
  const submitRoute =
    (count: { submitted: number }): FakeRoute =>
    () => {
      count.submitted++;
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
          missingCount: 2,
          flaggedCount: 2,
        },
      };
    };
  const checksPath = `GET /api/v1/organizations/${orgId}/periods/${Q}/checks`;
  const findings: FakeRoute = () => ({
    status: 200,
    body: {
      period: Q,
      missing: [
        { measureId: families, code: 'FAMILIES' },
        // A measure the sheet does not show: its code stands in for its name.
        { measureId: 'b9b9b9b9-0000-4000-8000-000000000009', code: 'WAITLIST' },
      ],
      flagged: [
        { measureId: served, code: 'SERVED', breakdown: {}, value: 99999999, score: 41.2 },
        {
          measureId: served,
          code: 'SERVED',
          breakdown: { gender: 'girls' },
          value: 5000,
          score: null,
        },
      ],
    },
  });
  const items = (list: HTMLElement) =>
    within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent?.replace(/\s/g, ' '));

  it('lists the figures still empty and those that look wrong, and still submits', async () => {
    const count = { submitted: 0 };
    serve(makeSheet(), {
      [checksPath]: findings,
      [`POST /api/v1/organizations/${orgId}/periods/${Q}/submit`]: submitRoute(count),
    });
    await openPage();
    const open = () => screen.getByRole('button', { name: 'Submit FY2025-26 Q3 for review' });
    fireEvent.click(open());
    const confirm = screen.getByRole('alertdialog', { name: 'Submit FY2025-26 Q3 for review?' });
    expect(within(confirm).getByRole('status').textContent).toBe('Checking the quarter’s figures…');
    // Submitting is not held up while the checks load.
    expect(within(confirm).getByRole('button', { name: 'Submit' })).toBeTruthy();
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Submit' }));

    const checks = within(confirm).getByRole('region', { name: 'Checks of the figures' });
    const empty = await within(checks).findByRole('list', { name: '2 figures are still empty' });
    expect(items(empty)).toEqual(['Families served', 'WAITLIST']);
    const wrong = within(checks).getByRole('list', { name: '2 figures look wrong' });
    expect(items(wrong)).toEqual([
      'Children served: 99,999,999 looks far from this figure’s earlier quarters',
      'Children served (Girls): 5,000 looks far from this figure’s earlier quarters',
    ]);
    expect(within(checks).getByRole('heading', { name: '2 figures look wrong' })).toBeTruthy();
    expect(within(confirm).getByRole('status').textContent).toBe(
      'Have a look before you submit: 2 figures are still empty; 2 figures look wrong.',
    );
    // The summary describes the confirmation.
    const describedBy = confirm.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(describedBy).toContain(within(confirm).getByRole('status').id);

    // Going back keeps the grid open to fix a figure; the focus returns to where it was.
    fireEvent.click(within(confirm).getByRole('button', { name: 'Go back to the figures' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(open()));

    fireEvent.click(open());
    const again = screen.getByRole('alertdialog', { name: 'Submit FY2025-26 Q3 for review?' });
    const anyway = await within(again).findByRole('button', { name: 'Submit anyway' });
    // Opened again, the checks are asked again: the figures may have changed meanwhile.
    expect(api.calls.filter((c) => c.path.endsWith('/checks'))).toHaveLength(2);
    fireEvent.click(anyway);
    await waitFor(() => expect(count.submitted).toBe(1));
  });

  it('says when there is nothing to look at', async () => {
    serve(makeSheet(), {
      [checksPath]: () => ({ status: 200, body: { period: Q, missing: [], flagged: [] } }),
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 for review' }));
    const confirm = screen.getByRole('alertdialog');
    expect(
      await within(confirm).findByText(
        'Every measure has a figure, and none looks far from its earlier quarters.',
      ),
    ).toBeTruthy();
    expect(within(confirm).getByRole('button', { name: 'Submit' })).toBeTruthy();
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(within(confirm).queryByRole('list')).toBeNull();
  });

  it('says when the checks fail, and still submits', async () => {
    const count = { submitted: 0 };
    let failing = true;
    serve(makeSheet(), {
      [checksPath]: (request) =>
        failing
          ? { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong' } } }
          : (findings(request) as ReturnType<FakeRoute>),
      [`POST /api/v1/organizations/${orgId}/periods/${Q}/submit`]: submitRoute(count),
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 for review' }));
    const confirm = screen.getByRole('alertdialog');
    await within(confirm).findByText(
      'The figures could not be checked just now. You can still submit, or check again.',
    );
    // Checking again brings the lists, and the focus back to the confirm button.
    failing = false;
    fireEvent.click(within(confirm).getByRole('button', { name: 'Check again' }));
    await within(confirm).findByRole('list', { name: '2 figures look wrong' });
    const submit = within(confirm).getByRole('button', { name: 'Submit anyway' });
    await waitFor(() => expect(document.activeElement).toBe(submit));
    failing = true;
    fireEvent.click(submit);
    await waitFor(() => expect(count.submitted).toBe(1));
  });

  it('submits when the checks could not be loaded', async () => {
    const count = { submitted: 0 };
    serve(makeSheet(), {
      [checksPath]: () => ({
        status: 500,
        body: { error: { code: 'INTERNAL', message: 'Something went wrong' } },
      }),
      [`POST /api/v1/organizations/${orgId}/periods/${Q}/submit`]: submitRoute(count),
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 for review' }));
    const confirm = screen.getByRole('alertdialog');
    await within(confirm).findByRole('button', { name: 'Check again' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(count.submitted).toBe(1));
  });

  it('speaks French', async () => {
    serve(makeSheet(), { [checksPath]: findings });
    localStorage.setItem('rba.locale', 'fr');
    renderApp('/data-entry', { locale: 'fr' });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Soumettre T3 2025-2026 pour révision' }),
    );
    const confirm = screen.getByRole('alertdialog', {
      name: 'Soumettre T3 2025-2026 pour révision ?',
    });
    const checks = within(confirm).getByRole('region', { name: 'Vérification des données' });
    const empty = await within(checks).findByRole('list', {
      name: '2 données sont encore vides',
    });
    expect(items(empty)).toEqual(['Families served', 'WAITLIST']);
    const wrong = within(checks).getByRole('list', { name: '2 données semblent erronées' });
    expect(items(wrong)).toEqual([
      'Children served : 99 999 999 s’écarte nettement des trimestres précédents de cette donnée',
      'Children served (Girls) : 5 000 s’écarte nettement des trimestres précédents de cette donnée',
    ]);
    expect(within(confirm).getByRole('status').textContent?.replace(/\s/g, ' ')).toBe(
      'À examiner avant de soumettre : 2 données sont encore vides ; 2 données semblent erronées.',
    );
    expect(within(confirm).getByRole('button', { name: 'Soumettre quand même' })).toBeTruthy();
    expect(within(confirm).getByRole('button', { name: 'Revenir aux données' })).toBeTruthy();
  });
});
