import { describe, expect, it } from 'vitest';
import { editDistance, nearMiss } from '../src/checks/names.js';
import { messages } from './fixtures.js';

describe('variable names and values', () => {
  it.each([
    ['OTEL_EXPORTER_OTLP_HEADER', 'OTEL_EXPORTER_OTLP_HEADERS'],
    ['HONEYCOMB_APIKEY', 'HONEYCOMB_API_KEY'],
    ['AWS_DEFAULT_REGOIN', 'AWS_DEFAULT_REGION'],
    ['honeycomb_api_key', 'HONEYCOMB_API_KEY'],
    ['OTEL_EXPORTER_OTLP_TRACE_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'],
  ])('warns that %s is a near miss of %s', (typo, meant) => {
    expect(messages({ [typo]: 'x' }, 'warning')).toContain(`${typo} is set: did you mean ${meant}?`);
  });

  it('leaves known and unrelated names alone', () => {
    expect(nearMiss('HONEYCOMB_API_KEY')).toBeUndefined();
    expect(nearMiss('HOME')).toBeUndefined();
    expect(nearMiss('PATH')).toBeUndefined();
    expect(nearMiss('TERM')).toBeUndefined();
  });

  it('computes edit distances', () => {
    expect(editDistance('REGION', 'REGOIN')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('notes a variable set but empty', () => {
    expect(messages({ HONEYCOMB_API_KEY: '' }, 'info')).toEqual(['HONEYCOMB_API_KEY is set but empty, so it counts as unset']);
  });

  it('warns about quotes and surrounding spaces', () => {
    expect(messages({ ROLLBAR_ENVIRONMENT: '"production"', HONEYCOMB_TEAM: ' team' }, 'warning')).toEqual([
      "ROLLBAR_ENVIRONMENT is wrapped in quotes, which the apps keep as part of the value",
      'HONEYCOMB_TEAM has spaces around its value',
    ]);
  });
});
