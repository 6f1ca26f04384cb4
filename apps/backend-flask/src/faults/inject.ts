import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import type { FaultInjection } from './config.js';

/** The request header that asks for a fault; `500` is its only value. */
export const FAULT_HEADER = 'x-cruddur-fault';

/** What a use case throws when its request asked for a fault. */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';
}

const faultRequested = new AsyncLocalStorage<true>();

/**
 * With the switch on, a request carrying `x-cruddur-fault: 500` fails inside
 * its use case (see `throwIfFaultRequested`), so a real 500 goes through
 * spans, logs and error reporting. Logs a warning at start-up whenever the
 * switch was asked for, honoured or not.
 */
export const registerFaultInjection = (app: FastifyInstance, mode: FaultInjection): void => {
  if (mode === 'refused') {
    app.log.warn('CRUDDUR_FAULT_INJECTION is ignored: NODE_ENV is production');
    return;
  }
  if (mode === 'off') return;
  app.log.warn(`fault injection on: requests with "${FAULT_HEADER}: 500" fail in the service layer`);
  // preHandler runs once the body is parsed and calls the route handler from
  // `done`, so the handler and the use case it calls run inside `run`.
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.headers[FAULT_HEADER] === '500') faultRequested.run(true, done);
    else done();
  });
};

/** Throws `InjectedFault` when the current request asked for one. */
export const throwIfFaultRequested = (where: string): void => {
  if (faultRequested.getStore()) throw new InjectedFault(`fault injected into ${where} (${FAULT_HEADER}: 500)`);
};
