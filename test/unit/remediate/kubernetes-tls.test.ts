import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleOutKubernetes } from '../../../functions/remediate/executors/scale-out-kubernetes.js';
import { BackendAuthError } from '../../../functions/shared/http-client.js';
import { action, context } from './fixtures.js';

/*
 * Remediation on a cluster whose API server a private CA signed (self-hosted, or EKS): a real
 * HTTPS server on loopback with the Kubernetes provider's test certificates. The executor must
 * refuse the server without the CA and patch through it with the CA, from the secret or the
 * target config — the same trust the provider that read the cluster had.
 */

const fixtures = new URL('../../fixtures/providers/kubernetes/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const CA_DATA = Buffer.from(fixture('tls/ca.pem')).toString('base64');
const OTHER_CA_DATA = Buffer.from(fixture('tls/other-ca.pem')).toString('base64');
const TOKEN = 'remediation-sa-token';
const SECRET_REF = 'causeway/tenants/acme/k8s';
const SCALE_PATH = '/apis/apps/v1/namespaces/shop/deployments/pricing/scale';

let server: Server;
let apiUrl: string;
const patches: unknown[] = [];

beforeAll(async () => {
  server = createServer({ cert: fixture('tls/server.pem'), key: fixture('tls/server-key.pem') }, (req, res) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end('{}');
    if (req.url !== SCALE_PATH) return void res.writeHead(404).end('{}');
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'PATCH') patches.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ spec: { replicas: 2 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const scaleOut = action({ kind: 'scale_out', target: { platform: 'kubernetes', namespace: 'shop', deployment: 'pricing' }, params: { scaleFactor: 2 } });
const ctxWith = (secret: Record<string, unknown>, caData?: string) =>
  context({ kubernetes: { apiUrl, tokenSecretRef: SECRET_REF, ...(caData ? { caData } : {}) } }, { maxReplicas: 10, maxScaleFactor: 2 }, { [SECRET_REF]: secret });

describe('Kubernetes remediation through a private CA', () => {
  it('refuses an API server whose certificate chains to no trusted CA, before any write', async () => {
    await expect(scaleOutKubernetes.plan(scaleOut, ctxWith({ token: TOKEN }))).rejects.toBeInstanceOf(BackendAuthError);
    await expect(scaleOutKubernetes.plan(scaleOut, ctxWith({ token: TOKEN }, OTHER_CA_DATA))).rejects.toBeInstanceOf(BackendAuthError);
    expect(patches).toEqual([]);
  });

  it('plans and patches with the CA from the secret, or from the target config', async () => {
    for (const ctx of [ctxWith({ token: TOKEN, caData: CA_DATA }), ctxWith({ token: TOKEN }, CA_DATA)]) {
      const plan = await scaleOutKubernetes.plan(scaleOut, ctx);
      expect(plan.changes).toEqual(['Deployment shop/pricing: replicas 2 → 4']);
      await scaleOutKubernetes.apply(scaleOut, plan, ctx);
    }
    expect(patches).toEqual([{ spec: { replicas: 4 } }, { spec: { replicas: 4 } }]);
  });

  it("lets the secret's CA win over the config's, as the provider does", async () => {
    await expect(scaleOutKubernetes.plan(scaleOut, ctxWith({ token: TOKEN, caData: CA_DATA }, OTHER_CA_DATA))).resolves.toMatchObject({ desired: { replicas: 4 } });
  });
});
