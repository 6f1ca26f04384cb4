import { loadFaultInjection as loadSwitch, type Env, type FaultInjection } from '@cruddur/config';

export type { FaultInjection };

/** CRUDDUR_FAULT_INJECTION=1 (or true) lets a request ask for a 500 (see inject.ts), except with NODE_ENV=production. */
export const loadFaultInjection = (env: Env): FaultInjection => loadSwitch(env, env.NODE_ENV?.trim() === 'production');
