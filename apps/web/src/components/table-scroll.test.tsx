import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TableScroll } from './table-scroll';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Table() {
  return (
    <>
      <h2 id="t-title">Served</h2>
      <TableScroll className="page-wrap" labelledBy="t-title">
        <table>
          <tbody>
            <tr>
              <th scope="row">Served</th>
              <td>42</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** Lays the box out `content` px wide in a `box` px wide space (happy-dom lays nothing out). */
function widths(content: number, box: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(content);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(box);
}

describe('a wide table’s scrolling box', () => {
  it('is a plain box where the table fits: no landmark, no tab stop', () => {
    widths(300, 600);
    const { container } = render(<Table />);
    expect(screen.queryByRole('region')).toBeNull();
    const box = container.querySelector('.table-scroll');
    expect(box?.className).toBe('table-scroll page-wrap');
    expect(box?.hasAttribute('tabindex')).toBe(false);
    expect(box?.hasAttribute('aria-labelledby')).toBe(false);
  });

  it('is a region named as the table, in the tab order, where the table is wider', () => {
    widths(900, 358);
    render(<Table />);
    const region = screen.getByRole('region', { name: 'Served' });
    expect(region.getAttribute('tabindex')).toBe('0');
  });

  it('is a region wherever the page asks for its tables as landmarks', () => {
    widths(300, 600);
    render(
      <TableScroll label="Figures" always>
        <table />
      </TableScroll>,
    );
    expect(screen.getByRole('region', { name: 'Figures' }).getAttribute('tabindex')).toBe('0');
  });
});
