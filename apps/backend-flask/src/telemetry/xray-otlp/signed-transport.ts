import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { ExportFailure } from '@cruddur/export-health';
import { XRAY_SIGNING_SERVICE } from '@cruddur/telemetry-config';
import { OTLPExporterError, type ExportResponse, type IExporterTransport } from '@opentelemetry/otlp-exporter-base';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';

/** Where to find AWS credentials, for the hint on a failure that names them. */
export const AWS_CREDENTIALS_HINT = 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE';

/** On 401/403 from X-Ray: the credentials the SDK found, or their permissions. */
export const XRAY_CREDENTIALS_HINT = `the AWS credentials (${AWS_CREDENTIALS_HINT}) and their X-Ray write permission (AWSXrayWriteOnlyAccess)`;

/**
 * An export error that already says what went wrong in words fit for a log
 * line: ReportingSpanExporter and XrayOtlpCopy report `failure` as it is.
 */
export class DescribedExportError extends Error {
  override name = 'DescribedExportError';
  constructor(readonly failure: ExportFailure) {
    super(failure.reason);
  }
}

/**
 * The credential chain found nothing, or refused. Its own message is
 * never passed on: a provider's error may quote a profile or a file.
 */
const noCredentials = (error: unknown): DescribedExportError =>
  new DescribedExportError({
    reason: `no AWS credentials (${error instanceof Error ? error.name : 'unknown error'})`,
    hint: `check ${AWS_CREDENTIALS_HINT}`,
  });

const RETRYABLE = new Set([429, 502, 503, 504]);

export interface SignedTransportOptions {
  /** The OTLP traces URL (X-Ray's, or a stand-in's through AWS_ENDPOINT_URL_XRAY). */
  readonly url: string;
  /** Signed for: the service is always `xray`. */
  readonly region: string;
  readonly contentType: string;
  /** More headers to send (OTEL_EXPORTER_OTLP_HEADERS'), signed with the rest. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * OTLP/HTTP to X-Ray, each request signed with the AWS SDK's SigV4 signer
 * for the service `xray`, credentials from the SDK's default chain
 * (environment, profile, SSO, container or instance role), resolved when
 * the first request is signed and refreshed by the SDK before they expire.
 * An upstream exporter transport, so the OTLP exporter's delegate drives it
 * like its own; one attempt per batch, no retries.
 */
export class SignedOtlpTransport implements IExporterTransport {
  readonly agent: HttpAgent;
  private readonly url: URL;
  private readonly signer: SignatureV4;
  private readonly headers: Readonly<Record<string, string>>;

  constructor({ url, region, contentType, headers = {} }: SignedTransportOptions) {
    this.url = new URL(url);
    this.agent = this.url.protocol === 'http:' ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true });
    this.signer = new SignatureV4({ service: XRAY_SIGNING_SERVICE, region, credentials: defaultProvider(), sha256: Sha256 });
    this.headers = { ...headers, 'content-type': contentType };
  }

  async send(data: Uint8Array, timeoutMillis: number): Promise<ExportResponse> {
    const { protocol, hostname, port, pathname, host } = this.url;
    let signed: { headers: Record<string, string> };
    try {
      signed = await this.signer.sign({
        method: 'POST',
        protocol,
        hostname,
        path: pathname,
        headers: { ...this.headers, host, 'content-length': String(data.byteLength) },
        body: data,
        ...(port ? { port: Number(port) } : {}),
      });
    } catch (error) {
      return { status: 'failure', error: noCredentials(error) };
    }
    try {
      const status = await this.post(data, signed.headers, timeoutMillis);
      if (status >= 200 && status < 300) return { status: 'success' };
      const error = new OTLPExporterError(`HTTP ${String(status)}`, status);
      return RETRYABLE.has(status) ? { status: 'retryable', error } : { status: 'failure', error };
    } catch (error) {
      return { status: 'failure', error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  shutdown(): void {
    this.agent.destroy();
  }

  /** The answer's status; its body is read and dropped (an AWS error body is no log line). */
  private post(data: Uint8Array, headers: Record<string, string>, timeoutMillis: number): Promise<number> {
    const send = this.url.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      const request = send(this.url, { method: 'POST', headers, agent: this.agent });
      const timer = setTimeout(() => {
        request.destroy(Object.assign(new Error(`no answer within ${String(timeoutMillis)} ms`), { name: 'TimeoutError' }));
      }, timeoutMillis);
      timer.unref();
      request.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.once('response', (response: IncomingMessage) => {
        response.resume();
        response.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        response.once('end', () => {
          clearTimeout(timer);
          resolve(response.statusCode ?? 0);
        });
      });
      request.end(data);
    });
  }
}
