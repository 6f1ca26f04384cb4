/** Paths other modules need to recognise, such as the tracing setup that leaves them untraced. */
export const HEALTH_CHECK_PATH = '/api/health-check';
/** Where the browser sends its spans for the API to relay. */
export const TRACE_RELAY_PATH = '/v1/traces';
