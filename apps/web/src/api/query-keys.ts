// Every react-query key of the client, from one factory, so invalidation has one spelling.

export const queryKeys = {
  all: ['rba'] as const,
  me: () => [...queryKeys.all, 'me'] as const,
};
