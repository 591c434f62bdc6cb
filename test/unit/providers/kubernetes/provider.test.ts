import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { eksToken } from '../../../../functions/providers/kubernetes/auth.js';
import { kubernetesProvider } from '../../../../functions/providers/kubernetes/provider.js';
import { imageTag, templateVersion } from '../../../../functions/providers/kubernetes/normalize.js';
import { selectorString } from '../../../../functions/providers/kubernetes/translate.js';
import { TransientError } from '../../../../functions/shared/errors.js';

/*
 * The provider against a local HTTP server that speaks the Kubernetes API paths and JSON
 * (core/v1 EventList and PodList, apps/v1 Deployment and ReplicaSetList): a Deployment
 * whose fresh rollout crash-loops and is OOM-killed.
 */

const fixtures = new URL('../../../fixtures/providers/kubernetes/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const TOKEN = 'sa-token-not-for-logs';
const CONTINUE = 'eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6OTE4MzAyLCJzdGFydCI6InNob3AvZXYzIn0';

type Route = (url: URL) => { status: number; body: string } | undefined;
const status = (code: number, reason: string, message: string) => ({ status: code, body: JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }) });

/** The cluster's answers; a test may put a route in front of them. */
function cluster(url: URL): { status: number; body: string } {
  const p = url.pathname;
  if (p === '/apis/apps/v1/namespaces/shop/deployments/orders-api') return { status: 200, body: fixture('deployment-orders-api.json') };
  if (p.startsWith('/apis/apps/v1/namespaces/shop/deployments/')) return status(404, 'NotFound', `deployments.apps "${p.split('/').pop()}" not found`);
  if (p === '/apis/apps/v1/namespaces/shop/replicasets') return { status: 200, body: fixture('replicasets.json') };
  if (p === '/api/v1/namespaces/shop/pods') return { status: 200, body: fixture('pods.json') };
  if (p === '/api/v1/namespaces/shop/events') return { status: 200, body: fixture(url.searchParams.get('continue') === CONTINUE ? 'pod-events-page2.json' : 'pod-events-page1.json') };
  if (p === '/api/v1/namespaces/default/events') return { status: 200, body: fixture('node-events.json') };
  return status(404, 'NotFound', 'the server could not find the requested resource');
}

let server: Server;
let baseUrl: string;
let requests: { path: string; params: Record<string, string>; auth: string | undefined }[] = [];
let override: Route = () => undefined;
/** runProvider reads the secret from Secrets Manager itself. */
mockClient(SecretsManagerClient).on(GetSecretValueCommand, { SecretId: 'causeway/tenants/acme/k8s' }).resolves({ SecretString: JSON.stringify({ token: TOKEN }) });

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, params: Object.fromEntries(url.searchParams), auth: req.headers.authorization });
    const answer = req.headers.authorization === `Bearer ${TOKEN}` || req.headers.authorization?.startsWith('Bearer k8s-aws-v1.') ? (override(url) ?? cluster(url)) : status(401, 'Unauthorized', 'Unauthorized');
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = [];
  override = () => undefined;
});

const options = { services: { orders: { namespace: 'shop', deployment: 'orders-api' } }, uiUrl: 'https://headlamp.example.com/c/prod/deployments/{namespace}/{deployment}' };

function plan(evidenceClass: 'runtime' | 'changes', over: Partial<EvidencePlan> = {}, opts: Record<string, unknown> = options): EvidencePlan {
  return EvidencePlan.parse({
    planId: `k8s-${evidenceClass}`,
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass,
    backend: { id: 'prod-cluster', type: 'kubernetes', classes: ['runtime', 'changes'], endpoint: baseUrl, secretRef: 'causeway/tenants/acme/k8s', options: opts },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['orders'],
    correlation: {},
    limits: {},
    ...over,
  });
}

const deps = (secret: unknown = { token: TOKEN }) => ({ signal: new AbortController().signal, readSecret: async () => secret });
const link = 'https://headlamp.example.com/c/prod/deployments/shop/orders-api';

describe('kubernetes translate', () => {
  it('turns a Deployment selector into a labelSelector and an image into its tag', () => {
    expect(selectorString({ matchLabels: { app: 'orders' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'worker'] }, { key: 'canary', operator: 'DoesNotExist' }, { key: 'zone', operator: 'NotIn', values: ['a'] }, { key: 'team', operator: 'Exists' }] })).toBe(
      'app=orders,tier in (api,worker),!canary,zone notin (a),team',
    );
    expect(imageTag('registry.example.com:5000/shop/orders:2.4.1')).toBe('2.4.1');
    expect(imageTag('registry.example.com:5000/shop/orders')).toBe('latest');
    expect(imageTag('shop/orders@sha256:4f1e0c2b9d8a7e6f5c4b3a29')).toBe('sha256:4f1e0c2b9d8a');
    expect(templateVersion([{ name: 'app', image: 'a:1' }, { name: 'envoy', image: 'envoy:1.30' }])).toBe('app=1, envoy=1.30');
  });
});

describe('kubernetes provider against a local API server', () => {
  it('finds the crash loop, the OOM kill, probe failures, restarts, the eviction and node pressure', async () => {
    const found = await kubernetesProvider.query(plan('runtime'), deps());

    expect(requests.map((r) => [r.path, r.params])).toEqual([
      ['/apis/apps/v1/namespaces/shop/deployments/orders-api', {}],
      ['/apis/apps/v1/namespaces/shop/replicasets', { labelSelector: 'app=orders,tier in (api)', limit: '250' }],
      ['/api/v1/namespaces/shop/pods', { labelSelector: 'app=orders,tier in (api)', limit: '250' }],
      ['/api/v1/namespaces/shop/events', { fieldSelector: 'involvedObject.kind=Pod', limit: '250' }],
      ['/api/v1/namespaces/shop/events', { fieldSelector: 'involvedObject.kind=Pod', limit: '250', continue: CONTINUE }],
      ['/api/v1/namespaces/default/events', { fieldSelector: 'involvedObject.kind=Node', limit: '250' }],
    ]);
    expect(new Set(requests.map((r) => r.auth))).toEqual(new Set([`Bearer ${TOKEN}`]));

    expect(found.items).toEqual([
      { class: 'runtime', at: '2026-06-01T08:52:30.000Z', service: 'orders', kind: 'restart', count: 2, message: 'container orders: 2 restarts, last exit code 1 (Error) (on orders-api-7c6f9d8b5d-q7w4n)', source: 'kubernetes', link },
      { class: 'runtime', at: '2026-06-01T08:53:20.000Z', service: 'orders', kind: 'unhealthy', count: 9, message: 'Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503 (on orders-api-7c6f9d8b5d-q7w4n)', source: 'kubernetes', link },
      { class: 'runtime', at: '2026-06-01T08:54:10.000Z', service: 'orders', kind: 'crash_loop', count: 12, message: 'container orders: CrashLoopBackOff after 5 restarts, last exit code 137 (OOMKilled) (on orders-api-7c6f9d8b5d-x2k9p)', source: 'kubernetes', link },
      { class: 'runtime', at: '2026-06-01T08:55:58.000Z', service: 'orders', kind: 'node_pressure', count: 1, message: 'NodeHasInsufficientMemory on node ip-10-0-1-23.eu-west-1.compute.internal: Node ip-10-0-1-23.eu-west-1.compute.internal status is now: NodeHasInsufficientMemory (on node ip-10-0-1-23.eu-west-1.compute.internal)', source: 'kubernetes', link },
      { class: 'runtime', at: '2026-06-01T08:56:30.000Z', service: 'orders', kind: 'evicted', count: 1, message: expect.stringMatching(/^pod evicted: The node was low on resource: memory\. .* \(on orders-api-5b8d7c9f4-h8v2m\)$/), source: 'kubernetes', link },
      { class: 'runtime', at: '2026-06-01T08:58:12.000Z', service: 'orders', kind: 'oom_killed', count: 1, message: 'container orders: OOMKilled (exit code 137) (on orders-api-7c6f9d8b5d-x2k9p)', source: 'kubernetes', link },
    ]);
    expect(found.notes).toEqual([]);
    expect(found.query.text).toBe('Kubernetes pod restarts, OOM kills, crash loops, probe failures, evictions and node pressure (pods and events) for shop/deployment/orders-api over 08:00–09:05Z');
  });

  it('reads the fresh rollout as a deployment change with the image tags, ignoring another Deployment’s ReplicaSet', async () => {
    const result = await runProvider(kubernetesProvider, plan('changes'));
    expect(requests.map((r) => r.path)).toEqual(['/apis/apps/v1/namespaces/shop/deployments/orders-api', '/apis/apps/v1/namespaces/shop/replicasets']);
    expect(result).toMatchObject({ status: 'success', evidenceClass: 'changes', backend: { id: 'prod-cluster', type: 'kubernetes' } });
    expect(result.items).toEqual([
      {
        class: 'changes',
        at: '2026-06-01T08:52:03.000Z',
        service: 'orders',
        kind: 'deployment',
        summary: 'Deployment shop/orders-api rolled out revision 7: ReplicaSet orders-api-7c6f9d8b5d with registry.example.com:5000/shop/orders:2.4.1; was 2.4.0 (revision 6); change-cause: ci: deploy orders 2.4.1 (pipeline 8812); 2/3 ready, 2 updated',
        version: '2.4.1',
        previousVersion: '2.4.0',
        source: 'kubernetes',
        link,
      },
    ]);
  });

  it('answers no data naming the deployment searched when nothing happened', async () => {
    override = (url) => (url.pathname.endsWith('/pods') || url.pathname.endsWith('/events') ? { status: 200, body: JSON.stringify({ kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] }) } : undefined);
    const result = await runProvider(kubernetesProvider, plan('runtime'));
    expect(result).toMatchObject({ status: 'no_data', items: [], query: { text: expect.stringContaining('for shop/deployment/orders-api over 08:00–09:05Z'), target: `${baseUrl}/` } });
  });

  it('notes a Deployment that does not exist and a service with no mapping, and reads the rest', async () => {
    const opts = { services: { ...options.services, web: { namespace: 'shop', deployment: 'web-frontend' } } };
    const found = await kubernetesProvider.query(plan('changes', { services: ['orders', 'web', 'Billing'] }, opts), deps());
    expect(found.items).toHaveLength(1);
    expect(found.notes).toEqual(['no deployment mapped (set options.services or options.namespace) for Billing', 'web: deployment shop/web-frontend could not be read (not found)']);
  });

  it('maps unlisted services to a Deployment of their name in options.namespace', async () => {
    const found = await kubernetesProvider.query(plan('changes', { services: ['orders-api'], focusService: undefined }, { namespace: 'shop' }), deps());
    expect(found.items[0]).toMatchObject({ service: 'orders-api', version: '2.4.1' });
    expect(found.items[0]).not.toHaveProperty('link');
  });

  it('records a refused token as BackendAuthError, without the token anywhere', async () => {
    const refused = await kubernetesProvider.query(plan('runtime'), deps({ token: 'revoked' })).catch((e: Error) => e);
    expect(refused).toMatchObject({ name: 'BackendAuthError' });
    expect((refused as Error).message).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/apis\/apps\/v1\/namespaces\/shop\/deployments\/orders-api answered 401/);
    expect((refused as Error).message).not.toContain('revoked');
  });

  it.each([429, 500, 503])('throws TransientError on %i so the state machine retries', async (code) => {
    override = (url) => (url.pathname.endsWith('/pods') ? status(code, 'TooManyRequests', 'slow down') : undefined);
    await expect(runProvider(kubernetesProvider, plan('runtime'))).rejects.toBeInstanceOf(TransientError);
  });

  it('names a bad request as BackendQueryError in the envelope', async () => {
    override = (url) => (url.pathname.endsWith('/replicasets') ? status(400, 'BadRequest', 'unable to parse requirement: invalid label key') : undefined);
    const result = await runProvider(kubernetesProvider, plan('changes'));
    expect(result).toMatchObject({ status: 'error', error: { name: 'BackendQueryError', retryable: false } });
  });

  it('keeps going without node events the role may not list, and says so', async () => {
    override = (url) => (url.pathname === '/api/v1/namespaces/default/events' ? status(403, 'Forbidden', 'events is forbidden: User "system:serviceaccount:causeway:reader" cannot list resource "events" in the namespace "default"') : undefined);
    const found = await kubernetesProvider.query(plan('runtime'), deps());
    expect(found.items.map((i) => i.class === 'runtime' && i.kind)).toEqual(['restart', 'unhealthy', 'crash_loop', 'evicted', 'oom_killed']);
    expect(found.notes).toEqual(['node events in default were not readable (BackendAuthError); node pressure is not covered']);
  });

  it('stops paging after four pages and says the rest was not read', async () => {
    override = (url) => (url.pathname === '/api/v1/namespaces/shop/events' ? { status: 200, body: JSON.stringify({ ...JSON.parse(fixture('pod-events-page1.json')), metadata: { continue: 'more' } }) } : undefined);
    const found = await kubernetesProvider.query(plan('runtime'), deps());
    expect(requests.filter((r) => r.path === '/api/v1/namespaces/shop/events')).toHaveLength(4);
    expect(found.notes).toContain('pod events in shop: more than 1000 objects, the rest were not read');
  });

  it('stays under the byte budget with twenty troubled deployments', async () => {
    const services = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`svc-${i}`, { namespace: 'shop', deployment: 'orders-api' }]));
    const found = await kubernetesProvider.query(plan('runtime', { services: Object.keys(services), focusService: 'svc-0', limits: { maxItems: 200, maxBytes: 6 * 1024 } }, { services }), deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(6 * 1024);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of 120 runtime events, those nearest the alert; \d+ dropped to stay under 6 KiB/);
  });

  it('refuses a plan with no endpoint or no credentials, naming the field', async () => {
    await expect(kubernetesProvider.query({ ...plan('runtime'), backend: { ...plan('runtime').backend, endpoint: undefined } }, deps())).rejects.toThrow('backend prod-cluster: endpoint: set the API server URL');
    await expect(kubernetesProvider.query({ ...plan('runtime'), backend: { ...plan('runtime').backend, secretRef: undefined } }, deps())).rejects.toThrow(/secretRef: set a secret holding \{ "token": … \}, or options\.eks/);
    await expect(kubernetesProvider.query(plan('runtime'), deps({ bearerToken: 'x' }))).rejects.toThrow('the secret causeway/tenants/acme/k8s must be JSON { "token": "…", "caData"?: "…" }');
    await expect(kubernetesProvider.query(plan('runtime', {}, { services: { orders: { namespace: 'Shop', deployment: 'x' } } }), deps())).rejects.toThrow(/options\.services\.orders\.namespace/);
  });
});

describe('kubernetes EKS token', () => {
  const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session' });

  it('is a presigned STS GetCallerIdentity URL for the cluster, valid 60 s', async () => {
    const token = await eksToken('prod-eks', 'eu-west-1', credentials, new Date('2026-06-01T09:00:00Z'));
    expect(token).toMatch(/^k8s-aws-v1\.[A-Za-z0-9_-]+$/);
    const url = new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString());
    expect(`${url.origin}${url.pathname}`).toBe('https://sts.eu-west-1.amazonaws.com/');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      Action: 'GetCallerIdentity',
      Version: '2011-06-15',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIDEXAMPLE/20260601/eu-west-1/sts/aws4_request',
      'X-Amz-Date': '20260601T090000Z',
      'X-Amz-Expires': '60',
      'X-Amz-SignedHeaders': 'host;x-k8s-aws-id',
      'X-Amz-Security-Token': 'session',
    });
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('authenticates the provider with the Lambda role when options.eks is set', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    try {
      const eksPlan = plan('changes', {}, { services: options.services, eks: { clusterName: 'prod-eks' } });
      const found = await kubernetesProvider.query({ ...eksPlan, backend: { ...eksPlan.backend, secretRef: undefined, region: 'eu-west-1' } }, deps());
      expect(requests[0]!.auth).toMatch(/^Bearer k8s-aws-v1\./);
      expect(found.items[0]!.link).toBe('https://eu-west-1.console.aws.amazon.com/eks/home?region=eu-west-1#/clusters/prod-eks/deployments/orders-api?namespace=shop');
    } finally {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
    }
  });
});
