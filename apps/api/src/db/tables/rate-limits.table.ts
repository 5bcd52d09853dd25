export interface RateLimitsTable {
  key: string;
  window_start: Date;
  count: number;
}
