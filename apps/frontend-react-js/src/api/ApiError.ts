/** Status used for requests that never got an HTTP response. */
export const NETWORK_ERROR_STATUS = 0;

interface ApiErrorInit {
  status: number;
  /** Request error code (`{"error": code}`), or a client-side one such as `network_error`. */
  error: string;
  /** Validation codes from a 422 `{"errors": [...]}` body; empty otherwise. */
  errors?: readonly string[];
  message: string;
  cause?: unknown;
}

/** Every failed API call rejects with one of these. */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly errors: readonly string[];

  constructor({ status, error, errors = [], message, cause }: ApiErrorInit) {
    super(message, { cause });
    this.name = 'ApiError';
    this.status = status;
    this.error = error;
    this.errors = errors;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Builds the error for a non-2xx response from whatever JSON body it carried. */
export const apiErrorFromResponse = (status: number, body: unknown): ApiError => {
  const record = isRecord(body) ? body : {};
  const errors = Array.isArray(record.errors)
    ? record.errors.filter((code): code is string => typeof code === 'string')
    : [];
  const error =
    typeof record.error === 'string' ? record.error : errors.length > 0 ? 'validation_failed' : `http_${String(status)}`;
  const message =
    typeof record.message === 'string' ? record.message : `The Cruddur API answered ${String(status)} (${error}).`;
  return new ApiError({ status, error, errors, message });
};
