import { pat } from '../lib/helpers.js';
import { onlyAfter, scaleBy, stepTo } from '../lib/metrics.js';
import { alertmanager } from '../lib/signals.js';
import type { ScenarioSpec } from '../lib/types.js';
import { platform } from '../systems/platform.js';

/*
 * Intent: config_change on billing-exporter (checkpoints written per record instead of per
 * batch) that eats the shared usage table's write capacity; job-scheduler's run-history writes
 * are throttled and its runs fail. The cause is a neighbour that shares only the table with the
 * alerting service. Red herring: an admin-console deploy (another caller of the table) 25
 * minutes earlier, whose own behaviour did not change.
 */
const checkpoints: ScenarioSpec = {
  name: 'platform-job-runs-throttled-morning',
  seed: 4107,
  at: '2026-06-16T09:42:00Z',
  description:
    'Mid-morning the job-scheduler failure alert fired: about a third of job runs failed while recording their run history, and the usage table alarmed on write throttling. The admin console had shipped a release earlier that morning. Job volume was normal.',
  system: platform,
  services: ['job-scheduler', 'usage-db', 'billing-exporter', 'admin-console', 'artifact-registry', 'secrets-broker', 'tenant-config'],
  onset: -520,
  signal: alertmanager('2026-06-16T09:42:00Z', {
    alertname: 'JobSchedulerRunFailures',
    service: 'job-scheduler',
    severity: 'critical',
    summary: 'more than 20% of scheduled job runs failing',
    description: '34% of job runs failed over the last 5 minutes.',
    expr: 'sum(rate(scheduler_job_runs_total{status="failed"}[5m])) / sum(rate(scheduler_job_runs_total[5m])) > 0.2',
    labels: { namespace: 'platform', team: 'platform' },
  }),
  effects: [
    { service: 'billing-exporter', key: 'duration', shape: scaleBy(-540, 2.6, 60) },
    { service: 'usage-db', key: 'writes', shape: stepTo(-540, 5600, 90) },
    { service: 'usage-db', key: 'writeThrottles', shape: onlyAfter(-520, 640, 60) },
    { service: 'usage-db', key: 'latency', shape: scaleBy(-520, 1.7, 60) },
    { service: 'job-scheduler', key: 'errors', shape: stepTo(-510, 0.34, 60) },
    { service: 'job-scheduler', key: 'latency', shape: scaleBy(-510, 2.3, 60) },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['job-run', 'admin'],
    faults: [
      { service: 'usage-db', op: 'PutItem', from: -520, errorRate: 0.35, addMs: 40, errorAttributes: { 'aws.dynamodb.error': 'ProvisionedThroughputExceededException', 'exception.message': 'The level of configured provisioned throughput for the table was exceeded' } },
    ],
  },
  logs: [
    pat('billing-exporter', 'info', -545, 10, (r) => `checkpoint written tenant=t_${r.hex(6)} record=${r.int(1e5, 9e5)} mode=per-record`),
    pat('job-scheduler', 'error', -510, 6, (r) => `job run failed job=${r.pick(['nightly-backup', 'reindex-search', 'compact-logs', 'sync-ldap'])}-${r.hex(4)}: PutItem run-history: ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded`, { linkTraces: true }),
  ],
  changes: [
    { at: -1500, service: 'admin-console', kind: 'deployment', summary: 'admin-console v5.8.0: paginated tenant list', version: 'v5.8.0', previousVersion: 'v5.7.3', author: 'k.osei', commit: '4be91c0', source: 'argocd' },
    { at: -560, service: 'billing-exporter', kind: 'config', summary: 'BILLING_CHECKPOINT_MODE: batch -> per-record', version: 'r212', previousVersion: 'r211', author: 'm.duarte', source: 'appconfig' },
  ],
  alerts: [{ at: -300, service: 'usage-db', name: 'UsageTableWriteThrottles', status: 'firing' }],
  expected: { rootCause: { service: 'billing-exporter', kind: 'config_change' }, action: 'revert_config', mustCite: ['changes', 'metrics'] },
};

export const platformC: ScenarioSpec[] = [checkpoints];
