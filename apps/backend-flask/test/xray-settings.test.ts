import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDaemonAddress } from '@cruddur/telemetry-config';
import { DEFAULT_SAMPLING_RULES_FILE } from '../src/telemetry/xray/sampling-rule.js';
import { describeXray, readXraySettings } from '../src/telemetry/xray/settings.js';

describe('AWS_XRAY_DAEMON_ADDRESS', () => {
  it.each([
    ['127.0.0.1:2000', { host: '127.0.0.1', port: 2000 }],
    ['xray-daemon:2000', { host: 'xray-daemon', port: 2000 }],
    ['udp:xray-daemon:2000', { host: 'xray-daemon', port: 2000 }],
    ['  localhost:3000 ', { host: 'localhost', port: 3000 }],
    ['[::1]:2000', { host: '::1', port: 2000 }],
    ['udp:[::1]:2000', { host: '::1', port: 2000 }],
    ['tcp:127.0.0.1:2000 udp:127.0.0.2:2001', { host: '127.0.0.2', port: 2001 }],
    ['udp:127.0.0.2:2001 tcp:127.0.0.1:2000', { host: '127.0.0.2', port: 2001 }],
  ])('reads %j', (value, expected) => {
    expect(parseDaemonAddress(value)).toEqual(expected);
  });

  it.each([[undefined], [''], ['   ']])('leaves X-Ray off when %j', (value) => {
    expect(parseDaemonAddress(value)).toBeUndefined();
  });

  it.each([
    'xray-daemon',
    'xray-daemon:',
    ':2000',
    'xray-daemon:0',
    'xray-daemon:65536',
    'xray-daemon:20a0',
    'http://xray-daemon:2000',
    'tcp:xray-daemon:2000',
    'udp:a:1 udp:b:2',
    'tcp:a:1 udp:b:2 udp:c:3',
    '::1:2000',
  ])('refuses %j with one sentence naming the variable', (value) => {
    expect(() => parseDaemonAddress(value)).toThrow(
      `AWS_XRAY_DAEMON_ADDRESS must be host:port, udp:host:port or "tcp:host:port udp:host:port" (port 1-65535), got ${JSON.stringify(value)}`,
    );
  });
});

describe('X-Ray settings', () => {
  it('are off without a daemon address, whatever else is set', () => {
    expect(readXraySettings({ AWS_XRAY_SAMPLING_RULES_FILE: '/nowhere.json' })).toBeUndefined();
  });

  it("read the repository's rule file by default, found from src/ as from dist/", () => {
    expect(DEFAULT_SAMPLING_RULES_FILE).toBe(fileURLToPath(new URL('../../../aws/json/xray.json', import.meta.url)));
    expect(existsSync(DEFAULT_SAMPLING_RULES_FILE)).toBe(true);
    const settings = readXraySettings({ AWS_XRAY_DAEMON_ADDRESS: 'udp:xray-daemon:2000' });
    expect(settings).toMatchObject({ address: { host: 'xray-daemon', port: 2000 }, rule: { ruleName: 'Cruddur' } });
    if (!settings) throw new Error('X-Ray off');
    expect(describeXray(settings)).toBe(
      `X-Ray via the daemon at udp:xray-daemon:2000, sampling rule Cruddur (5/s, then 10 %) from ${DEFAULT_SAMPLING_RULES_FILE}`,
    );
  });

  it('take another rule file from AWS_XRAY_SAMPLING_RULES_FILE, and fail clearly when it is missing', () => {
    expect(() => readXraySettings({ AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000', AWS_XRAY_SAMPLING_RULES_FILE: '/nowhere/xray.json' })).toThrow(
      'X-Ray sampling rule file /nowhere/xray.json cannot be read: ENOENT',
    );
  });
});
