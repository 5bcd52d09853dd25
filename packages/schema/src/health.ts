// Liveness and readiness (GET /healthz, GET /readyz).
import { z } from 'zod';

/** `ok` or `ready`; when not ready, why (`migrating`, `database unavailable`). */
export const healthStatusSchema = z.object({ status: z.string() });
export type HealthStatus = z.infer<typeof healthStatusSchema>;
