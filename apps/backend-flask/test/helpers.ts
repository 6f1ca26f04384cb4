import type { Env } from '@cruddur/config';
import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { buildApp, type BuildOptions } from '../src/app.js';
import { loadConfig } from '../src/config.js';

/** The fixed "now" test apps start at, so seeded timestamps are exact. */
export const START = new Date('2025-03-01T12:00:00.000Z');
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export const iso = (offsetMs: number): string => new Date(START.getTime() + offsetMs).toISOString();

/** A clock tests can move forward. */
export const movableClock = () => {
  let now = START.getTime();
  return {
    clock: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
};

/** A fresh app (own store, no logs, clock stopped at START), closed when the test ends. */
export const testApp = async (options: BuildOptions & { env?: Env } = {}): Promise<FastifyInstance> => {
  const { env = {}, ...buildOptions } = options;
  const app = await buildApp(loadConfig(env), { logger: false, clock: () => START, ...buildOptions });
  onTestFinished(() => app.close());
  return app;
};

export const postJson = (app: FastifyInstance, url: string, body: unknown) =>
  app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
