import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render-app';
import {
  centreEditor,
  counselling,
  funder,
  orgCentre,
  profile,
  serveSystemMap,
  tableId,
} from './test-fixtures';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const profilePath = `/api/v1/programs/${counselling.id}/profile`;
const pagePath = `/system-map/programs/${counselling.id}/profile?table=${tableId}`;

function programRoutes() {
  return {
    [`GET /api/v1/programs/${counselling.id}`]: () => ({
      status: 200,
      body: {
        id: counselling.id,
        organizationId: orgCentre.id,
        name: counselling.name,
        description: null,
        resultIds: [],
        archivedAt: null,
      },
    }),
    [`GET /api/v1/organizations/${orgCentre.id}`]: () => ({
      status: 200,
      body: { ...orgCentre, kind: 'agency', archivedAt: null },
    }),
    [`GET ${profilePath}`]: () => ({ status: 200, body: profile }),
  };
}

describe('the program profile', () => {
  it('lets the agency’s editor change it and saves it with PUT', async () => {
    const api = serveSystemMap(
      {
        ...programRoutes(),
        [`PUT ${profilePath}`]: ({ body }) => ({
          status: 200,
          body: { ...profile, ...(body as object), updatedAt: '2026-06-02T12:00:00.000Z' },
        }),
      },
      centreEditor,
    );
    renderApp(pagePath);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Profile: Counselling' }),
    ).toBeTruthy();
    const services = screen.getByRole('group', { name: 'Service types' });
    expect(
      (within(services).getByLabelText('Counselling and therapy') as HTMLInputElement).checked,
    ).toBe(true);

    fireEvent.click(within(services).getByLabelText('Intensive treatment services'));
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Age groups served' })).getByLabelText('6–11'),
    );
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Regions served' })).getByLabelText('South Lakes'),
    );
    fireEvent.click(screen.getByLabelText('French'));
    fireEvent.change(screen.getByLabelText('Other languages'), { target: { value: 'OJ, cr' } });
    fireEvent.change(screen.getByLabelText('Capacity (clients a year)'), {
      target: { value: '1,500' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the profile' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved at /));
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe(profilePath);
    // Codes in the order the options are listed, whatever order they were ticked in.
    expect(put?.body).toEqual({
      serviceTypes: ['counselling_therapy', 'intensive_treatment'],
      ageGroups: ['6_11', '12_17'],
      regions: ['central', 'south'],
      languages: ['en', 'fr', 'oj', 'cr'],
      capacity: 1500,
    });
  });

  it('sends no capacity when the field is emptied, and refuses a code that is not ISO 639', async () => {
    const api = serveSystemMap(
      {
        ...programRoutes(),
        [`PUT ${profilePath}`]: ({ body }) => ({
          status: 200,
          body: { ...profile, ...(body as object) },
        }),
      },
      centreEditor,
    );
    renderApp(pagePath);
    const other = await screen.findByLabelText('Other languages');

    fireEvent.change(other, { target: { value: 'ojibwe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the profile' }));
    expect(await screen.findByText(/Not an ISO 639 language code: ojibwe/)).toBeTruthy();
    expect(other.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.some((call) => call.method === 'PUT')).toBe(false);

    fireEvent.change(other, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Capacity (clients a year)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the profile' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({
      serviceTypes: ['counselling_therapy'],
      ageGroups: ['12_17'],
      regions: ['central'],
      languages: ['en'],
      capacity: null,
    });
  });

  it('shows the server’s refusal', async () => {
    serveSystemMap(
      {
        ...programRoutes(),
        [`PUT ${profilePath}`]: () => ({
          status: 400,
          body: { error: { code: 'VALIDATION_ERROR', message: 'regions: unknown east' } },
        }),
      },
      centreEditor,
    );
    renderApp(pagePath);
    fireEvent.click(await screen.findByRole('button', { name: 'Save the profile' }));
    expect((await screen.findByRole('alert')).textContent).toBe('regions: unknown east');
  });

  it('is read-only for someone who is not the agency’s editor', async () => {
    serveSystemMap(programRoutes(), funder);
    renderApp(pagePath);

    expect(
      await screen.findByText('Only the agency’s editors can change this profile.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save the profile' })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByText('Counselling and therapy')).toBeTruthy();
    expect(screen.getByText('1,400')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the system map' }).getAttribute('href')).toBe(
      `/system-map/${tableId}`,
    );
  });
});
