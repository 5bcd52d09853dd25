import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bay,
  centre,
  clinic,
  editor,
  hub,
  later,
  renderPartnerships,
  servePartnerships,
} from './test-fixtures';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const path = `/partnerships/surveys/${later.id}/response`;
const puts = (api: ReturnType<typeof servePartnerships>) =>
  api.calls.filter((c) => c.method === 'PUT' && c.path.endsWith('/my-response'));

/** "Presses Space" on a control reached by Tab: it takes the focus, then is activated. */
function press(control: HTMLElement) {
  control.focus();
  expect(document.activeElement).toBe(control);
  fireEvent.click(control);
}

function rate(partner: HTMLElement, item: string, rating: string) {
  const group = within(partner).getByRole('group', { name: item });
  press(within(group).getByRole('radio', { name: rating }));
}

describe('the partnership survey form', () => {
  it('is one named fieldset per partner, with the six levels named in words', async () => {
    servePartnerships(editor);
    renderPartnerships(path);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Partnerships 2026 (2026)' }),
    ).toBeTruthy();
    for (const agency of [centre, bay, clinic]) {
      expect(screen.getByRole('group', { name: agency.name })).toBeTruthy();
    }
    const partner = screen.getByRole('group', { name: 'Community Centre' });
    expect(partner.tagName).toBe('FIELDSET');
    const level = within(partner).getByRole('group', { name: 'How closely do you work together?' });
    const radios = within(level).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('name'))).toEqual(
      radios.map(() => radios[0]?.getAttribute('name')),
    );
    for (const name of [
      'No contact',
      'Networking',
      'Cooperation',
      'Coordination',
      'Coalition',
      'Collaboration',
    ]) {
      const radio = within(level).getByRole('radio', { name });
      // Reached by Tab: a native radio, not taken out of the tab order.
      expect(radio.tagName).toBe('INPUT');
      expect(radio.tabIndex).not.toBe(-1);
    }
    // Described in words too.
    const networking = within(level).getByRole('radio', { name: 'Networking' });
    const hint = document.getElementById(networking.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('We know each other and share information now and then.');
    // No level yet: no ratings asked.
    expect(within(partner).queryByRole('group', { name: 'How far do you trust them?' })).toBeNull();
    // A partner answered before shows its answer.
    const answered = screen.getByRole('group', { name: 'Bay Services' });
    expect(
      (within(answered).getByRole('radio', { name: 'Coordination' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(screen.getByText('1 of 3 partners answered.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Your answers are saved as you fill them in.',
    );
  });

  it('asks for trust and value from networking up, and saves the whole answer set', async () => {
    const api = servePartnerships(editor);
    renderPartnerships(path);
    const partner = await screen.findByRole('group', { name: 'Community Centre' });

    press(within(partner).getByRole('radio', { name: 'Coordination' }));
    const trust = within(partner).getByRole('group', { name: 'How far do you trust them?' });
    const value = within(partner).getByRole('group', { name: 'What do they bring to the work?' });
    const reliable = within(trust).getByRole('group', {
      name: 'They do what they say they will do.',
    });
    expect(within(reliable).getAllByRole('radio')).toHaveLength(4);
    expect(within(reliable).getByRole('radio', { name: '1 · Not at all' })).toBeTruthy();
    expect(within(reliable).getByRole('radio', { name: '4 · Completely' })).toBeTruthy();
    expect(within(value).getAllByRole('group')).toHaveLength(3);
    expect(within(value).getAllByRole('radio', { name: '4 · A great deal' })).toHaveLength(3);
    expect(
      screen.getByText('Give the six ratings below to save your answer about Community Centre.'),
    ).toBeTruthy();

    rate(partner, 'They share what they know with us openly.', '4 · Completely');
    rate(partner, 'They do what they say they will do.', '3');
    rate(partner, 'They work toward the same purpose for the people we serve.', '4 · Completely');
    rate(partner, 'They bring resources to our shared work: staff, money, space or skills.', '2');
    rate(partner, 'They can move decisions and open doors in the community.', '1 · Not at all');
    rate(partner, 'They take an active part in the table’s work.', '4 · A great deal');
    press(within(partner).getByRole('checkbox', { name: 'Staff time' }));
    press(within(partner).getByRole('checkbox', { name: 'Referrals' }));
    fireEvent.change(
      within(partner).getByRole('textbox', {
        name: 'How could this relationship be stronger? (optional)',
      }),
      { target: { value: 'Share a calendar' } },
    );

    expect(screen.getByRole('status').textContent).toBe('Saving…');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('✓ Saved'));
    const last = puts(api).at(-1);
    expect(last?.body).toEqual({
      answers: [
        {
          organizationId: centre.id,
          level: 3,
          trust: [4, 3, 4],
          value: [2, 1, 4],
          contributions: ['referrals', 'staff_time'],
          comment: 'Share a calendar',
        },
        {
          organizationId: bay.id,
          level: 3,
          trust: [4, 3, 4],
          value: [2, 3, 3],
          contributions: ['referrals', 'space'],
          comment: 'Meet monthly',
        },
      ],
    });
    // Saved once the typing stopped, not once per change.
    expect(puts(api).length).toBeLessThanOrEqual(2);
    expect(screen.getByText('2 of 3 partners answered.')).toBeTruthy();
  });

  it('saves "no contact" without ratings, and hides them again', async () => {
    const api = servePartnerships(editor);
    renderPartnerships(path);
    const partner = await screen.findByRole('group', { name: 'Bay Services' });
    expect(within(partner).getByRole('group', { name: 'How far do you trust them?' })).toBeTruthy();

    press(within(partner).getByRole('radio', { name: 'No contact' }));
    expect(within(partner).queryByRole('group', { name: 'How far do you trust them?' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('✓ Saved'));
    expect(puts(api).at(-1)?.body).toEqual({
      answers: [{ organizationId: bay.id, level: 0, trust: null, value: null }],
    });
  });

  it('shows a failed save, and saves on "Try again"', async () => {
    let fail = true;
    const api = servePartnerships(editor, {
      [`PUT /api/v1/partnership-surveys/${later.id}/my-response`]: () =>
        fail
          ? { status: 500, body: { error: { code: 'INTERNAL', message: 'The database is down' } } }
          : { status: 200, body: {} },
    });
    renderPartnerships(path);
    const partner = await screen.findByRole('group', { name: 'Alpha Clinic' });
    press(within(partner).getByRole('radio', { name: 'No contact' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Your last changes are not saved: The database is down');
    fail = false;
    press(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('✓ Saved'));
    expect(puts(api)).toHaveLength(2);
    expect(puts(api)[1]?.body).toEqual(puts(api)[0]?.body);
  });

  it('stops when the survey has closed meanwhile', async () => {
    servePartnerships(editor, {
      [`PUT /api/v1/partnership-surveys/${later.id}/my-response`]: () => ({
        status: 409,
        body: { error: { code: 'SURVEY_CLOSED', message: 'The survey is closed' } },
      }),
    });
    renderPartnerships(path);
    const partner = await screen.findByRole('group', { name: 'Alpha Clinic' });
    press(within(partner).getByRole('radio', { name: 'Networking' }));
    press(within(partner).getByRole('radio', { name: 'No contact' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'The survey has closed: your last changes could not be saved.',
    );
    expect(
      screen.getByText('This survey is closed: your answers can be read but no longer changed.'),
    ).toBeTruthy();
    expect((partner as HTMLFieldSetElement).disabled).toBe(true);
  });

  it('reads in French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    servePartnerships(editor);
    renderPartnerships(path, { locale: 'fr' });
    const partner = await screen.findByRole('group', { name: 'Community Centre' });
    const level = within(partner).getByRole('group', {
      name: 'À quel point travaillez-vous ensemble ?',
    });
    press(within(level).getByRole('radio', { name: 'Réseautage' }));
    expect(
      within(partner).getByRole('group', { name: 'À quel point leur faites-vous confiance ?' }),
    ).toBeTruthy();
    expect(within(partner).getAllByRole('radio', { name: '4 · Entièrement' })).toHaveLength(3);
    expect(within(partner).getByRole('checkbox', { name: 'Temps de personnel' })).toBeTruthy();
  });

  it('is listed for the editor’s agency on the partnerships page', async () => {
    servePartnerships(editor);
    renderPartnerships('/partnerships');
    expect(await screen.findByText('Partnerships 2026 (2026) for Youth Wellness Hub')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Review your answers' }).getAttribute('href')).toBe(
      `${path}?organization=${hub.id}`,
    );
  });

  it('answers for the agency named in the address, for editors of several', async () => {
    const api = servePartnerships(editor);
    renderPartnerships(`${path}?organization=${hub.id}`);
    const partner = await screen.findByRole('group', { name: 'Alpha Clinic' });
    press(within(partner).getByRole('radio', { name: 'No contact' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('✓ Saved'));
    const query = `?organizationId=${hub.id}`;
    expect(
      api.calls.find((c) => c.method === 'GET' && c.path.endsWith('/my-response'))?.url,
    ).toMatch(query);
    expect(puts(api)[0]?.url).toMatch(query);
  });
});
