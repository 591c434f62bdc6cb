import { client, db, golden, lambda, srv, usage, GiB } from '../kit.js';
import type { Spec } from '../spec.js';

export const C: Spec[] = [
  {
    name: 'broadcast-stream-checks-throttled',
    description: 'Broadcaster quality monitoring: per-channel audio/video checks start late or not at all; defects reach viewers before the monitors see them.',
    at: '2026-04-28T18:55:00Z',
    tz: 1,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch',
      service: 'av-inspector',
      startsAt: '-20s',
      title: 'av-inspector-executions-throttled',
      description: 'Step Functions ExecutionThrottled > 0 for 3 periods',
      x: {
        alarmName: 'av-inspector-executions-throttled',
        namespace: 'AWS/States',
        metric: 'ExecutionThrottled',
        statistic: 'Sum',
        dims: { StateMachineArn: 'arn:aws:states:eu-west-1:210987654321:stateMachine:av-inspector' },
        threshold: 0,
        region: 'eu-west-1',
        account: '210987654321',
        reason: 'Threshold Crossed: 3 datapoints [412.0 (28/04/26 18:45:00), 377.0 (28/04/26 18:40:00), 129.0 (28/04/26 18:35:00)] were greater than the threshold (0.0).',
      },
    },
    topology: {
      'stream-scheduler': ['av-inspector'],
      'av-inspector': ['frame-analyzer', 'audio-analyzer', 's3', 'defect-alerts'],
      'frame-analyzer': ['s3'],
      'audio-analyzer': ['s3'],
      'defect-alerts': ['ops-pager'],
      'channel-registry': ['stream-scheduler'],
    },
    external: ['s3', 'ops-pager'],
    build(b) {
      const on = '-28m';
      const grown = { at: '-10h', x: 1.18 };
      b.series('channel-registry', 'ChannelsMonitored', { unit: 'Count', base: 352, noise: 0.005, int: true, fx: [{ at: '-10h', to: 416, noise: 0.005 }], labels: { Statistic: 'Maximum' } });
      b.series('av-inspector', 'ExecutionsStarted', { unit: 'Count', base: 2250, noise: 0.03, int: true, fx: [grown, { at: on, to: 2700, noise: 0.002 }], labels: { Statistic: 'Sum' } });
      b.series('av-inspector', 'ExecutionThrottled', { unit: 'Count', base: 0, noise: 0, int: true, fx: [{ at: on, until: '-10m', to: 410, noise: 0.1 }], labels: { Statistic: 'Sum' } });
      b.series('av-inspector', 'StateTransitionsUsage', { unit: 'Percent', base: 79, noise: 0.02, max: 100, fx: [grown, { at: on, to: 100, noise: 0.001 }], labels: { Statistic: 'Maximum', Resource: 'StateTransition', Class: 'Standard' } });
      b.series('av-inspector', 'ExecutionTime', { unit: 'Milliseconds', base: 41000, noise: 0.05, labels: { Statistic: 'p95' } });
      lambda(b, 'frame-analyzer', { inv: 18000, err: 0.01, dur: 1400, diurnal: 0, fx: { inv: [grown, { at: on, to: 19500 }] } });
      lambda(b, 'audio-analyzer', { inv: 9000, err: 0.002, dur: 600, diurnal: 0, fx: { inv: [grown, { at: on, to: 9750 }] } });
      b.series('defect-alerts', 'DetectionLagSeconds', { unit: 'Seconds', base: 40, noise: 0.1, fx: [{ at: on, until: '-0s', to: 1900 }], labels: { Statistic: 'p95' } });
      b.noise('frame-analyzer', 'error', ['black-frame heuristic failed on channel {int:1-416}: decoder returned EAGAIN', 'segment s3://av-proxy-frames/ch{int:1-416}/{int:100000-999999}.ts missing, skipping'], 25);
      b.noise('stream-scheduler', 'info', ['scheduled {int:380-420} channel checks for window {int:0-59}'], 12);
      b.burst('stream-scheduler', 'error', ['StartExecution av-inspector failed for channel {int:1-416}: ThrottlingException: Rate exceeded (Service: Sfn, Status Code: 400, Request ID: {uuid})', 'dropping check for channel {int:1-416} after 5 throttled attempts'], on, '-0s', 70);
      b.change('-2h10m', 'frame-analyzer', 'deployment', 'frame-analyzer 1.44.0: HDR tone-mapping check', { version: '1.44.0', previousVersion: '1.43.2', author: 'media-ci' });
      b.change('-10h', 'channel-registry', 'config', 'onboard 64 regional channels (ch353-ch416) to monitoring', { author: 'broadcast-ops' });
      b.change('-9m', 'stream-scheduler', 'config', 'spread checks over 90s instead of 30s (mitigation)', { author: 'oncall-ie' });
      b.alert('-20m', 'av-inspector', 'Service Quotas: Step Functions StateTransition (Standard, eu-west-1) usage at 100% of applied quota', 'firing');
      b.alert('-15m', 'defect-alerts', 'DetectionLagHigh', 'firing');
    },
    expected: { service: 'av-inspector', kind: 'resource_exhaustion', action: 'scale_out', mustCite: ['metrics', 'alerts'] },
    readme: {
      model: 'Amazon Prime Video monitoring service (Step Functions state-transition cost and limits)',
      clue: 'Steady load grew with 64 new channels onboarded this morning (18% above last week); by evening the state machine reaches its StateTransition quota (usage 100%, ExecutionsStarted capped, ExecutionThrottled rising). The frame-analyzer deploy is unrelated.',
    },
  },
  {
    name: 'guild-chat-history-slow',
    description: 'Gaming community chat: loading channel history is slow for everyone, and times out in a few very large communities.',
    at: '2026-02-09T01:12:00Z',
    tz: -5,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'datadog',
      service: 'chat-api',
      startsAt: '-3m',
      title: 'chat-api GET /channels/:id/messages p99 > 2s',
      description: 'p99 latency on resource GET /channels/:id/messages is 6.1s. @slack-chat-oncall',
      x: { tags: ['service:chat-api', 'env:prod', 'resource_name:get_/channels/_id/messages'], priority: 'P2', metric: 'trace.http.request.duration.by.resource_service.99p' },
    },
    topology: {
      'chat-gateway': ['chat-api'],
      'chat-api': ['message-store', 'member-cache', 'search-index'],
      'push-fanout': ['message-store', 'member-cache'],
      'search-index': [],
      'member-cache': [],
    },
    external: [],
    build(b) {
      const on = '-24m';
      golden(b, 'chat-api', 'dd', { rps: 5200, p95: 60, err: 0.001, diurnal: 0.3, fx: { lat: [{ at: '-22m', until: '-10m', to: 2400 }], err: [{ at: '-18m', to: 0.03 }] } });
      for (const node of ['ms-01', 'ms-02', 'ms-03', 'ms-04', 'ms-05', 'ms-06', 'ms-07', 'ms-08', 'ms-09']) {
        const hot = ['ms-04', 'ms-05', 'ms-06'].includes(node);
        b.series('message-store', 'cassandra.read_latency.99th_percentile', { unit: 'ms', labels: { host: node, env: 'prod' }, base: 9, noise: 0.15, fx: hot ? [{ at: on, until: '-14m', to: 4200 }] : [] });
        if (hot) b.series('message-store', 'jvm.gc.old.collection_time', { unit: 'ms/s', labels: { host: node, env: 'prod' }, base: 4, noise: 0.3, fx: [{ at: on, until: '-14m', to: 820 }] });
      }
      b.series('message-store', 'cassandra.pending_tasks', { unit: 'task', labels: { pool: 'ReadStage', env: 'prod' }, base: 2, noise: 0.5, fx: [{ at: on, to: 3400 }] });
      golden(b, 'push-fanout', 'dd', { rps: 1800, p95: 30, err: 0.001, diurnal: 0.3, fx: { lat: [{ at: '-20m', x: 8 }] } });
      b.noise('search-index', 'warn', ['index lag {int:20-80}s on shard {int:1-64}', 'query too broad, capped at 10000 hits'], 30);
      b.noise('chat-api', 'info', ['GET /channels/{int:100000000-999999999}/messages 200 {int:8-60}ms'], 120);
      b.burst('message-store', 'warn', ['[ms-0{pick:4|5|6}] Writing large partition chat.messages:(channel_id=882341190023, bucket=1903) ({int:380-520}.{int:100-999}MiB) to sstable', '[ms-0{pick:4|5|6}] Read {int:40000-50001} live rows and {int:50000-180000} tombstone cells for query SELECT * FROM chat.messages WHERE channel_id = 882341190023 AND bucket = 1903 LIMIT 50', '[ms-0{pick:4|5|6}] GC in last 1{int:100-999}ms: G1 Old Generation {int:4000-9000}ms'], on, '-0s', 70);
      b.burst('chat-api', 'error', ['timeout reading channel 882341190023 history: ReadTimeout from message-store (2 of 3 replicas responded)', 'speculative retry to ms-0{pick:4|5|6} timed out'], '-18m', '-0s', 30);
      b.log('-26m', 'push-fanout', 'info', 'guild 7719 (2.4M members): @everyone announcement in channel 882341190023, fan-out to 2.4M');
      b.change('-1h10m', 'chat-api', 'deployment', 'chat-api 2026.2.8-2: reaction counts cache', { version: '2026.2.8-2', previousVersion: '2026.2.8-1', author: 'deploybot' });
      b.rt('-12m', 'message-store', 'unhealthy', 'ms-05 marked DOWN by gossip for 14s (GC pause)', 2);
      b.trace('-1h50m', on, 6, () => srv('chat-api', 'GET /channels/:id/messages', 40, [db('chat-api', 'message-store', 'SELECT * FROM chat.messages WHERE channel_id = ? AND bucket = ? LIMIT 50', 8, false, 'cassandra')]), { ref: true });
      b.trace('-20m', '-1m', 10, (i) => srv('chat-api', 'GET /channels/:id/messages', 6000, [db('chat-api', 'message-store', 'SELECT * FROM chat.messages WHERE channel_id = ? AND bucket = ? LIMIT 50', 5900, i % 2 === 0, 'cassandra')], i % 2 === 0, { 'channel.id': i % 3 ? '882341190023' : `${700000000 + i}` }));
    },
    expected: { service: 'message-store', kind: 'code_defect', action: 'none', mustCite: ['logs', 'metrics'] },
    readme: {
      model: 'Discord Cassandra hot partition, 2017',
      clue: 'Only the three replicas of one token range (ms-04..06) go into multi-second GC and 4 s read p99, each logging the same huge partition and tombstone scans for one channel after a 2.4M-member @everyone; the data model lets one partition grow without bound. The chat-api deploy is an hour older and not on the path.',
    },
  },
  {
    name: 'radio-commentary-app-errors-final',
    description: 'Sports radio app: the live commentary feed errors for a large share of listeners during the cup final.',
    at: '2026-07-19T20:48:00Z',
    tz: 1,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'grafana',
      service: 'mobile-gateway',
      startsAt: '-2m',
      title: 'mobile-gateway 5xx above 5%',
      severity: 'critical',
      x: { alertname: 'GatewayErrorRate', labels: { env: 'prod', team: 'apps' }, values: { A: 0.23, B: 1 }, dashboard: 'mobile-gateway' },
    },
    topology: {
      'mobile-gateway': ['feed-service', 'auth-svc', 'stream-origin'],
      'feed-service': ['feed-cache', 'timeline-db', 'ad-slots'],
      'ad-slots': ['ad-exchange'],
      'push-svc': ['feed-service', 'apns'],
      'auth-svc': ['users-db'],
    },
    external: ['ad-exchange', 'apns'],
    build(b) {
      const on = '-9m';
      golden(b, 'mobile-gateway', 'prom', { rps: 2400, p95: 120, err: 0.002, diurnal: 0.35, fx: { rps: [{ at: on, until: '-7m', x: 6.5 }], err: [{ at: '-7m', to: 0.23 }], lat: [{ at: '-8m', x: 12 }] } });
      golden(b, 'feed-service', 'prom', { rps: 1900, p95: 80, err: 0.001, diurnal: 0.35, fx: { rps: [{ at: on, until: '-7m', x: 7 }], err: [{ at: '-8m', to: 0.26 }], lat: [{ at: '-8m', x: 25 }] } });
      usage(b, 'feed-service', 'prom', { cpu: 0.45, mem: 1.6 * GiB, cpuFx: [{ at: on, to: 0.99, noise: 0.005 }] });
      b.series('feed-service', 'kube_horizontalpodautoscaler_status_current_replicas', { unit: 'replicas', base: 24, noise: 0, int: true, fx: [{ at: '-1h', to: 40, noise: 0 }] });
      b.series('feed-service', 'kube_horizontalpodautoscaler_spec_max_replicas', { unit: 'replicas', base: 40, noise: 0, int: true });
      b.series('feed-cache', 'redis_keyspace_hit:ratio', { unit: 'ratio', base: 0.97, noise: 0.005, max: 1 });
      b.series('timeline-db', 'pg_stat_database_xact_commit:rate1m', { unit: '1/s', base: 400, diurnal: 0.3, noise: 0.05, fx: [{ at: on, x: 1.4 }] });
      golden(b, 'ad-slots', 'prom', { rps: 300, p95: 180, err: 0.03, diurnal: 0.35, always: { err: [{ at: '-3h', to: 0.04 }] } });
      b.noise('ad-slots', 'warn', ['ad-exchange no-fill for slot {pick:pre-roll|banner|mid-roll} ({int:30-60}%)', 'ad-exchange bid timeout after 150ms'], 40);
      b.noise('feed-service', 'info', ['GET /v2/live/{pick:cup-final|league|local}/commentary 200 {int:10-80}ms'], 100);
      b.log('-10m', 'push-svc', 'info', 'broadcast "GOAL! 89\' - listen live" to 2.1M devices (topic cup-final)');
      b.burst('feed-service', 'error', ['rejected request: executor queue full (2000 waiting), returning 503', 'request exceeded 5s deadline in queue'], '-8m', '-0s', 60);
      b.change('-1h', 'feed-service', 'scaling', 'feed-service HPA scaled 24 -> 40 (maxReplicas) for kick-off', { source: 'hpa' });
      b.change('-1h30m', 'auth-svc', 'deployment', 'auth-svc 5.2.0: refresh token rotation', { version: '5.2.0', previousVersion: '5.1.9', author: 'apps-ci' });
      b.trace('-1h50m', on, 6, () => srv('mobile-gateway', 'GET /v2/live/:id/commentary', 70, [srv('feed-service', 'commentary', 50, [client('feed-service', 'feed-cache', 'GET', 1, { 'db.system': 'redis' })])]), { ref: true });
      b.trace('-8m', '-1m', 8, () => srv('mobile-gateway', 'GET /v2/live/:id/commentary', 5000, [srv('feed-service', 'commentary', 5000, [], true, { 'http.status_code': 503 })], true));
      b.alert('-6m', 'stream-origin', 'StreamOriginLatencyHigh', 'firing');
    },
    expected: { service: 'feed-service', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    readme: {
      model: 'Twitter fail whale, 2010 (a surge on a popular event, World Cup)',
      clue: 'A goal push to 2.1M devices, then feed-service traffic jumps ~7x; it is already at its HPA maximum, CPU pins and its executor queue sheds 503s while its cache and database stay healthy.',
    },
  },
  {
    name: 'newsletter-db-write-latency',
    description: 'Newsletter platform: campaign edits and send scheduling crawl; the database write latency alarm fires.',
    at: '2026-05-06T15:30:00Z',
    tz: -4,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch-sns',
      service: 'campaigns-db',
      startsAt: '-1m',
      title: 'campaigns-db-write-latency',
      description: 'RDS WriteLatency > 50 ms',
      x: {
        alarmName: 'campaigns-db-write-latency',
        namespace: 'AWS/RDS',
        metric: 'WriteLatency',
        dims: { DBInstanceIdentifier: 'campaigns-db' },
        threshold: 0.05,
        reason: 'Threshold Crossed: 3 datapoints [0.184 (06/05/26 15:25:00), 0.171 (06/05/26 15:20:00), 0.122 (06/05/26 15:15:00)] were greater than the threshold (0.05).',
      },
    },
    topology: {
      'app-web': ['campaigns-api'],
      'campaigns-api': ['campaigns-db', 'send-scheduler'],
      'send-scheduler': ['campaigns-db', 'mta-pool'],
      'mta-pool': ['inbox-providers'],
      'stats-ingest': ['campaigns-db', 'click-tracker'],
      'click-tracker': [],
    },
    external: ['inbox-providers'],
    build(b) {
      const on = '-35m';
      const L = { DBInstanceIdentifier: 'campaigns-db', Statistic: 'Average' };
      b.series('campaigns-db', 'WriteLatency', { unit: 'Seconds', base: 0.004, noise: 0.1, fx: [{ at: on, until: '-15m', to: 0.18 }], labels: L });
      b.series('campaigns-db', 'ReadLatency', { unit: 'Seconds', base: 0.002, noise: 0.1, fx: [{ at: on, until: '-15m', to: 0.06 }], labels: L });
      b.series('campaigns-db', 'WriteIOPS', { unit: 'Count/Second', base: 5200, diurnal: 0.3, noise: 0.05, max: 12000, fx: [{ at: on, to: 12000, noise: 0.003 }], labels: L });
      b.series('campaigns-db', 'ReadIOPS', { unit: 'Count/Second', base: 2100, diurnal: 0.3, noise: 0.05, max: 12000, fx: [{ at: on, to: 6400 }], labels: L });
      b.series('campaigns-db', 'DiskQueueDepth', { unit: 'Count', base: 3, noise: 0.2, fx: [{ at: on, until: '-15m', to: 96 }], labels: L });
      b.series('campaigns-db', 'CPUUtilization', { unit: 'Percent', base: 38, diurnal: 0.3, fx: [{ at: on, x: 1.15 }], labels: L });
      b.series('campaigns-db', 'MaximumUsedTransactionIDs', { unit: 'Count', base: 1.93e8, noise: 0.002, fx: [{ at: '-3h', until: on, to: 2.0e8 }], labels: { DBInstanceIdentifier: 'campaigns-db', Statistic: 'Maximum' }, ref: false });
      golden(b, 'campaigns-api', 'cw', { rps: 90, p95: 180, err: 0.002, diurnal: 0.3, fx: { lat: [{ at: '-30m', until: '-15m', to: 4200 }], err: [{ at: '-25m', to: 0.04 }] } });
      golden(b, 'stats-ingest', 'cw', { rps: 600, p95: 30, err: 0.001, diurnal: 0.3, fx: { lat: [{ at: '-30m', x: 9 }] } });
      b.noise('mta-pool', 'warn', ['421 4.7.0 deferred by {pick:gmail|outlook|yahoo}: rate limited, retry in {int:5-30}m'], 40);
      b.noise('campaigns-db', 'info', ['checkpoint complete: wrote {int:20000-90000} buffers ({int:3-9}.{int:0-9}%)'], 12);
      b.log(on, 'campaigns-db', 'info', 'automatic aggressive vacuum to prevent wraparound of table "mail.public.sends": started (table size 2.1 TB, relfrozenxid age 200000012)');
      b.burst('campaigns-db', 'warn', ['pg_stat_progress_vacuum: pid {int:18000-18999} autovacuum: VACUUM public.sends (to prevent wraparound) phase=scanning heap {int:2-30}% heap_blks_scanned={int:1000000-90000000}', 'checkpoints are occurring too frequently ({int:9-25} seconds apart)'], '-33m', '-0s', 30);
      b.burst('campaigns-api', 'error', ['UPDATE campaigns SET body=$1 timed out after 3000ms', 'ActiveRecord::QueryCanceled: canceling statement due to statement timeout'], '-25m', '-0s', 30);
      b.change('-2h40m', 'campaigns-api', 'deployment', 'campaigns-api 9.14.0: template gallery', { version: '9.14.0', previousVersion: '9.13.5', author: 'ci' });
      b.change('-8m', 'campaigns-api', 'config', 'statement_timeout 3s -> 10s (mitigation)', { author: 'oncall-pn' });
      b.alert('-20m', 'send-scheduler', 'SendQueueBehind', 'firing');
    },
    expected: { service: 'campaigns-db', kind: 'resource_exhaustion', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    readme: {
      model: 'Mailchimp Postgres autovacuum (anti-wraparound vacuum of a huge table)',
      clue: 'When the sends table crosses the freeze age the database starts an aggressive anti-wraparound vacuum; WriteIOPS pin at the 12k provisioned ceiling, queue depth and latencies climb. No change on the database; the deploy is hours old and the timeout change is after onset.',
    },
  },
  {
    name: 'vanfleet-ingest-rejecting-pings',
    description: 'Delivery van telematics: the ingest API rejects position pings from the vans; dispatch maps freeze.',
    at: '2026-08-21T07:58:00Z',
    tz: 2,
    window: '-6h',
    step: 120,
    ref: 'week',
    alert: {
      source: 'alertmanager',
      service: 'ingest-api',
      startsAt: '-4m',
      title: 'ingest-api 503 ratio above 10%',
      severity: 'critical',
      x: { alertname: 'IngestRejecting', serviceLabel: 'app.kubernetes.io/name', labels: { namespace: 'telematics', team: 'fleet-data' }, expr: 'sum(rate(http_requests_total{app="ingest-api",code="503"}[5m])) / sum(rate(http_requests_total{app="ingest-api"}[5m])) > 0.1' },
    },
    topology: {
      'van-devices': ['ingest-api'],
      'ingest-api': ['event-broker'],
      'event-broker': ['trip-builder', 'alerting-worker'],
      'trip-builder': ['trips-db'],
      'dispatch-ui': ['trips-db', 'eta-svc'],
      'eta-svc': ['maps-api'],
    },
    external: ['maps-api'],
    build(b) {
      const on = '-11m';
      b.series('event-broker', 'node_filesystem_avail_bytes', { unit: 'bytes', labels: { mountpoint: '/var/lib/rabbitmq', instance: 'event-broker-0' }, base: 180 * GiB, noise: 0.002, fx: [{ at: '-6h', until: on, to: 2.0 * GiB, noise: 0.002 }, { at: on, to: 1.9 * GiB, noise: 0.001 }] });
      b.series('event-broker', 'rabbitmq_queue_messages', { unit: 'messages', labels: { queue: 'trip-events.dlq' }, base: 2.1e7, noise: 0.002, int: true, fx: [{ at: '-6h', until: on, to: 6.3e7, noise: 0.002 }], always: [{ at: '-6h', until: '-0s', to: 2.3e7 }] });
      b.series('event-broker', 'rabbitmq_alarms_free_disk_space_watermark', { unit: 'bool', base: 0, noise: 0, int: true, fx: [{ at: on, to: 1, noise: 0 }] });
      golden(b, 'ingest-api', 'prom', { rps: 900, p95: 25, err: 0.001, diurnal: 0.4, fx: { err: [{ at: on, to: 0.62 }], lat: [{ at: on, x: 40 }] }, step: 120 });
      golden(b, 'trip-builder', 'prom', { rps: 880, p95: 12, err: 0.002, diurnal: 0.4, fx: { rps: [{ at: on, x: 0.35 }] }, step: 120 });
      b.noise('alerting-worker', 'error', ['geofence {int:1-900} polygon self-intersects, skipping', 'harsh-braking event without speed sample for van {int:1000-4999}'], 10);
      b.noise('trip-builder', 'warn', ['trip {int:100000-999999}: out-of-order ping ({int:2-40}s), reordering', 'dead-lettering malformed ping from firmware 3.1.{int:0-4}'], 30);
      b.noise('event-broker', 'info', ['accepting AMQP connection <0.{int:100-999}.0> ({ip}:{int:30000-60000} -> 10.8.0.12:5672)'], 10, { to: on });
      b.log(on, 'event-broker', 'warn', 'disk resource limit alarm set on node rabbit@event-broker-0. Free disk space 1.9 GiB below limit 2.0 GiB. **** Publishers will be blocked until this alarm clears ****');
      b.burst('ingest-api', 'error', ['AMQP connection.blocked received (reason: low on disk), ping from van {int:1000-4999} rejected with 503', 'publish to trip-events timed out after 2000ms: connection blocked'], '-10m', '-0s', 60);
      b.change('-4h', 'eta-svc', 'deployment', 'eta-svc 3.3.0: traffic-aware ETAs', { version: '3.3.0', previousVersion: '3.2.8', author: 'fleet-ci' });
      b.rt('-2h10m', 'trip-builder', 'restart', 'rolling restart (node pool upgrade)', 3);
      b.change('-3m', 'ingest-api', 'scaling', 'ingest-api 6 -> 10 replicas (mitigation)', { source: 'kubectl' });
      b.alert('-8m', 'dispatch-ui', 'MapStale', 'firing');
    },
    expected: { service: 'event-broker', kind: 'resource_exhaustion', action: 'restart', mustCite: ['metrics', 'logs'] },
    readme: {
      model: 'Sentry, a queue broker\'s disk filling up',
      clue: 'The broker\'s free disk falls steadily for hours as a never-drained dead-letter queue grows (it grew less in the reference), until the disk alarm blocks publishers; ingest-api only reports connection.blocked. The eta-svc deploy and trip-builder restarts are unrelated.',
    },
  },
  {
    name: 'whiteboard-saves-timing-out',
    description: 'Collaborative whiteboard: board saves and comments time out in the afternoon peak, the day after the database maintenance window.',
    at: '2026-10-14T18:40:00Z',
    tz: -4,
    window: '-3h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'pagerduty',
      service: 'board-api',
      startsAt: '-4m',
      title: '[Datadog] board-api error rate > 5% (saves)',
      x: { priority: 'P2', teams: ['Editor Platform'], urgency: 'high' },
    },
    topology: {
      'board-web': ['board-api', 'realtime-hub'],
      'board-api': ['board-pooler', 'asset-svc'],
      'realtime-hub': ['board-pooler', 'presence-cache'],
      'comment-svc': ['board-pooler'],
      'board-pooler': ['board-db'],
      'asset-svc': ['s3'],
    },
    external: ['s3'],
    build(b) {
      const on = '-14m';
      b.series('board-db', 'pg_stat_activity_count', { unit: 'connections', base: 1310, diurnal: 0.35, noise: 0.03, int: true, fx: [{ at: on, to: 1708, noise: 0.0005 }] });
      b.series('board-db', 'pg_settings_max_connections', { unit: 'connections', base: 3000, noise: 0, int: true, fx: [{ at: '-2h50m', to: 1708, noise: 0 }] });
      b.series('board-pooler', 'pgbouncer_pools_client_waiting_connections', { unit: 'connections', base: 0, noise: 0, int: true, fx: [{ at: on, until: '-5m', to: 640, noise: 0.1 }] });
      b.series('board-pooler', 'pgbouncer_errors:rate1m', { unit: '1/s', base: 0, noise: 0, fx: [{ at: on, to: 22, noise: 0.2 }] });
      golden(b, 'board-api', 'prom', { rps: 700, p95: 160, err: 0.002, diurnal: 0.35, fx: { err: [{ at: '-12m', to: 0.11 }], lat: [{ at: '-12m', to: 5000 }] } });
      golden(b, 'comment-svc', 'prom', { rps: 80, p95: 70, err: 0.002, diurnal: 0.35, fx: { err: [{ at: '-12m', to: 0.09 }] } });
      golden(b, 'realtime-hub', 'prom', { rps: 3000, p95: 20, err: 0.001, diurnal: 0.35, fx: { lat: [{ at: '-12m', x: 4 }] } });
      b.noise('asset-svc', 'warn', ['image {hex:12} exceeds 40MP, downscaling', 's3 GetObject retry 1/3 SlowDown'], 20);
      b.noise('board-db', 'info', ['checkpoint complete: wrote {int:5000-40000} buffers'], 12);
      b.change('-2h50m', 'board-db', 'infrastructure', 'major version upgrade PostgreSQL 13.14 -> 16.2 (maintenance window, blue/green switchover)', { author: 'dbre', source: 'rds' });
      b.change('-2h50m', 'board-db', 'config', 'parameter group custom-pg13-boards -> default.postgres16 (max_connections 3000 -> LEAST(DBInstanceClassMemory/9531392,5000) = 1708)', { author: 'dbre', source: 'rds', version: 'default.postgres16', previousVersion: 'custom-pg13-boards' });
      b.change('-40m', 'realtime-hub', 'deployment', 'realtime-hub 11.2.0: cursor smoothing', { version: '11.2.0', previousVersion: '11.1.4', author: 'editor-ci' });
      b.burst('board-db', 'error', ['FATAL: remaining connection slots are reserved for non-replication superuser connections', 'FATAL: sorry, too many clients already'], on, '-0s', 50);
      b.burst('board-pooler', 'warn', ['C-0x{hex:8}: boards/app@{ip}:{int:30000-60000} pooler error: no more connections allowed (max_client_conn)', 'S: login attempt failed: FATAL: sorry, too many clients already'], on, '-0s', 40);
      b.burst('board-api', 'error', ['save board {hex:10} failed: timeout waiting for connection from pool after 5000ms'], '-12m', '-0s', 40);
      b.trace('-2h50m', on, 6, () => srv('board-api', 'PUT /boards/:id', 150, [client('board-api', 'board-pooler', 'UPDATE boards', 12, { 'db.system': 'postgresql' })]), { ref: true });
      b.trace('-12m', '-1m', 8, () => srv('board-api', 'PUT /boards/:id', 5000, [client('board-api', 'board-pooler', 'connect', 5000, { 'db.system': 'postgresql', 'error.type': 'pool_timeout' }, true)], true));
    },
    expected: { service: 'board-db', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
    readme: {
      model: 'Figma, connection pool exhaustion after a Postgres upgrade (written as the configuration variant: the upgrade reset the parameter group)',
      clue: 'The upgrade swapped the parameter group and max_connections fell from 3000 to 1708; in the afternoon peak connections flatten at exactly 1708 and the database refuses clients. The realtime-hub deploy is not on the save path.',
    },
  },
  {
    name: 'podcast-publish-latency',
    description: 'Podcast hosting: newly uploaded episodes take much longer to publish; the publish latency alarm fires.',
    at: '2026-03-03T16:20:00Z',
    tz: 0,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch-sns',
      service: 'episode-api',
      startsAt: '-2m',
      title: 'episode-publish-latency-p95',
      description: 'Episode publish latency p95 > 10 min',
      x: {
        alarmName: 'episode-publish-latency-p95',
        namespace: 'Podhost/Publishing',
        metric: 'PublishLatency',
        statistic: 'p95',
        dims: { Service: 'episode-api' },
        threshold: 600,
        region: 'eu-west-1',
        regionName: 'EU (Ireland)',
        reason: 'Threshold Crossed: 3 datapoints [1432.0 (03/03/26 16:10:00), 1290.0 (03/03/26 16:05:00), 905.0 (03/03/26 16:00:00)] were greater than the threshold (600.0).',
      },
    },
    topology: {
      'upload-web': ['episode-api'],
      'episode-api': ['transcoder', 'feeds-db', 's3'],
      transcoder: ['s3'],
      'feed-builder': ['feeds-db', 'cdn'],
      'stats-api': ['feeds-db'],
    },
    external: ['s3', 'cdn'],
    build(b) {
      const on = '-40m';
      b.series('episode-api', 'PublishLatency', { unit: 'Seconds', base: 240, noise: 0.1, fx: [{ at: on, until: '-10m', to: 1400 }], labels: { Statistic: 'p95' } });
      golden(b, 'episode-api', 'cw', { rps: 12, p95: 150, err: 0.003, diurnal: 0.2 });
      b.series('transcoder', 'cpu_usage_steal', { unit: 'Percent', base: 0.4, noise: 0.3, fx: [{ at: on, to: 46, noise: 0.1 }], labels: { AutoScalingGroupName: 'transcoder-c5', Statistic: 'Average' } });
      b.series('transcoder', 'cpu_usage_user', { unit: 'Percent', base: 62, noise: 0.05, fx: [{ at: on, to: 41 }], labels: { AutoScalingGroupName: 'transcoder-c5', Statistic: 'Average' } });
      b.series('transcoder', 'TranscodeDuration', { unit: 'Seconds', base: 170, noise: 0.08, fx: [{ at: on, x: 4.2 }], labels: { Statistic: 'p95' } });
      b.series('transcoder', 'QueueDepth', { unit: 'Count', base: 6, noise: 0.3, int: true, fx: [{ at: on, until: '-0s', to: 140 }], labels: { Statistic: 'Maximum' } });
      b.noise('feed-builder', 'warn', ['feed {int:10000-99999} has {int:2-5} items with invalid enclosure length, fixing', 'itunes:image larger than 3000px for show {int:1000-9999}'], 20);
      b.noise('transcoder', 'info', ['episode {hex:10} transcoded to 3 renditions in {int:120-220}s'], 30, { to: on });
      b.burst('transcoder', 'info', ['episode {hex:10} transcoded to 3 renditions in {int:600-900}s'], on, '-0s', 12);
      b.burst('transcoder', 'warn', ['ffmpeg speed=0.{int:3-6}x below 1.5x target on i-0{hex:16} (steal {int:35-55}%)', 'cgroup cpu.stat: nr_throttled 0, but wall time {int:3-5}x CPU time (host contention)'], on, '-0s', 25);
      b.rt('-35m', 'transcoder', 'throttled', 'CloudWatch agent: CPU steal above 30% on 5/5 transcoder instances (shared tenancy c5 hosts)', 5);
      b.change('-52m', 'episode-api', 'deployment', 'episode-api 2026.3.3: chapter markers in publish payload', { version: '2026.3.3', previousVersion: '2026.2.27', author: 'pod-ci' });
      b.change('-15m', 'transcoder', 'scaling', 'transcoder ASG 5 -> 8 instances (mitigation)', { source: 'autoscaling' });
      b.alert('-25m', 'feed-builder', 'FeedFreshnessSLO', 'firing');
    },
    expected: { service: 'transcoder', kind: 'infrastructure', action: 'none', mustCite: ['metrics', 'runtime'] },
    readme: {
      model: 'Noisy neighbour on shared hosts',
      clue: 'CPU steal on every transcoder instance jumps from ~0 to ~46% while its user CPU drops and ffmpeg slows 4x with no change to the transcoder; the episode-api deploy 12 min earlier touches only the payload, and nothing in episode-api itself slowed.',
    },
  },
  {
    name: 'payroll-run-stuck-midway',
    description: 'Payroll processing: the monthly pay run is stuck at 40% and payslip generation hangs.',
    at: '2026-10-28T09:40:00Z',
    tz: 1,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'opsgenie',
      service: 'payroll-api',
      startsAt: '-4m',
      title: 'Pay run 2026-10 progress stalled for 20 min',
      severity: 'P1',
      x: { details: { service: 'payroll-api', payrun: '2026-10', progress: '40%' }, tags: ['payroll', 'business-critical'], alertSource: 'Prometheus', teams: ['payroll-eng'] },
    },
    topology: {
      'payroll-ui': ['payroll-api'],
      'payroll-api': ['payroll-workers', 'payroll-db', 'nfs-store'],
      'payroll-workers': ['payroll-db', 'nfs-store', 'bank-gateway', 'tax-tables'],
      'tax-tables': [],
      'nfs-store': [],
    },
    external: ['bank-gateway'],
    build(b) {
      const on = '-30m';
      b.series('payroll-api', 'payrun_progress_ratio', { unit: 'ratio', base: 0, noise: 0, fx: [{ at: '-1h40m', until: on, to: 0.4, noise: 0.002 }, { at: on, to: 0.4, noise: 0 }], ref: false });
      for (const [node, kernel, hang] of [['ip-10-4-1-21', '6.1.94-99.176.amzn2023', true], ['ip-10-4-2-37', '6.1.94-99.176.amzn2023', true], ['ip-10-4-3-12', '6.1.90-99.173.amzn2023', false]] as const) {
        b.series('payroll-workers', 'node_procs_blocked', { unit: 'processes', labels: { node, kernel }, base: 0.2, noise: 0.5, fx: hang ? [{ at: on, until: '-20m', to: 38 }] : [] });
        b.series('payroll-workers', 'payslips_rendered:rate1m', { unit: '1/s', labels: { node, kernel }, base: 0, noise: 0, fx: [{ at: '-1h40m', to: 14, noise: 0.08 }, ...(hang ? [{ at: on, to: 0, noise: 0 }] : [])], ref: false });
      }
      b.series('nfs-store', 'nfsd_requests:rate1m', { unit: '1/s', base: 300, noise: 0.08, fx: [{ at: on, x: 0.45 }] });
      b.series('nfs-store', 'nfsd_server_rpc_latency_seconds:p99', { unit: 's', base: 0.004, noise: 0.1 });
      golden(b, 'payroll-api', 'prom', { rps: 15, p95: 150, err: 0.002, diurnal: 0.3 });
      b.noise('tax-tables', 'warn', ['tax code {int:100-1250}L not in 2026 table, using emergency code', 'student loan plan 4 threshold missing for {int:1-30} employees'], 15);
      b.noise('payroll-api', 'info', ['GET /payruns/2026-10 200 {int:20-80}ms', 'wrote audit record to /mnt/payroll/audit/{int:100000-999999}.json ok'], 40);
      b.change('-1h15m', 'payroll-workers', 'infrastructure', 'node group payroll-workers: AMI roll al2023-ami-2023.6.20261027 (kernel 6.1.90 -> 6.1.94), 2 of 3 nodes replaced so far', { author: 'karpenter', source: 'eks' });
      b.change('-1h50m', 'payroll-api', 'deployment', 'payroll-api 14.2.0: October statutory rates', { version: '14.2.0', previousVersion: '14.1.3', author: 'payroll-ci' });
      b.burst('payroll-workers', 'error', ['kernel: INFO: task payslip-render:{int:1000-9999} blocked for more than 122 seconds. Not tainted 6.1.94-99.176.amzn2023.x86_64 #1', 'kernel: Call Trace: nfs_wb_all+0x{hex:3}/0x{hex:3} [nfs] nfs4_file_flush+0x{hex:2}/0x{hex:3} [nfsv4] filp_close+0x{hex:2}/0x{hex:2}', 'kernel: nfs: RPC call returned error 512 (ERESTARTSYS) on 6.1.94, retrying write'], on, '-0s', 50, { kernel: '6.1.94-99.176.amzn2023' });
      b.noise('payroll-workers', 'info', ['payslip batch {int:1-400} rendered (250 employees)'], 20, { attrs: { node: 'ip-10-4-3-12', kernel: '6.1.90-99.173.amzn2023' } });
      b.rt('-22m', 'payroll-workers', 'unhealthy', 'liveness probe timed out on pods on nodes ip-10-4-1-21, ip-10-4-2-37 (processes in D state)', 6);
      b.rt('-10m', 'payroll-workers', 'restart', 'pods restarted but stuck in Terminating on kernel 6.1.94 nodes', 6);
      b.alert('-15m', 'nfs-store', 'NFSClientsStalled', 'firing');
    },
    expected: { service: 'payroll-workers', kind: 'infrastructure', action: 'none', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'Kernel regression after an AMI roll',
      clue: 'Only the two nodes on the new kernel 6.1.94 hang (blocked tasks in nfs_wb_all, D-state processes), the node still on 6.1.90 keeps rendering, and the NFS server itself answers fast; the AMI roll replaced those two nodes. The payroll-api deploy is older and unrelated.',
    },
  },
];
