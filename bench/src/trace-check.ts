import { SERVICE } from '@cruddur/telemetry-conventions';

/** The fields of the viewer's `GET /api/traces/:id` spans this check reads. */
export interface ViewerSpan {
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly kind: string;
  readonly service: string;
}

/** The viewer holds the click's root span (browser, named by the action) and the API's SERVER span. */
export const isCompleteClickTrace = (spans: readonly ViewerSpan[], action: string): boolean =>
  spans.some((span) => span.parentSpanId === null && span.service === SERVICE.frontend && span.name === action) &&
  spans.some((span) => span.kind === 'SERVER' && span.service === SERVICE.backend);
