import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFile, repoPath } from './repo.js';

const SCRIPT = repoPath('aws', 'bin', 'xray-setup');
const RULE_FILE = repoPath('aws', 'json', 'xray.json');

/**
 * Stands in for the aws CLI: records each call's arguments (one JSON array
 * a line), keeps which X-Ray resources exist in files, and answers as the
 * CLI does with --query/--output text, or fails as it does on a call the
 * real service or the CLI's own validation would refuse.
 */
const FAKE_AWS = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
const state = process.env.FAKE_AWS_STATE;
fs.appendFileSync(path.join(state, 'calls.jsonl'), JSON.stringify(args) + '\\n');
const option = (name) => args[args.indexOf(name) + 1];
const fail = (message) => { process.stderr.write(message + '\\n'); process.exit(255); };
if (process.env.FAKE_AWS_NO_CREDENTIALS) fail('Unable to locate credentials. You can configure credentials by running "aws configure".');
const exists = (name) => fs.existsSync(path.join(state, name));
const create = (name) => fs.writeFileSync(path.join(state, name), '');
// No region configured: the real CLI prints nothing and exits 1.
if (args[0] === 'configure' && args[1] === 'get') process.exit(1);
if (option('--output') !== 'text') fail('expected --output text');
const arn = (kind) => 'arn:aws:xray:ca-central-1:123456789012:' + kind;
switch (args[0] === 'xray' ? args[1] : args[0] + ' ' + args[1]) {
  case 'sts get-caller-identity':
    if (option('--query') !== 'Arn') fail('unexpected query ' + option('--query'));
    console.log('arn:aws:iam::123456789012:user/student');
    break;
  case 'logs put-resource-policy': {
    JSON.parse(option('--policy-document'));
    fs.writeFileSync(path.join(state, 'policy-' + option('--policy-name')), option('--policy-document'));
    console.log(option('--policy-name'));
    break;
  }
  case 'get-trace-segment-destination':
    if (option('--query') !== 'Destination') fail('unexpected query ' + option('--query'));
    console.log(exists('destination') ? 'CloudWatchLogs' : 'XRay');
    break;
  case 'update-trace-segment-destination':
    if (option('--destination') !== 'CloudWatchLogs') fail('unexpected destination ' + option('--destination'));
    if (!fs.readdirSync(state).some((name) => name.startsWith('policy-'))) fail('An error occurred (InvalidRequestException): X-Ray cannot write to CloudWatch Logs: no resource policy');
    create('destination');
    console.log('PENDING');
    break;
  case 'get-groups':
    if (!option('--query').includes("GroupName=='Cruddur'")) fail('unexpected query ' + option('--query'));
    console.log(exists('group') ? '1' : '0');
    break;
  case 'create-group':
    if (exists('group')) fail('An error occurred (InvalidRequestException) when calling the CreateGroup operation: Group already exists');
    create('group');
    console.log(arn('group/Cruddur/abc'));
    break;
  case 'update-group':
    if (!exists('group')) fail('An error occurred (InvalidRequestException) when calling the UpdateGroup operation: Group not found');
    console.log(arn('group/Cruddur/abc'));
    break;
  case 'get-sampling-rules':
    if (!option('--query').includes("SamplingRule.RuleName=='")) fail('unexpected query ' + option('--query'));
    console.log(exists('rule') ? '1' : '0');
    break;
  case 'create-sampling-rule': {
    const input = option('--cli-input-json');
    if (!input.startsWith('file://')) fail('expected file://');
    const { SamplingRule } = JSON.parse(fs.readFileSync(input.slice(7), 'utf8'));
    if (!SamplingRule || SamplingRule.Version !== 1) fail('Parameter validation failed: SamplingRule.Version');
    if (exists('rule')) fail('An error occurred (InvalidRequestException) when calling the CreateSamplingRule operation: RuleName already exists');
    create('rule');
    console.log(arn('sampling-rule/' + SamplingRule.RuleName));
    break;
  }
  case 'update-sampling-rule': {
    const { SamplingRuleUpdate } = JSON.parse(option('--cli-input-json'));
    if ('Version' in SamplingRuleUpdate) fail('Parameter validation failed:\\nUnknown parameter in SamplingRuleUpdate: "Version"');
    if (!exists('rule')) fail('An error occurred (InvalidRequestException) when calling the UpdateSamplingRule operation: Rule not found');
    fs.writeFileSync(path.join(state, 'rule'), JSON.stringify(SamplingRuleUpdate));
    console.log(arn('sampling-rule/' + SamplingRuleUpdate.RuleName));
    break;
  }
  default:
    fail('unexpected command ' + args.slice(0, 2).join(' '));
}
`;

const fakeAws = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fake-aws-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'aws'), FAKE_AWS);
  chmodSync(join(bin, 'aws'), 0o755);
  const run = (env: Record<string, string> = {}, args: string[] = []) =>
    spawnSync('bash', [SCRIPT, ...args], {
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, FAKE_AWS_STATE: dir, ...env },
    });
  const calls = (): string[][] =>
    readFileSync(join(dir, 'calls.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);
  return { run, calls, dir };
};

describe('aws/bin/xray-setup', () => {
  it('is executable bash with strict mode, and parses', () => {
    const text = readRepoFile('aws', 'bin', 'xray-setup');
    expect(text.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(text).toMatch(/^set -euo pipefail$/m);
    expect(spawnSync('bash', ['-n', SCRIPT]).status).toBe(0);
    expect(spawnSync('test', ['-x', SCRIPT]).status).toBe(0);
  });

  it('passes shellcheck where it is installed', ({ skip }) => {
    if (spawnSync('shellcheck', ['--version']).status !== 0) {
      skip('no shellcheck on this machine');
      return;
    }
    const result = spawnSync('shellcheck', [SCRIPT], { encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('creates the group and the rule on the first run, updates both on the second', () => {
    const aws = fakeAws();
    const first = aws.run();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(
      [
        'xray-setup: created group Cruddur (service("backend-flask")): arn:aws:xray:ca-central-1:123456789012:group/Cruddur/abc',
        `xray-setup: created sampling rule Cruddur from ${RULE_FILE}: arn:aws:xray:ca-central-1:123456789012:sampling-rule/Cruddur`,
        '',
      ].join('\n'),
    );
    expect(aws.calls().map((call) => call.slice(0, 2).join(' '))).toEqual([
      'xray get-groups',
      'xray create-group',
      'xray get-sampling-rules',
      'xray create-sampling-rule',
    ]);
    const createGroup = aws.calls()[1] ?? [];
    expect(createGroup).toEqual(expect.arrayContaining(['--group-name', 'Cruddur', '--filter-expression', 'service("backend-flask")']));
    expect(aws.calls()[3]).toEqual(expect.arrayContaining(['--cli-input-json', `file://${RULE_FILE}`]));

    const second = aws.run();
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('xray-setup: updated group Cruddur');
    expect(second.stdout).toContain('xray-setup: updated sampling rule Cruddur');
    expect(aws.calls().slice(4).map((call) => call.slice(0, 2).join(' '))).toEqual([
      'xray get-groups',
      'xray update-group',
      'xray get-sampling-rules',
      'xray update-sampling-rule',
    ]);
    // The update carries the file's rule, in update-sampling-rule's shape.
    const { SamplingRule } = JSON.parse(readFileSync(RULE_FILE, 'utf8')) as { SamplingRule: Record<string, unknown> };
    const updatable = Object.fromEntries(Object.entries(SamplingRule).filter(([key]) => key !== 'Version'));
    expect(JSON.parse(readFileSync(join(aws.dir, 'rule'), 'utf8'))).toEqual(updatable);
    expect(updatable).not.toHaveProperty('Version');
  });

  it('stops at the first failing call, creating nothing, when the CLI cannot ask', () => {
    const aws = fakeAws();
    const run = aws.run({ FAKE_AWS_NO_CREDENTIALS: '1' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Unable to locate credentials');
    expect(run.stdout).toBe('');
    expect(aws.calls()).toHaveLength(1);
  });

  it('takes another rule file from AWS_XRAY_SAMPLING_RULES_FILE, and refuses one it cannot read', () => {
    const aws = fakeAws();
    const other = join(aws.dir, 'rule.json');
    const rule = JSON.parse(readFileSync(RULE_FILE, 'utf8')) as { SamplingRule: Record<string, unknown> };
    writeFileSync(other, JSON.stringify({ SamplingRule: { ...rule.SamplingRule, RuleName: 'CruddurStaging' } }));
    const run = aws.run({ AWS_XRAY_SAMPLING_RULES_FILE: other });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`created sampling rule CruddurStaging from ${other}: arn:aws:xray:ca-central-1:123456789012:sampling-rule/CruddurStaging`);
    expect(aws.calls()[2]).toEqual(expect.arrayContaining(['--query', "length(SamplingRuleRecords[?SamplingRule.RuleName=='CruddurStaging'])"]));

    const missing = aws.run({ AWS_XRAY_SAMPLING_RULES_FILE: join(aws.dir, 'missing.json') });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`xray-setup: cannot read the sampling rule file ${join(aws.dir, 'missing.json')}\n`);
  });
});

describe('aws/bin/xray-setup --transaction-search', () => {
  const transactionSearchCalls = (calls: string[][]) => calls.slice(4).map((call) => call.slice(0, 2).join(' '));

  it('puts the resource policy X-Ray needs, then sets the segment destination to CloudWatch Logs; the second run changes nothing', () => {
    const aws = fakeAws();
    const first = aws.run({ AWS_REGION: 'ca-central-1' }, ['--transaction-search']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n').slice(2)).toEqual([
      'xray-setup: put CloudWatch Logs resource policy CruddurTransactionSearch (X-Ray may write spans to aws/spans) in ca-central-1',
      'xray-setup: Transaction Search switched on in ca-central-1 (trace segment destination CloudWatchLogs, PENDING)',
      '',
    ]);
    expect(transactionSearchCalls(aws.calls())).toEqual([
      'sts get-caller-identity',
      'logs put-resource-policy',
      'xray get-trace-segment-destination',
      'xray update-trace-segment-destination',
    ]);
    for (const call of aws.calls().slice(5)) expect(call).toEqual(expect.arrayContaining(['--region', 'ca-central-1']));
    expect(JSON.parse(readFileSync(join(aws.dir, 'policy-CruddurTransactionSearch'), 'utf8'))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'TransactionSearchXRayAccess',
          Effect: 'Allow',
          Principal: { Service: 'xray.amazonaws.com' },
          Action: 'logs:PutLogEvents',
          Resource: [
            'arn:aws:logs:ca-central-1:123456789012:log-group:aws/spans:*',
            'arn:aws:logs:ca-central-1:123456789012:log-group:/aws/application-signals/data:*',
          ],
          Condition: {
            ArnLike: { 'aws:SourceArn': 'arn:aws:xray:ca-central-1:123456789012:*' },
            StringEquals: { 'aws:SourceAccount': '123456789012' },
          },
        },
      ],
    });

    const second = aws.run({ AWS_REGION: 'ca-central-1' }, ['--transaction-search']);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('xray-setup: Transaction Search already on in ca-central-1 (trace segment destination CloudWatchLogs)');
    expect(transactionSearchCalls(aws.calls().slice(8))).toEqual(['sts get-caller-identity', 'logs put-resource-policy', 'xray get-trace-segment-destination']);
  });

  it('leaves Transaction Search alone without the flag', () => {
    const aws = fakeAws();
    expect(aws.run({ AWS_REGION: 'ca-central-1' }).status).toBe(0);
    expect(aws.calls().map((call) => call[0])).toEqual(['xray', 'xray', 'xray', 'xray']);
  });

  it('asks for a region before changing anything, and refuses an unknown option', () => {
    const aws = fakeAws();
    // The fake CLI has no configured region: `aws configure get region` fails as the real one does then.
    const noRegion = aws.run({}, ['--transaction-search']);
    expect(noRegion.status).toBe(1);
    expect(noRegion.stderr).toContain('xray-setup: --transaction-search needs a region: set AWS_REGION');
    expect(aws.calls().map((call) => call.slice(0, 2).join(' '))).toEqual(['configure get']);

    const unknown = aws.run({ AWS_REGION: 'ca-central-1' }, ['--transaction-serach']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('xray-setup: unknown option --transaction-serach\nusage: aws/bin/xray-setup [--transaction-search]\n');
    expect(aws.calls()).toHaveLength(1);
  });
});

describe('aws/json/xray.json', () => {
  it('is a create-sampling-rule --cli-input-json document for the Cruddur rule', () => {
    expect(JSON.parse(readRepoFile('aws', 'json', 'xray.json'))).toEqual({
      SamplingRule: {
        RuleName: 'Cruddur',
        ResourceARN: '*',
        Priority: 9000,
        FixedRate: 0.1,
        ReservoirSize: 5,
        ServiceName: 'backend-flask',
        ServiceType: '*',
        Host: '*',
        HTTPMethod: '*',
        URLPath: '*',
        Version: 1,
      },
    });
  });
});
