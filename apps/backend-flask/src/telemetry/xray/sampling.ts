import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { SamplingRule } from './sampling-rule.js';
import { wildcardMatch } from './wildcard.js';

/** What a rule is matched against: the SERVER span of the request. */
export interface SampledRequest {
  readonly serviceName: string;
  readonly host?: string | undefined;
  readonly method?: string | undefined;
  readonly path?: string | undefined;
  /** The AWS origin (`AWS::EC2::Instance`, ...); none outside AWS. */
  readonly serviceType?: string | undefined;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** What an X-Ray sampling rule looks at, read from a SERVER span. */
export const sampledRequestOf = (server: ReadableSpan): SampledRequest => {
  const name = server.resource.attributes['service.name'];
  return {
    serviceName: typeof name === 'string' ? name : '',
    host: str(server.attributes['server.address']),
    method: str(server.attributes['http.request.method']),
    path: str(server.attributes['url.path']),
  };
};

export interface SamplingOptions {
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  /** Uniform in [0, 1). */
  readonly random?: () => number;
}

/** What X-Ray applies to requests no rule matches: one a second, then 5 %. */
const DEFAULT_RULE: Pick<SamplingRule, 'ruleName' | 'reservoirSize' | 'fixedRate'> = {
  ruleName: 'Default',
  reservoirSize: 1,
  fixedRate: 0.05,
};

/**
 * A value the request does not have rules nothing out, as in the X-Ray
 * SDKs: there is no service type outside AWS.
 */
const fits = (pattern: string | undefined, value: string | undefined): boolean =>
  !value || pattern === '*' || wildcardMatch(pattern ?? '', value);

// Asked once per request: no arrays, and `*` (every field of the repository's rule but one) needs no matching.
const matches = (rule: SamplingRule, request: SampledRequest): boolean =>
  fits(rule.serviceName, request.serviceName) &&
  fits(rule.serviceType, request.serviceType) &&
  fits(rule.host, request.host) &&
  fits(rule.httpMethod, request.method) &&
  fits(rule.urlPath, request.path);

/** A reservoir of `size` requests per wall-clock second. */
class Reservoir {
  private second = -1;
  private used = 0;
  constructor(private readonly size: number) {}

  take(nowMillis: number): boolean {
    const second = Math.floor(nowMillis / 1000);
    if (second !== this.second) {
      this.second = second;
      this.used = 0;
    }
    if (this.used >= this.size) return false;
    this.used++;
    return true;
  }
}

interface Bucket {
  readonly ruleName: string;
  readonly fixedRate: number;
  readonly reservoir: Reservoir;
}

const bucket = ({ ruleName, fixedRate, reservoirSize }: Pick<SamplingRule, 'ruleName' | 'reservoirSize' | 'fixedRate'>): Bucket => ({
  ruleName,
  fixedRate,
  reservoir: new Reservoir(reservoirSize),
});

/**
 * X-Ray's local sampling, per trace: the first `ReservoirSize` matching
 * requests each second are sampled, then `FixedRate` of the rest. Requests
 * the rule does not match get X-Ray's default rule.
 */
export class XraySampling {
  private readonly matching: Bucket;
  private readonly fallback = bucket(DEFAULT_RULE);
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    private readonly rule: SamplingRule,
    { now = Date.now, random = Math.random }: SamplingOptions = {},
  ) {
    this.matching = bucket(rule);
    this.now = now;
    this.random = random;
  }

  /** Whether the trace this request starts goes to X-Ray, and which rule said so. */
  decide(request: SampledRequest): { sampled: boolean; ruleName: string } {
    const { ruleName, fixedRate, reservoir } = matches(this.rule, request) ? this.matching : this.fallback;
    const sampled = reservoir.take(this.now()) || this.random() < fixedRate;
    return { sampled, ruleName };
  }
}
