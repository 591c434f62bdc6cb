import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { kubernetesProvider } from '../../../../functions/providers/kubernetes/provider.js';
import { ConfigurationError } from '../../../../functions/shared/errors.js';
import { BackendAuthError, requestJson } from '../../../../functions/shared/http-client.js';

/*
 * A cluster whose API server certificate a private CA signed, as on a self-hosted cluster
 * or EKS: a real HTTPS server on loopback with a certificate for 127.0.0.1 from the test CA
 * in fixtures/providers/kubernetes/tls/ (made with openssl, valid for a century; the CA's
 * key was discarded). The provider must refuse the server without the CA and trust it with.
 */

const fixtures = new URL('../../../fixtures/providers/kubernetes/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const CA_PEM = fixture('tls/ca.pem');
/** As kubeconfig holds it: `certificate-authority-data` is the base64 of the PEM. */
const CA_DATA = Buffer.from(CA_PEM).toString('base64');
const OTHER_CA_DATA = Buffer.from(fixture('tls/other-ca.pem')).toString('base64');
const TOKEN = 'sa-token-not-for-logs';

let server: Server;
let endpoint: string;
let served = 0;

beforeAll(async () => {
  server = createServer({ cert: fixture('tls/server.pem'), key: fixture('tls/server-key.pem') }, (req, res) => {
    served++;
    const path = new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end('{}');
    if (path === '/apis/apps/v1/namespaces/shop/deployments/orders-api') return void res.writeHead(200, { 'content-type': 'application/json' }).end(fixture('deployment-orders-api.json'));
    if (path === '/apis/apps/v1/namespaces/shop/replicasets') return void res.writeHead(200, { 'content-type': 'application/json' }).end(fixture('replicasets.json'));
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'Status', code: 404, reason: 'NotFound' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function plan(options: Record<string, unknown> = {}, over: Partial<EvidencePlan['backend']> = {}): EvidencePlan {
  return EvidencePlan.parse({
    planId: 'k8s-changes',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'changes',
    backend: { id: 'prod-cluster', type: 'kubernetes', classes: ['changes'], endpoint, secretRef: 'causeway/tenants/acme/k8s', options: { services: { orders: { namespace: 'shop', deployment: 'orders-api' } }, ...options }, ...over },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['orders'],
    correlation: {},
    limits: {},
  });
}

const deps = (secret: unknown) => ({ signal: new AbortController().signal, readSecret: async () => secret });

describe('kubernetes provider TLS with a private CA', () => {
  it('refuses the API server when no CA is given: its certificate chains to no CA the system trusts', async () => {
    const error = await kubernetesProvider.query(plan(), deps({ token: TOKEN })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendAuthError);
    expect((error as Error).message).toMatch(/TLS certificate is not trusted \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN)\).*caData/);
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it("trusts the API server with the secret's caData, as kubeconfig's certificate-authority-data, and reads the rollout", async () => {
    const before = served;
    const result = await kubernetesProvider.query(plan(), deps({ token: TOKEN, caData: CA_DATA }));
    expect(served).toBeGreaterThan(before);
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items[0]).toMatchObject({ service: 'orders' });
  });

  it("takes the CA from the options too (an EKS cluster's certificateAuthority.data), as PEM or base64", async () => {
    await expect(kubernetesProvider.query(plan({ caData: CA_DATA }), deps({ token: TOKEN }))).resolves.toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ service: 'orders' })]) });
    await expect(kubernetesProvider.query(plan({ caData: CA_PEM }), deps({ token: TOKEN }))).resolves.toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ service: 'orders' })]) });
  });

  it('refuses the API server when the CA given is not the one that signed it: the CA replaces the system trust, it does not widen it', async () => {
    const error = await kubernetesProvider.query(plan(), deps({ token: TOKEN, caData: OTHER_CA_DATA })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendAuthError);
    expect((error as Error).message).toMatch(/TLS certificate is not trusted/);
  });

  it('names a caData that holds no certificate, and a CA given for a plain-http endpoint', async () => {
    await expect(kubernetesProvider.query(plan(), deps({ token: TOKEN, caData: Buffer.from('not a certificate').toString('base64') }))).rejects.toThrow(
      new ConfigurationError('backend prod-cluster: caData is neither a PEM certificate nor the base64 of one (a kubeconfig\'s certificate-authority-data)'),
    );
    const mangled = CA_PEM.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA');
    await expect(kubernetesProvider.query(plan(), deps({ token: TOKEN, caData: mangled }))).rejects.toThrow(/caData holds a certificate that does not parse/);
    await expect(kubernetesProvider.query(plan({}, { endpoint: endpoint.replace('https:', 'http:') }), deps({ token: TOKEN, caData: CA_DATA }))).rejects.toThrow(/must be https:\/\//);
  });

  it('calls an untrusted certificate on the fetch path (any backend without a CA) the same, not a transient failure to retry', async () => {
    const error = await requestJson({ method: 'GET', url: `${endpoint}/version` }, new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendAuthError);
    expect((error as Error).message).toMatch(/TLS certificate is not trusted/);
  });
});
