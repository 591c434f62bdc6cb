import { pat } from '../lib/helpers.js';
import { onlyAfter, scaleBy, stepTo } from '../lib/metrics.js';
import { grafana } from '../lib/signals.js';
import { generic } from '../lib/signals-saas.js';
import type { ScenarioSpec } from '../lib/types.js';
import { platform } from '../systems/platform.js';

const OOM_KILLS = [-840, -590, -340, -95];
const GiB = 1024 * 1024 * 1024;

/*
 * Intent: resource_exhaustion on job-scheduler: its job history, loaded whole at start, no longer fits
 * the container; OOM kills and a crash loop with no change. Action restart. Red herring: a config
 * change on a sibling (tenant-config) just before onset.
 */
const schedulerOom: ScenarioSpec = {
  name: 'platform-scheduled-jobs-late',
  seed: 4104,
  at: '2026-06-16T14:50:00Z',
  description:
    'In the afternoon teams reported that their scheduled jobs were starting late or not at all. The job-scheduler API was intermittently unavailable and its pods kept restarting. A tenant-config setting had been changed around the same time. The scheduler had not been released for eleven days.',
  system: platform,
  services: ['job-scheduler', 'admin-console', 'artifact-registry', 'secrets-broker', 'usage-db', 'tenant-config', 'auth-gateway'],
  onset: -840,
  signal: generic('2026-06-16T14:50:00Z', {
    title: 'Scheduled jobs missed their start time (14 late)',
    severity: 'high',
    service: 'job-scheduler',
    labels: { env: 'prod', team: 'platform', late_jobs: '14', source: 'scheduler-slo-probe' },
    startedAt: -120,
  }),
  effects: [
    {
      service: 'job-scheduler',
      key: 'memory',
      shape: () => (t) => {
        const last = OOM_KILLS.filter((k) => k <= t).pop();
        const gib = last === undefined ? 3.64 + (0.48 * (t + 3600)) / 3600 : 1.4 + 2.6 * Math.min(1, (t - last) / 210);
        return Math.min(4, gib) * GiB;
      },
    },
    { service: 'job-scheduler', key: 'errors', shape: stepTo(-840, 0.24, 60) },
    { service: 'job-scheduler', key: 'latency', shape: stepTo(-840, 2.9, 60) },
    { service: 'job-scheduler', key: 'cpu', shape: stepTo(-840, 0.82, 60) },
    { service: 'admin-console', key: 'errors', shape: stepTo(-830, 0.05, 60) },
  ],
  extraSeries: [
    {
      service: 'job-scheduler',
      def: { key: 'history', name: 'scheduler_job_history_rows', unit: 'rows', base: 1, noise: 0.0005, integer: true },
      shape: () => (t) => 1171000 + (13000 * (t + 3600)) / 3720,
    },
    {
      service: 'job-scheduler',
      def: { key: 'limit', name: 'kube_pod_container_resource_limits_memory_bytes', unit: 'bytes', base: 4 * GiB, noise: 0, integer: true },
    },
  ],
  traces: {
    baseline: 10,
    incident: 14,
    flows: ['job-run', 'admin', 'authorize'],
    faults: [
      { service: 'job-scheduler', op: 'GET /v1/jobs', from: -840, errorRate: 0.3, errorAttributes: { 'http.status_code': 503, 'error.type': 'no healthy upstream' } },
      { service: 'job-scheduler', op: 'scheduler tick', from: -840, errorRate: 0, addMs: 30000 },
    ],
  },
  logs: [
    pat('job-scheduler', 'info', -830, 0.25, (r) => `loading job history from usage-db rows=${r.int(1183000, 1184500)}`, { max: 4 }),
    pat('job-scheduler', 'warn', -820, 3, (r) => `scheduler tick overran by ${r.int(20, 60)}s, ${r.int(3, 15)} jobs late`),
    pat('job-scheduler', 'warn', -880, 1.2, (r) => `GC overhead: ${r.int(1800, 4200)}ms in last 5s, heap ${r.range(3.6, 3.95).toFixed(2)}GiB/4.00GiB`, { max: 8 }),
    pat('job-scheduler', 'error', -842, 0.25, () => 'java.lang.OutOfMemoryError: Java heap space', { max: 4 }),
    pat('admin-console', 'error', -830, 2, () => 'GET /v1/jobs/:id/runs from job-scheduler failed: 503 no healthy upstream'),
  ],
  changes: [
    { at: -900, service: 'tenant-config', kind: 'config', summary: 'tenant-config Lambda env: TENANT_CACHE_TTL_SECONDS 60 -> 120', version: '58', previousVersion: '57', author: 'g.amaral', source: 'terraform-cloud' },
  ],
  runtime: OOM_KILLS.flatMap((at, i) => [
    { at, service: 'job-scheduler', kind: 'oom_killed' as const, count: 1, message: 'container job-scheduler OOMKilled (exit code 137), limit 4Gi' },
    ...(i === 2 ? [{ at: at + 20, service: 'job-scheduler', kind: 'crash_loop' as const, count: 3, message: 'Back-off restarting failed container job-scheduler in pod job-scheduler-6b8f9d7c5-w2x9k' }] : []),
  ]),
  expected: { rootCause: { service: 'job-scheduler', kind: 'resource_exhaustion' }, action: 'restart', mustCite: ['runtime', 'metrics'] },
};

/*
 * Intent: feature_flag on admin-console (a live usage widget that polls the shared usage table);
 * usage-db throttles, tenant-config fails, auth-gateway alerts. Two hops from the alert to the
 * shared table, and the cause is in a third, neighbouring service.
 */
const liveWidget: ScenarioSpec = {
  name: 'platform-auth-errors-afternoon',
  seed: 4105,
  at: '2026-06-09T15:30:00Z',
  description:
    'Authorization through the internal auth-gateway started failing for about 7% of calls in the afternoon, with p99 latency doubling. The tenant-config Lambda reported errors at the same time and the usage table showed read throttling. Traffic through the gateway was at its normal level.',
  system: platform,
  services: ['auth-gateway', 'tenant-config', 'usage-db', 'admin-console', 'job-scheduler', 'secrets-broker', 'billing-exporter'],
  onset: -480,
  signal: grafana('2026-06-09T15:30:00Z', {
    alertname: 'AuthGatewayErrorRatio',
    folder: 'Platform',
    service: 'auth-gateway',
    severity: 'critical',
    summary: 'auth-gateway 5xx ratio above 5%',
    description: 'auth-gateway 5xx ratio is 7.1% over 5 minutes.',
    value: 0.071,
    ruleUid: 'cc2d7u1mn3k0ae',
    dashboardUid: 'platform-gateway',
    labels: { env: 'prod', team: 'platform' },
  }),
  effects: [
    { service: 'admin-console', key: 'rps', shape: stepTo(-500, 72, 60) },
    { service: 'usage-db', key: 'reads', shape: stepTo(-500, 5300, 90) },
    { service: 'usage-db', key: 'readThrottles', shape: onlyAfter(-480, 910, 60) },
    { service: 'usage-db', key: 'latency', shape: scaleBy(-490, 1.8, 60) },
    { service: 'tenant-config', key: 'errors', shape: stepTo(-480, 150, 60) },
    { service: 'tenant-config', key: 'duration', shape: scaleBy(-480, 3.2, 60) },
    { service: 'auth-gateway', key: 'errors', shape: stepTo(-475, 0.071, 60) },
    { service: 'auth-gateway', key: 'latency', shape: scaleBy(-475, 2.1, 60) },
  ],
  extraSeries: [
    {
      service: 'admin-console',
      def: { key: 'live', name: 'http_requests_per_second', unit: 'req/s', labels: { route: '/api/usage/live' }, base: 0.01, noise: 0.5 },
      shape: stepTo(-500, 57, 60),
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['authorize', 'admin'],
    faults: [
      { service: 'usage-db', from: -480, errorRate: 0.2, addMs: 60, errorAttributes: { 'aws.dynamodb.error': 'ProvisionedThroughputExceededException', 'exception.message': 'The level of configured provisioned throughput for the table was exceeded' } },
    ],
  },
  logs: [
    pat('admin-console', 'info', -505, 0.4, () => 'flag admin.live-usage-widget evaluated true for all users (rule: default)', { max: 2 }),
    pat('admin-console', 'info', -500, 8, (r) => `live usage poll tenant=t_${r.hex(6)} interval=5s items=${r.int(200, 900)}`),
    pat('tenant-config', 'error', -480, 8, (r) => `ERROR\tGetItem tenant=t_${r.hex(6)} failed: ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded`),
    pat('auth-gateway', 'error', -475, 6, () => 'authorize failed: tenant-config invoke returned FunctionError (Unhandled)', { linkTraces: true }),
  ],
  changes: [
    { at: -510, service: 'admin-console', kind: 'feature_flag', summary: 'admin.live-usage-widget: enabled for all users', version: 'on', previousVersion: 'internal-only', author: 'v.petrov', source: 'launchdarkly' },
  ],
  alerts: [{ at: -300, service: 'usage-db', name: 'UsageTableReadThrottles', status: 'firing' }],
  expected: { rootCause: { service: 'admin-console', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'metrics'] },
};

export const platformB: ScenarioSpec[] = [schedulerOom, liveWidget];
