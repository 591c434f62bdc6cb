import { z } from 'zod';
import type { BackendConfig } from '../contracts/index.js';
import { ConfigurationError, TransientError } from './errors.js';
import { BackendAuthError, BackendQueryError } from './http-client.js';

/*
 * The AWS SDK counterpart of http-client.ts for the AWS-native providers: one client per
 * region, and every SDK failure classified the way Step Functions needs (throttling and
 * 5xx are TransientError and retried; access and validation failures are named errors).
 */

/** `options.roleArn`: a role in another account to read from, assumed with STS. */
export const AwsAccessOptions = {
  roleArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'must be an IAM role ARN')
    .optional(),
};

/** The region a backend reads from: its own setting, else the Lambda's region. */
export function regionOf(backend: BackendConfig): string {
  const region = backend.region ?? process.env.AWS_REGION;
  if (!region) throw new ConfigurationError(`backend ${backend.id}: region is not set and AWS_REGION is empty`);
  return region;
}

/**
 * One SDK client per region (and role), created on first use and kept for the life of
 * the Lambda container. A role ARN is refused until an STS client is bundled: the
 * Lambda's own role is the only credential this build can use.
 */
export function clientsByRegion<C>(create: (region: string) => C): (region: string, roleArn?: string) => C {
  const clients = new Map<string, C>();
  return (region, roleArn) => {
    if (roleArn) throw new ConfigurationError('options.roleArn: cross-account roles need @aws-sdk/client-sts, which this build does not bundle; read with the Lambda role or remove the option');
    let client = clients.get(region);
    if (!client) clients.set(region, (client = create(region)));
    return client;
  };
}

/** Validates `plan.backend.options` against a provider's schema; the error names the first bad field. */
export function parseOptions<T extends z.ZodType>(schema: T, backend: BackendConfig): z.infer<T> {
  const parsed = schema.safeParse(backend.options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = ['options', ...(issue?.path ?? []).map(String)].join('.');
  throw new ConfigurationError(`backend ${backend.id}: ${field}: ${issue?.message ?? 'invalid'}`);
}

const TRANSIENT = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerError',
  'InternalServiceError',
  'ServiceException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const AUTH = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'MissingAuthenticationToken',
  'NotAuthorized',
  'CredentialsProviderError',
]);

interface SdkError {
  name?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
}

/**
 * Turns an SDK failure into the error the pipeline acts on. `where` says what was called
 * ("CloudWatch GetMetricData in eu-west-1"); AWS messages name actions and ARNs, never
 * credentials, so they are kept.
 */
export function classifyAwsError(error: unknown, where: string): Error {
  const e = (error ?? {}) as SdkError;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const detail = `${where}: ${name}${e.message ? `: ${e.message.slice(0, 300)}` : ''}`;
  if (TRANSIENT.has(name) || status === 429 || (status !== undefined && status >= 500) || e.$fault === 'server') return new TransientError(detail, { cause: error });
  if (AUTH.has(name) || status === 401 || status === 403) return new BackendAuthError(`${detail} (check the Lambda role's IAM permissions)`);
  if (e.$fault === 'client' || (status !== undefined && status >= 400)) return new BackendQueryError(detail);
  if (!e.$metadata) return new TransientError(`${detail} (network)`, { cause: error });
  return new BackendQueryError(detail);
}

/**
 * Runs one SDK call and classifies its failure. An abort (the provider's deadline) is
 * rethrown as is: the handler has already recorded the timeout.
 */
export async function callAws<T>(where: string, signal: AbortSignal, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (signal.aborted) throw error;
    throw classifyAwsError(error, where);
  }
}

/** The regional API endpoint of an AWS service (`monitoring`, `logs`, `xray`): where a provider searched. */
export function serviceEndpoint(service: string, region: string): string {
  return `https://${service}.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}
