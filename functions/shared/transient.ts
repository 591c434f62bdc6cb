import { TransientError } from './errors.js';

/**
 * Error names AWS services answer when the call may succeed if made again: throttling
 * (DynamoDB's ProvisionedThroughputExceededException, ThrottlingException and
 * RequestLimitExceeded; Step Functions' and Secrets Manager's ThrottlingException;
 * Lambda's TooManyRequestsException) and server-side failures (InternalServerError,
 * Secrets Manager's InternalServiceError, ServiceUnavailable).
 */
const TRANSIENT_AWS_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'TransactionInProgressException',
  'KmsThrottlingException',
  'InternalServerError',
  'InternalServerErrorException',
  'InternalServiceError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

/** Socket-level failures Node reports by `code`: the request may never have reached the service. */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: { throttling?: boolean };
}

/**
 * Whether an error is worth retrying as it stands: a throttle, a 429 or 5xx from an AWS
 * service, or a dropped connection. Our own TransientError (Slack 429/5xx, an HTTP backend's
 * 5xx) already is one. Everything else (validation, access, a missing item, a failed
 * condition) fails the same way on every attempt.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof TransientError) return true;
  if (!error || typeof error !== 'object') return false;
  const e = error as ErrorShape;
  if (typeof e.name === 'string' && TRANSIENT_AWS_NAMES.has(e.name)) return true;
  if (typeof e.code === 'string' && TRANSIENT_NETWORK_CODES.has(e.code)) return true;
  if (e.$retryable?.throttling === true) return true;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status === 429 || status >= 500)) return true;
  return e.$fault === 'server';
}

/**
 * The error a stage throws to Step Functions: a transient failure becomes a TransientError
 * (the one name the ASL retries, with backoff), keeping the original as its `cause` and
 * its name in the message; any other error is returned unchanged.
 */
export function toStageError(error: unknown): unknown {
  if (error instanceof TransientError || !isTransient(error)) return error;
  const e = error as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' && e.message ? `: ${e.message.slice(0, 300)}` : '';
  return new TransientError(`${name}${message}`, { cause: error });
}
