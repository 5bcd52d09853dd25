import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-provider';
import { CurveReportLink } from './curve-report-link';

afterEach(cleanup);

describe('the link to a measure’s report', () => {
  it('points at the report route and names the measure for screen readers', () => {
    render(
      <I18nProvider locale="en">
        <MemoryRouter>
          <CurveReportLink measureId="m-1" measureName="Youth mental health" />
        </MemoryRouter>
      </I18nProvider>,
    );
    const link = screen.getByRole('link', {
      name: 'Turn-the-curve report for Youth mental health',
    });
    expect(link.getAttribute('href')).toBe('/reports/curve/m-1');
    expect(link.textContent).toBe('Turn-the-curve report');
  });
});
