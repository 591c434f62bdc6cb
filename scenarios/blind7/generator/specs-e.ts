/** Two more: a generic-webhook alert, and a large topology. */
import { h, iso, m, type Spec } from './engine.js';
import { alertmanager } from './signals.js';

const E1 = '2026-11-04T12:16:00Z';
const E2 = '2026-10-10T20:05:00Z';

const gameSvcs = [
  'edge-gw', 'auth-svc', 'profile-svc', 'friends-svc', 'party-svc', 'presence-svc', 'chat-svc', 'lobby-svc', 'matchmaker', 'skill-svc',
  'allocator', 'inventory-svc', 'store-svc', 'wallet-svc', 'entitlements-svc', 'telemetry-svc', 'leaderboard-svc', 'quests-svc',
  'news-svc', 'push-svc', 'moderation-svc', 'replay-svc', 'clan-svc', 'session-cache', 'player-db', 'economy-db', 'events-kafka', 'anticheat-svc',
];

export const specsE: Spec[] = [
  {
    name: 'origin-request-flood-generic',
    description: 'Generic webhook (synthetic monitor): news site pages slow, origin-api 5xx and request rate 12x normal.',
    story:
      'Media/news site behind a CDN. cms-publisher 3.2.0, deployed 24 min before, issues a purge of the whole CDN cache (/*) on every article publish instead of the article path; with ~40 publishes an hour the cache is emptied again and again (a purge storm) and origin-api is flooded with misses. Tempting: origin-api (the alert, its CPU), the CDN (hit ratio collapse, read as a CDN fault) and a recommendations deploy.',
    at: E1,
    signal: {
      source: 'generic',
      headers: { 'content-type': 'application/json' },
      body: {
        title: 'origin-api 5xx ratio 9% and request rate 12x baseline',
        status: 'firing',
        severity: 'critical',
        service: 'origin-api',
        environment: 'production',
        description: 'Synthetic check: article pages p95 6.2s from 4 regions; origin-api 5xx 9%.',
        startedAt: iso(E1, -m(6)),
        dedupKey: 'synthetics/article-pages/origin-api',
        labels: { monitor: 'article-pages', team: 'web-platform' },
      },
    },
    check: { service: 'origin-api', start: -m(6) },
    topology: {
      cdn: ['origin-api'],
      'origin-api': ['article-render', 'recs-svc', 'media-resizer'],
      'article-render': ['content-db'],
      'cms-publisher': ['content-db', 'cdn'],
    },
    svcs: {
      'origin-api': { rps: 380, err: 0.002, p99: 240 },
      'article-render': { rps: 300, err: 0.001, p99: 180 },
      'recs-svc': { rps: 300, err: 0.004, p99: 90 },
      'media-resizer': { rps: 120, err: 0.002, p99: 400 },
      'cms-publisher': { rps: 2, err: 0.001, p99: 300 },
    },
    golden: {
      'origin-api.rps': [{ from: -m(22), value: 4600, ramp: m(10) }],
      'article-render.rps': [{ from: -m(22), value: 3700, ramp: m(10) }],
      'media-resizer.rps': [{ from: -m(22), value: 1500, ramp: m(10) }],
      'origin-api.err': [{ from: -m(12), value: 0.09, ramp: m(5) }],
      'origin-api.p99': [{ from: -m(14), value: 5200, ramp: m(6) }],
      'article-render.p99': [{ from: -m(14), value: 4800, ramp: m(6) }],
    },
    series: [
      { name: 'cdn_cache_hit_ratio', svc: 'cdn', unit: 'ratio', base: 0.97, noise: 0.005, effects: [{ from: -m(22), value: 0.58, ramp: m(4) }] },
      { name: 'cdn_purge_requests_total_rate', svc: 'cms-publisher', unit: '1/min', labels: { scope: 'wildcard' }, base: 0, noise: 0, effects: [{ from: -m(23), value: 0.7 }] },
      { name: 'cdn_purge_requests_total_rate', svc: 'cms-publisher', unit: '1/min', labels: { scope: 'path' }, base: 0.7, noise: 0.3, effects: [{ from: -m(23), value: 0 }] },
      { name: 'cpu_usage_ratio', svc: 'origin-api', unit: 'ratio', base: 0.3, effects: [{ from: -m(22), value: 0.96, ramp: m(10) }] },
    ],
    logs: [
      { svc: 'recs-svc', level: 'warn', msg: 'model features stale > 1h, serving popular items', from: -h(1), every: 120, bg: true },
      { svc: 'media-resizer', level: 'error', msg: 'unsupported HEIC variant, original served', from: -h(1), every: 200, bg: true },
      { svc: 'cms-publisher', level: 'info', msg: 'article published; invalidation submitted paths=["/*"]', from: -m(23), every: 90 },
      { svc: 'origin-api', level: 'error', msg: 'upstream article-render timed out (5s)', from: -m(12), every: 3 },
      { svc: 'article-render', level: 'warn', msg: 'render queue 900 deep', from: -m(14), every: 20 },
    ],
    traces: [
      {
        n: 24,
        chain: [
          { svc: 'origin-api', op: 'GET /articles/{slug}', ms: 10 },
          { svc: 'article-render', op: 'Render', ms: 80 },
          { svc: 'content-db', op: 'SELECT article', ms: 5 },
        ],
        faults: [{ svc: 'article-render', from: -m(14), mode: 'slow', p: 0.6, ms: 3500 }],
      },
    ],
    changes: [
      { at: -h(1), service: 'recs-svc', kind: 'deployment', summary: 'recs-svc 0.9.1: diversity re-rank', version: '0.9.1', previousVersion: '0.9.0' },
      { at: -m(24), service: 'cms-publisher', kind: 'deployment', summary: 'cms-publisher 3.2.0: move CDN invalidation to new SDK', version: '3.2.0', previousVersion: '3.1.6', commit: '4be0c19', source: 'github-actions' },
      { at: -m(4), service: 'origin-api', kind: 'scaling', summary: 'origin-api 8 -> 20 tasks (mitigation)', author: 'oncall' },
    ],
    reference: -h(168),
    expected: { rootCause: { service: 'cms-publisher', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'metrics'] },
  },
  {
    name: 'party-invite-errors-saturday-night',
    description: 'Alertmanager: PartyInviteErrors on party-svc, plus many other game services erroring at once.',
    story:
      'Video game backend with 28 services. AWS replaces the primary node of the ElastiCache Redis cluster session-cache (an AWS Health event on the cluster); the failover takes ~40s, but clients that cache the cluster topology keep writing to the old primary\'s address and get READONLY / connection errors for minutes, across every service that reads sessions. session-cache is a managed service in the topology. Tempting: party-svc (alert), presence-svc (most errors), an auth-svc deploy 30 min earlier, and chat-svc that always logs errors.',
    at: E2,
    signal: alertmanager({
      at: E2,
      startsAt: -m(5),
      labels: { alertname: 'PartyInviteErrors', service: 'party-svc', namespace: 'social', severity: 'page' },
      summary: 'party-svc invite error ratio 17%',
    }),
    check: { service: 'party-svc', start: -m(5) },
    topology: {
      'edge-gw': ['auth-svc', 'profile-svc', 'friends-svc', 'party-svc', 'lobby-svc', 'store-svc', 'chat-svc', 'leaderboard-svc', 'quests-svc', 'news-svc', 'clan-svc', 'replay-svc'],
      'auth-svc': ['session-cache', 'player-db', 'anticheat-svc'],
      'profile-svc': ['player-db', 'session-cache'],
      'friends-svc': ['player-db', 'presence-svc'],
      'party-svc': ['presence-svc', 'session-cache', 'push-svc'],
      'presence-svc': ['session-cache'],
      'chat-svc': ['moderation-svc', 'session-cache'],
      'lobby-svc': ['matchmaker', 'session-cache'],
      matchmaker: ['skill-svc', 'allocator'],
      'store-svc': ['wallet-svc', 'entitlements-svc'],
      'wallet-svc': ['economy-db'],
      'entitlements-svc': ['economy-db', 'inventory-svc'],
      'inventory-svc': ['economy-db'],
      'telemetry-svc': ['events-kafka'],
      'quests-svc': ['events-kafka', 'inventory-svc'],
      'leaderboard-svc': ['player-db'],
      'clan-svc': ['player-db', 'push-svc'],
    },
    svcs: Object.fromEntries(
      gameSvcs.filter((s) => !['session-cache', 'player-db', 'economy-db', 'events-kafka'].includes(s)).map((s, i) => [s, { rps: 100 + ((i * 137) % 900), err: s === 'chat-svc' ? 0.03 : 0.002, p99: 40 + ((i * 53) % 300) }]),
    ),
    golden: {
      'party-svc.err': [{ from: -m(9), value: 0.17, ramp: m(1) }],
      'presence-svc.err': [{ from: -m(9), value: 0.34, ramp: m(1) }],
      'auth-svc.err': [{ from: -m(9), value: 0.12, ramp: m(1) }],
      'profile-svc.err': [{ from: -m(9), value: 0.09, ramp: m(1) }],
      'lobby-svc.err': [{ from: -m(9), value: 0.11, ramp: m(1) }],
      'friends-svc.err': [{ from: -m(9), value: 0.08, ramp: m(1) }],
      'edge-gw.err': [{ from: -m(9), value: 0.06, ramp: m(1) }],
    },
    series: [
      { name: 'CacheHits', svc: 'session-cache', unit: 'count', base: 510000, step: 60, effects: [{ from: -m(10), to: -m(9), value: 0 }, { from: -m(9), value: 260000 }] },
      { name: 'CurrConnections', svc: 'session-cache', unit: 'count', base: 4100, step: 60, effects: [{ from: -m(10), value: 1900, ramp: m(1) }] },
      { name: 'ReplicationLag', svc: 'session-cache', unit: 'seconds', base: 0.01, step: 60, effects: [{ from: -m(10), to: -m(9), value: 40 }] },
      { name: 'EngineCPUUtilization', svc: 'session-cache', unit: 'percent', base: 22, step: 60 },
      { name: 'kafka_consumergroup_lag', svc: 'events-kafka', unit: 'messages', base: 1200, noise: 0.3 },
    ],
    logs: [
      { svc: 'chat-svc', level: 'error', msg: 'moderation-svc classification timeout, message held', from: -h(1), every: 25, bg: true },
      { svc: 'telemetry-svc', level: 'warn', msg: 'client event with unknown schema version dropped', from: -h(1), every: 40, bg: true },
      { svc: 'anticheat-svc', level: 'warn', msg: 'heuristic score above threshold, flagged for review', from: -h(1), every: 90, bg: true },
      { svc: 'presence-svc', level: 'error', msg: "ReplyError: READONLY You can't write against a read only replica. (session-cache-0001-001.x1k9.use1.cache.amazonaws.com:6379)", from: -m(9), every: 1.5 },
      { svc: 'party-svc', level: 'error', msg: 'ClusterAllFailedError: Failed to refresh slots cache (session-cache)', from: -m(9), every: 3 },
      { svc: 'auth-svc', level: 'error', msg: 'session write failed: READONLY', from: -m(9), every: 4 },
      { svc: 'lobby-svc', level: 'error', msg: 'redis ECONNRESET on session lookup', from: -m(9), every: 5 },
    ],
    traces: [
      {
        n: 24,
        chain: [
          { svc: 'edge-gw', op: 'POST /party/invite', ms: 5 },
          { svc: 'party-svc', op: 'Invite', ms: 10 },
          { svc: 'presence-svc', op: 'SetStatus', ms: 3 },
          { svc: 'session-cache', op: 'SET', ms: 0.8 },
        ],
        faults: [{ svc: 'session-cache', from: -m(9), mode: 'error', p: 0.3, attrs: { 'db.response.status_code': 'READONLY' } }],
      },
      {
        n: 16,
        chain: [
          { svc: 'edge-gw', op: 'POST /auth/refresh', ms: 5 },
          { svc: 'auth-svc', op: 'Refresh', ms: 10 },
          { svc: 'session-cache', op: 'SET', ms: 0.8 },
        ],
        faults: [{ svc: 'session-cache', from: -m(9), mode: 'error', p: 0.2, attrs: { 'db.response.status_code': 'READONLY' } }],
      },
    ],
    changes: [
      { at: -m(30), service: 'auth-svc', kind: 'deployment', summary: 'auth-svc 11.3.0: device binding', version: '11.3.0', previousVersion: '11.2.7', source: 'argocd' },
      { at: -h(1), service: 'store-svc', kind: 'feature_flag', summary: 'weekend bundle offers on', source: 'unleash' },
      { at: -m(2), service: 'presence-svc', kind: 'deployment', summary: 'rollout restart presence-svc (mitigation)', version: '4.1.0', previousVersion: '4.1.0', author: 'oncall' },
    ],
    alerts: [
      { at: -m(11), service: 'session-cache', name: 'AWS Health: AWS_ELASTICACHE_NODE_REPLACEMENT session-cache-0001-001', status: 'firing' },
      { at: -m(7), service: 'presence-svc', name: 'PresenceErrorsHigh', status: 'firing' },
      { at: -m(6), service: 'auth-svc', name: 'AuthErrorsHigh', status: 'firing' },
    ],
    expected: { rootCause: { service: 'session-cache', kind: 'dependency_failure' }, action: 'none', mustCite: ['logs', 'alerts'] },
  },
];
