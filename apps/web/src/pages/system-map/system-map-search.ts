// The map's axis, filters and French-only switch, kept in the address so a filtered map can be
// shared, printed and survives the back button.

import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CoverageBy, SystemMapQuery } from '../../api/system-map-api';

export interface MapSearch {
  query: SystemMapQuery;
  frenchOnly: boolean;
  setBy: (by: CoverageBy) => void;
  setFilter: (name: 'resultId' | 'serviceType' | 'value', value: string | null) => void;
  setFrenchOnly: (on: boolean) => void;
}

const paramOf = { resultId: 'result', serviceType: 'service', value: 'value' } as const;

export function useMapSearch(): MapSearch {
  const [params, setParams] = useSearchParams();
  const by: CoverageBy = params.get('by') === 'age_group' ? 'age_group' : 'region';
  const resultId = params.get('result') || undefined;
  const serviceType = params.get('service') || undefined;
  const value = params.get('value') || undefined;
  const query = useMemo<SystemMapQuery>(
    () => ({ by, resultId, serviceType, value }),
    [by, resultId, serviceType, value],
  );
  const update = (changes: Record<string, string | null>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(name);
          else next.set(name, v);
        }
        return next;
      },
      { replace: true },
    );
  };
  return {
    query,
    frenchOnly: params.get('french') === '1',
    // A region is no age group: the value filter belongs to the axis it was picked on.
    setBy: (next) => update({ by: next === 'region' ? null : next, value: null }),
    setFilter: (name, v) => update({ [paramOf[name]]: v }),
    setFrenchOnly: (on) => update({ french: on ? '1' : null }),
  };
}
