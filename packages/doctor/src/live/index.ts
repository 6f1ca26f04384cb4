import type { Env } from '../finding.js';
import { checkApi } from './api.js';
import { checkHoneycomb } from './honeycomb.js';
import type { LiveResult } from './result.js';
import { checkXrayDaemon } from './xray.js';
import { checkXrayOtlp } from './xray-otlp.js';

export interface LiveOptions {
  /** `--api <url>`: the API to check instead of BACKEND_URL. */
  readonly api?: string | undefined;
  /** `--origin <url>`: the browser's origin instead of FRONTEND_URL. */
  readonly origin?: string | undefined;
  /** Per request; the checks run side by side, the API's health probe before its preflight and relay requests, so the whole takes at most twice this. */
  readonly timeoutMs: number;
}

/** The network checks, side by side: Honeycomb, the running API, the X-Ray daemon, X-Ray's OTLP endpoint. */
export const diagnoseLive = async (env: Env, options: LiveOptions): Promise<LiveResult> => {
  const results = await Promise.all([
    checkHoneycomb(env, options.timeoutMs),
    checkApi(env, options),
    checkXrayDaemon(env, options.timeoutMs),
    checkXrayOtlp(env, options.timeoutMs),
  ]);
  return { statuses: results.flatMap((result) => result.statuses), findings: results.flatMap((result) => result.findings) };
};
