import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSamplingRule, type SamplingRule } from '@cruddur/telemetry-config';

// The parser is shared with the doctor (packages/telemetry-config); this module reads the file.
export { parseSamplingRule, type SamplingRule };

/**
 * The repository's aws/json/xray.json, five levels up from this module in
 * src/ and in dist/ alike. The production image has no repository around
 * it: the Dockerfile's backend-prod stage copies the file and sets
 * AWS_XRAY_SAMPLING_RULES_FILE.
 */
export const DEFAULT_SAMPLING_RULES_FILE = fileURLToPath(new URL('../../../../../aws/json/xray.json', import.meta.url));

/** Reads and validates the rule file; the error names the file and what is wrong. */
export const loadSamplingRule = (path: string): SamplingRule => {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`X-Ray sampling rule file ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  try {
    return parseSamplingRule(JSON.parse(raw));
  } catch (error) {
    throw new Error(`X-Ray sampling rule file ${path} is invalid: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
};
