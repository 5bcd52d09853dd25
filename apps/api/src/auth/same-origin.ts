// Is a request from the API's own pages? The refresh cookie is SameSite=Strict, so browsers do
// not send it from another site; this check also refuses another origin of the same site (a
// sibling subdomain) and browsers that ignore SameSite.
import type { FastifyRequest } from 'fastify';

/**
 * True when the browser says the request comes from another origin. `Sec-Fetch-Site` (set by the
 * browser, not by page scripts) decides when present; otherwise `Origin` must be this server's
 * own origin. A request with neither header does not come from a web page (a script, curl).
 */
export function isCrossOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  return origin !== `${request.protocol}://${request.host}`;
}
