// Breakdowns in the order their dimensions define their values (age groups 0–5, 6–11, 12–17,
// 18–24, never as text), as the API orders breakdown lines and export rows (issue #18).

/** A dimension with its values in their defined order, as the API lists them. */
export interface OrderedDimension {
  code: string;
  values: readonly { code: string }[];
}

const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * One-dimension breakdowns first (by dimension code), then cross-classifications, value by value
 * in each dimension's order; a value the dimension no longer lists comes after the others.
 */
export function compareBreakdowns(
  dimensions: readonly OrderedDimension[],
): (a: Record<string, string>, b: Record<string, string>) => number {
  const rank = (dimension: string, value: string) => {
    const at = dimensions
      .find((d) => d.code === dimension)
      ?.values.findIndex((v) => v.code === value);
    return at === undefined || at < 0 ? Number.POSITIVE_INFINITY : at;
  };
  return (a, b) => {
    const [x, y] = [Object.keys(a).sort(), Object.keys(b).sort()];
    if (x.length !== y.length) return x.length - y.length;
    const dims = text(x.join(';'), y.join(';'));
    if (dims !== 0) return dims;
    for (const d of x) {
      const [va, vb] = [a[d] as string, b[d] as string];
      const [ra, rb] = [rank(d, va), rank(d, vb)];
      if (ra !== rb) return ra < rb ? -1 : 1;
      if (va !== vb) return text(va, vb);
    }
    return 0;
  };
}
