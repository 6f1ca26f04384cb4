const W3C_TRACE_ID = /^[0-9a-f]{32}$/;

/**
 * The X-Ray form of a W3C trace id: `1-` + its first 8 hex digits (the epoch
 * second, when an X-Ray id generator made it) + `-` + the other 24. Both
 * apps generate ids that way, so a trace is found in X-Ray under the id the
 * browser started it with, without any lookup table.
 */
export const toXrayTraceId = (traceId: string): string => {
  if (!W3C_TRACE_ID.test(traceId) || /^0+$/.test(traceId)) {
    throw new Error(`not a W3C trace id: ${JSON.stringify(traceId)}`);
  }
  return `1-${traceId.slice(0, 8)}-${traceId.slice(8)}`;
};
