import type { Env } from './export-config.js';

const RATIO_SAMPLERS = ['traceidratio', 'parentbased_traceidratio'] as const;
const PLAIN_SAMPLERS = ['always_on', 'always_off', 'parentbased_always_on', 'parentbased_always_off'] as const;

export type RatioSamplerName = (typeof RATIO_SAMPLERS)[number];
export type SamplerName = (typeof PLAIN_SAMPLERS)[number] | RatioSamplerName;

/** Which spans a process records, as OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG name it. */
export type TraceSampler =
  | { name: (typeof PLAIN_SAMPLERS)[number] }
  /** `ratio` is the share of traces kept, from 0 to 1. */
  | { name: RatioSamplerName; ratio: number };

export const DEFAULT_SAMPLER: TraceSampler = { name: 'parentbased_always_on' };

const SAMPLER_NAMES: readonly string[] = [...PLAIN_SAMPLERS, ...RATIO_SAMPLERS];

const isRatioSampler = (name: string): name is RatioSamplerName => (RATIO_SAMPLERS as readonly string[]).includes(name);
const isPlainSampler = (name: string): name is (typeof PLAIN_SAMPLERS)[number] =>
  (PLAIN_SAMPLERS as readonly string[]).includes(name);

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

const parseRatio = (raw: string | undefined): number => {
  const text = raw?.trim();
  if (!text) return 1;
  const ratio = DECIMAL.test(text) ? Number(text) : NaN;
  if (!(ratio >= 0 && ratio <= 1)) {
    throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got ${JSON.stringify(raw)}`);
  }
  return ratio;
};

/**
 * Reads the sampler the spec's way (parentbased_always_on by default, names
 * case-insensitive, the ratio defaulting to 1 and ignored by the samplers
 * that take none), but strictly: the SDK's own reader quietly falls back to
 * the default on a typo, this throws an Error naming the variable.
 */
export const resolveTraceSampler = (env: Env): TraceSampler => {
  const raw = env.OTEL_TRACES_SAMPLER?.trim();
  if (!raw) return DEFAULT_SAMPLER;
  const name = raw.toLowerCase();
  if (isRatioSampler(name)) return { name, ratio: parseRatio(env.OTEL_TRACES_SAMPLER_ARG) };
  if (isPlainSampler(name)) return { name };
  throw new Error(`OTEL_TRACES_SAMPLER must be one of ${SAMPLER_NAMES.join(', ')}, got ${JSON.stringify(raw)}`);
};

export const describeTraceSampler = (sampler: TraceSampler): string =>
  'ratio' in sampler ? `${sampler.name} (ratio ${String(sampler.ratio)})` : sampler.name;
