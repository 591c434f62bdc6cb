/*
 * Typed errors. `name` is what Step Functions Retry/Catch match on and what the HTTP
 * layer maps to a status, so each name is stable and says what happened.
 */

/** Base for errors that carry an HTTP status when they reach an API route. */
export class CausewayError extends Error {
  readonly status: number;
  constructor(message: string, status: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.status = status;
  }
}

/** Worth retrying: throttling, a 5xx, a dropped connection. The only error ASL retries. */
export class TransientError extends CausewayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 503, options);
    this.name = 'TransientError';
  }
}

/** Bad credentials, unknown tenant, or a source the tenant has not enabled: one answer for all, so tenants cannot be probed. */
export class UnauthorizedError extends CausewayError {
  constructor(message = 'unauthorized', options?: { cause?: unknown }) {
    super(message, 401, options);
  }
}

/** The body is not parseable at all (not JSON, wrong content). */
export class MalformedRequestError extends CausewayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 400, options);
  }
}

export class PayloadTooLargeError extends CausewayError {
  constructor(limitBytes: number, actualBytes: number) {
    super(`body is ${actualBytes} bytes; the limit is ${limitBytes}`, 413);
  }
}

export class NotFoundError extends CausewayError {
  constructor(message: string) {
    super(message, 404);
  }
}

/** Parsed, but does not match the expected schema; `field` names the first offending path. */
export class PayloadValidationError extends CausewayError {
  readonly field: string;
  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(`${field}: ${message}`, 422, options);
    this.field = field;
  }
}

/** A tenant or deployment setting is missing or invalid; retrying cannot help. */
export class ConfigurationError extends CausewayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 500, options);
  }
}

/** A request that conflicts with current state: an approval already decided, an action already run. */
export class ConflictError extends CausewayError {
  constructor(message: string) {
    super(message, 409);
  }
}

/** Turns a zod error into a PayloadValidationError naming the first failing field. */
export function fromZodError(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }, prefix = ''): PayloadValidationError {
  const first = error.issues[0];
  const path = first ? first.path.map(String).join('.') : '';
  const field = [prefix, path].filter(Boolean).join('.') || '(root)';
  return new PayloadValidationError(field, first?.message ?? 'invalid');
}
