/**
 * Parses OTEL_EXPORTER_OTLP_HEADERS: `key=value` pairs separated by commas,
 * values percent-encoded (the OpenTelemetry spec's format). Keys are
 * lower-cased; a malformed pair is an error naming the variable, never
 * silently dropped (a dropped `x-honeycomb-team` is a 401 hours later).
 */
export const parseOtlpHeaders = (name: string, raw: string | undefined): Record<string, string> => {
  const headers: Record<string, string> = {};
  if (!raw?.trim()) return headers;
  for (const pair of raw.split(',')) {
    if (!pair.trim()) continue;
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq).trim().toLowerCase() : '';
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(key)) {
      throw new Error(`${name}: expected key=value pairs separated by commas, got ${JSON.stringify(maskPair(pair))}`);
    }
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(eq + 1).trim());
    } catch {
      throw new Error(`${name}: the value of ${key} is not valid percent-encoding`);
    }
    headers[key] = value;
  }
  return headers;
};

/** Shows the end of a secret only: enough to tell two keys apart. */
export const maskSecret = (value: string): string =>
  value.length <= 4 ? '****' : `****${value.slice(-4)}`;

const maskPair = (pair: string): string => {
  const eq = pair.indexOf('=');
  return eq < 0 ? maskSecret(pair.trim()) : `${pair.slice(0, eq).trim()}=${maskSecret(pair.slice(eq + 1).trim())}`;
};
