import { describe, expect, it } from 'vitest';
import { awsRegion, describeTraceExport, resolveTraceExport, resolveXrayOtlp, xrayRegionOf } from '../src/index.js';

describe('resolveXrayOtlp', () => {
  it('is off unless AWS_XRAY_OTLP=true', () => {
    expect(resolveXrayOtlp({})).toBeUndefined();
    expect(resolveXrayOtlp({ AWS_XRAY_OTLP: 'false', AWS_REGION: 'us-east-1' })).toBeUndefined();
    expect(resolveXrayOtlp({ AWS_XRAY_OTLP: ' ', AWS_REGION: 'us-east-1' })).toBeUndefined();
    expect(() => resolveXrayOtlp({ AWS_XRAY_OTLP: 'yes', AWS_REGION: 'us-east-1' })).toThrow('AWS_XRAY_OTLP must be true or false, got "yes"');
  });

  it("sends to X-Ray's endpoint in the configured region, AWS_REGION before AWS_DEFAULT_REGION", () => {
    expect(resolveXrayOtlp({ AWS_XRAY_OTLP: 'true', AWS_REGION: 'ca-central-1', AWS_DEFAULT_REGION: 'us-east-1' })).toEqual({
      url: 'https://xray.ca-central-1.amazonaws.com/v1/traces',
      region: 'ca-central-1',
      urlFrom: 'AWS_REGION',
    });
    expect(resolveXrayOtlp({ AWS_XRAY_OTLP: 'TRUE', AWS_DEFAULT_REGION: 'us-gov-west-1' })).toMatchObject({
      url: 'https://xray.us-gov-west-1.amazonaws.com/v1/traces',
      urlFrom: 'AWS_DEFAULT_REGION',
    });
  });

  it('needs a well-formed region', () => {
    expect(() => resolveXrayOtlp({ AWS_XRAY_OTLP: 'true' })).toThrow('AWS_XRAY_OTLP=true needs an AWS region: set AWS_REGION');
    expect(() => resolveXrayOtlp({ AWS_XRAY_OTLP: 'true', AWS_REGION: 'us-east-1.evil.com/x' })).toThrow(
      'AWS_REGION must be an AWS region code such as us-east-1, got "us-east-1.evil.com/x"',
    );
    expect(() => awsRegion({ AWS_DEFAULT_REGION: 'Canada' })).toThrow(/^AWS_DEFAULT_REGION must be/);
  });

  it('takes AWS_ENDPOINT_URL_XRAY as the base URL, as the AWS SDK does, adding the OTLP path', () => {
    const env = { AWS_XRAY_OTLP: 'true', AWS_REGION: 'us-east-1' };
    expect(resolveXrayOtlp({ ...env, AWS_ENDPOINT_URL_XRAY: 'http://127.0.0.1:4566' })).toEqual({
      url: 'http://127.0.0.1:4566/v1/traces',
      region: 'us-east-1',
      urlFrom: 'AWS_ENDPOINT_URL_XRAY',
    });
    expect(resolveXrayOtlp({ ...env, AWS_ENDPOINT_URL_XRAY: 'http://proxy:8080/xray/v1/traces' })?.url).toBe('http://proxy:8080/xray/v1/traces');
    expect(resolveXrayOtlp({ ...env, AWS_ENDPOINT_URL: 'http://localstack:4566', AWS_ENDPOINT_URL_XRAY: ' ' })).toMatchObject({
      url: 'http://localstack:4566/v1/traces',
      urlFrom: 'AWS_ENDPOINT_URL',
    });
    expect(resolveXrayOtlp({ ...env, AWS_ENDPOINT_URL: 'http://localstack:4566', AWS_ENDPOINT_URL_XRAY: 'http://xray:1' })?.urlFrom).toBe('AWS_ENDPOINT_URL_XRAY');
    expect(() => resolveXrayOtlp({ ...env, AWS_ENDPOINT_URL_XRAY: 'localhost:4566' })).toThrow(/^AWS_ENDPOINT_URL_XRAY must be an/);
    expect(() => resolveXrayOtlp({ ...env, AWS_ENDPOINT_URL_XRAY: 'http://u:p@localhost:4566' })).toThrow('no credentials or query string');
  });
});

describe("X-Ray's endpoint named as the trace destination", () => {
  it('is recognised by its host, with its region', () => {
    expect(xrayRegionOf('https://xray.eu-west-1.amazonaws.com/v1/traces')).toBe('eu-west-1');
    expect(xrayRegionOf('https://xray.cn-north-1.amazonaws.com.cn/v1/traces')).toBe('cn-north-1');
    expect(xrayRegionOf('https://xray.amazonaws.com.evil.com/v1/traces')).toBeUndefined();
    expect(xrayRegionOf('https://api.honeycomb.io/v1/traces')).toBeUndefined();
  });

  it('makes the destination `xray`, from either OTLP endpoint variable', () => {
    expect(resolveTraceExport({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://xray.us-east-1.amazonaws.com/v1/traces' })).toEqual({
      enabled: true,
      destination: 'xray',
      url: 'https://xray.us-east-1.amazonaws.com/v1/traces',
      protocol: 'http/protobuf',
      headers: {},
    });
    const base = resolveTraceExport({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://xray.us-east-1.amazonaws.com' });
    expect(base).toMatchObject({ destination: 'xray', url: 'https://xray.us-east-1.amazonaws.com/v1/traces' });
    expect(describeTraceExport(base)).toBe('xray: https://xray.us-east-1.amazonaws.com/v1/traces (http/protobuf)');
  });
});
