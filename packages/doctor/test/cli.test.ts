import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from 'backend-flask/dist/app.js';
import { loadConfig } from 'backend-flask/dist/config.js';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { renderTroubleshooting } from '../src/troubleshooting.js';
import { authAnswer, closedPort, json, startHttp } from './servers.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

// A repository of its own (the real sampling rule, no .env), so a developer's .env does not leak in.
const root = mkdtempSync(join(tmpdir(), 'doctor-'));
cpSync(fileURLToPath(new URL('../../../aws/json/xray.json', import.meta.url)), join(root, 'aws/json/xray.json'));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly output: string;
  /** From the last output to the exit: how long something kept the process alive after its report. */
  readonly lingeredMs: number;
}

/**
 * The built CLI in a child process, with only PATH from the parent so the
 * developer's own variables do not leak in. Asynchronous: the stand-in
 * servers it talks to live in this process.
 */
const run = (args: readonly string[], env: Record<string, string> = {}, cwdRoot: string = root): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args, cwdRoot], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    let lastOutputAt = performance.now();
    let exitedAt = Infinity;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      lastOutputAt = performance.now();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      lastOutputAt = performance.now();
    });
    child.on('error', reject);
    child.on('exit', () => (exitedAt = performance.now()));
    child.on('close', (status) => {
      resolve({ status, stdout, output: `${stdout}${stderr}`, lingeredMs: exitedAt - lastOutputAt });
    });
  });

/** An --api that answers nothing, so no test reaches a developer's API on :4567. */
const noApi = async (): Promise<string[]> => ['--api', `http://127.0.0.1:${String(await closedPort())}`];

// The CLI under test is the built one: compile it first, for every describe below.
// tsc alone can take a loaded two-core machine longer than vitest's 10 s default for hooks.
beforeAll(() => {
  execFileSync('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json'], { cwd: packageDir });
}, 120_000);

describe('cruddur-doctor', () => {
  it('exits 0 with the default configuration and lists every integration', async () => {
    const { status, output } = await run(['--offline']);
    expect(status).toBe(0);
    for (const name of ['traces (API)', 'browser relay', 'CORS / URLs', 'Gitpod', 'X-Ray', 'CloudWatch Logs', 'Rollbar']) expect(output).toContain(name);
    expect(output).toContain('local trace viewer');
    expect(output).toContain('(--offline: network checks skipped)');
  });

  it('exits 0 on warnings only, and prints each finding with its check id', async () => {
    const { status, output } = await run(['--offline'], { OTEL_EXPORTER_OTLP_HEADER: 'x-honeycomb-team=abc' });
    expect(status).toBe(0);
    expect(output).toContain('WARNING  [variables] OTEL_EXPORTER_OTLP_HEADER is set: did you mean OTEL_EXPORTER_OTLP_HEADERS?');
    expect(output).toContain('fix: rename OTEL_EXPORTER_OTLP_HEADER to OTEL_EXPORTER_OTLP_HEADERS (variable-near-miss)');
  });

  it('reads the .env file at the root', async () => {
    const other = mkdtempSync(join(tmpdir(), 'doctor-'));
    writeFileSync(join(other, '.env'), 'CLOUDWATCH_LOG_GROUP=my group\nAWS_XRAY_SAMPLING_RULES_FILE=' + join(root, 'aws/json/xray.json') + '\n');
    const result = await run(['--offline'], {}, other);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('CLOUDWATCH_LOG_GROUP must be 1 to 512');
  });

  it('checks the Honeycomb key online, and --offline sends nothing', async () => {
    const honeycomb = await startHttp(() => json(200, authAnswer()));
    const env = { HONEYCOMB_API_KEY: `hcaik_${'0a'.repeat(29)}`, HONEYCOMB_API_ENDPOINT: honeycomb.url };

    const offline = await run(['--offline', ...(await noApi())], env);
    expect(offline.status).toBe(0);
    expect(honeycomb.received).toHaveLength(0);

    const online = await run(await noApi(), env);
    expect(online.status).toBe(0);
    expect(honeycomb.received).toHaveLength(1);
    expect(online.output).toMatch(/Honeycomb key \(live\) +on +\*\*\*\*0a0a accepted by 127\.0\.0\.1:\d+: team "Bootcamp", environment "Cruddur dev", can send events/);
  });

  it('exits 1 when Honeycomb rejects the key', async () => {
    const honeycomb = await startHttp(() => json(401, { error: 'unknown API key - check your credentials, region, and API URL' }));
    const { status, output } = await run(await noApi(), { HONEYCOMB_API_KEY: '0123456789abcdef0123456789abcdef', HONEYCOMB_API_ENDPOINT: honeycomb.url });
    expect(status).toBe(1);
    expect(output).toContain(`ERROR    [tracing] key ****cdef rejected by 127.0.0.1:${String(honeycomb.port)}: check HONEYCOMB_API_KEY`);
  });

  it('treats an unreachable network as information: exit 0, one line each, no hang', async () => {
    const port = await closedPort();
    const api = await noApi();
    const { status, output, lingeredMs } = await run(api, { HONEYCOMB_API_KEY: `hcaik_${'0a'.repeat(29)}`, HONEYCOMB_API_ENDPOINT: `http://127.0.0.1:${String(port)}` });
    expect(status).toBe(0);
    // The refusals ended the checks, not their 2 s timeouts ("no answer within 2000 ms").
    expect(output).toContain(`INFO     [tracing] could not reach 127.0.0.1:${String(port)} (connection refused): Honeycomb key check skipped`);
    expect(output.match(/API not running/g)).toEqual(['API not running']);
    expect(output).toContain(`INFO     [CORS / URLs] API not running at ${api[1] ?? ''} (connection refused): live checks skipped`);
    // Nothing kept the process alive after its report (a request's 2 s timer left running would, for
    // about 2 s); 1 s leaves a loaded machine room to exit.
    expect(lingeredMs, 'the doctor lingered after its report').toBeLessThan(1_000);
  });

  it('checks a running API given with --api, and the browser origin given with --origin', async () => {
    const app = await buildApp(loadConfig({ FRONTEND_URL: 'https://3000-cruddur.ws.gitpod.io' }), { logger: false });
    onTestFinished(() => app.close());
    const api = await app.listen({ host: '127.0.0.1', port: 0 });

    const wrong = await run(['--api', api]);
    expect(wrong.status).toBe(1);
    expect(wrong.output).toContain(`ERROR    [CORS / URLs] a browser on http://localhost:3000 cannot call the API at ${api}: the preflight got no Access-Control-Allow-Origin`);
    expect(wrong.output).toContain('fix: start the API with FRONTEND_URL=http://localhost:3000');

    const right = await run(['--api', api, '--origin', 'https://3000-cruddur.ws.gitpod.io/']);
    expect(right.status).toBe(0);
    expect(right.output).toMatch(/browser relay \(live\) +on +POST .*\/v1\/traces from https:\/\/3000-cruddur\.ws\.gitpod\.io: 200, spans accepted/);
  });

  it('warns when nothing listens on the X-Ray daemon port', async () => {
    const port = await closedPort();
    const { status, output } = await run(await noApi(), { AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${String(port)}`, AWS_REGION: 'us-east-1' });
    expect(status).toBe(0);
    expect(output).toContain(`WARNING  [X-Ray] no X-Ray daemon at 127.0.0.1:${String(port)} (TCP refused): segments are being sent to nothing`);
  });

  it('prints the Troubleshooting section with --troubleshooting', async () => {
    const { status, stdout } = await run(['--troubleshooting']);
    expect(status).toBe(0);
    expect(stdout).toBe(`${renderTroubleshooting()}\n`);
  });

  it('refuses an unknown flag or a malformed --api with the usage, exit 2', async () => {
    const unknown = await run(['--ofline']);
    expect(unknown.status).toBe(2);
    expect(unknown.output).toContain("Unknown option '--ofline'");
    expect(unknown.output).toContain('usage: cruddur-doctor');
    const api = await run(['--api', 'localhost:4567']);
    expect(api.status).toBe(2);
    expect(api.output).toContain('--api must be an http(s) URL, got "localhost:4567"');
  });
});

describe('secrets in the output', () => {
  // Distinctive values, so a 6-character run of one cannot turn up by chance.
  const SECRETS = {
    HONEYCOMB_API_KEY: 'hcaik_01jq7zxwvb9k2m4n6p8r0t2v4x6z8b0d2f4h6j8l0n2p4r6t8v0x2z4b6d',
    ROLLBAR_ACCESS_TOKEN: '5e1a9c3f7b2d4e6a8c0f1b3d5e7a9c2f',
    VITE_ROLLBAR_CLIENT_TOKEN: 'a7c9e1b3d5f70246813579bdf0ace8b6',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEHMaCXVzLWVhc3QtMSJHMEUCIQD6sessionTOKENzq81',
    HEADER_KEY: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    HEADER_BEARER: 'Bearer eyJhbGciOiJIUzI1NiJ9.collectorTOKEN',
  };

  /**
   * The runs of 6 characters of `secret` found in `output`: a mask shows 4
   * at most. An ingest key's public kind prefix (`hcaik_`, in the fixes'
   * text too) is not a secret and not counted alone.
   */
  const leaks = (output: string, secret: string): string[] => {
    const found: string[] = [];
    for (let i = /^hc[ax]ik_/.test(secret) ? 1 : 0; i + 6 <= secret.length; i += 1) if (output.includes(secret.slice(i, i + 6))) found.push(secret.slice(i, i + 6));
    return found;
  };

  const honeycombAnswering = async (status: number) => startHttp(() => (status === 200 ? json(200, authAnswer()) : json(status, { error: 'unknown API key' })));

  it.each([
    ['well-formed, Honeycomb accepting the key', 200, (honeycomb: string) => ({
      HONEYCOMB_API_KEY: SECRETS.HONEYCOMB_API_KEY,
      HONEYCOMB_API_ENDPOINT: honeycomb,
      ROLLBAR_ACCESS_TOKEN: SECRETS.ROLLBAR_ACCESS_TOKEN,
      VITE_ROLLBAR_CLIENT_TOKEN: SECRETS.VITE_ROLLBAR_CLIENT_TOKEN,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: SECRETS.AWS_SECRET_ACCESS_KEY,
      AWS_SESSION_TOKEN: SECRETS.AWS_SESSION_TOKEN,
    })],
    ['header keys to a collector, Honeycomb rejecting them', 401, (honeycomb: string) => ({
      OTEL_EXPORTER_OTLP_ENDPOINT: honeycomb,
      OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team=${SECRETS.HEADER_KEY},authorization=${encodeURIComponent(SECRETS.HEADER_BEARER)}`,
      HONEYCOMB_API_KEY: SECRETS.HONEYCOMB_API_KEY,
      ROLLBAR_ACCESS_TOKEN: SECRETS.ROLLBAR_ACCESS_TOKEN,
      VITE_ROLLBAR_CLIENT_TOKEN: SECRETS.ROLLBAR_ACCESS_TOKEN,
      AWS_SECRET_ACCESS_KEY: SECRETS.AWS_SECRET_ACCESS_KEY,
      AWS_SESSION_TOKEN: SECRETS.AWS_SESSION_TOKEN,
    })],
    ['mangled: quoted, spaced, misspelt, malformed', 401, (honeycomb: string) => ({
      HONEYCOMB_API_KEY: `"${SECRETS.HONEYCOMB_API_KEY}"`,
      HONEYCOMB_API_ENDPOINT: honeycomb,
      OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team ${SECRETS.HEADER_KEY}`,
      ROLLBAR_ACCESS_TOKEN: ` ${SECRETS.ROLLBAR_ACCESS_TOKEN} `,
      VITE_ROLLBAR_CLIENT_TOKEN: `${SECRETS.VITE_ROLLBAR_CLIENT_TOKEN}x`,
      AWS_SECRET_ACCES_KEY: SECRETS.AWS_SECRET_ACCESS_KEY,
      AWS_SESSION_TOKEN: `'${SECRETS.AWS_SESSION_TOKEN}'`,
    })],
    ['pasted into ${...} references nobody expanded', 401, (honeycomb: string) => ({
      HONEYCOMB_API_KEY: `\${${SECRETS.HONEYCOMB_API_KEY}}`,
      HONEYCOMB_API_ENDPOINT: honeycomb,
      OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team=\${HONEYCOMB_API_KEY:-${SECRETS.HEADER_KEY}}`,
      ROLLBAR_ACCESS_TOKEN: SECRETS.ROLLBAR_ACCESS_TOKEN,
      AWS_SECRET_ACCESS_KEY: `"\${${SECRETS.AWS_SECRET_ACCESS_KEY}}"`,
      AWS_SESSION_TOKEN: `\${AWS_SESSION_TOKEN:-${SECRETS.AWS_SESSION_TOKEN}}`,
    })],
  ])('never prints more than the last 4 characters of a secret: %s', async (_, status, configure) => {
    const honeycomb = await honeycombAnswering(status);
    const env = configure(honeycomb.url);
    const { output } = await run(await noApi(), env);

    for (const secret of Object.values(SECRETS)) expect(leaks(output, secret), `a piece of ${secret} in:\n${output}`).toEqual([]);
    // What is shown of a secret is its tail behind ****: enough to tell two keys apart.
    expect(output).toMatch(/\*\*\*\*[^\s*]{1,4}\b/);
    if (env.ROLLBAR_ACCESS_TOKEN === SECRETS.ROLLBAR_ACCESS_TOKEN) expect(output).toContain(`****${SECRETS.ROLLBAR_ACCESS_TOKEN.slice(-4)}`);
  });
});
