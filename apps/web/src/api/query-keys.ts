// Every react-query key of the client, from one factory, so invalidation has one spelling.

export const queryKeys = {
  all: ['rba'] as const,
  me: () => [...queryKeys.all, 'me'] as const,
  organization: (id: string) => [...queryKeys.all, 'organizations', id] as const,
  curveReport: (measureId: string) =>
    [...queryKeys.all, 'measures', measureId, 'curve-report'] as const,
};
