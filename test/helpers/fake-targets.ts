import { createServer, type Server } from 'node:http';

/**
 * One loopback server speaking the real API paths of the three non-AWS targets:
 * Kubernetes (apps/v1 Deployments, ReplicaSets, the scale subresource), Argo CD
 * (applications and their rollback) and a LaunchDarkly-compatible flag API. It keeps
 * state, so a PATCH is visible to the next GET, and records every request.
 */
export interface FakeRequest {
  method: string;
  path: string;
  contentType?: string;
  authorization?: string;
  body?: unknown;
}

const template = (image: string) => ({ metadata: { labels: { app: 'pricing' } }, spec: { containers: [{ name: 'pricing', image }] } });

export function fakeState() {
  return {
    deployment: {
      metadata: { name: 'pricing', namespace: 'shop', uid: 'dep-uid-1', annotations: { 'deployment.kubernetes.io/revision': '3' } },
      spec: { replicas: 3, selector: { matchLabels: { app: 'pricing' } }, template: template('registry.example/pricing:v3.12.0') },
    },
    replicaSets: [1, 2, 3].map((revision) => ({
      metadata: { name: `pricing-${revision}abc`, annotations: { 'deployment.kubernetes.io/revision': String(revision) }, ownerReferences: [{ uid: 'dep-uid-1' }] },
      spec: { template: { ...template(`registry.example/pricing:${['v3.10.0', 'v3.11.4', 'v3.12.0'][revision - 1]}`), metadata: { labels: { app: 'pricing', 'pod-template-hash': `${revision}abc` } } } },
    })),
    app: {
      spec: { syncPolicy: {} as { automated?: unknown } },
      status: { sync: { revision: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3' }, history: [{ id: 11, revision: 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2' }, { id: 12, revision: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3' }] },
    },
    flagOn: true,
  };
}

export interface FakeTargets {
  url: string;
  requests: FakeRequest[];
  state: ReturnType<typeof fakeState>;
  /** Answer every request with this status instead (failure tests); undefined serves normally. */
  failWith?: number;
  /** Called after a write to the Deployment, before the answer: lets a test react to the change. */
  onDeploymentChange?: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startFakeTargets(token = 'k8s-token'): Promise<FakeTargets> {
  const fake = { requests: [] as FakeRequest[], state: fakeState() } as FakeTargets;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const body = raw ? (JSON.parse(raw) as unknown) : undefined;
        fake.requests.push({ method: req.method ?? '', path: url.pathname + url.search, contentType: req.headers['content-type'], authorization: req.headers.authorization, body });
        const send = (status: number, payload: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(payload));
        };
        if (fake.failWith) return send(fake.failWith, { message: 'failing on purpose' });
        const auth = req.headers.authorization;
        if (auth !== `Bearer ${token}` && auth !== 'api-flag-key') return send(401, { message: 'Unauthorized' });
        const s = fake.state;
        const dep = '/apis/apps/v1/namespaces/shop/deployments/pricing';
        const key = `${req.method} ${url.pathname}`;
        if (key === `GET ${dep}`) return send(200, s.deployment);
        if (key === `GET ${dep}/scale`) return send(200, { kind: 'Scale', spec: { replicas: s.deployment.spec.replicas } });
        if (key === `PATCH ${dep}/scale`) {
          s.deployment.spec.replicas = (body as { spec: { replicas: number } }).spec.replicas;
          return send(200, { spec: { replicas: s.deployment.spec.replicas } });
        }
        if (key === `PATCH ${dep}`) {
          if (req.headers['content-type'] === 'application/json-patch+json') {
            const [op] = body as Array<{ op: string; path: string; value: typeof s.deployment.spec.template }>;
            if (op?.op !== 'replace' || op.path !== '/spec/template') return send(422, { message: 'unsupported patch' });
            s.deployment.spec.template = op.value;
            s.deployment.metadata.annotations['deployment.kubernetes.io/revision'] = '4';
          } else {
            const annotations = (body as { spec: { template: { metadata: { annotations: Record<string, string> } } } }).spec.template.metadata.annotations;
            s.deployment.spec.template = { ...s.deployment.spec.template, metadata: { ...s.deployment.spec.template.metadata, annotations } } as typeof s.deployment.spec.template;
          }
          await fake.onDeploymentChange?.();
          return send(200, s.deployment);
        }
        if (key === 'GET /apis/apps/v1/namespaces/shop/replicasets') {
          return url.searchParams.get('labelSelector') === 'app=pricing' ? send(200, { kind: 'ReplicaSetList', items: s.replicaSets }) : send(200, { items: [] });
        }
        if (key === 'GET /api/v1/applications/pricing') return send(200, s.app);
        if (key === 'POST /api/v1/applications/pricing/rollback') {
          const id = (body as { id: number }).id;
          const entry = s.app.status.history.find((h) => h.id === id);
          if (!entry) return send(400, { message: 'history id not found' });
          s.app.status.sync.revision = entry.revision;
          return send(200, s.app);
        }
        if (key === 'GET /api/v2/flags/default/identity.sign-es256') return send(200, { key: 'identity.sign-es256', environments: { production: { on: s.flagOn } } });
        if (key === 'PATCH /api/v2/flags/default/identity.sign-es256') {
          if (req.headers['content-type'] !== 'application/json; domain-model=launchdarkly.semanticpatch') return send(400, { message: 'not a semantic patch' });
          s.flagOn = false;
          return send(200, { key: 'identity.sign-es256', environments: { production: { on: false } } });
        }
        send(404, { message: `no route ${key}` });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  fake.url = `http://127.0.0.1:${address.port}`;
  fake.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return fake;
}
