import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render-app';
import { serveSystemMap, tableId } from '../system-map/test-fixtures';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the system map of a table', () => {
  it('links to the table’s partner network', async () => {
    serveSystemMap({});
    renderApp(`/system-map/${tableId}`);
    const link = await screen.findByRole('link', { name: 'Partner network' });
    expect(link.getAttribute('href')).toBe(`/partnerships/tables/${tableId}/network`);
  });
});
