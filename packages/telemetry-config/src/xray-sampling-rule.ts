/** The fields of an X-Ray `SamplingRule` the API's exporter applies. */
export interface SamplingRule {
  readonly ruleName: string;
  readonly priority: number;
  /** Matching requests sampled each second before `fixedRate` applies. */
  readonly reservoirSize: number;
  readonly fixedRate: number;
  readonly serviceName: string;
  readonly serviceType: string;
  readonly host: string;
  readonly httpMethod: string;
  readonly urlPath: string;
}

type Check = (value: unknown) => boolean;

const text =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'string' && value.length >= min && value.length <= max;
const integer =
  (min: number, max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const rate: Check = (value) => typeof value === 'number' && value >= 0 && value <= 1;

// The limits of the X-Ray API's SamplingRule, so a file this accepts is one
// `aws xray create-sampling-rule` accepts too.
const FIELDS = {
  RuleName: [text(1, 32), 'a string of 1 to 32 characters'],
  ResourceARN: [text(1, 500), 'a string of 1 to 500 characters'],
  Priority: [integer(1, 9999), 'an integer from 1 to 9999'],
  FixedRate: [rate, 'a number from 0 to 1'],
  ReservoirSize: [integer(0, Number.MAX_SAFE_INTEGER), 'an integer of 0 or more'],
  ServiceName: [text(0, 64), 'a string of at most 64 characters'],
  ServiceType: [text(0, 64), 'a string of at most 64 characters'],
  Host: [text(0, 64), 'a string of at most 64 characters'],
  HTTPMethod: [text(0, 10), 'a string of at most 10 characters'],
  URLPath: [text(0, 128), 'a string of at most 128 characters'],
  Version: [integer(1, 1), '1'],
} as const satisfies Record<string, readonly [Check, string]>;

const OPTIONAL = new Set(['Attributes', 'RuleARN']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a `create-sampling-rule --cli-input-json` document
 * (`{"SamplingRule": {...}}`), as the API does at start and the doctor
 * does offline. Throws naming the first wrong field.
 */
export const parseSamplingRule = (document: unknown): SamplingRule => {
  if (!isObject(document) || !isObject(document.SamplingRule)) throw new Error('expected {"SamplingRule": {...}}');
  const rule = document.SamplingRule;
  for (const [field, [check, expected]] of Object.entries(FIELDS)) {
    if (!check(rule[field])) {
      const got = rule[field] === undefined ? 'nothing' : JSON.stringify(rule[field]);
      throw new Error(`SamplingRule.${field} must be ${expected}, got ${got}`);
    }
  }
  const unknown = Object.keys(rule).filter((key) => !(key in FIELDS) && !OPTIONAL.has(key));
  if (unknown.length > 0) throw new Error(`SamplingRule has unknown fields: ${unknown.join(', ')}`);
  if (rule.Attributes !== undefined && (!isObject(rule.Attributes) || Object.keys(rule.Attributes).length > 0)) {
    // Matching on span attributes is not implemented: refuse rather than ignore it.
    throw new Error('SamplingRule.Attributes is not supported by this exporter; leave it out or empty');
  }
  return {
    ruleName: rule.RuleName as string,
    priority: rule.Priority as number,
    reservoirSize: rule.ReservoirSize as number,
    fixedRate: rule.FixedRate as number,
    serviceName: rule.ServiceName as string,
    serviceType: rule.ServiceType as string,
    host: rule.Host as string,
    httpMethod: rule.HTTPMethod as string,
    urlPath: rule.URLPath as string,
  };
};
