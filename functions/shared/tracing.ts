import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The Lambda's X-Ray tracer. It is active only on Lambda with active tracing (Powertools
 * checks `AWS_EXECUTION_ENV`, and `POWERTOOLS_TRACE_ENABLED=false` turns it off), so tests
 * and the local runtime never try to reach an X-Ray daemon.
 *
 * Outgoing HTTP(S) and fetch calls are not captured: X-Ray would record each request's full
 * URL path, and a Slack incoming webhook's path is its secret. AWS SDK calls are captured
 * through {@link traced}; their subsegments name the operation and resource, never a value.
 */
export const tracer = new Tracer({ captureHTTPsRequests: false });

/** An AWS SDK v3 client whose calls appear as subsegments of the invocation's trace; unchanged when tracing is off. */
export function traced<C>(client: C): C {
  return tracer.captureAWSv3Client(client);
}
