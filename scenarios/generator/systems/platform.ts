import { coredns, dynamodb, http, lambda, tpl } from '../lib/services.js';
import type { Call, System } from '../lib/types.js';

/** "Foundry", the internal developer platform: an ECS gateway, Lambda functions, services on EKS. */

const usage = (op: string, selfMs: number): Call => ({
  service: 'usage-db',
  op,
  selfMs,
  kind: 'client',
  attributes: { 'db.system': 'dynamodb', 'aws.dynamodb.table_names': ['foundry-usage'] },
});

const tenantConfig: Call = { service: 'tenant-config', op: 'tenant-config invoke', selfMs: 18, client: true, children: [usage('GetItem', 4)] };

export const platform: System = {
  name: 'foundry-platform',
  topology: {
    'auth-gateway': ['tenant-config', 'secrets-broker'],
    'tenant-config': ['usage-db'],
    'admin-console': ['tenant-config', 'usage-db', 'job-scheduler'],
    'job-scheduler': ['artifact-registry', 'secrets-broker', 'usage-db'],
    'billing-exporter': ['usage-db'],
  },
  services: [
    http('auth-gateway', {
      rps: 150, err: 0.001, p99: 0.2, cpu: 0.28, mem: 36, runtime: 'ecs', replicas: 4,
      routes: ['POST /v1/authorize', 'GET /v1/whoami'],
      logs: [tpl('warn', 3, (r) => `token near expiry, issuing refresh hint sub=svc-${r.hex(6)}`)],
    }),
    lambda('tenant-config', {
      invocations: 2600, errors: 1, p99Ms: 120, concurrency: 22, memoryMB: 512,
      logs: [tpl('info', 8, (r) => `resolved tenant=t_${r.hex(6)} plan=${r.pick(['team', 'enterprise', 'free'])} cache=${r.pick(['hit', 'hit', 'miss'])}`)],
    }),
    http('secrets-broker', {
      rps: 40, err: 0.0005, p99: 0.05, cpu: 0.1, mem: 120, replicas: 2,
      routes: ['GET /v1/secrets/:name'],
      logs: [tpl('info', 4, () => 'lease renewed for 12 secrets')],
    }),
    http('job-scheduler', {
      rps: 30, err: 0.003, p99: 0.15, cpu: 0.35, mem: 3480, replicas: 2,
      routes: ['POST /v1/jobs', 'GET /v1/jobs/:id/runs'],
      logs: [
        tpl('info', 14, (r) => `job started job=${r.pick(['nightly-backup', 'reindex-search', 'rotate-keys', 'sync-ldap', 'compact-logs'])}-${r.hex(4)} tenant=t_${r.hex(6)}`),
        tpl('warn', 3, (r) => `job exceeded soft deadline job=sync-ldap-${r.hex(4)} by ${r.int(5, 40)}s`),
      ],
    }),
    lambda('billing-exporter', {
      invocations: 60, errors: 0.4, p99Ms: 2200, concurrency: 3, memoryMB: 1024,
      logs: [
        tpl('warn', 6, (r) => `usage record with unknown SKU ignored sku=legacy-${r.hex(4)}`),
        tpl('info', 6, (r) => `exported invoice lines tenant=t_${r.hex(6)} lines=${r.int(3, 40)}`),
      ],
    }),
    lambda('audit-log', {
      invocations: 400, errors: 0.2, p99Ms: 300, concurrency: 4, memoryMB: 256,
      logs: [tpl('info', 6, (r) => `batch written records=${r.int(80, 500)} shard=shardId-00000000000${r.int(0, 3)}`)],
    }),
    dynamodb('usage-db', { table: 'foundry-usage', reads: 900, writes: 1400, latencyMs: 3.8 }),
    http('admin-console', {
      rps: 15, err: 0.004, p99: 0.8, cpu: 0.12, mem: 240, replicas: 2,
      routes: ['GET /tenants/:id', 'GET /tenants/:id/usage', 'GET /api/usage/live'],
      logs: [tpl('error', 2, () => 'GET /favicon.ico 404 (static asset missing)')],
    }),
    http('artifact-registry', {
      rps: 60, err: 0.002, p99: 0.3, cpu: 0.2, mem: 700, replicas: 2,
      routes: ['GET /v2/:name/manifests/:ref', 'GET /v2/:name/blobs/:digest'],
      logs: [tpl('info', 8, (r) => `blob served digest=sha256:${r.hex(12)} bytes=${r.int(1e5, 9e7)} storage=s3`)],
    }),
    coredns('coredns', { qps: 3400 }),
  ],
  flows: [
    {
      name: 'authorize',
      weight: 5,
      root: {
        service: 'auth-gateway',
        op: 'POST /v1/authorize',
        selfMs: 5,
        children: [tenantConfig, { service: 'secrets-broker', op: 'GET /v1/secrets/:name', selfMs: 3, client: true }],
      },
    },
    {
      name: 'admin',
      weight: 2,
      root: {
        service: 'admin-console',
        op: 'GET /tenants/:id/usage',
        selfMs: 30,
        children: [tenantConfig, usage('Query', 12), { service: 'job-scheduler', op: 'GET /v1/jobs/:id/runs', selfMs: 15, client: true }],
      },
    },
    {
      name: 'job-run',
      weight: 2,
      root: {
        service: 'job-scheduler',
        op: 'scheduler tick',
        selfMs: 12,
        kind: 'internal',
        children: [
          { service: 'secrets-broker', op: 'GET /v1/secrets/:name', selfMs: 3, client: true },
          { service: 'artifact-registry', op: 'GET /v2/:name/manifests/:ref', selfMs: 40, client: true },
          usage('PutItem', 5),
        ],
      },
    },
  ],
};
