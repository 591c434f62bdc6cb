import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type middy from '@middy/core';

/**
 * Every logger the modules of this Lambda created, shared and stage-specific alike, so the
 * stage wrapper can give all of them the invocation's context, not only the handler's own.
 * Kept as one live array: a logger created after the wrapper (a lazily imported module)
 * still gets the context of the next invocation.
 */
const loggers: Logger[] = [];

/** One structured logger per function module; the service name says which stage wrote the line. */
export function createLogger(serviceName: string): Logger {
  const logger = new Logger({ serviceName: `causeway-${serviceName}` });
  loggers.push(logger);
  return logger;
}

/**
 * Powertools' `injectLambdaContext` over every logger of the Lambda: each line of an
 * invocation carries the function name, request id and cold start, and the keys appended
 * with {@link appendInvocationKeys} are dropped when the invocation ends, so one
 * investigation's ids never label the next one's lines.
 */
export function lambdaContextMiddleware(): middy.MiddlewareObj {
  return injectLambdaContext(loggers, { resetKeys: true });
}

/** The ids of what an invocation works on, on every log line until it ends. */
export interface InvocationKeys {
  readonly tenantId?: string;
  readonly investigationId?: string;
}

/**
 * Adds the tenant and investigation to every line the invocation logs, whichever module
 * writes it. On Lambda one invocation runs per process at a time; the local runtime runs
 * concurrent executions in one process, where a line may carry the keys of the invocation
 * that started last.
 */
export function appendInvocationKeys(keys: InvocationKeys): void {
  const defined = Object.fromEntries(Object.entries(keys).filter(([, value]) => typeof value === 'string' && value.length > 0));
  if (Object.keys(defined).length === 0) return;
  for (const logger of loggers) logger.appendKeys(defined);
}
