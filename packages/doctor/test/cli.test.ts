import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

// A repository of its own (the real sampling rule, no .env), so a developer's .env does not leak in.
const root = mkdtempSync(join(tmpdir(), 'doctor-'));
cpSync(fileURLToPath(new URL('../../../aws/json/xray.json', import.meta.url)), join(root, 'aws/json/xray.json'));

const run = (env: Record<string, string>) => {
  // Only PATH from the parent, so the developer's own variables do not leak in either.
  const result = spawnSync(process.execPath, [cli, root], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('cruddur-doctor', () => {
  beforeAll(() => {
    execFileSync('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json'], { cwd: packageDir });
  });

  it('exits 0 with the default configuration and lists every integration', () => {
    const { status, output } = run({});
    expect(status).toBe(0);
    for (const name of ['traces (API)', 'browser relay', 'CORS / URLs', 'Gitpod', 'X-Ray', 'CloudWatch Logs', 'Rollbar']) expect(output).toContain(name);
    expect(output).toContain('local trace viewer');
  });

  it('exits 0 on warnings only', () => {
    const { status, output } = run({ OTEL_EXPORTER_OTLP_HEADER: 'x-honeycomb-team=abc' });
    expect(status).toBe(0);
    expect(output).toContain('did you mean OTEL_EXPORTER_OTLP_HEADERS?');
  });

  it('reads the .env file at the root', () => {
    const other = mkdtempSync(join(tmpdir(), 'doctor-'));
    writeFileSync(join(other, '.env'), 'CLOUDWATCH_LOG_GROUP=my group\nAWS_XRAY_SAMPLING_RULES_FILE=' + join(root, 'aws/json/xray.json') + '\n');
    const result = spawnSync(process.execPath, [cli, other], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('CLOUDWATCH_LOG_GROUP must be 1 to 512');
  });

  it('exits 1 on an error and never prints a full secret', () => {
    const honeycomb = '0123456789abcdef0123456789abcdef';
    const header = 'fedcba9876543210fedcba9876543210';
    const rollbar = 'aaaabbbbccccddddeeeeffff00001111';
    const { status, output } = run({
      HONEYCOMB_API_KEY: honeycomb,
      OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team=${header}`,
      ROLLBAR_ACCESS_TOKEN: rollbar,
      VITE_ROLLBAR_CLIENT_TOKEN: rollbar,
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(status).toBe(1);
    expect(output).toContain('****cdef');
    for (const secret of [honeycomb, header, rollbar, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']) expect(output).not.toContain(secret);
  });
});
