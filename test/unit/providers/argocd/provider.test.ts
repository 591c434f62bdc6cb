import { readFileSync } from 'node:fs';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ChangeEvent, type CatalogEntry } from '../../../../functions/contracts/index.js';
import { makeArgocdProvider } from '../../../../functions/providers/argocd/provider.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { BackendAuthError, BackendResponseError } from '../../../../functions/shared/http-client.js';
import { fakeBackend, json, plan } from '../grafana-test-kit.js';

const application = (): Record<string, any> => JSON.parse(readFileSync(new URL('../../../fixtures/providers/argocd/application-pricing.json', import.meta.url), 'utf8'));
const TOKEN = 'argocd-s3cr3t-token';
const CATALOG: Record<string, CatalogEntry> = { pricing: { argoCdApp: 'pricing-prod' }, checkout: { argoCdApp: 'checkout-prod' } };
const provider = makeArgocdProvider(async () => CATALOG);
const deps = () => ({ signal: new AbortController().signal, readSecret: async (ref: string) => (ref === 'causeway/tenants/demo/argocd' ? { token: TOKEN } : undefined) });
const argoPlan = (options: Record<string, unknown> = {}, extra: Parameters<typeof plan>[2] = {}) =>
  plan('changes', { type: 'argocd', endpoint: 'https://argocd.example.com/', secretRef: 'causeway/tenants/demo/argocd', options }, extra);
const notFound = () => json({ error: 'applications.argoproj.io "checkout-prod" not found', code: 5, message: 'applications.argoproj.io "checkout-prod" not found' }, 404);

describe('argocd provider', () => {
  it('turns sync history into deployments with the previous revision, who synced and the app state', async () => {
    const seen = fakeBackend((_, url) => (url.pathname === '/api/v1/applications/pricing-prod' ? json(application()) : notFound()));
    const found = await provider.query(argoPlan(), deps());
    expect(seen.map((r) => r.url)).toEqual(['https://argocd.example.com/api/v1/applications/checkout-prod', 'https://argocd.example.com/api/v1/applications/pricing-prod']);
    expect(seen[0]!.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, accept: 'application/json' });
    expect(found.items.map((i) => ChangeEvent.parse(i))).toEqual([
      {
        class: 'changes', at: '2026-05-12T14:11:00.000Z', service: 'pricing', kind: 'deployment',
        summary: 'pricing synced to 4e1d9a2 by Argo CD app pricing-prod (deploy/pricing/overlays/prod@main) (app now Synced, Degraded)',
        version: '4e1d9a2', previousVersion: 'a11b22c', author: 'm.okafor', commit: '4e1d9a2', source: 'argocd', link: 'https://argocd.example.com/applications/pricing-prod',
      },
    ]);
    expect(found.notes).toEqual(['Argo CD has no application checkout-prod (checkout): check the catalog']);
    expect(found.query.text).toBe('Argo CD sync history of the catalog apps of checkout, pricing over 13:22–14:27Z (and the revision running from 168h before)');
  });

  it('keeps the revision running before the window, and a failed sync still in progress', async () => {
    const app = application();
    app.status.history = app.status.history.slice(0, 2);
    app.status.operationState = { ...app.status.operationState, phase: 'Failed', message: 'one or more objects failed to apply: admission webhook denied', startedAt: '2026-05-12T14:15:00Z', operation: { sync: { revision: 'bbbb22c33d44e55f66a77b88c99d00e11f22a334' }, initiatedBy: { automated: true } } };
    fakeBackend(() => json(app));
    const found = await provider.query(argoPlan({ uiUrl: 'https://cd.example.com', appNamespace: 'team-shop' }, { services: ['pricing'] }), deps());
    expect(found.items).toEqual([
      expect.objectContaining({ at: '2026-05-11T16:31:10.000Z', version: 'a11b22c', previousVersion: '0000111', author: 'automated sync', link: 'https://cd.example.com/applications/team-shop/pricing-prod' }),
      expect.objectContaining({ at: '2026-05-12T14:15:00.000Z', version: 'bbbb22c', previousVersion: 'a11b22c', summary: 'pricing sync failed to bbbb22c in Argo CD app pricing-prod: one or more objects failed to apply: admission webhook denied' }),
    ]);
  });

  it('by default keeps the revision an app has run for days, and not one past the lookback, from the one Application read', async () => {
    const app = application();
    app.status.history = app.status.history.slice(0, 2).map((h: Record<string, unknown>, i: number) => ({ ...h, deployedAt: i === 0 ? '2026-05-08T09:00:00Z' : '2026-05-10T11:00:00Z' }));
    delete app.status.operationState;
    const seen = fakeBackend(() => json(app));
    const versions = async (options: Record<string, unknown>) => (await provider.query(argoPlan(options, { services: ['pricing'] }), deps())).items.map((c) => (c as { at: string }).at);
    expect(await versions({})).toEqual(['2026-05-10T11:00:00.000Z']);
    expect(await versions({ releaseLookbackHours: 48 })).toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it('answers no data for an app without history in range, naming services without an app', async () => {
    const app = application();
    app.status.history = [];
    delete app.status.operationState;
    const seen = fakeBackend(() => json(app));
    const found = await provider.query(argoPlan({ appNamespace: 'team-shop' }, { services: ['pricing', 'cart'] }), deps());
    expect(new URL(seen[0]!.url).searchParams.get('appNamespace')).toBe('team-shop');
    expect(found.items).toEqual([]);
    expect(found.notes).toEqual(['no catalog argoCdApp for cart: not searched']);
  });

  it('classifies failures: 401/403 auth, 5xx transient, a non-Application body, a lone missing app', async () => {
    fakeBackend(() => json({ error: 'invalid session', code: 16 }, 401));
    await expect(provider.query(argoPlan(), deps())).rejects.toBeInstanceOf(BackendAuthError);
    fakeBackend(() => json({ message: 'upstream' }, 503));
    await expect(provider.query(argoPlan(), deps())).rejects.toBeInstanceOf(TransientError);
    fakeBackend(() => json({ items: [] }));
    await expect(provider.query(argoPlan(), deps())).rejects.toBeInstanceOf(BackendResponseError);
    fakeBackend(() => notFound());
    await expect(provider.query(argoPlan({}, { services: ['checkout'] }), deps())).rejects.toThrow(/answered 404/);
  });

  it('stays under the byte budget with a long history', async () => {
    const app = application();
    app.status.history = Array.from({ length: 300 }, (_, i) => ({ id: i, revision: i.toString(16).padStart(40, '0'), deployedAt: new Date(Date.parse('2026-05-12T13:23:00Z') + i * 10_000).toISOString(), source: { path: `deploy/${'p'.repeat(300)}`, targetRevision: 'main' } }));
    fakeBackend(() => json(app));
    const found = await provider.query(argoPlan({}, { services: ['pricing'], limits: { maxItems: 200, maxBytes: 8 * 1024 } }), deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(8 * 1024);
    expect(found.notes?.at(-1)).toMatch(/^kept \d+ of 300 changes, the closest to the alert/);
  });

  it('runs in the envelope', async () => {
    fakeBackend((_, url) => (url.pathname.endsWith('/pricing-prod') ? json(application()) : notFound()));
    const secrets = mockClient(SecretsManagerClient);
    onTestFinished(() => void secrets.restore());
    secrets.on(GetSecretValueCommand, { SecretId: 'causeway/tenants/demo/argocd' }).resolves({ SecretString: JSON.stringify({ token: TOKEN }) });
    expect(await runProvider(provider, argoPlan())).toMatchObject({ status: 'success', evidenceClass: 'changes', backend: { type: 'argocd' } });
    const noEndpoint = argoPlan();
    expect(await runProvider(provider, { ...noEndpoint, backend: { ...noEndpoint.backend, endpoint: undefined } })).toMatchObject({ status: 'error', error: { name: 'ConfigurationError' } });
  });
});
