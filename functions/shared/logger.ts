import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger per function module; the service name says which stage wrote the line. */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName: `causeway-${serviceName}` });
}
