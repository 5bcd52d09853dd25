// A column's heading repeated inside its cell, for tables whose rows become cards on a phone
// (the page's stylesheet shows `.card-label` there, with the table's own headings out of sight).
// Screen readers hear the column's heading instead, so the repeat is hidden from them.

export function CardLabel({ children }: { children: string }) {
  return (
    <span className="card-label" aria-hidden="true">
      {children}
    </span>
  );
}
