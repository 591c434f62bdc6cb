import { createHash } from 'node:crypto';
import { TenantId, type ChangeEvent, type TenantConfig } from '../contracts/index.js';
import { parseWebhookCredentials } from '../ingest/sources/credentials.js';
import { CausewayError, ConfigurationError, MalformedRequestError, PayloadTooLargeError, PayloadValidationError, UnauthorizedError, fromZodError } from '../shared/errors.js';
import { flagChangeOf } from './launchdarkly.js';
import { ChangePost, LaunchDarklyEntry } from './schema.js';
import { CHANGE_RETENTION_SECONDS, type PutOutcome, type StoredChange } from './store.js';
import { verifyChangeRequest, type Verified } from './verify.js';
import type { TenantSecretReader } from '../shared/secrets.js';

/** The same limit as signal ingest; a change is a few hundred bytes, a LaunchDarkly entry with both flag versions a few KiB. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ChangeRequest {
  tenantId: string;
  headers: Record<string, string>;
  rawBody: string;
  receivedAt: Date;
}

export interface ChangeDeps {
  loadTenant: (tenantId: string) => Promise<TenantConfig | undefined>;
  readSecret: TenantSecretReader;
  putChange: (tenantId: string, stored: StoredChange) => Promise<PutOutcome>;
}

export interface ChangeResponse {
  status: number;
  body: { id?: string; at?: string; service?: string; kind?: ChangeEvent['kind']; duplicate?: boolean; ignored?: string; error?: string; field?: string };
  /** Why a request was refused or ignored, for the operator's log only. */
  logReason?: string;
}

const refuse = (logReason: string): ChangeResponse => ({ status: 401, body: { error: 'unauthorized' }, logReason });

function errorResponse(error: CausewayError): ChangeResponse {
  const field = (error as { field?: string }).field;
  return { status: error.status, body: { error: error.message, ...(field ? { field } : {}) } };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Loads the tenant's change-log credentials and checks the signature; every way of failing is the same 401. */
async function authenticate(request: ChangeRequest, deps: ChangeDeps): Promise<Verified | ChangeResponse> {
  if (!TenantId.safeParse(request.tenantId).success) return refuse('not a tenant id');
  const tenant = await deps.loadTenant(request.tenantId);
  if (!tenant) return refuse('unknown tenant');
  if (!tenant.webhookSecretRef) return refuse('the tenant has no webhook secret');
  try {
    const credentials = parseWebhookCredentials((await deps.readSecret(tenant.tenantId, tenant.webhookSecretRef)) ?? {});
    return verifyChangeRequest(request.headers, request.rawBody, credentials.changes, request.receivedAt);
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof ConfigurationError) {
      return refuse(`${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`);
    }
    throw error;
  }
}

/** A Causeway-format change: `at` defaults to the signed timestamp, so an exact replay of a request lands on the same key. */
function causewayChange(body: unknown, timestamp: number, request: ChangeRequest, toleranceMs: number): { change: ChangeEvent; id?: string } {
  const parsed = ChangePost.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { id, at, ...rest } = parsed.data;
  const atMs = at ? Date.parse(at) : timestamp * 1000;
  if (atMs > request.receivedAt.getTime() + toleranceMs) throw new PayloadValidationError('at', 'is in the future');
  if (atMs < request.receivedAt.getTime() - CHANGE_RETENTION_SECONDS * 1000) throw new PayloadValidationError('at', 'is older than the 90-day retention');
  return { change: { class: 'changes', at: new Date(atMs).toISOString(), ...rest, source: rest.source ?? 'causeway' }, ...(id ? { id } : {}) };
}

/**
 * The change log: authenticate → parse → store once. A wrong signature, an unknown tenant, a
 * tenant with no change-log entry and a body signed for another tenant all get the same 401.
 * Storing is idempotent: the same change again is a 200 that stores nothing (`duplicate: true`),
 * a different change under the sender's `id` at the same instant is a 409.
 */
export async function recordChange(request: ChangeRequest, deps: ChangeDeps): Promise<ChangeResponse> {
  const size = Buffer.byteLength(request.rawBody, 'utf8');
  if (size > MAX_BODY_BYTES) return errorResponse(new PayloadTooLargeError(MAX_BODY_BYTES, size));
  const verified = await authenticate(request, deps);
  if ('status' in verified) return verified;

  let stored: StoredChange;
  try {
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody);
    } catch (error) {
      throw new MalformedRequestError(`body is not valid JSON: ${(error as Error).message}`);
    }
    if (verified.format === 'launchdarkly') {
      const entry = LaunchDarklyEntry.safeParse(body);
      if (!entry.success) throw fromZodError(entry.error);
      if (Math.abs(request.receivedAt.getTime() - entry.data.date) > verified.maxAgeSeconds * 1000) {
        return refuse(`LaunchDarkly entry ${entry.data._id} is dated ${new Date(entry.data.date).toISOString()}, outside ${verified.maxAgeSeconds}s`);
      }
      const flag = flagChangeOf(entry.data, verified.settings);
      if ('ignored' in flag) return { status: 200, body: { ignored: flag.ignored }, logReason: flag.ignored };
      stored = { changeId: flag.id, change: flag.change, bodyHash: sha256(JSON.stringify(flag.change)), receivedAt: request.receivedAt.toISOString() };
    } else {
      const { change, id } = causewayChange(body, verified.timestamp, request, 5 * 60_000);
      const bodyHash = sha256(JSON.stringify(change));
      stored = { changeId: id ?? bodyHash.slice(0, 32), change, bodyHash, receivedAt: request.receivedAt.toISOString() };
    }
  } catch (error) {
    if (error instanceof CausewayError) return errorResponse(error);
    throw error;
  }

  const outcome = await deps.putChange(request.tenantId, stored);
  const { change, changeId } = stored;
  const summary = { id: changeId, at: change.at, service: change.service, kind: change.kind };
  if (outcome === 'conflict') return { status: 409, body: { error: `change ${changeId} at ${change.at} is already stored with different content`, ...summary } };
  return outcome === 'duplicate' ? { status: 200, body: { ...summary, duplicate: true } } : { status: 201, body: summary };
}
