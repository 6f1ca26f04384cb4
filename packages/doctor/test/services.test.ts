import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findings, messages, repoWith, ROOT } from './fixtures.js';

/** The repository's rule (aws/json/xray.json) with some fields changed. */
const REPO_RULE = (JSON.parse(readFileSync(new URL('../../../aws/json/xray.json', import.meta.url), 'utf8')) as { SamplingRule: Record<string, unknown> }).SamplingRule;
const rule = (fields: Record<string, unknown>): string => JSON.stringify({ SamplingRule: { ...REPO_RULE, ...fields } });

describe('URL, Gitpod, AWS, X-Ray, CloudWatch and Rollbar checks', () => {
  it('reports a malformed public URL with resolveUrls’ message', () => {
    expect(messages({ FRONTEND_URL: 'localhost:3000' }, 'error')).toEqual(['FRONTEND_URL must be an http(s) URL, got "localhost:3000"']);
    expect(findings({ FRONTEND_URL: 'https://example.com' })).toEqual([]);
  });

  it('warns when only half of the Gitpod pair is set', () => {
    expect(messages({ GITPOD_WORKSPACE_ID: 'abc' }, 'warning')[0]).toMatch(/GITPOD_WORKSPACE_CLUSTER_HOST is missing/);
    expect(findings({ GITPOD_WORKSPACE_ID: 'abc', GITPOD_WORKSPACE_CLUSTER_HOST: 'ws.gitpod.io' })).toEqual([]);
  });

  it('notes a region in AWS_DEFAULT_REGION only, and warns when the two disagree', () => {
    expect(messages({ AWS_DEFAULT_REGION: 'us-east-1' }, 'info')[0]).toMatch(/X-Ray daemon container reads AWS_REGION/);
    expect(messages({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-east-1' }, 'warning')[0]).toMatch(/disagree/);
    expect(findings({ AWS_REGION: 'us-east-1' })).toEqual([]);
  });

  it.each(['xray-daemon:2000', 'udp:127.0.0.1:2000', 'tcp:127.0.0.1:2000 udp:127.0.0.1:2000', '[::1]:2000'])('accepts the daemon address %s', (address) => {
    expect(findings({ AWS_XRAY_DAEMON_ADDRESS: address })).toEqual([]);
  });

  it('refuses a tcp: daemon address and a malformed one', () => {
    expect(messages({ AWS_XRAY_DAEMON_ADDRESS: 'tcp:127.0.0.1:2000' }, 'error')).toEqual(['AWS_XRAY_DAEMON_ADDRESS=tcp:127.0.0.1:2000: the daemon listens on UDP']);
    expect(messages({ AWS_XRAY_DAEMON_ADDRESS: 'xray-daemon:70000' }, 'error')[0]).toMatch(/must be host:port/);
    expect(messages({ AWS_XRAY_DAEMON_ADDRESS: 'xray-daemon' }, 'error')[0]).toMatch(/must be host:port/);
  });

  it.each([
    ['not json', 'is not valid JSON'],
    [JSON.stringify({ RuleName: 'x' }), 'expected {"SamplingRule": {...}}'],
    [rule({ RuleName: '' }), 'SamplingRule.RuleName must be a string of 1 to 32 characters, got ""'],
    [rule({ FixedRate: 1.5 }), 'SamplingRule.FixedRate must be a number from 0 to 1, got 1.5'],
    [rule({ ReservoirSize: -1 }), 'SamplingRule.ReservoirSize must be an integer of 0 or more, got -1'],
    [rule({ Priority: undefined }), 'SamplingRule.Priority must be an integer from 1 to 9999, got nothing'],
    [rule({ Hots: '*' }), 'SamplingRule has unknown fields: Hots'],
  ])('refuses the sampling rule %s with the API’s own parser', (text, problem) => {
    const files = repoWith({ [`${ROOT}/rule.json`]: text });
    expect(messages({ AWS_XRAY_SAMPLING_RULES_FILE: 'rule.json' }, 'error', files)).toEqual([`sampling rule file ${ROOT}/rule.json: ${problem}`]);
  });

  it('warns when the rule is for another service: X-Ray then applies its default rule', () => {
    const files = repoWith({ [`${ROOT}/rule.json`]: rule({ ServiceName: 'frontend-react-js' }) });
    expect(findings({ AWS_XRAY_SAMPLING_RULES_FILE: 'rule.json' }, files)).toEqual([
      expect.objectContaining({
        id: 'xray-rule-service',
        level: 'warning',
        message: `sampling rule Cruddur in ${ROOT}/rule.json is for ServiceName "frontend-react-js", not the API's backend-flask: X-Ray's default rule applies instead`,
      }),
    ]);
  });

  it.each(['*', 'backend-*', 'BACKEND-FLASK', 'backend-fl?sk'])('accepts the ServiceName pattern %s for backend-flask', (pattern) => {
    const files = repoWith({ [`${ROOT}/rule.json`]: rule({ ServiceName: pattern }) });
    expect(findings({ AWS_XRAY_SAMPLING_RULES_FILE: 'rule.json' }, files)).toEqual([]);
  });

  it('matches the rule against OTEL_SERVICE_NAME and reports a missing file', () => {
    const files = repoWith({ '/abs/rule.json': rule({ ServiceName: 'api' }) });
    expect(findings({ AWS_XRAY_SAMPLING_RULES_FILE: '/abs/rule.json', OTEL_SERVICE_NAME: 'api' }, files)).toEqual([]);
    expect(messages({ AWS_XRAY_SAMPLING_RULES_FILE: 'missing.json' }, 'error')).toEqual([`sampling rule file ${ROOT}/missing.json: cannot be read`]);
  });

  it('refuses a CloudWatch log group name outside the API’s rules', () => {
    expect(messages({ CLOUDWATCH_LOG_GROUP: 'my group' }, 'error')[0]).toMatch(/CLOUDWATCH_LOG_GROUP must be 1 to 512/);
    expect(messages({ CLOUDWATCH_LOG_GROUP: 'x'.repeat(513) }, 'error')).toHaveLength(1);
    expect(findings({ CLOUDWATCH_LOG_GROUP: '/cruddur/backend-flask' })).toEqual([]);
  });

  it('checks the Rollbar token shapes and that server and client tokens differ', () => {
    const server = '0123456789abcdef0123456789abcdef';
    expect(messages({ ROLLBAR_ACCESS_TOKEN: 'post_server_item', VITE_ROLLBAR_CLIENT_TOKEN: 'abc' }, 'error')).toEqual([
      'ROLLBAR_ACCESS_TOKEN ****item is not a Rollbar access token (32 hex characters)',
      'VITE_ROLLBAR_CLIENT_TOKEN **** is not a Rollbar access token (32 hex characters)',
    ]);
    expect(messages({ ROLLBAR_ACCESS_TOKEN: server, VITE_ROLLBAR_CLIENT_TOKEN: server }, 'warning')[0]).toMatch(/are the same token \(\*\*\*\*cdef\)/);
    expect(findings({ ROLLBAR_ACCESS_TOKEN: server, VITE_ROLLBAR_CLIENT_TOKEN: 'fedcba9876543210fedcba9876543210' })).toEqual([]);
  });
});
