import { cloudwatchEventBody, cloudwatchSnsBody, datadogBody, opsgenieBody, ramp } from './lib.js';
import { CHATTER, DD_HEADERS, EB_HEADERS, OG_HEADERS, SNS_HEADERS, red, type Def } from './kit.js';

/* One more of each of four kinds, so every kind has at least five scenarios. */

type Span = [string, string, number, number, 'ok' | 'error', number, Record<string, unknown>?];

export const balanceScenarios: Def[] = [
  {
    file: 'audit-logs-opensearch-write-rejections',
    description: 'CloudWatch (EventBridge): OpenSearch ThreadpoolWriteRejected alarm on domain audit-logs.',
    at: '2026-07-15T11:05:00Z',
    build: (b) => {
      const flag = -44 * 60;
      const onset = flag + 600;
      const dims = { DomainName: 'audit-logs', ClientId: '845120937761' };
      b.metric('ThreadpoolWriteRejected', 'audit-logs', 'Count', (t, l) => (l && t > onset ? 5200 : 0), { step: 300, noise: 0.1, digits: 0, gaps: 0.08, labels: dims });
      b.metric('IndexingRate', 'audit-logs', 'Count', (t, l, d) => 1800 * d * (l && t > flag ? 5.5 : 1), { step: 300, noise: 0.06, digits: 0, gaps: 0.08, labels: dims });
      b.metric('CPUUtilization', 'audit-logs', 'Percent', (t, l, d) => Math.min(99, 30 * d * (l && t > flag ? 3.2 : 1)), { step: 300, noise: 0.05, digits: 1, gaps: 0.08, labels: dims });
      b.metric('audit_event_bytes_avg', 'admin-api', 'bytes', (t, l) => (l && t > flag ? 38000 : 900), { noise: 0.1, digits: 0 });
      b.metric('kafka_consumergroup_lag', 'audit-sink', 'messages', (t, l) => (l ? 500 + 900000 * ramp(t, onset, 0) : 500), { noise: 0.05, digits: 0 });
      red(b, 'admin-api', { rps: 300, err: 0.002, p99: 160, p99X: (t, l) => (l && t > flag ? 1.3 : 1) });
      red(b, 'billing-admin', { rps: 40, err: 0.01, p99: 500 });
      b.change(flag, 'admin-api', 'feature_flag', 'admin-api: audit.capture_request_bodies OFF -> ON (compliance request SEC-3312)', { author: 'k.walsh', source: 'launchdarkly' });
      b.change(-100 * 60, 'audit-sink', 'deployment', 'audit-sink 1.9.0: bulk size 5MB -> 10MB', { version: '1.9.0', previousVersion: '1.8.7', author: 'd.osei', commit: '2f61c8a', source: 'github-actions' });
      b.change(-25 * 60, 'audit-logs', 'infrastructure', 'OpenSearch service software update R20260701 available (not applied)', { source: 'aws-opensearch' });
      b.change(-8 * 60, 'audit-sink', 'scaling', 'audit-sink consumers 3 -> 6 (mitigation)', { author: 'oncall-sre', source: 'kubectl' });
      b.background('billing-admin', 'error', ['invoice PDF render failed, retrying', 'stale session for admin user'], 10);
      b.background('audit-sink', 'info', CHATTER.worker, 20);
      b.background('admin-api', 'info', CHATTER.http, 15);
      b.burst('audit-sink', 'error', onset, 0, 45, () => 'bulk request partially failed: 412/500 items es_rejected_execution_exception: rejected execution of coordinating operation [coordinating_and_primary_bytes=..., max_coordinating_and_primary_bytes=...]');
      b.burst('admin-api', 'debug', flag + 5, 0, 20, (i) => `audit event emitted action=${['user.update', 'role.grant', 'export.run'][i % 3]} body_bytes=${30000 + i * 411}`);
      b.alert(onset + 900, 'audit-sink', 'AuditSinkLagHigh');
      return {
        source: 'cloudwatch',
        headers: EB_HEADERS,
        body: cloudwatchEventBody(b, { alarmName: 'audit-logs-write-rejections', description: 'OpenSearch audit-logs write thread pool rejections > 100 per 5 minutes', account: '845120937761', region: 'eu-west-1', namespace: 'AWS/ES', metricName: 'ThreadpoolWriteRejected', dimensions: dims, stat: 'Sum', period: 300, threshold: 100, comparison: 'GreaterThanThreshold', evaluationPeriods: 2, reason: 'Threshold Crossed: 2 out of the last 2 datapoints [5312.0 (15/07/26 11:00:00), 5170.0 (15/07/26 10:55:00)] were greater than the threshold (100.0) (minimum 2 datapoints for OK -> ALARM transition).', changedAt: -20, previousAt: -90 * 86400 }),
        topology: { 'admin-api': ['kafka-audit', 'users-db'], 'billing-admin': ['kafka-audit', 'billing-db'], 'kafka-audit': ['audit-sink'], 'audit-sink': ['audit-logs'] },
        expected: { service: 'admin-api', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'metrics'] },
        story: 'A compliance flag makes admin-api put full request bodies into every audit event (900 B -> 38 KB); indexing volume rises 5.5x and the OpenSearch domain rejects writes two hops away. The audit-sink deploy (bulk size) and an available-but-unapplied service update are tempting; the consumer scale-up makes it worse.',
        modeledOn: 'Incident class: a flag that multiplies event payload size, overloading a downstream store.',
      };
    },
  },
  {
    file: 'login-api-error-rate-high',
    description: 'Datadog: login-api error rate above 2%.',
    at: '2026-10-02T12:40:00Z',
    build: (b) => {
      const full = -19 * 60;
      b.from = -3 * 3600;
      const dims = { CacheClusterId: 'session-cache-001' };
      b.metric('DatabaseMemoryUsagePercentage', 'session-cache', 'Percent', (t, l) => Math.min(100, (l ? 91.5 : 78) + (l ? 8.5 * ramp(t, -3 * 3600, full) : 0.6 * ramp(t, -3 * 3600, 0))), { step: 300, noise: 0.002, digits: 2, labels: dims });
      b.metric('Evictions', 'session-cache', 'Count', () => 0, { step: 300, noise: 0, digits: 0, labels: dims });
      b.metric('CurrItems', 'session-cache', 'Count', (t, l) => (l ? 4.41e7 : 3.86e7) + 1.1e6 * ((t + 3 * 3600) / 10800), { step: 300, noise: 0.002, digits: 0, labels: dims });
      b.metric('EngineCPUUtilization', 'session-cache', 'Percent', (_t, _l, d) => 22 * d, { step: 300, noise: 0.05, digits: 1, labels: dims });
      red(b, 'login-api', { rps: 1100, err: 0.002, p99: 70, errX: (t, l) => (l && t > full ? 0.31 : 0) });
      red(b, 'profile-api', { rps: 800, err: 0.004, p99: 120 });
      b.change(-55 * 60, 'login-api', 'deployment', 'login-api 6.20.0: passkey enrolment prompt', { version: '6.20.0', previousVersion: '6.19.3', author: 'f.nakamura', commit: '91c3b7e', source: 'argo-cd' });
      b.change(-2.5 * 3600, 'profile-api', 'config', 'profile-api: avatar CDN domain switch', { source: 'helm' });
      b.change(-5 * 60, 'login-api', 'deployment', 'login-api rollback 6.20.0 -> 6.19.3 (mitigation; errors continue)', { version: '6.19.3', previousVersion: '6.20.0', author: 'oncall-sre', source: 'argo-cd' });
      b.background('login-api', 'info', ['login succeeded', 'session created ttl=30d'], 35);
      b.background('profile-api', 'warn', ['avatar fetch 404, using default'], 10);
      b.background('session-cache', 'info', ['Background saving started by pid 1', 'DB saved on disk'], 2);
      b.burst('login-api', 'error', full, 0, 60, () => "session write failed: OOM command not allowed when used memory > 'maxmemory'. (maxmemory-policy noeviction)");
      b.burst('session-cache', 'warn', -2 * 3600, full, 5, (i) => `used_memory_human:${(23.9 + i * 0.4).toFixed(1)}G maxmemory_human:25.0G maxmemory_policy:noeviction`);
      b.exc(full + 5, 'login-api', 'ReplyError', "OOM command not allowed when used memory > 'maxmemory'", 7300, 'session/store.ts:42');
      b.traceFlow(10, -3600, 0, (t, live): Span[] => {
        const y = live && t > full;
        return [
          ['login-api', 'POST /login', 0, y ? 60 : 85, y ? 'error' : 'ok', -1],
          ['login-api', 'redis SET session', 50, 1.2, y ? 'error' : 'ok', 0, { 'db.system': 'redis', 'peer.service': 'session-cache' }],
        ];
      });
      return {
        source: 'datadog',
        headers: DD_HEADERS,
        body: datadogBody(b, { title: 'login-api error rate above 2%', message: 'service:login-api errors 31% (POST /login). @webhook-causeway', tags: ['env:prod', 'service:login-api', 'team:identity'], scope: 'service:login-api,env:prod', metric: 'trace.http.request.errors', date: -40, monitorId: 77001234, priority: 'P1' }),
        topology: { 'web-bff': ['login-api', 'profile-api'], 'login-api': ['session-cache', 'users-db'], 'profile-api': ['users-db', 'avatar-cdn'] },
        expected: { service: 'session-cache', kind: 'resource_exhaustion', action: 'scale_out', mustCite: ['metrics', 'logs'] },
        story: 'Sessions live 30 days and the user base has grown; the Redis session cache runs with noeviction and finally reaches maxmemory, so every new session write is refused. Its CPU is idle and nothing about it changed. A login-api deploy 36 minutes before is the bait, and rolling it back did not help.',
        modeledOn: 'Incident class: Redis/ElastiCache maxmemory reached with noeviction (cache memory exhaustion without a change).',
      };
    },
  },
  {
    file: 'efile-submit-lambda-throttles',
    description: 'CloudWatch via SNS: Lambda Throttles alarm on efile-submit.',
    at: '2026-04-15T22:10:00Z',
    build: (b) => {
      b.refOffset = 7 * 24 * 3600;
      const demand = (t: number, l: boolean, d: number) => 900 * d * (l ? 1 + 5 * ramp(t, -2 * 3600, -15 * 60) : 1);
      b.metric('ConcurrentExecutions', 'efile-submit', 'Count', (t, l, d) => Math.min(500, demand(t, l, d) * 0.4), { step: 300, noise: 0.03, digits: 0, gaps: 0.05, labels: { FunctionName: 'efile-submit' } });
      b.metric('Throttles', 'efile-submit', 'Count', (t, l, d) => Math.max(0, demand(t, l, d) * 0.4 - 500) * 60, { step: 300, noise: 0.05, digits: 0, gaps: 0.05, labels: { FunctionName: 'efile-submit' } });
      b.metric('Invocations', 'efile-submit', 'Count', (t, l, d) => Math.min(demand(t, l, d), 1250) * 240, { step: 300, noise: 0.03, digits: 0, gaps: 0.05, labels: { FunctionName: 'efile-submit' } });
      b.metric('Duration', 'efile-submit', 'Milliseconds', () => 2400, { step: 300, noise: 0.05, digits: 0, gaps: 0.05, labels: { FunctionName: 'efile-submit' } });
      b.metric('Errors', 'efile-submit', 'Count', () => 6, { step: 300, noise: 0.5, digits: 0, min: 0, gaps: 0.05, labels: { FunctionName: 'efile-submit' } });
      b.metric('ConsumedWriteCapacityUnits', 'returns-table', 'Count', (t, l, d) => demand(t, l, d) * 20, { step: 300, noise: 0.05, digits: 0, labels: { TableName: 'returns' } });
      b.change(-3 * 3600, 'efile-submit', 'deployment', 'efile-submit version 77: state form ST-4 schema 2026', { version: '77', previousVersion: '76', source: 'sam' });
      b.change(-50 * 60, 'pdf-render', 'config', 'pdf-render: memory 1536MB -> 2048MB', { source: 'sam' });
      b.background('efile-submit', 'info', ['return submitted to authority gateway', 'acknowledgement id stored'], 30);
      b.background('pdf-render', 'warn', ['font subset cache miss'], 6);
      b.burst('web-app', 'warn', -30 * 60, 0, 30, () => 'POST /api/efile/submit 429 TooManyRequestsException: Rate Exceeded (retry-after 2s)');
      b.log(-2 * 3600, 'web-app', 'info', 'banner: "Filing deadline is tonight at 11:59 pm" enabled for all users (scheduled)');
      b.alert(-10 * 60, 'web-app', 'CheckoutFunnelSubmitDrop');
      return {
        source: 'cloudwatch-sns',
        headers: SNS_HEADERS,
        body: cloudwatchSnsBody(b, { alarmName: 'efile-submit-throttles', description: 'efile-submit throttles > 100 per 5 minutes', account: '552087113960', region: 'us-east-1', namespace: 'AWS/Lambda', metricName: 'Throttles', dimensions: { FunctionName: 'efile-submit' }, stat: 'Sum', period: 300, threshold: 100, comparison: 'GreaterThanThreshold', evaluationPeriods: 2, reason: 'Threshold Crossed: 2 out of the last 2 datapoints [89512.0 (15/04/26 22:05:00), 84007.0 (15/04/26 22:00:00)] were greater than the threshold (100.0) (minimum 2 datapoints for OK -> ALARM transition).', changedAt: -25, previousAt: -365 * 86400 }, 'tax-alarms'),
        topology: { 'web-app': ['efile-submit', 'pdf-render'], 'efile-submit': ['returns-table', 'authority-gateway'], 'pdf-render': ['returns-bucket'] },
        expected: { service: 'efile-submit', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics'] },
        story: 'On the evening of the filing deadline demand rises six-fold; efile-submit reaches its reserved concurrency of 500 and Lambda throttles the rest. Duration and errors are flat (no fault in the function); the version deployed three hours earlier ran fine at the lower load. No traces.',
        modeledOn: 'Incident class: deadline-day surge hitting a Lambda concurrency cap.',
      };
    },
  },
  {
    file: 'comment-service-pods-unresponsive',
    description: 'Opsgenie: comment-service readiness failures, CPU pegged.',
    at: '2026-08-19T09:37:00Z',
    build: (b) => {
      const onset = -22 * 60;
      const x = (t: number, l: boolean) => l && t > onset;
      b.metric('container_cpu_usage_ratio', 'comment-service', 'ratio', (t, l, d) => (x(t, l) ? 1 : 0.3 * d), { noise: 0.02, max: 1, digits: 3 });
      red(b, 'comment-service', { rps: 260, err: 0.002, p99: 45, rpsX: (t, l) => (x(t, l) ? 1.04 : 1), p99X: (t, l) => (x(t, l) ? 200 : 1), errX: (t, l) => (x(t, l) ? 0.46 : 0) });
      red(b, 'article-api', { rps: 900, err: 0.001, p99: 110, p99X: (t, l) => (x(t, l) ? 1.6 : 1) });
      b.metric('request_body_bytes_p99', 'comment-service', 'bytes', (t, l) => (x(t, l) ? 48000 : 2100), { noise: 0.1, digits: 0 });
      b.change(-65 * 60, 'article-api', 'deployment', 'article-api 2026.08.19-1: related articles carousel', { version: '2026.08.19-1', previousVersion: '2026.08.18-4', source: 'argo-cd' });
      b.change(-3 * 3600, 'comment-service', 'config', 'comment-service: toxicity moderation threshold 0.85 -> 0.8', { author: 'community-team', source: 'helm' });
      b.change(-10 * 60, 'comment-service', 'scaling', 'comment-service replicas 4 -> 10 (mitigation; new pods pegged within a minute)', { author: 'oncall-sre', source: 'kubectl' });
      b.background('comment-service', 'info', ['comment posted', 'comment moderated: approved'], 25);
      b.background('article-api', 'warn', ['related articles fallback to tag match'], 6);
      b.burst('comment-service', 'warn', onset, 0, 30, (i) => `slow request POST /comments ${(20 + (i % 9) * 3).toFixed(0)}s in LinkValidator.validate (body 48213 chars, user u-${883100 + (i % 3)})`);
      b.burst('comment-service', 'error', onset + 120, 0, 20, () => 'worker timeout: thread blocked in java.util.regex.Pattern$Loop.match (URL_PATTERN) for 30000ms');
      b.rt(onset + 180, 'comment-service', 'unhealthy', 'readiness probe failed: context deadline exceeded (all pods)', 10);
      b.rt(onset + 400, 'comment-service', 'restart', 'liveness probe failed; containers restarted', 7);
      b.exc(onset + 100, 'comment-service', 'java.util.concurrent.TimeoutException', 'LinkValidator.validate exceeded 30s', 150, 'com.acme.comments.LinkValidator.validate');
      b.traceFlow(10, -3600, 0, (t, live, i): Span[] => {
        const y = live && t > onset && i % 2 === 0;
        return [
          ['article-api', 'GET /articles/{id}', 0, y ? 180 : 110, 'ok', -1],
          ['comment-service', y ? 'POST /comments' : 'GET /comments', 5, y ? 30000 : 40, y ? 'error' : 'ok', 0, y ? { 'http.request.body.size': 48213 } : {}],
        ];
      });
      return {
        source: 'opsgenie',
        headers: OG_HEADERS,
        body: opsgenieBody(b, { message: 'comment-service: pods not ready, CPU 100%', description: 'All comment-service pods failing readiness; CPU at limit. Posting and loading comments fails.', entity: 'comment-service', tags: ['community', 'prod'], details: { app: 'comment-service', namespace: 'community' }, priority: 'P2', createdAt: -30, source: 'Alertmanager', team: 'community', alias: 'comment-service-not-ready', tinyId: '3391' }),
        topology: { 'article-api': ['comment-service', 'articles-db'], 'comment-service': ['comments-db', 'moderation-api'] },
        expected: { service: 'comment-service', kind: 'code_defect', action: 'none', mustCite: ['logs', 'metrics'] },
        story: 'A spam account posts comments crafted to make the URL-validation regex backtrack catastrophically; each such request pins a CPU for 30 s and the pods stop answering probes. Request volume barely changed (so it is not a surge), scaling out only adds more victims, and the regex has been there for years. The moderation-threshold change three hours earlier and an article-api deploy are distractors; bodies up to 64 KB were always accepted.',
        modeledOn: 'Incident class: regular-expression denial of service (catastrophic backtracking) triggered by crafted input, with no change.',
      };
    },
  },
];
