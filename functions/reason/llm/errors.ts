import { CausewayError } from '../../shared/errors.js';

/*
 * Why a model call did not produce a usable answer. Each name becomes the reason in the
 * fallback caveat; none of them ever fails an investigation.
 */

/** The endpoint did not answer within the per-call timeout or the overall budget. */
export class ModelTimeoutError extends CausewayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 504, options);
  }
}

/** A 429 or 5xx, or a dropped connection: worth one retry inside the budget. */
export class ModelUnavailableError extends CausewayError {
  /** Milliseconds the endpoint asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs?: number;
  constructor(message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, 503, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** A 4xx other than 429 (bad key, unknown model, unsupported parameter): retrying cannot help. */
export class ModelRequestError extends CausewayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 502, options);
  }
}

/** The answer was not JSON, or not the schema, even after the repair call. */
export class ModelOutputError extends CausewayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 502, options);
  }
}
