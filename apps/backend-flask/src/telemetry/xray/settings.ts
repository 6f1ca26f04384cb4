import { describeDaemonAddress, parseDaemonAddress, type DaemonAddress } from '@cruddur/telemetry-config';
import { DEFAULT_SAMPLING_RULES_FILE, loadSamplingRule, type SamplingRule } from './sampling-rule.js';

export interface XraySettings {
  readonly address: DaemonAddress;
  readonly rule: SamplingRule;
  readonly rulesFile: string;
}

/**
 * X-Ray is on when AWS_XRAY_DAEMON_ADDRESS is set; the sampling rule is then
 * read from AWS_XRAY_SAMPLING_RULES_FILE (default: the repository's
 * aws/json/xray.json). Throws one clear sentence on a bad address or file.
 */
export const readXraySettings = (env: NodeJS.ProcessEnv): XraySettings | undefined => {
  const address = parseDaemonAddress(env.AWS_XRAY_DAEMON_ADDRESS);
  if (address === undefined) return undefined;
  const rulesFile = env.AWS_XRAY_SAMPLING_RULES_FILE?.trim() || DEFAULT_SAMPLING_RULES_FILE;
  return { address, rule: loadSamplingRule(rulesFile), rulesFile };
};

/** One line for the start-up log. */
export const describeXray = ({ address, rule, rulesFile }: XraySettings): string =>
  `X-Ray via the daemon at udp:${describeDaemonAddress(address)}, sampling rule ${rule.ruleName} ` +
  `(${String(rule.reservoirSize)}/s, then ${String(Number((rule.fixedRate * 100).toFixed(4)))} %) from ${rulesFile}`;
