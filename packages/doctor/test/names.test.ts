import { describe, expect, it } from 'vitest';
import { editDistance, nearMiss, unexpandedReferences } from '../src/checks/names.js';
import type { Env } from '../src/finding.js';
import { findings, messages } from './fixtures.js';

const unexpanded = (env: Env) => findings(env).filter((finding) => finding.id === 'variable-unexpanded');

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

  it('warns about a ${...} reference nobody expanded, naming the variable and the reference', () => {
    // The journals' compose line, as it reaches the API when nothing interpolates it.
    expect(unexpanded({ OTEL_SERVICE_NAME: '${HONEYCOMB_SERVICE_NAME}' })).toEqual([{
      id: 'variable-unexpanded',
      level: 'warning',
      integration: 'variables',
      message: 'OTEL_SERVICE_NAME contains ${HONEYCOMB_SERVICE_NAME}, unexpanded: the apps read it as text',
      fix: "write OTEL_SERVICE_NAME's value itself, not a reference to another variable",
    }]);
    expect(messages({ OTEL_EXPORTER_OTLP_HEADERS: 'x-honeycomb-team=${HONEYCOMB_API_KEY}' }, 'warning')).toEqual([
      'OTEL_EXPORTER_OTLP_HEADERS contains ${HONEYCOMB_API_KEY}, unexpanded: the apps read it as text',
    ]);
  });

  it('reports a quoted reference both ways, and each reference once', () => {
    expect(messages({ FRONTEND_URL: '"https://3000-${GITPOD_WORKSPACE_ID}.${GITPOD_WORKSPACE_CLUSTER_HOST}"' }, 'warning')).toEqual([
      'FRONTEND_URL is wrapped in quotes, which the apps keep as part of the value',
      'FRONTEND_URL contains ${GITPOD_WORKSPACE_ID}, ${GITPOD_WORKSPACE_CLUSTER_HOST}, unexpanded: the apps read it as text',
    ]);
    expect(unexpandedReferences('${A}-${A}')).toEqual(['${A}']);
  });

  it('shows only the name of a reference: a default or a key pasted inside the braces stays hidden', () => {
    const key = '0123456789abcdef0123456789abcdef';
    expect(unexpandedReferences(`x-honeycomb-team=\${HONEYCOMB_API_KEY:-${key}}`)).toEqual(['${HONEYCOMB_API_KEY}']);
    expect(unexpandedReferences('${ROLLBAR_ACCESS_TOKEN:-}')).toEqual(['${ROLLBAR_ACCESS_TOKEN}']);
    expect(unexpandedReferences(`\${${key}}`)).toEqual(['${…}']);
    // A configuration key is mixed case: its first capital is not shown as a name.
    expect(unexpandedReferences('${AbCdEfGhIjKlMnOpQrStUv}')).toEqual(['${…}']);
    const [message] = messages({ HONEYCOMB_API_KEY: `\${${key}}` }, 'warning').filter((text) => text.includes('unexpanded'));
    expect(message).toBe('HONEYCOMB_API_KEY contains ${…}, unexpanded: the apps read it as text');
  });

  it('leaves alone a $ that is no reference, and variables the apps do not read', () => {
    expect(unexpanded({ ROLLBAR_ENVIRONMENT: 'prod$1', HONEYCOMB_TEAM: '{team}', CLOUDWATCH_LOG_GROUP: '${unclosed' })).toEqual([]);
    expect(unexpanded({ PS1: '${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ ' })).toEqual([]);
  });
});
