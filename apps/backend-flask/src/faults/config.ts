import type { Env } from '@cruddur/config';

/**
 * `on`: a request may ask for a 500 (see inject.ts). `refused`: asked for
 * with NODE_ENV=production, where it stays off.
 */
export type FaultInjection = 'off' | 'on' | 'refused';

/** CRUDDUR_FAULT_INJECTION=1 (or true) turns the switch on, except in production. */
export const loadFaultInjection = (env: Env): FaultInjection => {
  const value = env.CRUDDUR_FAULT_INJECTION?.trim().toLowerCase();
  if (!value || value === '0' || value === 'false') return 'off';
  if (value !== '1' && value !== 'true') {
    throw new Error(`CRUDDUR_FAULT_INJECTION must be 1, true, 0 or false, got ${JSON.stringify(env.CRUDDUR_FAULT_INJECTION)}`);
  }
  return env.NODE_ENV?.trim() === 'production' ? 'refused' : 'on';
};
