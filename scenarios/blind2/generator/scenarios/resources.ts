import { Builder, type Built } from '../builder.js';
import { background, cw, red, sha } from '../kit.js';
import { alertmanager, cloudwatchEvent, cloudwatchSns, grafana, opsgenie } from '../senders.js';

/** Buildkite-style: a database sized down weeks ago runs out of CPU at the Monday peak. */
function rdsCpu(): Built {
  const b = new Builder({
    name: 'b2-agent-api-5xx-alarm',
    title: 'rds-cpu-saturated-at-monday-peak',
    description: 'agent-api target 5xx alarm through SNS on a Monday morning. CloudWatch metrics and the change log only.',
    story:
      'The pipelines database was moved to a smaller instance class weeks ago and coped until now. At the Monday morning peak its CPU pins at 100%: queries queue, the agent API behind the load balancer times out and its 5xx alarm fires through SNS. The database has no alarm of its own. Only CloudWatch 5-minute metrics (with missing periods) and the change log are available: no logs, no traces. An agent-api release 75 minutes earlier, just before the CPU climb, is the obvious suspect; the same hours a week earlier peaked near 75% CPU.',
    at: '2026-03-09T14:10:00Z',
    window: ['-6h', '+0s'],
    reference: '-168h',
    tz: -5,
    peakHour: 10,
    topology: { 'agent-api': ['pipelines-db', 'job-queue'], web: ['pipelines-db', 'agent-api'], 'job-dispatcher': ['job-queue', 'pipelines-db'] },
  });
  const db = { DBInstanceIdentifier: 'pipelines-db' };
  const tg = { LoadBalancer: 'app/agents-prod/5e2d7c4b1a0f9e83', TargetGroup: 'targetgroup/agent-api/0b9a8c7d6e5f4a32' };
  cw(b, 'pipelines-db', 'AWS/RDS', 'CPUUtilization', db, 'Average', { base: 52, unit: 'percent', diurnal: 0.45, max: 100, effects: [{ from: '-1h10m', to: '-45m', set: 99.6 }] });
  cw(b, 'pipelines-db', 'AWS/RDS', 'DBLoadCPU', db, 'Average', { base: 5.5, diurnal: 0.45, effects: [{ from: '-1h10m', to: '-45m', set: 31 }] });
  cw(b, 'pipelines-db', 'AWS/RDS', 'ReadLatency', db, 'Average', { base: 0.0011, unit: 's', noise: 0.15 });
  cw(b, 'pipelines-db', 'AWS/RDS', 'DatabaseConnections', db, 'Average', { base: 410, diurnal: 0.3, integer: true, effects: [{ from: '-50m', to: '-40m', set: 1480 }] });
  cw(b, 'pipelines-db', 'AWS/RDS', 'FreeableMemory', db, 'Average', { base: 9.1e9, unit: 'bytes', noise: 0.02 });
  cw(b, 'agent-api', 'AWS/ApplicationELB', 'TargetResponseTime', tg, 'p95', { base: 0.18, unit: 's', diurnal: 0.2, effects: [{ from: '-50m', to: '-35m', set: 14 }] });
  cw(b, 'agent-api', 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', tg, 'Sum', { base: 6, integer: true, noise: 0.5, effects: [{ from: '-18m', to: '-10m', set: 5200 }] });
  cw(b, 'agent-api', 'AWS/ApplicationELB', 'RequestCount', tg, 'Sum', { base: 190000, diurnal: 0.45, integer: true });
  cw(b, 'agent-api', 'AWS/ECS', 'CPUUtilization', { ClusterName: 'agents', ServiceName: 'agent-api' }, 'Average', { base: 30, unit: 'percent', diurnal: 0.3 });
  cw(b, 'job-queue', 'AWS/SQS', 'ApproximateAgeOfOldestMessage', { QueueName: 'job-queue' }, 'Maximum', { base: 4, unit: 's', noise: 0.4, effects: [{ from: '-45m', to: '+0s', add: 1500 }] });
  cw(b, 'web', 'AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: 'app/web-prod/7a6b5c4d3e2f1a09', TargetGroup: 'targetgroup/web/4c3b2a1f0e9d8c76' }, 'p95', { base: 0.9, unit: 's', diurnal: 0.2, effects: [{ from: '-50m', mul: 4 }] });

  b.change('-3h', 'web', 'deployment', 'web 2026-03-09.2: pipeline settings redesign', { version: '2026-03-09.2', previousVersion: '2026-03-06.5', author: 'web-deployer', commit: sha(b.rng), source: 'codedeploy' });
  b.change('-1h15m', 'agent-api', 'deployment', 'agent-api 3.91.0: agent metadata in heartbeat', { version: '3.91.0', previousVersion: '3.90.2', author: 'agents-deployer', commit: sha(b.rng), source: 'codedeploy' });
  b.change('-30m', 'job-dispatcher', 'scaling', 'job-dispatcher desired count 8 → 16 (oncall)', { author: 'oncall', source: 'ecs' });
  b.alert('-25m', 'job-queue', 'job-queue-oldest-message-age');

  b.signal(
    cloudwatchSns(b, {
      topic: 'agents-pager',
      alarmName: 'agent-api-5xx-high',
      description: 'agent-api target 5xx above 500 per 5 minutes',
      account: '402913377205',
      region: 'us-east-1',
      namespace: 'AWS/ApplicationELB',
      metricName: 'HTTPCode_Target_5XX_Count',
      dimensions: tg,
      stat: 'Sum',
      period: 300,
      threshold: 500,
      comparison: 'GreaterThanThreshold',
      datapoints: [5311, 5107, 4988],
      stateAt: '+0s',
      previousStateAt: '-190h',
      evaluationPeriods: 3,
    }),
  );
  b.expect(
    { service: 'pipelines-db', kind: 'resource_exhaustion', action: 'scale_out', mustCite: ['metrics'] },
    { alertService: 'agent-api', modeledOn: 'Buildkite: RDS instance downsized, CPU saturated at peak' },
  );
  return b.build();
}

/** Instapaper, February 2017: a MySQL table hit the 2 TB file size limit of its filesystem; disk was far from full. */
function tableFileLimit(): Built {
  const b = new Builder({
    name: 'b2-bookmark-saves-failing-repeat',
    title: 'mysql-table-hits-2tb-file-limit',
    description: 'Repeat notification of a bookmark-save failure alert that has fired for over four hours.',
    story:
      'The bookmarks table of a long-lived MySQL instance lives in one file on a filesystem with a 2 TiB file size limit. When the file reaches it, every INSERT fails with error 1114 "table is full", while reads work and the volume has terabytes free. The save-failure alert has been firing for over four hours; this is its repeat notification. The parser worker is always noisy, in the reference too.',
    at: '2026-02-09T05:40:00Z',
    window: ['-5h', '+0s'],
    reference: '-24h',
    tz: -5,
    topology: { 'web-app': ['bookmarks-api'], 'mobile-api': ['bookmarks-api'], 'bookmarks-api': ['bookmarks-db', 'parser-queue'], 'parser-worker': ['parser-queue', 'bookmarks-db'] },
  });
  const onset = '-4h18m';
  b.series({ service: 'bookmarks-db', name: 'mysql_info_schema_table_size_bytes', labels: { schema: 'instapaper', table: 'bookmarks', component: 'data_length' }, unit: 'bytes', base: 2.1985e12, noise: 0.00005, step: 300, driftPerHour: 1.9e8, effects: [{ from: onset, set: 2.19902e12 }] });
  b.series({ service: 'bookmarks-db', name: 'aws_rds_free_storage_space_bytes', unit: 'bytes', base: 3.1e12, noise: 0.001, step: 300 });
  b.series({ service: 'bookmarks-db', name: 'mysql_global_status_handlers_write_per_second', base: 140, diurnal: 0.3, noise: 0.1, effects: [{ from: onset, set: 2 }] });
  b.series({ service: 'bookmarks-db', name: 'mysql_global_status_questions_per_second', base: 2200, diurnal: 0.3, noise: 0.06 });
  red(b, 'bookmarks-api', { style: 'prom', rps: 300, err: 0.003, p95: 90, diurnal: 0.3, errTo: [{ from: onset, value: 0.21 }] });
  b.series({ service: 'bookmarks-api', name: 'bookmark_saves_failed_ratio', unit: 'ratio', base: 0.001, noise: 0.3, effects: [{ from: onset, set: 0.99 }] });
  red(b, 'parser-worker', { style: 'prom', rps: 40, err: 0.08, p95: 2400, diurnal: 0.3 });

  background(b, 'bookmarks-api', 'python', { info: 0.3 });
  background(b, 'parser-worker', 'python', { info: 0.2, warn: 0.4, error: 0.5, errorLines: ['ERROR parser.fetch failed to fetch article: 403 Forbidden (paywall)', 'ERROR parser.fetch failed to fetch article: read timeout after 20s'] });
  b.logs({ service: 'bookmarks-db', level: 'info', perMin: 0.05, message: 'Note: Aborted connection to db: \'instapaper\' user: \'app\' host: \'10.1.4.22\' (Got timeout reading communication packets)' });
  b.logs({ service: 'bookmarks-db', level: 'error', perMin: 2, from: onset, message: "[ERROR] /rdsdbbin/mysql/bin/mysqld: The table 'bookmarks' is full" });
  b.logs({ service: 'bookmarks-api', level: 'error', perMin: 4, from: onset, message: (r) => `ERROR app.save pymysql.err.OperationalError: (1114, "The table 'bookmarks' is full") user=${r.int(100000, 9999999)}` });
  b.exceptions({ service: 'bookmarks-api', type: 'pymysql.err.OperationalError', message: "(1114, \"The table 'bookmarks' is full\")", culprit: 'app/bookmarks/save.py in insert_bookmark', from: onset, perMin: 60 });

  b.change('-2h', 'parser-worker', 'deployment', 'parser-worker r2291: better handling of AMP pages', { version: 'r2291', previousVersion: 'r2288', author: 'b.west', commit: sha(b.rng), source: 'fabric' });
  b.change('-35m', 'bookmarks-api', 'config', 'retry failed saves up to 3 times (mitigation attempt)', { author: 'oncall', source: 'fabric' });

  b.signal(
    alertmanager(b, {
      receiver: 'oncall',
      groupBy: ['alertname'],
      externalURL: 'http://alertmanager.internal:9093',
      generatorURL: 'http://prometheus.internal:9090',
      alerts: [
        {
          labels: { alertname: 'BookmarkSavesFailing', service: 'bookmarks-api', severity: 'critical' },
          annotations: { summary: 'More than 20% of bookmark saves fail', description: '99% of saves failed over the last 15 minutes.' },
          startsAt: '-4h10m',
        },
      ],
    }),
  );
  b.expect(
    { service: 'bookmarks-db', kind: 'resource_exhaustion', action: 'none', mustCite: ['logs', 'metrics'] },
    { alertService: 'bookmarks-api', modeledOn: 'Instapaper February 2017: RDS MySQL table hit the 2 TB file limit' },
  );
  return b.build();
}

/** Sentry / Mandrill: Postgres stops accepting writes to avoid transaction ID wraparound. */
function xidWraparound(): Built {
  const b = new Builder({
    name: 'b2-events-ingest-consumer-lag',
    title: 'postgres-transaction-id-wraparound',
    description: 'Consumer lag alert for events-ingest from Grafana, firing for three hours.',
    story:
      'The events database has warned for weeks that it must be vacuumed (the warning is in the reference too). Anti-wraparound autovacuum cannot keep up with the write rate, and Postgres finally stops accepting commands that assign transaction ids. The ingest consumer cannot write, its Kafka lag has been growing for three hours and its alert, firing since then, notifies again through Grafana. Reads still work.',
    at: '2026-07-20T08:10:00Z',
    window: ['-5h', '+0s'],
    reference: '-24h',
    tz: 0,
    topology: { 'events-ingest': ['kafka', 'events-pg'], 'query-api': ['events-pg'], 'web-ui': ['query-api'] },
  });
  const onset = '-3h24m';
  b.series({ service: 'events-pg', name: 'pg_database_datfrozenxid_age', labels: { datname: 'events' }, base: 2.1285e9, noise: 0.0002, step: 300, driftPerHour: 7.5e6, effects: [{ from: onset, set: 2.14648e9 }] });
  b.series({ service: 'events-pg', name: 'pg_stat_database_xact_commit_rate', labels: { datname: 'events' }, base: 2100, diurnal: 0.3, effects: [{ from: onset, set: 300 }] });
  b.series({ service: 'events-pg', name: 'pg_stat_activity_autovacuum_count', base: 1, noise: 0, integer: true });
  b.series({ service: 'events-ingest', name: 'kafka_consumergroup_lag', labels: { consumergroup: 'events-ingest', topic: 'events' }, base: 1200, noise: 0.3, integer: true, effects: [{ from: onset, to: '+0s', add: 5.4e7 }] });
  red(b, 'query-api', { style: 'prom', rps: 140, err: 0.004, p95: 380, diurnal: 0.3 });
  b.series({ service: 'kafka', name: 'kafka_server_brokertopicmetrics_messagesin_total_rate', labels: { topic: 'events' }, base: 4500, diurnal: 0.3 });

  background(b, 'query-api', 'python', { info: 0.3 });
  background(b, 'events-ingest', 'go', { info: 0.3 });
  b.logs({ service: 'events-pg', level: 'warn', perMin: 0.4, to: onset, ref: true, message: (r) => `WARNING:  database "events" must be vacuumed within ${r.int(1000000, 40000000)} transactions\nHINT:  To avoid a database shutdown, execute a database-wide VACUUM in that database.` });
  b.logs({ service: 'events-pg', level: 'info', perMin: 0.1, message: 'LOG:  automatic aggressive vacuum to prevent wraparound of table "events.public.event_payloads": index scans: 1' });
  b.logs({ service: 'events-pg', level: 'error', perMin: 4, from: onset, message: 'ERROR:  database is not accepting commands to avoid wraparound data loss in database "events"\nHINT:  Stop the postmaster and vacuum that database in single-user mode.' });
  b.logs({ service: 'events-ingest', level: 'error', perMin: 5, from: onset, message: (r) => `level=error msg="batch insert failed, will retry" batch=${r.int(1, 99999)} err="pq: database is not accepting commands to avoid wraparound data loss in database \\"events\\""` });

  b.change('-4h', 'events-ingest', 'deployment', 'events-ingest 1.33.0: larger insert batches', { version: '1.33.0', previousVersion: '1.32.4', author: 'ingest-ci', commit: sha(b.rng), source: 'argocd' });
  b.change('-1h', 'query-api', 'config', 'query timeout 30s → 45s', { author: 'q.team', source: 'helm' });
  b.runtime('-2h', 'kafka', 'restart', 'kafka-2 rolling restart (broker config reload)');
  b.runtime('-40m', 'events-ingest', 'restart', 'rollout restart deployment/events-ingest by oncall', 6);

  b.signal(
    grafana(b, {
      receiver: 'data-oncall',
      baseUrl: 'https://grafana.events.example',
      folder: 'Ingest',
      groupBy: ['alertname', 'consumergroup'],
      alerts: [
        {
          labels: { alertname: 'ConsumerLagHigh', consumergroup: 'events-ingest', topic: 'events', severity: 'critical', job: 'kafka-exporter' },
          annotations: { summary: 'events-ingest lag above 1M messages', description: 'Consumer group events-ingest is 54M messages behind on topic events.' },
          startsAt: '-3h05m',
          values: { A: 5.41e7, B: 1 },
        },
      ],
    }),
  );
  b.expect(
    { service: 'events-pg', kind: 'resource_exhaustion', action: 'none', mustCite: ['logs', 'metrics'] },
    { alertService: 'events-ingest', modeledOn: 'Sentry / Mandrill Postgres transaction ID wraparound' },
  );
  return b.build();
}

/** A noisy neighbour on the same gp2 volume drains its burst credits; IO falls to the baseline. */
function burstBalance(): Built {
  const b = new Builder({
    name: 'b2-reports-db-read-latency',
    title: 'ebs-burst-balance-exhausted-by-neighbour',
    description: 'Read latency alarm on reports-db through EventBridge, at night. CloudWatch metrics and the change log only.',
    story:
      'The nightly analytics export reads the whole reports database from the same gp2 volume every night; tonight, with a bigger dataset, it drains the volume\'s burst credits. IOPS fall to the baseline, read latency rises a hundredfold and the reports API times out. The alarm on read latency fires through EventBridge (tags propagated). Only CloudWatch 5-minute metrics and the change log.',
    at: '2026-04-22T02:35:00Z',
    window: ['-4h', '+0s'],
    reference: '-24h',
    tz: -4,
    topology: { 'reports-api': ['reports-db'], 'analytics-export': ['reports-db', 'export-bucket'] },
  });
  const db = { DBInstanceIdentifier: 'reports-db' };
  const exportRun = { from: '-2h30m', to: '-2h25m', always: true } as const;
  cw(b, 'reports-db', 'AWS/RDS', 'BurstBalance', db, 'Average', {
    base: 99,
    unit: 'percent',
    noise: 0.005,
    max: 100,
    min: 0,
    effects: [
      { from: '-2h30m', to: '-1h20m', add: -45, always: true },
      { from: '-1h20m', to: '-20m', add: 45, always: true },
      { from: '-1h20m', to: '-16m', set: 0 },
    ],
  });
  cw(b, 'reports-db', 'AWS/RDS', 'ReadIOPS', db, 'Average', { base: 450, diurnal: 0.2, effects: [{ ...exportRun, until: '-1h20m', add: 2400 }, { from: '-1h20m', until: '-16m', add: 2400 }, { from: '-16m', set: 300 }] });
  cw(b, 'reports-db', 'AWS/RDS', 'ReadLatency', db, 'Average', { base: 0.0018, unit: 's', noise: 0.15, effects: [{ from: '-16m', set: 0.21 }] });
  cw(b, 'reports-db', 'AWS/RDS', 'DiskQueueDepth', db, 'Average', { base: 0.8, noise: 0.3, effects: [{ ...exportRun, until: '-1h20m', add: 3 }, { from: '-16m', set: 44 }] });
  cw(b, 'reports-db', 'AWS/RDS', 'CPUUtilization', db, 'Average', { base: 18, unit: 'percent', effects: [{ ...exportRun, until: '-1h20m', add: 20 }, { from: '-1h20m', add: 20 }] });
  cw(b, 'reports-api', 'AWS/Lambda', 'Duration', { FunctionName: 'reports-api' }, 'p95', { base: 640, unit: 'ms', effects: [{ from: '-16m', set: 29000 }] });
  cw(b, 'reports-api', 'AWS/Lambda', 'Errors', { FunctionName: 'reports-api' }, 'Sum', { base: 1, noise: 0.8, integer: true, effects: [{ from: '-14m', set: 340 }] });
  cw(b, 'analytics-export', 'AWS/ECS', 'CPUUtilization', { ClusterName: 'batch', ServiceName: 'analytics-export' }, 'Average', { base: 2, unit: 'percent', effects: [{ ...exportRun, until: '-1h20m', set: 70 }, { from: '-1h20m', set: 70 }] });

  b.change('-5h', 'reports-api', 'deployment', 'reports-api version 77: CSV export column order', { version: '77', previousVersion: '76', author: 'reports-ci', commit: sha(b.rng), source: 'cloudformation' });
  b.change('-1h5m', 'analytics-export', 'config', 'export window extended to include 2025 archive partitions', { author: 'data-eng', source: 'airflow' });

  b.signal(
    cloudwatchEvent(b, {
      alarmName: 'reports-db-read-latency',
      description: 'reports-db average read latency above 50 ms',
      account: '771829003344',
      region: 'us-west-2',
      namespace: 'AWS/RDS',
      metricName: 'ReadLatency',
      dimensions: db,
      stat: 'Average',
      period: 300,
      threshold: 0.05,
      comparison: 'GreaterThanThreshold',
      datapoints: [0.214, 0.198, 0.203],
      stateAt: '+0s',
      previousStateAt: '-720h',
      tags: { service: 'reports-db', team: 'data-platform', env: 'prod' },
    }),
  );
  b.expect(
    { service: 'reports-db', kind: 'resource_exhaustion', action: 'none', mustCite: ['metrics'] },
    { alertService: 'reports-db', modeledOn: 'noisy-neighbour EBS burst balance exhaustion' },
  );
  return b.build();
}

/** Foursquare, October 2010: one MongoDB shard's data outgrew its RAM; the shard started paging from disk. */
function shardMemory(): Built {
  const b = new Builder({
    name: 'b2-checkins-latency-escalated',
    title: 'mongodb-shard-outgrows-memory',
    description: 'checkins-api latency alert escalated in Opsgenie after almost two hours open.',
    story:
      'Check-ins are sharded by user id, and one shard holds far more data than the other. Its working set outgrows RAM: page faults jump, the disk saturates and every query on that shard slows down twentyfold. The check-ins API alert, open for almost two hours, is escalated in Opsgenie. Adding a shard after the onset makes it worse at first (chunk migrations read from the same disk).',
    at: '2026-10-04T19:30:00Z',
    window: ['-3h', '+0s'],
    reference: '-168h',
    tz: -4,
    topology: { 'mobile-api': ['checkins-api', 'venues-api'], 'checkins-api': ['checkins-mongo'], 'venues-api': ['venues-mongo'] },
  });
  const onset = '-1h58m';
  b.series({ service: 'checkins-mongo', name: 'mongodb_mem_resident_bytes', labels: { shard: 'shard0' }, unit: 'bytes', base: 6.3e10, noise: 0.01, driftPerHour: 4e8, max: 6.6e10 });
  b.series({ service: 'checkins-mongo', name: 'mongodb_mem_resident_bytes', labels: { shard: 'shard1' }, unit: 'bytes', base: 3.6e10, noise: 0.01 });
  b.series({ service: 'checkins-mongo', name: 'mongodb_extra_info_page_faults_per_second', labels: { shard: 'shard0' }, base: 15, noise: 0.3, effects: [{ from: onset, to: '-1h40m', set: 4100 }] });
  b.series({ service: 'checkins-mongo', name: 'mongodb_extra_info_page_faults_per_second', labels: { shard: 'shard1' }, base: 9, noise: 0.3 });
  b.series({ service: 'checkins-mongo', name: 'node_disk_io_time_ratio', labels: { shard: 'shard0' }, base: 0.22, noise: 0.1, max: 1, effects: [{ from: onset, to: '-1h45m', set: 0.99 }] });
  b.series({ service: 'checkins-mongo', name: 'mongodb_shard_data_size_bytes', labels: { shard: 'shard0' }, unit: 'bytes', base: 1.17e11, noise: 0.001, step: 600 });
  b.series({ service: 'checkins-mongo', name: 'mongodb_shard_data_size_bytes', labels: { shard: 'shard1' }, unit: 'bytes', base: 6.4e10, noise: 0.001, step: 600 });
  red(b, 'checkins-api', { style: 'prom', rps: 800, err: 0.003, p95: 45, diurnal: 0.4, latTo: [{ from: onset, to: '-1h40m', mul: 22 }, { from: '-40m', to: '-30m', mul: 1.6 }], errTo: [{ from: '-1h50m', value: 0.18 }] });
  red(b, 'venues-api', { style: 'prom', rps: 1200, err: 0.002, p95: 30, diurnal: 0.4 });
  red(b, 'mobile-api', { style: 'prom', rps: 2500, err: 0.003, p95: 260, diurnal: 0.4, errTo: [{ from: '-1h50m', value: 0.07 }] });

  background(b, 'checkins-api', 'python', { info: 0.3 });
  background(b, 'venues-api', 'python', { info: 0.3 });
  background(b, 'mobile-api', 'ruby', { info: 0.3, warn: 0.2 });
  b.logs({ service: 'checkins-mongo', level: 'info', perMin: 0.1, message: (r) => `[conn${r.int(1000, 99999)}] query foursquare.checkins ntoreturn:50 nscanned:50 reslen:${r.int(2000, 9000)} ${r.int(100, 180)}ms` });
  b.logs({ service: 'checkins-mongo', level: 'warn', perMin: 5, from: onset, message: (r) => `[conn${r.int(1000, 99999)}] query foursquare.checkins ntoreturn:50 nscanned:50 reslen:${r.int(2000, 9000)} ${r.int(900, 4800)}ms (shard0, page faults: ${r.int(20, 90)})` });
  b.logs({ service: 'checkins-api', level: 'error', perMin: 3, from: '-1h50m', message: 'ERROR checkins.history pymongo.errors.ExecutionTimeout: operation exceeded time limit (shard0000)' });
  b.logs({ service: 'checkins-mongo', level: 'info', perMin: 1, from: '-40m', message: (r) => `[Balancer] moving chunk ns:foursquare.checkins min:{ user_id: ${r.int(1, 9000000)} } from shard0 to shard2` });

  b.change('-50m', 'checkins-api', 'deployment', 'checkins-api 2010.10.04-3: badge for Monday check-ins', { version: '2010.10.04-3', previousVersion: '2010.10.04-2', author: 'h.k', commit: sha(b.rng), source: 'capistrano' });
  b.change('-42m', 'checkins-mongo', 'scaling', 'add shard2 to checkins cluster; balancer enabled (mitigation)', { author: 'ops', source: 'manual' });
  b.runtime('-2h30m', 'venues-api', 'restart', 'venues-api app-14 restarted (deploy of config)');

  b.signal(
    opsgenie(b, {
      action: 'Escalate',
      actionAt: '+0s',
      createdAt: '-1h52m',
      message: 'checkins-api p95 latency above 1s',
      alias: 'checkins-api-latency',
      entity: 'checkins-api',
      source: 'Nagios',
      tags: ['service:checkins-api', 'env:prod'],
      teams: ['checkins'],
      priority: 'P1',
      integrationName: 'Nagios',
      escalation: { name: 'Checkins escalation', notify: 'Infra on-call (tier 2)' },
      tinyId: 311,
    }),
  );
  b.expect(
    { service: 'checkins-mongo', kind: 'resource_exhaustion', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    { alertService: 'checkins-api', modeledOn: 'Foursquare October 2010: MongoDB shard imbalance exceeded memory' },
  );
  return b.build();
}

export const resourceScenarios = [rdsCpu, tableFileLimit, xidWraparound, burstBalance, shardMemory];
