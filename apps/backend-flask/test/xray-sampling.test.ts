import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XraySampling, type SampledRequest } from '../src/telemetry/xray/sampling.js';
import { DEFAULT_SAMPLING_RULES_FILE, loadSamplingRule, parseSamplingRule, type SamplingRule } from '../src/telemetry/xray/sampling-rule.js';
import { wildcardMatch } from '../src/telemetry/xray/wildcard.js';

const CRUDDUR = loadSamplingRule(DEFAULT_SAMPLING_RULES_FILE);
const HOME: SampledRequest = { serviceName: 'backend-flask', host: 'localhost', method: 'GET', path: '/api/activities/home' };

/** A clock the test moves, and a random source that returns what the test queues. */
const fakes = () => {
  let now = 1_700_000_000_000;
  const draws: number[] = [];
  return {
    options: {
      now: () => now,
      random: () => {
        const next = draws.shift();
        if (next === undefined) throw new Error('random() called once more than the test planned');
        return next;
      },
    },
    advance: (ms: number) => (now += ms),
    queue: (...values: number[]) => draws.push(...values),
    remaining: () => draws.length,
  };
};

const rule = (overrides: Partial<SamplingRule> = {}): SamplingRule => ({ ...CRUDDUR, ...overrides });

/** The repository's rule (aws/json/xray.json, pinned by infra's test), to vary field by field. */
const parseable = (): Record<string, unknown> =>
  ({ ...(JSON.parse(readFileSync(DEFAULT_SAMPLING_RULES_FILE, 'utf8')) as { SamplingRule: Record<string, unknown> }).SamplingRule });

describe('the sampling rule file', () => {
  it('is the Cruddur rule: 5 a second, then 10 %, for backend-flask', () => {
    expect(CRUDDUR).toEqual({
      ruleName: 'Cruddur',
      priority: 9000,
      reservoirSize: 5,
      fixedRate: 0.1,
      serviceName: 'backend-flask',
      serviceType: '*',
      host: '*',
      httpMethod: '*',
      urlPath: '*',
    });
  });

  it.each([
    [{ FixedRate: 1.5 }, 'SamplingRule.FixedRate must be a number from 0 to 1, got 1.5'],
    [{ ReservoirSize: -1 }, 'SamplingRule.ReservoirSize must be an integer of 0 or more, got -1'],
    [{ RuleName: '' }, 'SamplingRule.RuleName must be a string of 1 to 32 characters, got ""'],
    [{ Priority: 10_000 }, 'SamplingRule.Priority must be an integer from 1 to 9999, got 10000'],
    [{ URLPath: undefined }, 'SamplingRule.URLPath must be a string of at most 128 characters, got nothing'],
    [{ Version: 2 }, 'SamplingRule.Version must be 1, got 2'],
    [{ Hots: '*' }, 'SamplingRule has unknown fields: Hots'],
    [{ Attributes: { user: 'x' } }, 'SamplingRule.Attributes is not supported'],
  ])('refuses %o', (change, message) => {
    const document = { SamplingRule: { ...parseable(), ...change } };
    expect(() => parseSamplingRule(document)).toThrow(message);
  });

  it('names the file and the problem when it cannot be used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xray-rule-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"SamplingRule": ');
    expect(() => loadSamplingRule(broken)).toThrow(new RegExp(`^X-Ray sampling rule file ${broken} is invalid: .*JSON`));
    const wrongShape = join(dir, 'rules.json');
    writeFileSync(wrongShape, JSON.stringify({ version: 2, rules: [] }));
    expect(() => loadSamplingRule(wrongShape)).toThrow(`X-Ray sampling rule file ${wrongShape} is invalid: expected {"SamplingRule": {...}}`);
    expect(() => loadSamplingRule(join(dir, 'missing.json'))).toThrow(`X-Ray sampling rule file ${join(dir, 'missing.json')} cannot be read: ENOENT`);
  });
});


describe('X-Ray wildcards', () => {
  it.each([
    ['*', '', true],
    ['*', '/api/activities/home', true],
    ['/api/*', '/api/activities/home', true],
    ['/api/*/home', '/api/activities/home', true],
    ['/api/*/home', '/api/activities/home/x', false],
    ['GET', 'get', true],
    ['?ET', 'GET', true],
    ['?ET', 'ET', false],
    ['P??T', 'POST', true],
    ['P??T', 'PUT', false],
    ['*.example.com', 'api.example.com', true],
    ['*.example.com', 'example.com', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['backend-flask', 'backend-flask-2', false],
    ['', '', true],
    ['', 'x', false],
  ])('%j against %j: %s', (pattern, text, expected) => {
    expect(wildcardMatch(pattern, text)).toBe(expected);
  });
});

describe('X-Ray sampling', () => {
  it('takes 5 requests each second from the reservoir, then 10 % of the rest, and refills on the next second', () => {
    const clock = fakes();
    const sampling = new XraySampling(CRUDDUR, clock.options);
    for (let i = 0; i < 5; i++) expect(sampling.decide(HOME)).toEqual({ sampled: true, ruleName: 'Cruddur' });
    // Reservoir spent: the fixed rate decides (10 %: below 0.1 is in).
    clock.queue(0.05, 0.1, 0.99, 0.0999);
    expect([HOME, HOME, HOME, HOME].map((request) => sampling.decide(request).sampled)).toEqual([true, false, false, true]);
    expect(clock.remaining()).toBe(0);

    clock.advance(1000);
    for (let i = 0; i < 5; i++) expect(sampling.decide(HOME).sampled).toBe(true);
    clock.queue(0.5);
    expect(sampling.decide(HOME).sampled).toBe(false);
  });

  it('counts the reservoir per wall-clock second, not per 1000 ms since the first request', () => {
    const clock = fakes();
    clock.advance(900);
    const sampling = new XraySampling(rule({ reservoirSize: 1, fixedRate: 0 }), clock.options);
    expect(sampling.decide(HOME).sampled).toBe(true);
    clock.queue(0.5);
    expect(sampling.decide(HOME).sampled).toBe(false);
    clock.advance(100);
    expect(sampling.decide(HOME).sampled).toBe(true);
  });

  it('with no reservoir and a rate of 0 sends nothing, with a rate of 1 everything', () => {
    const clock = fakes();
    const none = new XraySampling(rule({ reservoirSize: 0, fixedRate: 0 }), clock.options);
    const all = new XraySampling(rule({ reservoirSize: 0, fixedRate: 1 }), clock.options);
    clock.queue(0, 0.999999);
    expect(none.decide(HOME).sampled).toBe(false);
    expect(all.decide(HOME).sampled).toBe(true);
  });

  it.each([
    [{ urlPath: '/api/activities/*' }, HOME, 'Cruddur'],
    [{ urlPath: '/api/messages*' }, HOME, 'Default'],
    [{ httpMethod: 'POST' }, HOME, 'Default'],
    [{ httpMethod: 'g?t' }, HOME, 'Cruddur'],
    [{ host: '*.example.com' }, HOME, 'Default'],
    [{ host: 'local*' }, HOME, 'Cruddur'],
    [{ serviceName: 'frontend-react-js' }, HOME, 'Default'],
    // No AWS origin outside AWS: the service type rules nothing out, as in the X-Ray SDKs.
    [{ serviceType: 'AWS::EC2::Instance' }, HOME, 'Cruddur'],
    [{ host: 'api.*' }, { serviceName: 'backend-flask', method: 'GET', path: '/' }, 'Cruddur'],
  ])('with %o, %o falls under rule %s', (change, request, ruleName) => {
    const clock = fakes();
    expect(new XraySampling(rule(change), clock.options).decide(request).ruleName).toBe(ruleName);
  });

  it('applies X-Ray default rule to the rest: 1 a second, then 5 %', () => {
    const clock = fakes();
    const sampling = new XraySampling(rule({ serviceName: 'someone-else' }), clock.options);
    expect(sampling.decide(HOME)).toEqual({ sampled: true, ruleName: 'Default' });
    clock.queue(0.049, 0.05);
    expect(sampling.decide(HOME).sampled).toBe(true);
    expect(sampling.decide(HOME).sampled).toBe(false);
  });
});
