import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { authRoutes } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import {
  denominator,
  editor,
  familiesInput,
  focus,
  makeSheet,
  numerator,
  openPage,
  puts,
  Q,
  saves,
  serve,
  served,
  servedInput,
  setUpEntryPage,
} from './data-entry-page.fixtures';

setUpEntryPage();

describe('the data-entry grid', () => {
  it('groups measures by program and category, the current quarter beside the three before', async () => {
    await openPage();
    expect(screen.getByRole('heading', { level: 2, name: 'Counselling' })).toBeTruthy();
    const categories = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(categories).toEqual(['#How much did we do?', '♥Is anyone better off?']);
    const grid = screen.getAllByRole('grid')[0] as HTMLElement;
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers.slice(0, 5)).toEqual([
      'Measure',
      'FY2024-25 Q4',
      'FY2025-26 Q1',
      'FY2025-26 Q2',
      'FY2025-26 Q3 (this quarter)',
    ]);
    expect(servedInput().value).toBe('12');
    expect(numerator().value).toBe('6');
    expect(denominator().value).toBe('10');
    expect(screen.getByText('= 60%')).toBeTruthy();
  });

  it('moves with the arrows and Tab, and only one cell is in the page’s tab order', async () => {
    await openPage();
    const tabbable = document.querySelectorAll('.entry-grid [tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(familiesInput());
    fireEvent.keyDown(familiesInput(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(numerator());
    fireEvent.keyDown(numerator(), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(denominator());
    fireEvent.keyDown(denominator(), { key: 'Tab' });
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Note: Youth whose functioning improved' }),
    );
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(denominator());
    fireEvent.keyDown(denominator(), { key: 'ArrowUp' });
    // Families served has no denominator: up lands on its figure, the nearest column.
    expect(document.activeElement).toBe(familiesInput());
    fireEvent.keyDown(familiesInput(), { key: 'ArrowUp' });
    fireEvent.keyDown(servedInput(), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Breakdowns and note: Children served' }),
    );
    expect(servedInput().tabIndex).toBe(-1);
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    expect(puts()).toHaveLength(0);
  });

  it('replaces the content when typing over a cell, and saves and moves down on Enter', async () => {
    await openPage();
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: '1' });
    expect(servedInput().value).toBe('1');
    fireEvent.change(servedInput(), { target: { value: '15' } });
    fireEvent.keyDown(servedInput(), { key: 'Enter' });
    expect(document.activeElement).toBe(familiesInput());
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]).toMatchObject({
      path: `/api/v1/measures/${served}/observations/${Q}`,
      body: { value: 15, version: 2 },
    });
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(servedInput().value).toBe('15');
  });

  it('reverts the cell on Esc without saving', async () => {
    await openPage();
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: '9' });
    fireEvent.change(servedInput(), { target: { value: '99' } });
    fireEvent.keyDown(servedInput(), { key: 'Escape' });
    expect(servedInput().value).toBe('12');
    fireEvent.keyDown(servedInput(), { key: 'ArrowDown' });
    expect(puts()).toHaveLength(0);
  });

  it('shows the percentage as the numerator and denominator are typed, and saves them together', async () => {
    await openPage();
    focus(numerator());
    fireEvent.keyDown(numerator(), { key: '9' });
    fireEvent.keyDown(numerator(), { key: 'Tab' });
    // Half a percentage is not sent: the denominator comes next.
    expect(puts()).toHaveLength(0);
    expect(document.activeElement).toBe(denominator());
    fireEvent.keyDown(denominator(), { key: '2' });
    fireEvent.change(denominator(), { target: { value: '20' } });
    expect(screen.getByText('= 45%')).toBeTruthy();
    fireEvent.keyDown(denominator(), { key: 'Enter' });
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]?.body).toEqual({ numerator: 9, denominator: 20, version: 1 });
  });

  it('words a refused figure itself, inline and tied to the input', async () => {
    saves.push(() => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'value: a count must be a whole number of at least 0',
          details: [
            {
              path: 'body.value',
              code: 'not_integer',
              params: { minimum: 0 },
              message: 'value: a count must be a whole number of at least 0',
            },
          ],
        },
      },
    }));
    await openPage();
    focus(familiesInput());
    fireEvent.keyDown(familiesInput(), { key: '-' });
    fireEvent.change(familiesInput(), { target: { value: '-2' } });
    fireEvent.keyDown(familiesInput(), { key: 'Enter' });
    const message = await screen.findByText('Enter a whole number, 0 or more.');
    expect(familiesInput().getAttribute('aria-invalid')).toBe('true');
    const describedBy = familiesInput().getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.contains(message)).toBe(true);
    expect(familiesInput().value).toBe('-2');
    expect(screen.queryByText(/a count must be/)).toBeNull();
  });

  it('words a refusal in French, at the half of a percentage it concerns', async () => {
    serve(makeSheet(), { ...authRoutes({ ...editor, locale: 'fr' }) });
    saves.push(() => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'denominator: may not be 0',
          details: [
            {
              path: 'body.denominator',
              code: 'zero_denominator',
              params: {},
              message: 'The API’s own words',
            },
          ],
        },
      },
    }));
    renderApp('/data-entry', { locale: 'fr' });
    await screen.findByRole('heading', { level: 1, name: 'Ce trimestre' });
    const [num, den] = await waitFor(() => {
      const inputs = screen.getAllByRole('textbox', { name: /^(Numérateur|Dénominateur) :/ });
      expect(inputs).toHaveLength(2);
      return inputs as HTMLInputElement[];
    });
    focus(num as HTMLInputElement);
    fireEvent.change(num as HTMLInputElement, { target: { value: '3' } });
    fireEvent.keyDown(num as HTMLInputElement, { key: 'ArrowRight' });
    fireEvent.change(den as HTMLInputElement, { target: { value: '0' } });
    fireEvent.keyDown(den as HTMLInputElement, { key: 'Enter' });
    const message = await screen.findByText('Le dénominateur ne peut pas être 0.');
    expect(den?.getAttribute('aria-invalid')).toBe('true');
    expect(num?.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(den?.getAttribute('aria-describedby') ?? '')).toContain(message);
    // A measure with no French name is shown in English, and marked so.
    const name = screen.getByText('Youth whose functioning improved', {
      selector: '.entry-measure-name span',
    });
    expect(name.getAttribute('lang')).toBe('en');
  });

  it('refuses text that is not a number without asking the server', async () => {
    await openPage();
    focus(familiesInput());
    fireEvent.keyDown(familiesInput(), { key: 'x' });
    fireEvent.keyDown(familiesInput(), { key: 'Enter' });
    expect(await screen.findByText('Enter a number, such as 42 or 12.5.')).toBeTruthy();
    expect(familiesInput().getAttribute('aria-invalid')).toBe('true');
    expect(puts()).toHaveLength(0);
  });
});

describe('the breakdown panel', () => {
  it('opens beside the grid with the breakdown cells, saves one, and closes on Esc', async () => {
    await openPage();
    const open = screen.getByRole('button', { name: 'Breakdowns and note: Children served' });
    fireEvent.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Children served' });
    const girls = within(dialog).getByRole('textbox', {
      name: 'Children served (Girls), FY2025-26 Q3',
    }) as HTMLInputElement;
    expect(girls.value).toBe('5');
    expect(document.activeElement).toBe(girls);
    fireEvent.keyDown(girls, { key: '6' });
    fireEvent.keyDown(girls, { key: 'Enter' });
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]?.body).toEqual({ value: 6, version: 1, breakdown: { gender: 'girls' } });
    const boys = within(dialog).getByRole('textbox', {
      name: 'Children served (Boys), FY2025-26 Q3',
    });
    expect(document.activeElement).toBe(boys);
    fireEvent.keyDown(boys, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('words a part larger than its total at that part', async () => {
    saves.push(() => ({
      status: 422,
      body: {
        error: {
          code: 'BREAKDOWN_EXCEEDS_TOTAL',
          message: 'A part may not exceed its total',
          details: {
            breakdowns: ['gender:girls'],
            issues: [
              {
                path: 'body.value',
                code: 'part_exceeds_total',
                params: { breakdowns: ['gender:girls'] },
                message: 'The API’s own words',
              },
            ],
          },
        },
      },
    }));
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Breakdowns and note: Children served' }));
    const dialog = screen.getByRole('dialog', { name: 'Children served' });
    const girls = within(dialog).getByRole('textbox', {
      name: 'Children served (Girls), FY2025-26 Q3',
    });
    fireEvent.keyDown(girls, { key: '9' });
    fireEvent.change(girls, { target: { value: '99' } });
    fireEvent.keyDown(girls, { key: 'Enter' });
    const message = await within(dialog).findByText(
      'A part cannot be more than the total (gender:girls).',
    );
    expect(girls.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(girls.getAttribute('aria-describedby') ?? '')).toContain(
      message,
    );
  });

  it('is modal: the page behind is inert while it is open, and comes back when it closes', async () => {
    await openPage();
    const open = screen.getByRole('button', { name: 'Breakdowns and note: Children served' });
    fireEvent.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Children served' });
    // The panel hangs off the body; everything else there is inert.
    const backdrop = dialog.parentElement as HTMLElement;
    expect(backdrop.parentElement).toBe(document.body);
    const behind = [...document.body.children].filter((el) => el !== backdrop);
    expect(behind.length).toBeGreaterThan(0);
    for (const el of behind) expect(el.hasAttribute('inert')).toBe(true);
    expect(open.closest('[inert]')).not.toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.querySelector('[inert]')).toBeNull();
    expect(document.activeElement).toBe(open);
  });
});
