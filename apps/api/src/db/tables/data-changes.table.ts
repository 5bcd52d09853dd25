// The change log behind the data version (migration 20261207020000-data-version): one row per
// statement that changed a tracked table, appended by triggers; the version is sum(weight).
export interface DataChangesTable {
  weight: number;
}
