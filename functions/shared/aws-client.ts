import { z } from 'zod';
import type { BackendConfig, EvidencePlan, ProviderQuery } from '../contracts/index.js';
import { ConfigurationError, TransientError } from './errors.js';
import type { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, HttpHandlerOptions, HttpRequest, HttpResponse } from '@smithy/types';
import { BackendAuthError, BackendQueryError, currentTransport, isDefaultTransport } from './http-client.js';
import { traced } from './tracing.js';
import { onFirstCall } from './lazy.js';

/*
 * The AWS SDK counterpart of http-client.ts for the AWS-native providers: one client per
 * region, and every SDK failure classified the way Step Functions needs (throttling and
 * 5xx are TransientError and retried; access and validation failures are named errors).
 */

/** `options.roleArn`: a role in another account to read from, assumed with STS. */
export const AwsAccessOptions = {
  roleArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/causeway-read[\w+=,.@-]{0,50}$/, 'must be the ARN of a role named causeway-read… (the only roles Causeway may assume)')
    .optional(),
};

/** The region a backend reads from: its own setting, else the Lambda's region. */
export function regionOf(backend: BackendConfig): string {
  const region = backend.region ?? process.env.AWS_REGION;
  if (!region) throw new ConfigurationError(`backend ${backend.id}: region is not set and AWS_REGION is empty`);
  return region;
}

/** What every provider's SDK client is built with: golden-run recording, and the role to read as. */
export interface ClientConfig {
  requestHandler: RecordableRequestHandler;
  credentials?: AwsCredentialIdentityProvider;
}

/** The session tag every assumed session carries; a role's trust and permission policies can require it. */
export const TENANT_SESSION_TAG = 'causeway:tenant';

/**
 * The ExternalId Causeway sends when it assumes a tenant's role: `causeway:<tenantId>`,
 * derived, never configured, so a tenant cannot present another tenant's. The role's trust
 * policy requires it (`sts:ExternalId`), so naming another tenant's role in a config gets
 * AccessDenied from STS: the confused-deputy guard.
 */
export function externalIdFor(tenantId: string): string {
  return `causeway:${tenantId}`;
}

/**
 * One SDK client per region, role and tenant, created on first use and kept for the life of
 * the Lambda container. With a role ARN the client reads as that role (STS AssumeRole with
 * the tenant's ExternalId and session tag, refreshed before expiry); the Lambda's own role
 * needs sts:AssumeRole and sts:TagSession on it. The tenant is part of the key, so
 * credentials assumed for one tenant never serve another. Each client's calls, and the STS
 * calls behind its credentials, appear in the invocation's X-Ray trace.
 */
export function clientsByRegion<C>(create: (region: string, config: ClientConfig) => C): (region: string, roleArn: string | undefined, tenantId: string) => C {
  const clients = new Map<string, C>();
  return (region, roleArn, tenantId) => {
    const key = `${region}\u0000${roleArn ?? ''}\u0000${roleArn ? tenantId : ''}`;
    let client = clients.get(key);
    if (!client) {
      const config: ClientConfig = { requestHandler: new RecordableRequestHandler(), credentials: roleArn ? assumedRole(roleArn, region, tenantId) : undefined };
      clients.set(key, (client = traced(create(region, config))));
    }
    return client;
  };
}

/**
 * Credentials of `roleArn` for `tenantId`, assumed on first use and again five minutes before
 * they expire. Every AssumeRole carries the tenant's ExternalId ({@link externalIdFor}) and the
 * session tag `causeway:tenant=<tenantId>`; the session is named after the tenant, so the
 * role owner's CloudTrail shows whom Causeway read for. The STS package is loaded and the
 * client made on the first assumption, so a provider that reads as its own role never loads them.
 */
export function assumedRole(roleArn: string, region: string, tenantId: string, stsClient?: STSClient): AwsCredentialIdentityProvider {
  let cached: AwsCredentialIdentity | undefined;
  const sts = onFirstCall(async () => {
    const { AssumeRoleCommand, STSClient } = await import('@aws-sdk/client-sts');
    return { client: stsClient ?? traced(new STSClient({ region })), AssumeRoleCommand };
  });
  return async () => {
    if (cached?.expiration && cached.expiration.getTime() - Date.now() > 5 * 60_000) return cached;
    const { client, AssumeRoleCommand } = await sts();
    const out = await client.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: `causeway-${tenantId}`.slice(0, 64),
        ExternalId: externalIdFor(tenantId),
        Tags: [{ Key: TENANT_SESSION_TAG, Value: tenantId }],
        DurationSeconds: 3600,
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new ConfigurationError(`options.roleArn: assuming ${roleArn} returned no credentials`);
    cached = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
    return cached;
  };
}

/**
 * The SDK's HTTP handler, except while a golden run is being captured or replayed: then
 * every AWS call goes through the swappable transport, so AWS-native providers are
 * recorded and replayed exactly like the HTTP ones.
 */
export class RecordableRequestHandler {
  private readonly node = new NodeHttpHandler();
  readonly metadata = { handlerProtocol: 'http/1.1' };

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    if (isDefaultTransport()) return this.node.handle(request as never, options);
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== null && v !== undefined) query.append(name, v);
    }
    const search = query.size > 0 ? `?${query.toString()}` : '';
    const url = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}${request.path}${search}`;
    const body = request.body === undefined || request.body === null ? undefined : typeof request.body === 'string' ? request.body : Buffer.from(request.body as Uint8Array).toString('utf8');
    const method = request.method === 'GET' ? 'GET' : 'POST';
    const signal = options?.abortSignal instanceof AbortSignal ? options.abortSignal : new AbortController().signal;
    const response = await currentTransport()({ method, url, headers: request.headers, body }, signal);
    return { response: { statusCode: response.status, headers: response.headers, body: Buffer.from(response.body, 'utf8') } };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    this.node.destroy();
  }
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

/**
 * An AWS provider's `describe`: what `described` makes of valid options; with invalid ones,
 * still the services and the regional endpoint, so the record's error entry says where the
 * provider would have looked.
 */
export function describeAwsQuery<T extends z.ZodType>(
  plan: EvidencePlan,
  schema: T,
  what: string,
  endpointService: string,
  described: (options: z.infer<T>, region: string) => ProviderQuery,
): ProviderQuery {
  const region = plan.backend.region ?? process.env.AWS_REGION ?? '(no region)';
  const parsed = schema.safeParse(plan.backend.options);
  if (parsed.success) return described(parsed.data, region);
  return { text: `${what} for ${plan.services.join(', ') || plan.focusService || 'all services'} (options invalid)`, target: serviceEndpoint(endpointService, region), window: plan.window };
}

/** The regional API endpoint of an AWS service (`monitoring`, `logs`, `xray`): where a provider searched. */
export function serviceEndpoint(service: string, region: string): string {
  return `https://${service}.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}
