import { pat, rollout } from '../lib/helpers.js';
import { onlyAfter, scaleBy, stepTo } from '../lib/metrics.js';
import { cloudwatch, cloudwatchSns } from '../lib/signals.js';
import type { ScenarioSpec } from '../lib/types.js';
import { media } from '../systems/media.js';

const ACCOUNT = '702146938115';

/*
 * Intent: deployment on transcoder whose output packager (downstream of it!) cannot read.
 * Traces put the failing span in packager; packager had no change. Alert on packager's Lambda.
 * Red herring: a config change on a sibling (thumbnailer) shortly after onset.
 */
const transcoderDeploy: ScenarioSpec = {
  name: 'media-packager-errors',
  seed: 3101,
  at: '2026-05-16T06:30:00Z',
  description:
    'Early Saturday morning the packager Lambda error alarm fired: most packaging invocations failed and newly uploaded titles were stuck in "processing". Titles already published played normally. Transcoding jobs themselves reported success. Two changes had been made to the pipeline around the time the errors began.',
  system: media,
  onset: -720,
  signal: cloudwatch('2026-05-16T06:30:00Z', {
    account: ACCOUNT,
    region: 'us-east-1',
    alarmName: 'packager-prod-errors',
    description: 'packager Lambda Errors above 10 per minute',
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    dimensions: { FunctionName: 'packager' },
    stat: 'Sum',
    period: 60,
    threshold: 10,
    comparison: 'GreaterThanThreshold',
    datapoints: [71, 68, 74],
  }),
  effects: [
    { service: 'packager', key: 'errors', shape: stepTo(-720, 72, 240) },
    { service: 'packager', key: 'duration', shape: scaleBy(-720, 0.35, 240) },
    { service: 'transcoder', key: 'cpu', shape: scaleBy(-840, 1.05, 120) },
  ],
  traces: {
    baseline: 10,
    incident: 14,
    flows: ['transcode', 'upload', 'playback'],
    faults: [
      { service: 'packager', from: -720, errorRate: 0.8, skipChildren: true, detached: true, errorAttributes: { 'exception.type': 'FFmpegError', 'exception.message': 'moov atom not found' } },
    ],
  },
  logs: [
    rollout('transcoder', -830, 4, () => 'transcoder v5.2.0 started; encoder=ffmpeg-7.1 container=mp4'),
    pat('transcoder', 'info', -780, 3, (r) => `encoded rendition ${r.pick(['1080p', '720p', '480p'])} job=tj_${r.hex(10)} in ${r.range(18, 70).toFixed(1)}s encoder=ffmpeg-7.1`),
    pat('packager', 'error', -720, 8, (r) => `packaging failed job=tj_${r.hex(10)} rendition=${r.pick(['1080p', '720p', '480p'])}: [mov,mp4,m4a,3gp,3g2,mj2 @ 0x${r.hex(12)}] moov atom not found (source written by encoder=ffmpeg-7.1)`, { linkTraces: true }),
    pat('packager', 'info', -700, 0.8, (r) => `packaged HLS+DASH job=tj_${r.hex(10)} segments=${r.int(200, 1800)} (source encoder=ffmpeg-6.1)`, { max: 6 }),
    pat('thumbnailer', 'info', -600, 1, () => 'INIT_START Runtime Version: nodejs:20.v36 (memory 1536 MB)', { max: 3 }),
  ],
  changes: [
    { at: -840, service: 'transcoder', kind: 'deployment', summary: 'transcoder v5.2.0: upgrade to ffmpeg 7.1 build', version: 'v5.2.0', previousVersion: 'v5.1.9', author: 'h.ivanova', commit: '2b9f5ce', source: 'github-actions' },
    { at: -600, service: 'thumbnailer', kind: 'config', summary: 'thumbnailer Lambda: MemorySize 1024 -> 1536 MB', version: '47', previousVersion: '46', author: 'h.ivanova', source: 'terraform' },
  ],
  expected: { rootCause: { service: 'transcoder', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'logs'] },
};

/*
 * Intent: config_change on manifest-svc (segment index cache disabled), which multiplies its reads
 * on the shared DynamoDB table; the alarm is on the table (a victim) and the neighbour metadata-svc
 * fails too. No traffic increase anywhere.
 */
const cacheTtl: ScenarioSpec = {
  name: 'media-metadata-throttling',
  seed: 3102,
  at: '2026-06-08T20:05:00Z',
  description:
    'During prime time the DynamoDB read-throttle alarm on the metadata table fired. Playback starts failed for about 5% of viewers and title pages were intermittently missing artwork. Viewer traffic was normal for a Monday evening. A configuration change had been rolled out to the playback tier shortly before.',
  system: media,
  services: ['playback-api', 'manifest-svc', 'drm-license', 'metadata-svc', 'metadata-db', 'upload-api', 'packager', 'transcoder'],
  onset: -540,
  signal: cloudwatchSns(
    '2026-06-08T20:05:00Z',
    {
      account: ACCOUNT,
      region: 'us-east-1',
      alarmName: 'reelhouse-metadata-read-throttles',
      description: 'ReadThrottleEvents on the reelhouse-metadata table above 100 per minute',
      namespace: 'AWS/DynamoDB',
      metricName: 'ReadThrottleEvents',
      dimensions: { TableName: 'reelhouse-metadata' },
      stat: 'Sum',
      period: 60,
      threshold: 100,
      comparison: 'GreaterThanThreshold',
      datapoints: [2214, 2380, 2105],
    },
    'reelhouse-prod-alarms',
  ),
  effects: [
    { service: 'metadata-db', key: 'reads', shape: stepTo(-540, 9800, 120) },
    { service: 'metadata-db', key: 'readThrottles', shape: onlyAfter(-500, 2200, 90) },
    { service: 'metadata-db', key: 'latency', shape: scaleBy(-540, 2.1, 120) },
    { service: 'manifest-svc', key: 'latency', shape: stepTo(-540, 0.46, 120) },
    { service: 'manifest-svc', key: 'errors', shape: stepTo(-500, 0.058, 90) },
    { service: 'metadata-svc', key: 'errors', shape: stepTo(-500, 0.047, 90) },
    { service: 'playback-api', key: 'errors', shape: stepTo(-495, 0.052, 90) },
    { service: 'playback-api', key: 'latency', shape: scaleBy(-530, 1.9, 120) },
  ],
  extraSeries: [
    {
      service: 'manifest-svc',
      def: { key: 'hit', name: 'cache_hit_ratio', unit: 'ratio', labels: { cache: 'segment-index' }, base: 0.965, noise: 0.01, max: 1 },
      shape: stepTo(-545, 0, 30),
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['playback', 'upload'],
    faults: [
      { service: 'metadata-db', op: 'Query', from: -540, errorRate: 0, repeat: 3 },
      { service: 'metadata-db', from: -500, errorRate: 0.08, addMs: 30, errorAttributes: { 'aws.dynamodb.error': 'ProvisionedThroughputExceededException' } },
    ],
  },
  logs: [
    rollout('manifest-svc', -565, 4, () => 'configuration reloaded: segmentIndexCache.ttl=0s', 5),
    pat('manifest-svc', 'error', -500, 6, (r) => `Query segments failed title=tt-${r.int(100000, 999999)}: ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded`, { linkTraces: true }),
    pat('metadata-svc', 'error', -495, 5, (r) => `GetItem title=tt-${r.int(100000, 999999)} failed after 3 retries: ProvisionedThroughputExceededException`, { linkTraces: true }),
    pat('playback-api', 'error', -490, 5, (r) => `play start failed title=tt-${r.int(100000, 999999)}: manifest-svc returned 503`),
  ],
  changes: [
    { at: -570, service: 'manifest-svc', kind: 'config', summary: 'ConfigMap manifest-svc: segmentIndexCache.ttl 300s -> 0s (investigating stale live manifests)', version: 'r57', previousVersion: 'r56', author: 'y.tanaka', commit: '90d1e3f', source: 'argocd' },
  ],
  alerts: [{ at: -240, service: 'playback-api', name: 'PlaybackStartFailureRatio', status: 'firing' }],
  expected: { rootCause: { service: 'manifest-svc', kind: 'config_change' }, action: 'revert_config', mustCite: ['changes', 'metrics'] },
};

/*
 * Intent: traffic_surge on playback-api (a live final kicks off); autoscaling hits its maximum.
 * The alarm is on the service itself; the benign changes are old.
 */
const liveEvent: ScenarioSpec = {
  name: 'media-playback-errors-live-event',
  seed: 3103,
  at: '2026-06-20T19:04:00Z',
  description:
    'Shortly before kick-off of the live final, playback start latency rose sharply and viewers saw "try again later" errors. The ECS CPU alarm on playback-api fired. Autoscaling added tasks during the incident. The last production change to the playback tier was in the afternoon.',
  system: media,
  services: ['playback-api', 'manifest-svc', 'drm-license', 'metadata-svc', 'metadata-db', 'upload-api', 'transcoder'],
  onset: -360,
  signal: cloudwatch('2026-06-20T19:04:00Z', {
    account: ACCOUNT,
    region: 'us-east-1',
    alarmName: 'playback-api-prod-cpu-high',
    description: 'playback-api average CPU above 85% for 3 minutes',
    namespace: 'AWS/ECS',
    metricName: 'CPUUtilization',
    dimensions: { ClusterName: 'media-prod', ServiceName: 'playback-api' },
    stat: 'Average',
    period: 60,
    threshold: 85,
    comparison: 'GreaterThanThreshold',
    datapoints: [98.7, 97.9, 96.4],
  }),
  effects: [
    { service: 'playback-api', key: 'rps', shape: stepTo(-360, 4300, 240) },
    { service: 'playback-api', key: 'cpu', shape: stepTo(-350, 98, 180) },
    { service: 'playback-api', key: 'latency', shape: stepTo(-300, 3.1, 180) },
    { service: 'playback-api', key: 'errors', shape: stepTo(-280, 0.08, 150) },
    { service: 'manifest-svc', key: 'rps', shape: scaleBy(-360, 3.4, 240) },
    { service: 'drm-license', key: 'rps', shape: scaleBy(-360, 3.6, 240) },
    { service: 'metadata-svc', key: 'rps', shape: scaleBy(-360, 2.6, 240) },
    { service: 'metadata-db', key: 'reads', shape: scaleBy(-360, 2.4, 240) },
    { service: 'manifest-svc', key: 'cpu', shape: scaleBy(-360, 2.1, 240) },
  ],
  extraSeries: [
    {
      service: 'playback-api',
      def: { key: 'sessions', name: 'playback_active_sessions', unit: 'sessions', base: 42000, noise: 0.02, integer: true, drift: 0.2 },
      shape: stepTo(-360, 198000, 300),
    },
    {
      service: 'playback-api',
      def: { key: 'tasks', name: 'aws_ecs_running_task_count', unit: 'tasks', base: 12, noise: 0, integer: true },
      shape: stepTo(-270, 20, 200),
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['playback'],
    faults: [{ service: 'playback-api', from: -300, errorRate: 0.08, slowFactor: 14, errorAttributes: { 'http.status_code': 503 } }],
  },
  logs: [
    pat('playback-api', 'warn', -300, 6, (r) => `request queue full, shedding load route=/v1/play/:titleId inflight=${r.int(900, 1024)}`),
    pat('playback-api', 'error', -280, 4, () => 'GET /v1/play/:titleId 503 overloaded'),
  ],
  changes: [
    { at: '2026-06-20T14:12:00Z', service: 'drm-license', kind: 'deployment', summary: 'drm-license v2.14.0: FairPlay key rotation support', version: 'v2.14.0', previousVersion: 'v2.13.2', author: 'b.keller', commit: '61aa0f4', source: 'argocd' },
    { at: -270, service: 'playback-api', kind: 'scaling', summary: 'Application Auto Scaling playback-api: desired count 12 -> 16 (CPU target tracking)', source: 'aws-application-autoscaling' },
    { at: -150, service: 'playback-api', kind: 'scaling', summary: 'Application Auto Scaling playback-api: desired count 16 -> 20 (maximum capacity reached)', source: 'aws-application-autoscaling' },
  ],
  runtime: [{ at: -160, service: 'playback-api', kind: 'unhealthy', count: 3, message: 'tasks failed ELB health checks in target group playback-api-prod-tg (Request timed out)' }],
  expected: { rootCause: { service: 'playback-api', kind: 'traffic_surge' }, action: 'scale_out', mustCite: ['metrics'] },
};

export const mediaA: ScenarioSpec[] = [transcoderDeploy, cacheTtl, liveEvent];
