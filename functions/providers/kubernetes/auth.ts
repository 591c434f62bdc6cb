import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider, SourceData } from '@smithy/types';
import type { EvidencePlan } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';
import { BackendAuthError } from '../../shared/http-client.js';
import { onFirstCall } from '../../shared/lazy.js';
import { caBundle } from '../../shared/tls.js';
import type { ProviderDeps } from '../types.js';
import { KubernetesSecret, type KubernetesOptions } from './options.js';

/*
 * The bearer token for the API server: a service account token from the backend's
 * secret, or an EKS token minted from the Lambda's own IAM role, the way
 * `aws eks get-token` does it.
 */

const bytes = (data: SourceData): string | Buffer =>
  typeof data === 'string' ? data : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

/** SHA-256 for the SigV4 signer, from node:crypto (HMAC when given a key). */
class NodeSha256 {
  private hash: Hash | Hmac;
  private readonly secret?: string | Buffer;
  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : bytes(secret);
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/**
 * The Lambda role's credentials, resolved once and refreshed by the chain as they expire. The
 * chain's package is loaded on the first EKS token: a cluster reached with a bearer token never loads it.
 */
const credentialChain = onFirstCall(async () => (await import('@aws-sdk/credential-provider-node')).defaultProvider());
const lambdaCredentials: AwsCredentialIdentityProvider = async (options) => (await credentialChain())(options);

/** The STS endpoint the token is presigned for: the regional one, which EKS accepts. */
function stsHost(region: string): string {
  return `sts.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/**
 * An EKS bearer token: `k8s-aws-v1.` + the base64url of a presigned STS
 * GetCallerIdentity URL that signs the header `x-k8s-aws-id: <cluster>`, valid 60 s.
 * The API server replays the URL to learn the caller's IAM identity.
 */
export async function eksToken(clusterName: string, region: string, credentials: AwsCredentialIdentityProvider = lambdaCredentials, now = new Date()): Promise<string> {
  const hostname = stsHost(region);
  const signer = new SignatureV4({ credentials, region, service: 'sts', sha256: NodeSha256 });
  const signed = await signer.presign(
    { method: 'GET', protocol: 'https:', hostname, path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, headers: { host: hostname, 'x-k8s-aws-id': clusterName } },
    { expiresIn: 60, signingDate: now },
  );
  const query = Object.entries(signed.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `k8s-aws-v1.${Buffer.from(`https://${hostname}/?${query}`).toString('base64url')}`;
}

/** How to reach the API server: the bearer token (never logged, never put in a note or an error) and the CA to trust, if private. */
export interface ClusterAccess {
  token: string;
  /** PEM bundle of the cluster's CA; absent, the system's trusted CAs. */
  ca?: string;
}

/** The token from the secret or an EKS token from the Lambda's role, and the CA from the secret's or the options' `caData`. */
export async function clusterAccess(plan: EvidencePlan, options: KubernetesOptions, deps: ProviderDeps): Promise<ClusterAccess> {
  const where = `backend ${plan.backend.id}`;
  const withCa = (token: string, caData: string | undefined): ClusterAccess => (caData ? { token, ca: caBundle(caData, where) } : { token });
  if (options.eks) {
    const region = options.eks.region ?? plan.backend.region ?? process.env.AWS_REGION;
    if (!region) throw new ConfigurationError(`${where}: options.eks.region: not set, and neither the backend region nor AWS_REGION is`);
    let token: string;
    try {
      token = await eksToken(options.eks.clusterName, region);
    } catch (error) {
      throw new BackendAuthError(`could not sign an EKS token for ${options.eks.clusterName}: ${(error as Error).name} (the Lambda role's credentials are unavailable)`);
    }
    return withCa(token, options.caData);
  }
  if (!plan.backend.secretRef) throw new ConfigurationError(`${where}: secretRef: set a secret holding { "token": … }, or options.eks for an EKS cluster`);
  const parsed = KubernetesSecret.safeParse(await deps.readSecret(plan.backend.secretRef));
  if (!parsed.success) throw new ConfigurationError(`${where}: the secret ${plan.backend.secretRef} must be JSON { "token": "…", "caData"?: "…" }`);
  return withCa(parsed.data.token, parsed.data.caData ?? options.caData);
}
