import { expect, it, onTestFinished, vi } from 'vitest';
import { spanLimits } from '../src/telemetry/sdk.js';

const VARIABLES = [
  'OTEL_ATTRIBUTE_COUNT_LIMIT',
  'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT',
  'OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT',
  'OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT',
  'OTEL_SPAN_LINK_COUNT_LIMIT',
  'OTEL_SPAN_EVENT_COUNT_LIMIT',
  'OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT',
  'OTEL_SPAN_ATTRIBUTE_PER_LINK_COUNT_LIMIT',
];

it('reads the span limits from the standard variables as the 2.x SDK did: span-specific first, then general, then its defaults', () => {
  onTestFinished(() => {
    vi.unstubAllEnvs();
  });
  for (const name of VARIABLES) vi.stubEnv(name, undefined);
  expect(spanLimits()).toEqual({
    attributeCountLimit: 128,
    attributeValueLengthLimit: Infinity,
    linkCountLimit: 128,
    eventCountLimit: 128,
    attributePerEventCountLimit: 128,
    attributePerLinkCountLimit: 128,
  });

  vi.stubEnv('OTEL_ATTRIBUTE_COUNT_LIMIT', '64');
  vi.stubEnv('OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT', '4096');
  vi.stubEnv('OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', '1024');
  vi.stubEnv('OTEL_SPAN_EVENT_COUNT_LIMIT', '16');
  expect(spanLimits()).toMatchObject({ attributeCountLimit: 64, attributeValueLengthLimit: 1024, eventCountLimit: 16, linkCountLimit: 128 });
});
