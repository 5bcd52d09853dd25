// Renders the whole client (providers and routes) at a path, against a fake API.

import { render, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AppProviders, AppRoutes } from '../app';
import type { Locale } from '../i18n/locale';
import { createQueryClient } from '../query-client';

export function renderApp(path: string, options: { locale?: Locale } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  return render(
    <AppProviders queryClient={queryClient} {...(options.locale ? { locale: options.locale } : {})}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
}

/**
 * Waits for a scorecard's tables: ScorecardSections draws them in a deferred render after the
 * page (an empty, busy box first).
 */
export async function scorecardDrawn(): Promise<void> {
  await waitFor(() => {
    if (!document.querySelector('.scorecard-sections:not([aria-busy]), .scorecard-empty')) {
      throw new Error('the scorecard tables are not drawn yet');
    }
  });
}
