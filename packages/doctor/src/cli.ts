#!/usr/bin/env node
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fileReader, loadEnvironment } from './environment.js';
import { errorMessage } from './finding.js';
import { diagnoseLive } from './live/index.js';
import { DEFAULT_TIMEOUT_MS } from './live/network.js';
import { diagnose } from './registry.js';
import { render } from './render.js';
import { renderTroubleshooting } from './troubleshooting.js';

const USAGE = `usage: cruddur-doctor [--offline] [--api <url>] [--origin <url>] [repository-root]
       cruddur-doctor --troubleshooting

  --offline          no network checks (Honeycomb, the running API, the X-Ray daemon)
  --api <url>        check the API at <url> instead of BACKEND_URL
  --origin <url>     the browser's origin to check CORS with, instead of FRONTEND_URL
  --troubleshooting  print README.md's Troubleshooting section (every check, its symptom and fix)`;

const httpOrigin = (flag: string, value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // reported below
  }
  throw new Error(`${flag} must be an http(s) URL, got ${JSON.stringify(value)}`);
};

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    options: {
      offline: { type: 'boolean', default: false },
      api: { type: 'string' },
      origin: { type: 'string' },
      troubleshooting: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.troubleshooting) {
    process.stdout.write(`${renderTroubleshooting()}\n`);
    return 0;
  }
  const api = httpOrigin('--api', values.api);
  const origin = httpOrigin('--origin', values.origin);
  // The repository root: the argument, else dist/cli.js → packages/doctor → packages → root.
  const root = positionals[0] === undefined ? fileURLToPath(new URL('../../..', import.meta.url)) : resolve(positionals[0]);
  const files = fileReader(root);
  const env = loadEnvironment(files, process.env);
  const offline = diagnose(env, files);
  const live = values.offline ? { statuses: [], findings: [] } : await diagnoseLive(env, { api, origin, timeoutMs: DEFAULT_TIMEOUT_MS });
  const diagnosis = { statuses: [...offline.statuses, ...live.statuses], findings: [...offline.findings, ...live.findings] };
  process.stdout.write(`${render(diagnosis)}${values.offline ? '\n(--offline: network checks skipped)' : ''}\n`);
  return diagnosis.findings.some((finding) => finding.level === 'error') ? 1 : 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cruddur-doctor: ${errorMessage(error)}\n${USAGE}\n`);
    process.exitCode = 2;
  },
);
