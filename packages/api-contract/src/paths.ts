/** The API's health check: the doctor and the benchmark poll it; tracing leaves it out. */
export const HEALTH_CHECK_PATH = '/api/health-check';
/** Where the browser sends its spans (OTLP/JSON) for the API to relay. */
export const TRACE_RELAY_PATH = '/v1/traces';
/** The API's OpenAPI 3.1 document, generated from its routes. */
export const OPENAPI_PATH = '/api/openapi.json';
