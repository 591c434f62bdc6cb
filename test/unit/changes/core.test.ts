import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TenantConfig } from '../../../functions/contracts/index.js';
import { MAX_BODY_BYTES, recordChange, type ChangeDeps, type ChangeRequest } from '../../../functions/changes/core.js';
import type { PutOutcome, StoredChange } from '../../../functions/changes/store.js';
import { keys } from '../../../functions/shared/table.js';

const NOW = new Date('2026-05-12T14:20:00Z');
const SECRET = 'acme-change-log-secret-0123456789';
const LD_SECRET = 'acme-launchdarkly-secret-0123456789';
const ldEntry = () => JSON.parse(readFileSync(new URL('../../fixtures/changes/launchdarkly-flag-turned-off.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const tenants: Record<string, TenantConfig> = {
  acme: TenantConfig.parse({ tenantId: 'acme', webhookSecretRef: 'causeway/tenants/acme/webhooks' }),
  beta: TenantConfig.parse({ tenantId: 'beta', webhookSecretRef: 'causeway/tenants/beta/webhooks' }),
  quiet: TenantConfig.parse({ tenantId: 'quiet', webhookSecretRef: 'causeway/tenants/quiet/webhooks' }),
};
const secrets: Record<string, unknown> = {
  'causeway/tenants/acme/webhooks': { changes: { hmacSecret: SECRET, launchDarkly: { secret: LD_SECRET, flagServices: { 'checkout-v2': 'checkout' }, environments: ['production'] } } },
  'causeway/tenants/beta/webhooks': { changes: { hmacSecret: 'beta-change-log-secret-0123456789' } },
  'causeway/tenants/quiet/webhooks': { generic: { hmacSecret: SECRET } },
};

/** A table with DynamoDB's conditional-put semantics on the change key. */
function fakeDeps(): ChangeDeps & { table: Map<string, StoredChange> } {
  const table = new Map<string, StoredChange>();
  return {
    table,
    loadTenant: async (id) => tenants[id],
    readSecret: async (_tenantId, ref) => secrets[ref],
    putChange: async (tenantId, stored): Promise<PutOutcome> => {
      const key = JSON.stringify(keys.change(tenantId, stored.change.at, stored.changeId));
      const held = table.get(key);
      if (!held) return table.set(key, stored), 'stored';
      return held.bodyHash === stored.bodyHash ? 'duplicate' : 'conflict';
    },
  };
}

function signed(body: unknown, options: { tenantId?: string; secret?: string; at?: Date; raw?: string } = {}): ChangeRequest {
  const rawBody = options.raw ?? JSON.stringify(body);
  const timestamp = String(Math.floor((options.at ?? NOW).getTime() / 1000));
  const signature = createHmac('sha256', options.secret ?? SECRET).update(`${timestamp}.${rawBody}`).digest('hex');
  return { tenantId: options.tenantId ?? 'acme', rawBody, receivedAt: NOW, headers: { 'x-causeway-timestamp': timestamp, 'x-causeway-signature': `v1=${signature}` } };
}

function launchDarkly(entry: unknown, secret = LD_SECRET, tenantId = 'acme'): ChangeRequest {
  const rawBody = JSON.stringify(entry);
  return { tenantId, rawBody, receivedAt: NOW, headers: { 'x-ld-signature': createHmac('sha256', secret).update(rawBody).digest('hex') } };
}

const DEPLOY = { id: 'deploy-8812', at: '2026-05-12T14:11:00Z', service: 'pricing', kind: 'deployment', summary: 'pricing v3.12.0', version: 'v3.12.0', previousVersion: 'v3.11.4', author: 'm.okafor', commit: '4e1d9a2' };
const UNAUTHORIZED = { status: 401, body: { error: 'unauthorized' } };

describe('POST /v1/tenants/{tenantId}/changes', () => {
  it('stores a signed change once, under its day partition, and says what it stored', async () => {
    const deps = fakeDeps();
    expect(await recordChange(signed(DEPLOY), deps)).toEqual({ status: 201, body: { id: 'deploy-8812', at: '2026-05-12T14:11:00.000Z', service: 'pricing', kind: 'deployment' } });
    const [key, stored] = [...deps.table][0]!;
    expect(JSON.parse(key!)).toEqual({ pk: 'TENANT#acme#CHANGES#2026-05-12', sk: '2026-05-12T14:11:00.000Z#deploy-8812' });
    expect(stored!.change).toEqual({ class: 'changes', at: '2026-05-12T14:11:00.000Z', service: 'pricing', kind: 'deployment', summary: 'pricing v3.12.0', version: 'v3.12.0', previousVersion: 'v3.11.4', author: 'm.okafor', commit: '4e1d9a2', source: 'causeway' });
  });

  it('rejects unsigned, wrongly signed, stale and future-stamped requests with the same 401', async () => {
    const deps = fakeDeps();
    const { headers, ...unsigned } = signed(DEPLOY);
    expect(await recordChange({ ...unsigned, headers: {} }, deps)).toMatchObject({ ...UNAUTHORIZED, logReason: expect.stringContaining('timestamp') });
    expect(await recordChange({ ...unsigned, headers: { 'x-causeway-timestamp': headers['x-causeway-timestamp']! } }, deps)).toMatchObject({ ...UNAUTHORIZED, logReason: expect.stringContaining('missing x-causeway-signature') });
    expect(await recordChange(signed(DEPLOY, { secret: 'not-the-secret-0123456789' }), deps)).toMatchObject(UNAUTHORIZED);
    expect(await recordChange(signed(DEPLOY, { at: new Date(NOW.getTime() - 301_000) }), deps)).toMatchObject({ ...UNAUTHORIZED, logReason: expect.stringContaining('301s from now') });
    expect(await recordChange(signed(DEPLOY, { at: new Date(NOW.getTime() + 301_000) }), deps)).toMatchObject(UNAUTHORIZED);
    const tampered = signed(DEPLOY);
    expect(await recordChange({ ...tampered, rawBody: tampered.rawBody.replace('v3.12.0', 'v3.12.1') }, deps)).toMatchObject(UNAUTHORIZED);
    expect(deps.table.size).toBe(0);
  });

  it('treats a replayed request as the same change: 200, nothing new stored; a different change under the same id is 409', async () => {
    const deps = fakeDeps();
    const { id: _, at: __, ...noKey } = DEPLOY;
    const request = signed(noKey);
    expect((await recordChange(request, deps)).status).toBe(201);
    // Without `at`, the change is dated by the signed timestamp, so the captured request lands on the same key.
    expect(await recordChange(request, deps)).toMatchObject({ status: 200, body: { duplicate: true, at: '2026-05-12T14:20:00.000Z' } });
    expect((await recordChange(signed(DEPLOY), deps)).status).toBe(201);
    expect((await recordChange(signed({ ...DEPLOY, summary: 'other' }), deps)).status).toBe(409);
    expect(deps.table.size).toBe(2);
  });

  it('refuses a body signed for one tenant when posted to another, an unknown tenant, and a tenant without a change-log entry', async () => {
    const deps = fakeDeps();
    expect(await recordChange(signed(DEPLOY, { tenantId: 'beta' }), deps)).toMatchObject(UNAUTHORIZED);
    expect(await recordChange(signed(DEPLOY, { tenantId: 'ghost' }), deps)).toMatchObject({ ...UNAUTHORIZED, logReason: 'unknown tenant' });
    expect(await recordChange(signed(DEPLOY, { tenantId: 'Not A Tenant' }), deps)).toMatchObject(UNAUTHORIZED);
    expect(await recordChange(signed(DEPLOY, { tenantId: 'quiet' }), deps)).toMatchObject({ ...UNAUTHORIZED, logReason: expect.stringContaining('no changes credentials') });
    expect(await recordChange(launchDarkly(ldEntry(), LD_SECRET, 'beta'), deps)).toMatchObject(UNAUTHORIZED);
    expect(deps.table.size).toBe(0);
  });

  it('answers 413 over the limit, 400 for a body that is not JSON, 422 naming the field', async () => {
    const deps = fakeDeps();
    expect(await recordChange(signed(null, { raw: 'x'.repeat(MAX_BODY_BYTES + 1) }), deps)).toMatchObject({ status: 413 });
    expect(await recordChange(signed(null, { raw: '{"service":' }), deps)).toMatchObject({ status: 400, body: { error: expect.stringContaining('not valid JSON') } });
    expect(await recordChange(signed({ ...DEPLOY, kind: 'reboot' }), deps)).toMatchObject({ status: 422, body: { field: 'kind' } });
    expect(await recordChange(signed({ ...DEPLOY, service: undefined }), deps)).toMatchObject({ status: 422, body: { field: 'service' } });
    expect(await recordChange(signed({ ...DEPLOY, at: '2026-05-12T15:00:00Z' }), deps)).toMatchObject({ status: 422, body: { field: 'at', error: 'at: is in the future' } });
    expect(await recordChange(signed({ ...DEPLOY, at: '2026-01-01T00:00:00Z' }), deps)).toMatchObject({ status: 422, body: { field: 'at' } });
    expect(deps.table.size).toBe(0);
  });

  it('accepts a LaunchDarkly audit-log webhook as is: a feature-flag change of the service its tag names', async () => {
    const deps = fakeDeps();
    expect(await recordChange(launchDarkly(ldEntry()), deps)).toEqual({ status: 201, body: { id: 'ld-6641a7e2f1c3b2001f0c9a11', at: '2026-05-12T14:15:00.000Z', service: 'pricing', kind: 'feature_flag' } });
    expect([...deps.table.values()][0]!.change).toEqual({
      class: 'changes', at: '2026-05-12T14:15:00.000Z', service: 'pricing', kind: 'feature_flag',
      summary: 'flag new-price-rounding in production: turned off the flag (now off, was on): rolling back while pricing errors are investigated',
      version: 'new-price-rounding=off', previousVersion: 'new-price-rounding=on', author: 'm.okafor@example.com', source: 'launchdarkly',
      link: 'https://app.launchdarkly.com/shop/production/features/new-price-rounding',
    });
    // LaunchDarkly retries carry the same audit entry id: stored once.
    expect(await recordChange(launchDarkly(ldEntry()), deps)).toMatchObject({ status: 200, body: { duplicate: true } });
  });

  it('maps a flag through flagServices, ignores other environments and kinds, and refuses a bad or stale LaunchDarkly signature', async () => {
    const deps = fakeDeps();
    const mapped = { ...ldEntry(), accesses: [{ action: 'updateFallthrough', resource: 'proj/shop:env/production:flag/checkout-v2' }], currentVersion: undefined, previousVersion: undefined, target: undefined, titleVerb: undefined, comment: undefined };
    expect(await recordChange(launchDarkly(mapped), deps)).toMatchObject({ status: 201, body: { service: 'checkout', kind: 'feature_flag' } });
    expect([...deps.table.values()][0]!.change.summary).toBe('flag checkout-v2 in production: updateFallthrough');
    expect(await recordChange(launchDarkly({ ...ldEntry(), _id: 'staging1', accesses: [{ action: 'updateOn', resource: 'proj/shop:env/staging:flag/new-price-rounding' }] }), deps)).toMatchObject({ status: 200, body: { ignored: 'flag new-price-rounding changed in staging, which is not watched' } });
    expect(await recordChange(launchDarkly({ ...ldEntry(), _id: 'member1', kind: 'member', accesses: [{ action: 'createMember', resource: 'member/123' }] }), deps)).toMatchObject({ status: 200, body: { ignored: 'a member entry, not a flag change' } });
    expect(await recordChange(launchDarkly({ ...mapped, _id: 'orphan1', accesses: [{ action: 'updateOn', resource: 'proj/shop:env/production:flag/orphan' }] }), deps)).toMatchObject({ status: 200, body: { ignored: expect.stringContaining('not mapped to a service') } });
    expect(await recordChange(launchDarkly(ldEntry(), 'wrong-launchdarkly-secret-0123'), deps)).toMatchObject(UNAUTHORIZED);
    expect(await recordChange({ ...launchDarkly(ldEntry()), headers: { 'x-ld-signature': 'nothex' } }, deps)).toMatchObject(UNAUTHORIZED);
    expect(await recordChange(launchDarkly({ ...ldEntry(), date: NOW.getTime() - 2 * 3600_000 }), deps)).toMatchObject({ ...UNAUTHORIZED, logReason: expect.stringContaining('outside 3600s') });
    expect(await recordChange(launchDarkly({ ...ldEntry(), _id: undefined }), deps)).toMatchObject({ status: 422, body: { field: '_id' } });
    expect(deps.table.size).toBe(1);
  });
});
