import { pat } from '../lib/helpers.js';
import { onlyAfter, scaleBy, stepTo } from '../lib/metrics.js';
import { alertmanager, cloudwatch } from '../lib/signals.js';
import type { ScenarioSpec } from '../lib/types.js';
import { platform } from '../systems/platform.js';

const ACCOUNT = '559031287744';

/*
 * Intent: config_change on tenant-config (reserved concurrency cut by Terraform) → throttles; alarm on
 * auth-gateway's ALB (1 hop). No logs at all. Red herring: a scheduled scale-in of auth-gateway.
 */
const concurrency: ScenarioSpec = {
  name: 'platform-auth-gateway-5xx',
  seed: 4101,
  at: '2026-05-20T10:18:00Z',
  description:
    'Internal tools started failing authorization mid-morning: the auth-gateway load balancer alarm on target 5xx fired and about 30% of authorize calls returned 500. The gateway had scaled in on its usual schedule earlier in the morning. Only CloudWatch metrics, X-Ray traces and the change log were available for this account; its logs are not shipped to the observability stack.',
  system: platform,
  onset: -360,
  logs: false,
  signal: cloudwatch('2026-05-20T10:18:00Z', {
    account: ACCOUNT,
    region: 'eu-west-1',
    alarmName: 'auth-gateway-target-5xx',
    description: 'auth-gateway targets returned more than 100 5xx responses per minute',
    namespace: 'AWS/ApplicationELB',
    metricName: 'HTTPCode_Target_5XX_Count',
    dimensions: { LoadBalancer: 'app/auth-gateway-internal/0e6f2b9d8c1a4f73' },
    stat: 'Sum',
    period: 60,
    threshold: 100,
    comparison: 'GreaterThanThreshold',
    datapoints: [2704, 2651, 2588],
  }),
  effects: [
    { service: 'tenant-config', key: 'throttles', shape: onlyAfter(-360, 1850, 30) },
    { service: 'tenant-config', key: 'concurrency', shape: stepTo(-370, 5) },
    { service: 'tenant-config', key: 'invocations', shape: stepTo(-360, 820, 30) },
    { service: 'auth-gateway', key: 'errors', shape: stepTo(-355, 0.3, 30) },
    { service: 'auth-gateway', key: 'latency', shape: scaleBy(-355, 1.3, 30) },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['authorize', 'admin'],
    faults: [
      {
        service: 'tenant-config',
        from: -360,
        errorRate: 0.68,
        unreachable: true,
        errorAttributes: { 'http.status_code': 429, 'aws.lambda.error': 'TooManyRequestsException', 'exception.message': 'Rate Exceeded. Reason: ReservedFunctionConcurrentInvocationLimitExceeded' },
      },
    ],
  },
  changes: [
    { at: -2700, service: 'auth-gateway', kind: 'scaling', summary: 'scheduled action scale-in-morning: auth-gateway desired count 6 -> 4', source: 'aws-application-autoscaling' },
    { at: -390, service: 'tenant-config', kind: 'config', summary: 'aws_lambda_function.tenant_config: reserved_concurrent_executions 100 -> 5 (PR #2291 "cap noisy functions")', version: 'tf-run-8841', previousVersion: 'tf-run-8836', author: 'g.amaral', commit: '7c0e5b4', source: 'terraform-cloud' },
  ],
  runtime: [{ at: -350, service: 'tenant-config', kind: 'throttled', count: 1850, message: 'Lambda invocations throttled: ReservedFunctionConcurrentInvocationLimitExceeded (reserved concurrency 5)' }],
  expected: { rootCause: { service: 'tenant-config', kind: 'config_change' }, action: 'revert_config', mustCite: ['changes', 'metrics'] },
};

/*
 * Intent: infrastructure, cluster DNS (coredns) gone after its node hit disk pressure; every
 * service on EKS fails at once. Alert on job-scheduler. No change.
 */
const dns: ScenarioSpec = {
  name: 'platform-jobs-failing-overnight',
  seed: 4102,
  at: '2026-06-11T02:26:00Z',
  description:
    'Overnight the job-scheduler failure alert fired: most scheduled jobs failed within seconds of starting. The admin console, the artifact registry and the secrets broker logged errors over the same minutes. No deploys or configuration changes were made that night.',
  system: platform,
  services: ['job-scheduler', 'admin-console', 'artifact-registry', 'secrets-broker', 'coredns', 'auth-gateway', 'tenant-config', 'usage-db'],
  onset: -420,
  signal: alertmanager('2026-06-11T02:26:00Z', {
    alertname: 'JobSchedulerRunFailures',
    service: 'job-scheduler',
    severity: 'critical',
    summary: 'more than 20% of scheduled job runs failing',
    description: '63% of job runs failed over the last 5 minutes.',
    expr: 'sum(rate(scheduler_job_runs_total{status="failed"}[5m])) / sum(rate(scheduler_job_runs_total[5m])) > 0.2',
    labels: { namespace: 'platform', team: 'platform' },
  }),
  effects: [
    { service: 'coredns', key: 'replicas', shape: stepTo(-425, 0) },
    { service: 'job-scheduler', key: 'errors', shape: stepTo(-420, 0.62, 30) },
    { service: 'admin-console', key: 'errors', shape: stepTo(-420, 0.41, 30) },
    { service: 'artifact-registry', key: 'errors', shape: stepTo(-415, 0.3, 30) },
    { service: 'secrets-broker', key: 'errors', shape: stepTo(-415, 0.22, 30) },
    { service: 'job-scheduler', key: 'latency', shape: stepTo(-420, 5.1, 30) },
  ],
  gaps: [
    ['coredns', -425, 200, 'qps'],
    ['coredns', -425, 200, 'servfail'],
    ['coredns', -425, 200, 'latency'],
  ],
  traces: {
    baseline: 10,
    incident: 14,
    flows: ['job-run', 'admin'],
    faults: [
      { service: 'artifact-registry', from: -420, errorRate: 0.6, unreachable: true, errorAttributes: { 'error.type': 'DNSError', 'exception.message': 'dial tcp: lookup artifact-registry.platform.svc.cluster.local on 172.20.0.10:53: read udp 10.1.7.41:41822->172.20.0.10:53: i/o timeout' } },
      { service: 'secrets-broker', from: -420, errorRate: 0.6, unreachable: true, errorAttributes: { 'error.type': 'DNSError', 'exception.message': 'dial tcp: lookup secrets-broker.platform.svc.cluster.local on 172.20.0.10:53: i/o timeout' } },
      { service: 'usage-db', op: 'PutItem', from: -420, errorRate: 0.5, errorAttributes: { 'exception.message': 'lookup dynamodb.eu-west-1.amazonaws.com on 172.20.0.10:53: i/o timeout' } },
      { service: 'usage-db', op: 'Query', from: -420, errorRate: 0.5, errorAttributes: { 'exception.message': 'lookup dynamodb.eu-west-1.amazonaws.com on 172.20.0.10:53: i/o timeout' } },
    ],
  },
  logs: [
    pat('job-scheduler', 'error', -418, 8, (r) => `job run failed job=${r.pick(['nightly-backup', 'reindex-search', 'compact-logs'])}-${r.hex(4)}: Get "http://artifact-registry.platform.svc.cluster.local/v2/": dial tcp: lookup artifact-registry.platform.svc.cluster.local on 172.20.0.10:53: i/o timeout`, { linkTraces: true }),
    pat('admin-console', 'error', -416, 4, () => 'getaddrinfo EAI_AGAIN job-scheduler.platform.svc.cluster.local'),
    pat('artifact-registry', 'error', -415, 3, () => 's3 GetObject failed: dial tcp: lookup s3.eu-west-1.amazonaws.com on 172.20.0.10:53: i/o timeout'),
    pat('secrets-broker', 'error', -415, 2, () => 'vault token renewal failed: Put "https://vault.platform.svc.cluster.local:8200/v1/auth/token/renew-self": dial tcp: lookup vault.platform.svc.cluster.local: i/o timeout'),
  ],
  runtime: [
    { at: -460, service: 'coredns', kind: 'node_pressure', message: 'node ip-10-1-7-22.eu-west-1.compute.internal condition DiskPressure=True (imagefs 94% used); hosts coredns-7b5d8f9c6-2xkqp, coredns-7b5d8f9c6-9tmzr' },
    { at: -425, service: 'coredns', kind: 'evicted', count: 2, message: 'The node was low on resource: ephemeral-storage. Container coredns was using 12Ki, request is 0' },
    { at: -300, service: 'coredns', kind: 'unhealthy', count: 2, message: 'coredns pods Pending: 0/12 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure}, 11 Insufficient cpu' },
  ],
  alerts: [
    { at: -300, service: 'admin-console', name: 'AdminConsole5xx', status: 'firing' },
    { at: -280, service: 'artifact-registry', name: 'RegistryErrorRate', status: 'firing' },
  ],
  expected: { rootCause: { service: 'coredns', kind: 'infrastructure' }, action: 'none', mustCite: ['runtime', 'logs'] },
};

/*
 * Intent: code_defect in billing-exporter (month rollover: tenants with no usage yet); a Lambda
 * with no tracing at all. No change in the window.
 */
const billing: ScenarioSpec = {
  name: 'platform-billing-export-errors',
  seed: 4103,
  at: '2026-06-01T00:12:00Z',
  description:
    'Shortly after midnight on the first of the month the billing-exporter Lambda error alarm fired. Roughly two thirds of invocations failed and were retried by the asynchronous invoke queue. Invoices for some tenants were produced normally. The function had not been changed for three weeks. Tracing was never enabled for this function.',
  system: platform,
  services: ['billing-exporter', 'usage-db', 'tenant-config', 'audit-log', 'auth-gateway', 'job-scheduler'],
  onset: -660,
  signal: cloudwatch('2026-06-01T00:12:00Z', {
    account: ACCOUNT,
    region: 'eu-west-1',
    alarmName: 'billing-exporter-errors',
    description: 'billing-exporter Errors above 5 per minute for 3 minutes',
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    dimensions: { FunctionName: 'billing-exporter' },
    stat: 'Sum',
    period: 60,
    threshold: 5,
    comparison: 'GreaterThanThreshold',
    datapoints: [39, 41, 37],
  }),
  effects: [
    { service: 'billing-exporter', key: 'errors', shape: stepTo(-660, 39, 60) },
    { service: 'billing-exporter', key: 'invocations', shape: scaleBy(-660, 1.9, 120) },
    { service: 'billing-exporter', key: 'duration', shape: scaleBy(-660, 0.4, 60) },
  ],
  logs: [
    pat('billing-exporter', 'info', -670, 0.5, () => 'billing period rollover: exporting usage for period=2026-05 and opening period=2026-06', { max: 1 }),
    pat('billing-exporter', 'error', -660, 8, (r) => `ERROR\tInvoke Error\t{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading 'amount')","stack":["TypeError: Cannot read properties of undefined (reading 'amount')","    at buildInvoiceLines (/var/task/invoice.js:88:41)"]} tenant=t_${r.hex(6)}`),
    pat('billing-exporter', 'info', -650, 3, (r) => `exported invoice lines tenant=t_${r.hex(6)} lines=${r.int(3, 40)} period=2026-05`),
  ],
  changes: [
    { at: -1900, service: 'audit-log', kind: 'config', summary: 'audit-log Lambda: BATCH_SIZE 100 -> 200', version: '19', previousVersion: '18', author: 'm.chen', source: 'terraform-cloud' },
  ],
  exceptions: [
    { at: -600, service: 'billing-exporter', type: 'TypeError', message: "Cannot read properties of undefined (reading 'amount')", count: 412, culprit: 'exporter/src/invoice.ts in buildInvoiceLines' },
  ],
  expected: { rootCause: { service: 'billing-exporter', kind: 'code_defect' }, action: 'none', mustCite: ['logs', 'exceptions'] },
};

export const platformA: ScenarioSpec[] = [concurrency, dns, billing];
