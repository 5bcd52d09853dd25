// Whether the figure being typed in a cell looks unusual against the cell's earlier periods. The
// entry sheet carries only the three periods before: the earlier figures come from
// GET /measures/:id/observations (breakdowns included), read once someone starts on a figure.

import { useQuery } from '@tanstack/react-query';
import { fetchObservationsBetween } from '../../api/history-api';
import { queryKeys } from '../../api/query-keys';
import { useI18n } from '../../i18n/i18n-provider';
import type { CellState } from './cell-state';
import { earlierRange, earlierValues, figureOfCell, isUnusual } from './plausibility';
import { type CellTarget, useEntryCells } from './use-entry-cells';

export function useUnusualFigure(target: CellTarget, state: CellState): boolean {
  const { locale } = useI18n();
  const { sheet, stored } = useEntryCells();
  const period = sheet.period;
  const range = earlierRange(period.label);
  const earlier = useQuery({
    queryKey: queryKeys.earlierFigures(target.measure.id, period.label),
    queryFn: ({ signal }) =>
      fetchObservationsBetween(
        target.measure.id,
        range?.from ?? period.label,
        range?.to ?? period.label,
        signal,
      ),
    enabled: range !== null && state.status !== 'idle',
    staleTime: 10 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
  if (!earlier.data) return false;
  const value = figureOfCell(target.measure, state, stored(target), locale);
  return isUnusual(earlierValues(earlier.data, target.breakdown, period.start), value);
}
