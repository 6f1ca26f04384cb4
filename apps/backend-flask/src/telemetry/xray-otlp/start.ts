import { printableUrl, type XrayOtlp } from '@cruddur/telemetry-config';
import { countUnfinishedAtExit, destinationHealth } from '../export-health.js';
import { XrayOtlpCopy } from './copy.js';
import { SignedOtlpTransport, XRAY_CREDENTIALS_HINT } from './signed-transport.js';

/**
 * Requests to X-Ray open at once. A batch leaves at least every 200 ms, and
 * under load every 128 spans, so 8 keep up with a region ~60 ms away at
 * ~17,000 spans a second; past that, batches are dropped and counted
 * rather than queued behind a slow region.
 */
export const XRAY_MAX_IN_FLIGHT = 8;

/**
 * X-Ray over OTLP, ready to be handed each encoded batch (and the relayed ones).
 *
 * X-Ray gets every span the trace destination gets, not the sample the
 * daemon path takes by aws/json/xray.json's rule. Sampling by that rule
 * here would mean encoding the sampled part of each batch a second time,
 * which this path exists to avoid; and X-Ray's OTLP endpoint needs
 * Transaction Search, which takes in every span (into CloudWatch Logs) and
 * indexes a share of them as trace summaries itself (1 % by default,
 * `aws xray update-indexing-rule` to change). To send fewer spans, sample
 * for every destination at once with OTEL_TRACES_SAMPLER.
 */
export const startXrayOtlpCopy = ({ url, region, urlFrom }: XrayOtlp, timeoutMs: number): XrayOtlpCopy => {
  const hints = { credentials: XRAY_CREDENTIALS_HINT, address: urlFrom, noun: 'spans' };
  const { health } = destinationHealth(`X-Ray ${printableUrl(url)}`, hints);
  const copy = new XrayOtlpCopy({
    transport: new SignedOtlpTransport({ url, region, contentType: 'application/x-protobuf' }),
    health,
    hints,
    timeoutMs,
    maxInFlight: XRAY_MAX_IN_FLIGHT,
  });
  countUnfinishedAtExit(() => {
    copy.abandonInFlight();
  });
  return copy;
};

/** One line for the start-up log. */
export const describeXrayOtlp = ({ url, region }: XrayOtlp): string =>
  `X-Ray over OTLP to ${printableUrl(url)}, signed for xray in ${region} with the AWS SDK's default credentials; every span the trace destination gets`;
