import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSamplingRule } from '../src/index.js';

/** The repository's rule, the one the API and the doctor read by default. */
const REPO_RULE = JSON.parse(readFileSync(new URL('../../../aws/json/xray.json', import.meta.url), 'utf8')) as { SamplingRule: Record<string, unknown> };

const withRule = (change: Record<string, unknown>) => ({ SamplingRule: { ...REPO_RULE.SamplingRule, ...change } });

describe('parseSamplingRule', () => {
  it("reads the repository's rule", () => {
    expect(parseSamplingRule(REPO_RULE)).toMatchObject({ ruleName: 'Cruddur', reservoirSize: 5, fixedRate: 0.1, serviceName: 'backend-flask' });
  });

  it('accepts the optional RuleARN and an empty Attributes', () => {
    expect(parseSamplingRule(withRule({ RuleARN: 'arn:aws:xray:us-east-1:1:sampling-rule/Cruddur', Attributes: {} })).ruleName).toBe('Cruddur');
  });

  it.each([
    [[], 'expected {"SamplingRule": {...}}'],
    [{ RuleName: 'x' }, 'expected {"SamplingRule": {...}}'],
    [withRule({ FixedRate: '0.1' }), 'SamplingRule.FixedRate must be a number from 0 to 1, got "0.1"'],
    [withRule({ ReservoirSize: 1.5 }), 'SamplingRule.ReservoirSize must be an integer of 0 or more, got 1.5'],
    [withRule({ RuleName: 'x'.repeat(33) }), 'SamplingRule.RuleName must be a string of 1 to 32 characters'],
    [withRule({ ServiceName: undefined }), 'SamplingRule.ServiceName must be a string of at most 64 characters, got nothing'],
    [withRule({ Extra: 1 }), 'SamplingRule has unknown fields: Extra'],
    [withRule({ Attributes: { user: 'x' } }), 'SamplingRule.Attributes is not supported'],
  ])('refuses %j, naming the field', (document, message) => {
    expect(() => parseSamplingRule(document)).toThrow(message);
  });
});
