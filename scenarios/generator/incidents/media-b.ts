import { pat, rollout } from '../lib/helpers.js';
import { between, scaleBy, stepTo } from '../lib/metrics.js';
import { alertmanager, cloudwatchSns } from '../lib/signals.js';
import { datadog } from '../lib/signals-saas.js';
import type { ScenarioSpec } from '../lib/types.js';
import { media } from '../systems/media.js';

const ACCOUNT = '702146938115';

/*
 * Intent: infrastructure, an expired TLS certificate on drm-license; requests never reach it, so its
 * own metrics look quiet. Alert on playback-api (1 hop). Red herring: manifest-svc (a sibling on the
 * same path) deployed 5 minutes before onset.
 */
const certExpiry: ScenarioSpec = {
  name: 'media-playback-license-failures',
  seed: 3104,
  at: '2026-05-31T00:04:00Z',
  description:
    'Right after midnight UTC, playback of protected titles started failing for almost every viewer while free, unprotected titles kept playing. The playback-api error ratio alert fired within minutes. The licensing service dashboards showed no errors. A manifest service release had gone out a few minutes before midnight.',
  system: media,
  services: ['playback-api', 'manifest-svc', 'drm-license', 'metadata-svc', 'metadata-db', 'upload-api'],
  onset: -240,
  signal: alertmanager('2026-05-31T00:04:00Z', {
    alertname: 'PlaybackApiHighErrorRate',
    service: 'playback-api',
    severity: 'critical',
    summary: 'playback-api 5xx ratio above 5%',
    description: 'playback-api returned 41% 5xx over the last 2 minutes.',
    expr: 'sum(rate(http_requests_total{service="playback-api",code=~"5.."}[2m])) / sum(rate(http_requests_total{service="playback-api"}[2m])) > 0.05',
    labels: { namespace: 'media', team: 'playback' },
    startsAt: -60,
  }),
  effects: [
    { service: 'playback-api', key: 'errors', shape: stepTo(-240, 0.41, 30) },
    { service: 'drm-license', key: 'rps', shape: stepTo(-240, 6, 30) },
    { service: 'drm-license', key: 'cpu', shape: scaleBy(-240, 0.3, 30) },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['playback'],
    faults: [
      {
        service: 'drm-license',
        from: -240,
        errorRate: 0.97,
        unreachable: true,
        errorAttributes: { 'error.type': 'x509: certificate has expired or is not yet valid', 'exception.message': 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-05-31T00:00:14Z is after 2026-05-31T00:00:00Z' },
      },
    ],
  },
  logs: [
    rollout('manifest-svc', -530, 4, () => 'manifest-svc v3.8.0 listening on :8080'),
    pat('playback-api', 'error', -238, 10, () => 'license request failed: Post "https://drm-license.media.svc:8443/v1/license": tls: failed to verify certificate: x509: certificate has expired or is not yet valid', { linkTraces: true }),
    pat('drm-license', 'warn', -238, 8, (r) => `http: TLS handshake error from 10.42.${r.int(1, 9)}.${r.int(2, 250)}:${r.int(30000, 60000)}: remote error: tls: bad certificate`),
  ],
  changes: [
    { at: -540, service: 'manifest-svc', kind: 'deployment', summary: 'manifest-svc v3.8.0: low-latency HLS part hints', version: 'v3.8.0', previousVersion: 'v3.7.4', author: 'y.tanaka', commit: 'aa7e2d5', source: 'argocd' },
  ],
  expected: { rootCause: { service: 'drm-license', kind: 'infrastructure' }, action: 'none', mustCite: ['logs', 'traces'] },
};

/*
 * Intent: infrastructure under transcoder (an EC2 container instance failed; half the tasks could
 * not be placed again). Noisy baseline. Alarm on the transcode queue age.
 */
const hostFailure: ScenarioSpec = {
  name: 'media-transcode-backlog',
  seed: 3105,
  at: '2026-06-02T03:40:00Z',
  description:
    'Overnight the transcode-jobs queue age alarm fired: the oldest job had waited over 12 minutes against a normal 30 seconds. Uploads were accepted but took far longer to become playable. The transcoder dashboards are normally noisy at night because of batch re-encodes. Nothing had been deployed since the previous day.',
  system: media,
  services: ['transcoder', 'packager', 'media-ingest', 'thumbnailer', 'upload-api', 'metadata-svc', 'metadata-db'],
  onset: -900,
  noise: 1.7,
  signal: cloudwatchSns(
    '2026-06-02T03:40:00Z',
    {
      account: ACCOUNT,
      region: 'us-east-1',
      alarmName: 'transcode-jobs-oldest-message-age',
      description: 'ApproximateAgeOfOldestMessage on transcode-jobs above 600s',
      namespace: 'AWS/SQS',
      metricName: 'ApproximateAgeOfOldestMessage',
      dimensions: { QueueName: 'transcode-jobs' },
      stat: 'Maximum',
      period: 60,
      threshold: 600,
      comparison: 'GreaterThanThreshold',
      datapoints: [781, 722, 668],
    },
    'reelhouse-prod-alarms',
  ),
  effects: [
    { service: 'transcoder', key: 'jobs', shape: stepTo(-900, 0.7, 60) },
    { service: 'transcoder', key: 'lag', shape: () => (t) => (t < -900 ? 30 : 30 + 0.85 * (t + 900)) },
    { service: 'transcoder', key: 'errors', shape: between(-900, -780, stepTo(-900, 0.09)) },
    { service: 'packager', key: 'invocations', shape: scaleBy(-860, 0.5, 60) },
  ],
  extraSeries: [
    {
      service: 'transcoder',
      def: { key: 'tasks', name: 'aws_ecs_running_task_count', unit: 'tasks', base: 8, noise: 0, integer: true },
      shape: stepTo(-905, 4),
    },
    {
      service: 'transcoder',
      def: { key: 'reservation', name: 'aws_ecs_capacity_provider_reservation', unit: 'percent', labels: { capacity_provider: 'transcode-ec2' }, base: 78, noise: 0.04, max: 200 },
      shape: stepTo(-905, 158, 30),
    },
  ],
  traces: {
    baseline: 8,
    incident: 10,
    flows: ['transcode', 'upload'],
    faults: [{ service: 'transcoder', op: 'transcode-jobs', from: -900, to: -780, errorRate: 0.5, errorAttributes: { 'exception.type': 'TaskStopped', 'exception.message': 'Host EC2 (instance i-0a7c3e91b2d45f608) terminated' } }],
  },
  logs: [
    pat('transcoder', 'warn', -905, 6, (r) => `job tj_${r.hex(10)} interrupted (task stopping), message returned to queue visibility_timeout=900s`, { to: -860 }),
    pat('transcoder', 'info', -880, 0.5, () => 'waiting for capacity: 4 tasks PROVISIONING on capacity provider transcode-ec2', { max: 5 }),
  ],
  changes: [
    { at: -600, service: 'transcoder', kind: 'scaling', summary: 'Auto Scaling group transcode-ec2: terminating unhealthy instance i-0a7c3e91b2d45f608, launching replacement (desired 4)', source: 'aws-autoscaling' },
  ],
  runtime: [
    { at: -930, service: 'transcoder', kind: 'node_pressure', message: 'EC2 instance i-0a7c3e91b2d45f608 (c6i.8xlarge, us-east-1b) failed system status check; container instance set to DRAINING' },
    { at: -905, service: 'transcoder', kind: 'evicted', count: 4, message: 'ECS tasks stopped: Host EC2 (instance i-0a7c3e91b2d45f608) terminated' },
    { at: -880, service: 'transcoder', kind: 'unhealthy', count: 4, message: 'service transcoder was unable to place a task because no container instance met all of its requirements (insufficient CPU)' },
  ],
  expected: { rootCause: { service: 'transcoder', kind: 'infrastructure' }, action: 'none', mustCite: ['runtime', 'metrics'] },
};

/*
 * Intent: code_defect in metadata-svc (a title name that sends a slug regex into catastrophic
 * backtracking); CPU saturates without more traffic, so it looks like exhaustion. Alert on
 * upload-api (1 hop). No change in the window.
 */
const regex: ScenarioSpec = {
  name: 'media-upload-timeouts',
  seed: 3106,
  at: '2026-05-25T13:15:00Z',
  description:
    'Creators reported that finishing an upload hung and then failed. The upload-api latency monitor fired at 13:15 UTC; the catalogue pages in the viewer apps were slower at the same time. Request volume was normal. A retry storm from one creator\'s upload tool was suspected at first.',
  system: media,
  services: ['upload-api', 'metadata-svc', 'metadata-db', 'media-ingest', 'playback-api', 'manifest-svc', 'drm-license'],
  onset: -600,
  signal: datadog('2026-05-25T13:15:00Z', {
    monitorId: 77120934,
    title: 'upload-api p99 latency above 3s',
    message: 'upload-api p99 latency is 5.4s over the last 5 minutes. @pagerduty-media',
    metric: 'trace.http.request',
    query: 'percentile(last_5m):p99:trace.http.request{service:upload-api,env:prod} > 3',
    threshold: 3,
    scope: 'service:upload-api,env:prod',
    tags: ['service:upload-api', 'env:prod', 'team:creator-tools'],
    priority: 'P2',
  }),
  effects: [
    { service: 'metadata-svc', key: 'cpu', shape: stepTo(-600, 0.97, 60) },
    { service: 'metadata-svc', key: 'latency', shape: stepTo(-590, 4.6, 90) },
    { service: 'metadata-svc', key: 'errors', shape: stepTo(-560, 0.07, 90) },
    { service: 'upload-api', key: 'latency', shape: stepTo(-585, 5.3, 90) },
    { service: 'upload-api', key: 'errors', shape: stepTo(-560, 0.09, 90) },
    { service: 'playback-api', key: 'latency', shape: scaleBy(-585, 3.4, 90) },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['upload', 'playback'],
    tailSample: 3,
    faults: [
      { service: 'metadata-svc', op: 'slugify', from: -600, errorRate: 0, addMs: 9200 },
      { service: 'metadata-svc', op: 'PUT', from: -600, errorRate: 0, clientTimeoutMs: 10000, errorAttributes: { 'error.type': 'TimeoutError', 'exception.message': 'timed out after 10000ms' } },
      { service: 'metadata-svc', op: 'GET', from: -600, errorRate: 0.02, slowFactor: 30 },
    ],
  },
  logs: [
    pat('metadata-svc', 'warn', -590, 2, (r) => `slow request PUT /v1/titles/tt-884213 elapsed_ms=${r.int(21000, 29000)} step=slugify title_len=212`),
    pat('metadata-svc', 'warn', -585, 3, (r) => `event loop blocked for ${r.range(8, 28).toFixed(1)}s (threshold 1s)`),
    pat('metadata-svc', 'warn', -580, 4, (r) => `slow request ${r.pick(['GET', 'GET', 'PATCH'])} /v1/titles/tt-${r.int(100000, 999999)} elapsed_ms=${r.int(2000, 9000)}`),
    pat('upload-api', 'error', -580, 5, () => 'complete upload failed: PUT http://metadata-svc/v1/titles/tt-884213 timed out after 10000ms', { linkTraces: true }),
    pat('upload-api', 'warn', -570, 3, (r) => `client retry detected upload_id=up_${r.hex(12)} attempt=${r.int(2, 6)} title=tt-884213`),
  ],
  changes: [],
  exceptions: [{ at: -500, service: 'upload-api', type: 'TimeoutError', message: 'PUT http://metadata-svc/v1/titles/tt-884213 timed out after 10000ms', count: 47, culprit: 'upload-api/src/complete.ts in completeUpload' }],
  expected: { rootCause: { service: 'metadata-svc', kind: 'code_defect' }, action: 'none', mustCite: ['logs', 'traces'] },
};

export const mediaB: ScenarioSpec[] = [certExpiry, hostFailure, regex];
