/**
 * The parts of X-Ray's segment document this exporter fills in. Field names
 * are the wire format's (snake_case). Fields left undefined are not sent
 * (JSON.stringify drops them), nor are false flags, as in the X-Ray SDKs.
 */
export interface StackFrame {
  readonly path: string;
  readonly line: number;
  readonly label: string;
}

export interface XrayException {
  readonly id: string;
  readonly message?: string | undefined;
  readonly type?: string | undefined;
  readonly remote?: boolean | undefined;
  readonly stack?: StackFrame[] | undefined;
}

export interface HttpBlock {
  readonly request: {
    readonly method?: string | undefined;
    readonly url?: string | undefined;
    readonly user_agent?: string | undefined;
    readonly client_ip?: string | undefined;
    readonly x_forwarded_for?: true | undefined;
  };
  readonly response: {
    readonly status?: number | undefined;
    readonly content_length?: number | undefined;
  };
}

export type AnnotationValue = string | number | boolean;

export interface XrayDocument {
  id: string;
  name: string;
  start_time: number;
  end_time: number;
  /** On a segment, and on a subsegment sent on its own. */
  trace_id?: string | undefined;
  parent_id?: string | undefined;
  /** Marks a subsegment sent on its own. */
  type?: 'subsegment' | undefined;
  namespace?: 'remote' | undefined;
  http?: HttpBlock | undefined;
  error?: true | undefined;
  throttle?: true | undefined;
  fault?: true | undefined;
  cause?: { exceptions: XrayException[] } | undefined;
  annotations?: Record<string, AnnotationValue> | undefined;
  metadata?: { default: Record<string, unknown> } | undefined;
  aws?: { xray: { sdk: string; sdk_version?: string | undefined } } | undefined;
  subsegments?: XrayDocument[] | undefined;
}
