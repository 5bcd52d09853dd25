// A wide table's own scrolling box (see shared UI.md, "A phone is a real screen"): where the
// table is wider than the screen it scrolls sideways inside this box, never the page, with its
// first column fixed (styles.css, .table-scroll). While it scrolls the box is a named region the
// keyboard can reach and scroll; where the table fits it is a plain box, with no extra tab stop
// nor landmark, unless the page wants its tables as landmarks (`always`, as on scorecards).

import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/** Whether the box's content is wider than the box, kept up to date as either is resized. */
function useScrollsSideways(measure: boolean) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    // A box that is a region anyway need not be measured: each measure forces a layout.
    if (!element || !measure) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, [measure]);
  return { box, scrolls };
}

export function TableScroll({
  className,
  labelledBy,
  label,
  always = false,
  children,
}: {
  /** The page's own class for the box (its border, its margins). */
  className?: string;
  /** The id(s) of what names the table: its heading or caption. */
  labelledBy?: string;
  /** The region's name, when nothing on the page names the table. */
  label?: string;
  /** A named region in the tab order even where the table fits (a landmark to move between). */
  always?: boolean;
  children: ReactNode;
}) {
  const { box, scrolls } = useScrollsSideways(!always);
  // While it scrolls (or always, when asked): a region named as the table, that takes the focus.
  const region =
    scrolls || always
      ? {
          role: 'region',
          tabIndex: 0,
          'aria-labelledby': labelledBy,
          'aria-label': labelledBy ? undefined : label,
        }
      : {};
  return (
    <div ref={box} className={className ? `table-scroll ${className}` : 'table-scroll'} {...region}>
      {children}
    </div>
  );
}
