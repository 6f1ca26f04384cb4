import { describeDaemonAddress, parseDaemonAddress, type DaemonAddress } from '@cruddur/telemetry-config';
import { finding, nonBlank, type Env } from '../finding.js';
import { probeTcp } from './network.js';
import type { LiveResult } from './result.js';

/**
 * Where the daemon's TCP side should be: the `tcp:` half of the pair form,
 * else the segment address itself (the daemon serves both on one port, 2000).
 * Undefined when X-Ray is off or the address is malformed (an offline error).
 */
export const daemonTcpAddress = (value: string | undefined): DaemonAddress | undefined => {
  let udp: DaemonAddress | undefined;
  try {
    udp = parseDaemonAddress(value);
  } catch {
    return undefined;
  }
  const tcp = value?.trim().split(/\s+/).find((part) => part.startsWith('tcp:'));
  if (udp === undefined || tcp === undefined) return udp;
  // The pair form: read the tcp: half with the same parser, as if it were the UDP one.
  return parseDaemonAddress(tcp.slice(4)) ?? udp;
};

const ROW = 'X-Ray daemon (live)';

/**
 * UDP cannot tell whether anyone listens, so the doctor knocks on the
 * daemon's TCP port (its sampling API) instead: refused means no daemon.
 */
export const checkXrayDaemon = async (env: Env, timeoutMs: number): Promise<LiveResult> => {
  const address = daemonTcpAddress(nonBlank(env.AWS_XRAY_DAEMON_ADDRESS));
  if (address === undefined) return { statuses: [], findings: [] };
  const where = describeDaemonAddress(address);
  const outcome = await probeTcp(address.host, address.port, timeoutMs);
  switch (outcome.kind) {
    case 'open':
      return { statuses: [{ integration: ROW, on: true, target: `something listens on tcp ${where}` }], findings: [] };
    case 'refused':
      return {
        statuses: [{ integration: ROW, on: false, target: `nothing on tcp ${where}` }],
        findings: [finding('xray-daemon-absent', `no X-Ray daemon at ${where} (TCP refused): segments are being sent to nothing`)],
      };
    case 'unreachable':
      return {
        statuses: [{ integration: ROW, on: false, target: `not checked: ${outcome.reason}` }],
        findings: [finding('xray-daemon-unreachable', `could not check the X-Ray daemon at ${where} (${outcome.reason}): skipped`)],
      };
  }
};
