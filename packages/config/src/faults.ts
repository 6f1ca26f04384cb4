import type { Env } from './urls.js';

/**
 * The fault switch both apps read, CRUDDUR_FAULT_INJECTION. `on`: a test may
 * cause a real failure (in the API a request asks for a 500; the web app gets
 * its /faults page). `refused`: asked for in production, where it stays off.
 */
export type FaultInjection = 'off' | 'on' | 'refused';

/** CRUDDUR_FAULT_INJECTION=1 (or true) turns the switch on, unless `production`. */
export const loadFaultInjection = (env: Env, production: boolean): FaultInjection => {
  const value = env.CRUDDUR_FAULT_INJECTION?.trim().toLowerCase();
  if (!value || value === '0' || value === 'false') return 'off';
  if (value !== '1' && value !== 'true') {
    throw new Error(`CRUDDUR_FAULT_INJECTION must be 1, true, 0 or false, got ${JSON.stringify(env.CRUDDUR_FAULT_INJECTION)}`);
  }
  return production ? 'refused' : 'on';
};
