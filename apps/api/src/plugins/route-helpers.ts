import { errorBody } from '@rba/schema';
import { z } from 'zod';

/** OpenAPI security for routes behind the bearer token. */
export const security = [{ bearerAuth: [] }];

/** The error replies most authenticated routes can give. */
export const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
} as const;

export const noContent = { 204: z.null() } as const;

export const periodParams = z.strictObject({
  id: z.uuid(),
  period: z.string().min(1).max(20),
});
