import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config.js';
import { FAULT_HEADER, registerFaultInjection } from './faults/inject.js';
import { registerAccessLog } from './logging/access-log.js';
import { loggerOptions } from './logging/logger-options.js';
import { RequestLogController } from './logging/request-log-controller.js';
import { registerCloseConnections } from './plugins/close-connections.js';
import { registerCors } from './plugins/cors.js';
import { registerErrorReporting } from './plugins/error-reporting.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandlers } from './plugins/errors.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerWriteRateLimit } from './plugins/write-rate-limit.js';
import { registerActivityRoutes } from './routes/activities.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerMessageGroupRoutes } from './routes/message-groups.js';
import { registerMessageRoutes } from './routes/messages.js';
import { registerRollbarTestRoute } from './routes/rollbar.js';
import { DEFAULT_RELAY_OPTIONS, registerTraceRelay, type TraceRelayOptions } from './routes/trace-relay.js';
import type { ServiceContext } from './services/context.js';
import { CURRENT_USER_HANDLE, createSeededStore } from './store/seed.js';

export interface BuildOptions {
  /** Fastify's pino logger settings; defaults to the configured level. Pass `false` in tests. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Where the default logger writes (server.ts: stdout, plus CloudWatch when on); stdout when absent. */
  readonly logStream?: DestinationStream;
  /** Where "now" comes from; tests pass a fake to move time. */
  readonly clock?: () => Date;
  /** The browser span relay; by default tracing is off and relayed spans are dropped. */
  readonly relay?: Partial<TraceRelayOptions>;
}

/** The API, ready to `listen` or `inject`, with its own freshly seeded store. */
export const buildApp = async (config: Config, options: BuildOptions = {}): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel, options.logStream),
    // The access log's one line per request replaces Fastify's two.
    logController: new RequestLogController(),
    bodyLimit: config.bodyLimit,
    frameworkErrors: frameworkErrorHandler(config.bodyLimit),
    // Requests Node cannot parse (headers over 16 KiB, bad bytes) get our body shape too.
    clientErrorHandler,
    // Fastify's defaults would silently drop unknown fields and turn `5` into
    // "5"; the API rejects both instead.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });

  // JSON only: without Fastify's text/plain parser other content types get 415.
  app.removeContentTypeParser('text/plain');
  registerErrorHandlers(app, config.bodyLimit);
  registerSecurityHeaders(app);
  registerCloseConnections(app);
  registerAccessLog(app);
  const notifier = await registerErrorReporting(app, config.rollbar);
  registerFaultInjection(app, config.faultInjection);
  // Before any route, so the document has them all.
  await registerOpenApi(app);
  await registerCors(app, config.frontendUrl, config.faultInjection === 'on' ? [FAULT_HEADER] : []);
  await registerWriteRateLimit(app, config.writeRateLimit);

  const clock = options.clock ?? (() => new Date());
  const context: ServiceContext = {
    store: createSeededStore(clock()),
    clock,
    currentUserHandle: CURRENT_USER_HANDLE,
  };
  registerHealthRoutes(app);
  registerActivityRoutes(app, context);
  registerMessageGroupRoutes(app, context);
  registerMessageRoutes(app, context);
  registerRollbarTestRoute(app, notifier);
  await registerTraceRelay(app, config.frontendUrl, { ...DEFAULT_RELAY_OPTIONS, ...options.relay });
  return app;
};
