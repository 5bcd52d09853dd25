// Stateless bearer tokens (HS256 pinned) plus a per-request check of the user's token
// version, so that logout revokes at once on every API process.
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../access/actor.js';
import { actorFromClaims, type TokenClaims } from '../auth/auth.service.js';
import type { AppContext } from '../context.js';
import { UnauthorizedError } from '../errors.js';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenClaims;
    user: TokenClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

/** The actor of an authenticated route; routes behind `authenticate` always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthorizedError();
  return request.actor;
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { ctx: AppContext }) => {
    const { ctx } = opts;
    await app.register(fastifyJwt, {
      secret: ctx.jwtSecret,
      sign: { algorithm: 'HS256', expiresIn: ctx.config.tokenTtlSeconds },
      verify: { algorithms: ['HS256'] },
    });
    app.decorateRequest('actor', null);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      let claims: TokenClaims;
      try {
        claims = await request.jwtVerify<TokenClaims>();
      } catch {
        throw new UnauthorizedError();
      }
      if (typeof claims.sub !== 'string' || typeof claims.tv !== 'number') {
        throw new UnauthorizedError();
      }
      request.actor = await actorFromClaims(ctx.db, claims, String(request.id));
    });
  },
  { name: 'auth' },
);
