import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { disableFlagWebhook } from '../../../functions/remediate/executors/disable-flag-webhook.js';
import { restartKubernetes } from '../../../functions/remediate/executors/restart-kubernetes.js';
import { rollbackArgoCd } from '../../../functions/remediate/executors/rollback-argocd.js';
import { rollbackKubernetes } from '../../../functions/remediate/executors/rollback-kubernetes.js';
import { scaleOutKubernetes } from '../../../functions/remediate/executors/scale-out-kubernetes.js';
import { fakeState, startFakeTargets, type FakeTargets } from '../../helpers/fake-targets.js';
import { action, context } from './fixtures.js';

let fake: FakeTargets;
const secrets = { 'causeway/tenants/acme/k8s': { token: 'k8s-token' }, 'causeway/tenants/acme/flags': { apiKey: 'api-flag-key' } };
const targets = () => ({
  kubernetes: { apiUrl: fake.url, tokenSecretRef: 'causeway/tenants/acme/k8s' },
  argoCd: { baseUrl: fake.url, tokenSecretRef: 'causeway/tenants/acme/k8s' },
  flags: { baseUrl: fake.url, projectKey: 'default', environmentKey: 'production', apiKeySecretRef: 'causeway/tenants/acme/flags' },
});
const deployment = { platform: 'kubernetes', namespace: 'shop', deployment: 'pricing' };
const writes = () => fake.requests.filter((r) => r.method !== 'GET');

beforeAll(async () => {
  fake = await startFakeTargets();
});
afterEach(() => {
  fake.requests.length = 0;
  fake.state = fakeState();
  fake.failWith = undefined;
});
afterAll(() => fake.close());

describe('Kubernetes executors against the apps/v1 API', () => {
  it('rollback plans the previous ReplicaSet’s template without writing, then patches it onto the Deployment', async () => {
    const a = action({ kind: 'rollback', target: deployment });
    const ctx = context(targets(), {}, secrets);
    const plan = await rollbackKubernetes.plan(a, ctx);
    expect(plan.changes).toEqual(['Deployment shop/pricing: revision 3 (pricing=registry.example/pricing:v3.12.0) → revision 2 (pricing=registry.example/pricing:v3.11.4)']);
    expect(plan.desired).toEqual({ namespace: 'shop', deployment: 'pricing', replicaSet: 'pricing-2abc', fromRevision: 3 });
    expect(writes()).toEqual([]);
    expect(fake.requests.every((r) => r.authorization === 'Bearer k8s-token')).toBe(true);

    await rollbackKubernetes.apply(a, plan, ctx);
    const [patch] = writes();
    expect(patch).toMatchObject({ method: 'PATCH', path: '/apis/apps/v1/namespaces/shop/deployments/pricing', contentType: 'application/json-patch+json' });
    expect(patch?.body).toEqual([{ op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'pricing' } }, spec: { containers: [{ name: 'pricing', image: 'registry.example/pricing:v3.11.4' }] } } }]);
    expect(fake.state.deployment.spec.template.spec.containers[0]?.image).toBe('registry.example/pricing:v3.11.4');

    await rollbackKubernetes.apply(a, plan, ctx);
    expect(writes()).toHaveLength(1);
  });

  it('rollback refuses when there is no older ReplicaSet', async () => {
    fake.state.replicaSets = fake.state.replicaSets.slice(2);
    await expect(rollbackKubernetes.plan(action({ kind: 'rollback', target: deployment }), context(targets(), {}, secrets))).rejects.toMatchObject({ name: 'ExecutorRefusedError' });
  });

  it('restart patches restartedAt with the planned time, the same on a retry', async () => {
    const a = action({ kind: 'restart', target: deployment });
    const ctx = context(targets(), {}, secrets);
    const plan = await restartKubernetes.plan(a, ctx);
    expect(plan.changes[0]).toContain('rolling restart of 3 pods');
    await restartKubernetes.apply(a, plan, ctx);
    await restartKubernetes.apply(a, plan, ctx);
    const bodies = writes().map((w) => w.body);
    expect(bodies).toEqual([0, 1].map(() => ({ spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-06-01T10:00:00.000Z' } } } } })));
    expect(writes()[0]?.contentType).toBe('application/strategic-merge-patch+json');
  });

  it('scale_out patches the scale subresource, bounded by maxReplicas and maxScaleFactor', async () => {
    const a = action({ kind: 'scale_out', target: deployment, params: { scaleFactor: 3 } });
    const ctx = context(targets(), { maxReplicas: 5, maxScaleFactor: 2 }, secrets);
    const plan = await scaleOutKubernetes.plan(a, ctx);
    expect(plan.changes).toEqual(['Deployment shop/pricing: replicas 3 → 5']);
    await scaleOutKubernetes.apply(a, plan, ctx);
    expect(writes()).toEqual([expect.objectContaining({ method: 'PATCH', path: '/apis/apps/v1/namespaces/shop/deployments/pricing/scale', contentType: 'application/merge-patch+json', body: { spec: { replicas: 5 } } })]);
    fake.state.deployment.spec.replicas = 5;
    await expect(scaleOutKubernetes.plan(a, ctx)).rejects.toThrow(/already at 5 replicas/);
  });

  it('fails with a named, non-retried error on bad credentials and a retried one on a 5xx', async () => {
    const a = action({ kind: 'rollback', target: deployment });
    await expect(rollbackKubernetes.plan(a, context(targets(), {}, { 'causeway/tenants/acme/k8s': { token: 'wrong' } }))).rejects.toMatchObject({ name: 'BackendAuthError' });
    fake.failWith = 503;
    await expect(rollbackKubernetes.plan(a, context(targets(), {}, secrets))).rejects.toMatchObject({ name: 'TransientError' });
    await expect(rollbackKubernetes.plan(a, context({}, {}, secrets))).rejects.toMatchObject({ name: 'ConfigurationError' });
  });
});

describe('Argo CD rollback', () => {
  const a = action({ kind: 'rollback', target: { platform: 'argocd', app: 'pricing' } });

  it('rolls back to the previous synced revision by history id, once', async () => {
    const ctx = context(targets(), {}, secrets);
    const plan = await rollbackArgoCd.plan(a, ctx);
    expect(plan.changes[0]).toBe('Argo CD application pricing: revision c3c3c3c → b2b2b2b (history id 11), no prune');
    expect(writes()).toEqual([]);
    await rollbackArgoCd.apply(a, plan, ctx);
    await rollbackArgoCd.apply(a, plan, ctx);
    expect(writes()).toEqual([expect.objectContaining({ method: 'POST', path: '/api/v1/applications/pricing/rollback', body: { name: 'pricing', id: 11, prune: false, dryRun: false } })]);
  });

  it('refuses while automated sync is on, as Argo CD would', async () => {
    fake.state.app.spec.syncPolicy.automated = { prune: true };
    await expect(rollbackArgoCd.plan(a, context(targets(), {}, secrets))).rejects.toThrow(/automated sync on/);
  });
});

describe('flag webhook (LaunchDarkly semantic patch)', () => {
  const a = action({ kind: 'disable_flag', target: { platform: 'flags', project: 'default', environment: 'production' }, params: { flag: 'identity.sign-es256' } });

  it('reads the flag, then turns it off with turnFlagOff', async () => {
    const ctx = context(targets(), {}, secrets);
    const plan = await disableFlagWebhook.plan(a, ctx);
    expect(plan).toMatchObject({ changes: ['flag identity.sign-es256 in production: on → off'], noop: false });
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/flags/default/identity.sign-es256?env=production', authorization: 'api-flag-key' });
    await disableFlagWebhook.apply(a, plan, ctx);
    expect(writes()).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        path: '/api/v2/flags/default/identity.sign-es256',
        contentType: 'application/json; domain-model=launchdarkly.semanticpatch',
        body: { environmentKey: 'production', comment: 'causeway inv-1-action', instructions: [{ kind: 'turnFlagOff' }] },
      }),
    ]);
    expect((await disableFlagWebhook.plan(a, ctx)).noop).toBe(true);
  });

  it('fails clearly without an API key, and on a 404 from the flag API', async () => {
    await expect(disableFlagWebhook.plan(a, context(targets(), {}, {}))).rejects.toMatchObject({ name: 'ConfigurationError' });
    const missing = action({ ...a, params: { flag: 'no-such-flag' } });
    await expect(disableFlagWebhook.plan(missing, context(targets(), {}, secrets))).rejects.toMatchObject({ name: 'BackendQueryError' });
  });
});
