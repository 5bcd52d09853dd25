// How the server logs: pino's JSON lines for a collector (the default off a terminal and in
// production), or one readable line per event and per API request for a person at a terminal.
import { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from '../config.js';

const REDACT = ['req.headers.authorization', 'req.headers.cookie'];

/** The logger and request-logging options of Fastify for a configuration. */
export function loggerOptions(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  if (config.logFormat !== 'pretty') {
    return { logger: { level: config.logLevel, redact: REDACT } };
  }
  return {
    logger: {
      level: config.logLevel,
      redact: REDACT,
      transport: {
        target: 'pino-pretty',
        options: {
          colorize: Boolean(process.stdout.isTTY),
          translateTime: 'SYS:HH:MM:ss',
          ignore: 'pid,hostname,reqId',
          singleLine: true,
        },
      },
    },
    // Fastify's two lines per request (received, completed) give way to the one line below.
    logController: new LogController({ disableRequestLogging: true }),
  };
}

/** In the readable format, one line per API request: method, path, status and time taken. */
export function registerRequestLog(app: FastifyInstance, config: Pick<Config, 'logFormat'>): void {
  if (config.logFormat !== 'pretty') return;
  app.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const path = request.url.split('?')[0];
    const line = `${request.method} ${path} → ${reply.statusCode} (${Math.round(reply.elapsedTime)} ms)`;
    if (reply.statusCode >= 500) request.log.error(line);
    else request.log.info(line);
  });
}
