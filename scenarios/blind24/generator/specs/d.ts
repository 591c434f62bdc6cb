/*
 * Postmortems 10-12: matchmaking broken by defects for weeks (Halo: The Master Chief
 * Collection 2014), a cleanup script run against the production database (KeepTheScore
 * 2020), a launch day with a DDoS, login queues and mid-queue disconnects (Overwatch 2, 2022).
 */
import { alert, chronic, config, deploy, every, exc, flag, hop, infra, log, metric, peer, ramp, rt, shop, step, trace, widen, win, type Spec } from './lib.js';

/* Shop 10, "Spartan Arena": a multiplayer shooter collection's matchmaking. */
const mmTopo = {
  'game-client-api': ['matchmaker', 'party-service', 'profile-api'],
  matchmaker: ['skill-service', 'session-allocator', 'party-service'],
  'session-allocator': ['server-fleet'],
  'party-service': ['presence-service'],
  'profile-api': ['stats-db'],
  'stats-ingest': ['stats-db'],
};

const mmLoop: Spec = shop({
  name: 'match-wait-times-weeks-after-launch',
  description: 'Players wait ten minutes or more for a match; the problem comes and goes at evening peaks.',
  at: '2026-11-26T20:30:00Z',
  source: 'pagerduty',
  postmortem: 'Halo MCC 2014: matchmaking defects for weeks after launch',
  kind: 'code_defect',
  root: 'matchmaker',
  action: 'none',
  mustCite: ['metrics', 'logs'],
  why: 'no change for nine days; tickets from parties that span regions widen their search forever, hold matchmaker CPU and starve other tickets at peak; the allocator and client API look idle or slow only as victims',
  topology: mmTopo,
  window: '-2h',
  refHours: 24,
  alert: { service: 'game-client-api', title: 'Matchmaking wait p95 above 5 minutes', since: '-1m' },
  sizes: { matchmaker: [400, 60, 0.002] },
  fx: {
    matchmaker: { p95: [ramp('-60m', '-15m', 620000)] },
    'game-client-api': { p95: [ramp('-55m', '-15m', 9000)] },
    'session-allocator': { rps: [ramp('-60m', '-15m', 30)] },
  },
  metrics: [
    metric('matchmaker', 'cpu_utilization', 0.4, { diurnal: 0.3, noise: 0.04, digits: 3, fx: [ramp('-60m', '-15m', 0.99)] }),
    metric('matchmaker', 'tickets_open', 8000, { diurnal: 0.3, noise: 0.05, digits: 0, fx: [ramp('-60m', '-0s', 61000)] }),
    metric('matchmaker', 'ticket_search_rounds_max', 12, { noise: 0.2, digits: 0, fx: [ramp('-70m', '-0s', 4100)] }),
    metric('matchmaker', 'matches_formed_per_minute', 2200, { diurnal: 0.3, noise: 0.05, digits: 0, fx: [ramp('-60m', '-15m', 310)] }),
  ],
  logs: [
    chronic('matchmaker', 'warn', 'ticket {id} search expanded to round {n:200-4000} (party regions eu-west,na-east; skill band widened to ±∞)', '3m'),
    chronic('stats-ingest', 'warn', 'late stats for match {id}, merged', '7m'),
    every('matchmaker', 'warn', 'evaluation loop {n:900-4000}ms behind; {n:20000-61000} tickets open', '-55m', '3m'),
    every('game-client-api', 'warn', 'matchmaking ticket {id} still searching after {n:300-900}s', '-45m', '2m'),
  ],
  changes: [deploy('-2h', 'profile-api', '2.11.0', '2.10.4', 'profile-api: emblem editor'), config('-9h', 'session-allocator', 'datacenter weights: westus 30 -> 40')],
  alerts: [alert('-40m', 'matchmaker', 'MatchmakerCpuHigh'), alert('-30m', 'session-allocator', 'AllocationsBelowForecast')],
});

const mmParty: Spec = shop({
  name: 'matchmaker-ticket-rejections',
  description: 'Match formation fails for party tickets; solo players find matches.',
  at: '2026-12-02T19:15:00Z',
  source: 'alertmanager',
  postmortem: 'Halo MCC 2014: a patch breaks party matchmaking',
  kind: 'deployment',
  root: 'party-service',
  action: 'rollback',
  mustCite: ['changes', 'traces'],
  why: 'the matchmaker rejects tickets and alerts; the tickets are rejected because party-service, patched 40 minutes earlier, returns rosters without member ids; a matchmaker config tweak a day old is noise',
  topology: mmTopo,
  refHours: 168,
  alert: { service: 'matchmaker', title: 'Ticket rejection ratio above 20%', since: '-15m' },
  sizes: { 'party-service': [600, 15, 0.001], matchmaker: [400, 60, 0.002] },
  fx: { matchmaker: { err: [step('-38m', 0.41)] }, 'game-client-api': { err: [step('-37m', 0.18)] } },
  metrics: [metric('matchmaker', 'tickets_rejected_per_minute', 4, { labels: { reason: 'invalid_roster' }, noise: 0.5, digits: 0, fx: [step('-38m', 1900)] })],
  logs: [
    chronic('stats-ingest', 'warn', 'late stats for match {id}, merged', '7m'),
    log('party-service', 'info', 'party-service 1.8.0 started (roster v3 serializer)', '-40m'),
    every('matchmaker', 'error', 'ticket {id} rejected: invalid roster (member_ids empty, size {n:2-6}) from party-service', '-38m', '1m'),
    every('game-client-api', 'warn', 'party {id} matchmaking failed: ROSTER_INVALID', '-37m', '2m'),
  ],
  traces: [
    trace('-90m', '-42m', '12m', [hop('game-client-api', 'POST /matchmaking/tickets', 80), hop('matchmaker', 'CreateTicket', 40), hop('party-service', 'GetRoster', 8, 'ok', { 'roster.members': 4 })], true),
    trace('-35m', '-1m', '6m', [hop('game-client-api', 'POST /matchmaking/tickets', 70, 'error', { 'http.status_code': 422 }), hop('matchmaker', 'CreateTicket', 35, 'error', { 'error.message': 'invalid roster' }), hop('party-service', 'GetRoster', 7, 'ok', { 'roster.members': 0, 'roster.schema': 'v3' })]),
  ],
  changes: [deploy('-40m', 'party-service', '1.8.0', '1.7.6', 'party-service: roster v3 serializer (cross-title parties)', 'q.holm'), config('-26h', 'matchmaker', 'ticket timeout 300s -> 360s')],
  alerts: [alert('-35m', 'game-client-api', 'PartyMatchmakingErrors')],
});

const mmPlaylist: Spec = shop({
  name: 'team-playlist-no-matches',
  description: 'One team playlist forms no matches; players in it wait until they give up.',
  at: '2026-12-05T21:05:00Z',
  source: 'opsgenie',
  postmortem: 'Halo MCC 2014: matchmaking unable to form games',
  kind: 'config_change',
  root: 'matchmaker',
  action: 'revert_config',
  mustCite: ['changes', 'metrics'],
  why: 'the client API alerts on abandoned searches; the matchmaker forms no games in one playlist since a playlist update set its team size to 8 in a 4-slot map pool; other playlists are fine; an allocator deploy is noise',
  topology: mmTopo,
  alert: { service: 'game-client-api', title: 'Matchmaking abandon rate above 30%', since: '-1m' },
  fx: { 'game-client-api': { err: [step('-29m', 0.05)] } },
  metrics: [
    metric('matchmaker', 'matches_formed_per_minute', 310, { labels: { playlist: 'team-slayer' }, diurnal: 0.3, noise: 0.06, digits: 0, fx: [step('-29m', 0)] }),
    metric('matchmaker', 'matches_formed_per_minute', 180, { labels: { playlist: 'ffa' }, diurnal: 0.3, noise: 0.06, digits: 0 }),
    metric('game-client-api', 'search_abandon_ratio', 0.04, { noise: 0.2, digits: 3, fx: [ramp('-29m', '-5m', 0.38)] }),
  ],
  logs: [
    chronic('matchmaker', 'warn', 'ticket {id} search expanded to round {n:20-80}', '5m'),
    log('matchmaker', 'info', 'playlist team-slayer reloaded: team_size=8 teams=2 map_pool=[arena-4v4-*]', '-29m'),
    every('matchmaker', 'warn', 'playlist team-slayer: no map in pool supports 16 players; candidate match discarded', '-29m', '1m'),
  ],
  changes: [config('-29m', 'matchmaker', 'playlist update: team-slayer team_size 4 -> 8 (big team weekend)', 'live-ops'), deploy('-75m', 'session-allocator', '5.0.1', '5.0.0', 'allocator: warm pool tweak')],
  alerts: [alert('-20m', 'session-allocator', 'AllocationsBelowForecast')],
});

const mmFlag: Spec = shop({
  name: 'session-allocator-utilization-low',
  description: 'Game server utilization collapses at peak; the allocator sits idle with free servers.',
  at: '2026-12-09T20:50:00Z',
  source: 'grafana',
  postmortem: 'Halo MCC 2014: matchmaking failing to put players into games',
  kind: 'feature_flag',
  root: 'matchmaker',
  action: 'disable_flag',
  mustCite: ['changes', 'metrics'],
  why: 'the allocator alerts because nothing asks it for servers; the matchmaker split its pools by platform and input when a cross-play flag went on, and pools too thin to fill form almost no matches; nothing errors',
  topology: mmTopo,
  refHours: 168,
  alert: { service: 'session-allocator', title: 'Game server utilization below 25% at peak', since: '-7m', value: 0.17 },
  fx: { 'session-allocator': { rps: [step('-33m', 8)] } },
  metrics: [
    metric('session-allocator', 'server_utilization_ratio', 0.7, { diurnal: 0.2, noise: 0.03, digits: 3, fx: [ramp('-33m', '-10m', 0.17)] }),
    metric('matchmaker', 'skill_pools_active', 24, { noise: 0, digits: 0, fx: [step('-33m', 192)] }),
    metric('matchmaker', 'matches_formed_per_minute', 2100, { diurnal: 0.3, noise: 0.06, digits: 0, fx: [step('-33m', 280)] }),
  ],
  logs: [
    chronic('matchmaker', 'warn', 'ticket {id} search expanded to round {n:20-80}', '5m'),
    log('matchmaker', 'info', 'flag crossplay-input-pools on: pools split by platform x input (24 -> 192)', '-33m'),
    every('matchmaker', 'info', 'pool {n:1-192} below minimum fill ({n:1-6}/8) after {n:60-300}s', '-30m', '2m'),
    every('session-allocator', 'info', 'idle servers {n:3000-4800}; allocation requests {n:2-10}/s', '-28m', '5m'),
  ],
  changes: [flag('-33m', 'matchmaker', 'crossplay-input-pools: off -> on', 'y.abara')],
  alerts: [alert('-25m', 'game-client-api', 'MatchmakingWaitHigh')],
});

/* Shop 11, "Tallyboard": a small scoreboard web app on AWS. */
const tallyTopo = {
  'web-app': ['scores-api', 'auth-api'],
  'scores-api': ['scores-db', 'board-cache'],
  'embed-widget': ['scores-api'],
  'fixture-cleaner': ['scores-db'],
  'export-worker': ['scores-db', 'export-bucket'],
  'auth-api': ['users-db'],
};

const tallyCleaner: Spec = shop({
  name: 'scores-api-boards-not-found',
  description: 'Scores API returns 404 and 500 for boards that exist; customers report empty scoreboards.',
  at: '2026-01-20T10:25:00Z',
  source: 'cloudwatch-sns',
  step: 300,
  postmortem: 'KeepTheScore 2020: a cleanup script run against the production database by mistake',
  kind: 'config_change',
  root: 'fixture-cleaner',
  action: 'revert_config',
  mustCite: ['changes', 'logs'],
  why: 'the scores API alerts and the database shows a burst of deletes; the staging fixture cleaner\'s database URL had been changed to the production endpoint that morning, and its nightly-style run truncated the boards tables',
  topology: tallyTopo,
  window: '-2h',
  refHours: 24,
  alert: { service: 'scores-api', title: 'scores api 5XX', since: '-1m', metric: 'HTTPCode_Target_5XX_Count', namespace: 'AWS/ApplicationELB', dimensions: { TargetGroup: 'targetgroup/scores-api/2a7e19c04d3b', LoadBalancer: 'app/tallyboard/9f3e0c12ab' }, threshold: 20, value: 410 },
  sizes: { 'scores-api': [12000, 40, 1] },
  fx: { 'scores-api': { err: [step('-22m', 420)] }, 'web-app': { err: [step('-21m', 160)] }, 'embed-widget': { err: [step('-21m', 90)] } },
  noGolden: ['export-bucket', 'fixture-cleaner'],
  background: { 'fixture-cleaner': ['idle: next scheduled fixture reset in {n:1-23}h', 'GET /healthz 200'] },
  metrics: [
    metric('scores-db', 'RowsDeleted', 40, { unit: 'Count', noise: 0.5, digits: 0, fx: [ramp('-24m', '-22m', 3_900_000), step('-22m', 5)] }),
    metric('scores-api', 'BoardNotFound', 8, { unit: 'Count', noise: 0.4, digits: 0, fx: [step('-22m', 5200)] }),
  ],
  logs: [
    chronic('export-worker', 'warn', 'export {id} retried: export-bucket SlowDown', '9m'),
    log('fixture-cleaner', 'info', 'fixture-cleaner run start: target=tallyboard-prod.cluster-c9x.eu-west-1.rds.amazonaws.com db=tally', '-25m'),
    log('fixture-cleaner', 'info', 'TRUNCATE boards, board_entries, board_members CASCADE (fixture reset)', '-24m'),
    log('fixture-cleaner', 'info', 'fixture-cleaner run done: 3,912,440 rows removed, loading 40 fixture boards', '-22m'),
    every('scores-api', 'error', 'GET /boards/{id}: board not found', '-22m', '1m'),
    every('scores-api', 'error', 'insert into board_entries violates foreign key constraint "board_entries_board_id_fkey"', '-21m', '2m'),
    every('web-app', 'warn', 'user {id} opened empty dashboard (0 boards)', '-21m', '2m'),
  ],
  changes: [config('-3h', 'fixture-cleaner', 'env DATABASE_URL updated (secret rotation): points at tallyboard-prod cluster', 'dev-laptop:m.ruiz'), deploy('-70m', 'web-app', '3.4.0', '3.3.2', 'web-app: dark theme', 'ci-bot', 'github-actions')],
  alerts: [alert('-20m', 'web-app', 'web-app-5xx'), alert('-20m', 'embed-widget', 'embed-widget-errors')],
});

const tallyMigration: Spec = shop({
  name: 'web-app-team-boards-500',
  description: 'Team boards fail with 500 errors after a release; single-user boards work.',
  at: '2026-01-27T15:50:00Z',
  source: 'cloudwatch',
  step: 300,
  postmortem: 'KeepTheScore 2020: production data deleted by a script',
  kind: 'deployment',
  root: 'scores-api',
  action: 'rollback',
  mustCite: ['changes', 'exceptions'],
  why: 'the web app alerts; the scores API release ran a cleanup migration that dropped a table its team-board queries still read; an export-worker deploy in the same hour is unrelated',
  topology: tallyTopo,
  alert: { service: 'web-app', title: 'web app 5XX', since: '-1m', metric: 'HTTPCode_Target_5XX_Count', namespace: 'AWS/ApplicationELB', dimensions: { LoadBalancer: 'app/web-app/6d1f2e0a9b8c7d60' }, threshold: 20, value: 260 },
  sizes: { 'scores-api': [12000, 40, 1] },
  fx: { 'scores-api': { err: [step('-20m', 600)] }, 'web-app': { err: [step('-19m', 270)] } },
  noGolden: ['export-bucket'],
  logs: [
    chronic('export-worker', 'warn', 'export {id} retried: export-bucket SlowDown', '9m'),
    log('scores-api', 'info', 'migration 0142_drop_legacy_tables: DROP TABLE board_members_legacy, team_members CASCADE', '-21m'),
    every('scores-api', 'error', 'relation "team_members" does not exist (GET /teams/{id}/boards)', '-20m', '1m'),
  ],
  changes: [
    deploy('-21m', 'scores-api', '7.0.0', '6.9.3', 'scores-api: remove legacy membership tables', 'k.falk', 'github-actions'),
    deploy('-40m', 'export-worker', '2.2.0', '2.1.1', 'export-worker: CSV BOM', 'ci-bot', 'github-actions'),
  ],
  exceptions: [exc('-20m', 'scores-api', 'UndefinedTable', 'relation "team_members" does not exist', 3100, 'teams/repository.ts:listBoards')],
  alerts: [alert('-18m', 'scores-api', 'scores-api-5xx')],
});

const tallyReplace = widen(
  shop({
    name: 'scores-api-empty-results-after-apply',
    description: 'All boards disappear at once; the API answers quickly with empty results and some errors.',
    at: '2026-02-03T11:15:00Z',
    source: 'cloudwatch-sns',
    step: 300,
    postmortem: 'KeepTheScore 2020: the production database deleted and restored from backup',
    kind: 'infrastructure',
    root: 'scores-db',
    action: 'none',
    mustCite: ['changes', 'logs'],
    why: 'an infrastructure apply replaced the database instance (a renamed subnet group forces replacement) and a fresh empty one came up under the same endpoint; the API alerts; its own code and config did not change',
    topology: tallyTopo,
    window: '-2h',
    refHours: 24,
    alert: { service: 'scores-api', title: 'scores api board not found', since: '-1m', metric: 'BoardNotFound', namespace: 'Tallyboard/Api', threshold: 100, value: 6100 },
    sizes: { 'scores-api': [12000, 40, 1] },
    fx: { 'scores-api': { err: [win('-33m', '-25m', 3000), step('-25m', 140)], p95: [win('-33m', '-25m', 9000)] } },
    noGolden: ['export-bucket', 'scores-db'],
    metrics: [
      metric('scores-db', 'DatabaseConnections', 60, { unit: 'Count', noise: 0.1, digits: 0, fx: [win('-33m', '-25m', 0)] }),
      metric('scores-db', 'FreeStorageSpace', 3.1e10, { unit: 'Bytes', noise: 0.001, digits: 0, fx: [step('-25m', 9.9e10)] }),
      metric('scores-api', 'BoardNotFound', 8, { unit: 'Count', noise: 0.4, digits: 0, fx: [step('-25m', 6000)] }),
    ],
    logs: [
      chronic('export-worker', 'warn', 'export {id} retried: export-bucket SlowDown', '9m'),
      log('scores-db', 'info', 'DB instance tallyboard-prod deleted (final snapshot skipped: skip_final_snapshot=true)', '-33m'),
      log('scores-db', 'info', 'DB instance tallyboard-prod created (engine postgres 16.4, empty)', '-25m'),
      every('scores-api', 'error', 'connect ECONNREFUSED scores-db:5432', '-33m', '1m', undefined),
      every('scores-api', 'warn', 'GET /boards/{id}: board not found', '-25m', '1m'),
      log('scores-api', 'info', 'migrations applied on empty schema: 0001..0141', '-24m'),
    ],
    changes: [infra('-34m', 'scores-db', 'terraform apply: aws_db_instance.tallyboard must be replaced (db_subnet_group_name renamed)'), deploy('-90m', 'embed-widget', '1.6.0', '1.5.2', 'embed-widget: compact layout', 'ci-bot', 'github-actions')],
    alerts: [alert('-33m', 'scores-db', 'scores-db-connections-zero', 'resolved'), alert('-20m', 'web-app', 'web-app-empty-dashboards')],
  }),
  { 'billing-api': ['users-db'], 'webhook-sender': ['scores-api'], 'admin-panel': ['users-db', 'scores-api'] },
);

const tallyFlag: Spec = shop({
  name: 'web-app-active-boards-vanishing',
  description: 'Customers\' active boards vanish one by one; the web app reports a growing 404 rate.',
  at: '2026-02-10T09:35:00Z',
  source: 'cloudwatch',
  step: 300,
  postmortem: 'KeepTheScore 2020: a cleanup deletes live data',
  kind: 'feature_flag',
  root: 'scores-api',
  action: 'disable_flag',
  mustCite: ['changes', 'logs'],
  why: 'deletes trickle rather than burst; the scores API\'s purge of inactive boards, turned on by a flag, treats boards never viewed through the new tracker (last_viewed null) as inactive; the web app alerts',
  topology: tallyTopo,
  refHours: 24,
  alert: { service: 'web-app', title: 'web app 4XX', since: '-1m', metric: 'HTTPCode_Target_4XX_Count', namespace: 'AWS/ApplicationELB', dimensions: { LoadBalancer: 'app/web-app/6d1f2e0a9b8c7d60' }, threshold: 300, value: 1800 },
  noGolden: ['export-bucket'],
  metrics: [
    metric('web-app', 'HTTPCode_Target_4XX_Count', 120, { unit: 'Count', diurnal: 0.3, noise: 0.2, digits: 0, fx: [ramp('-50m', '-0s', 1850)] }),
    metric('scores-db', 'RowsDeleted', 40, { unit: 'Count', noise: 0.5, digits: 0, fx: [step('-55m', 52000)] }),
  ],
  logs: [
    chronic('export-worker', 'warn', 'export {id} retried: export-bucket SlowDown', '9m'),
    every('scores-api', 'info', 'purge-inactive: deleted board {id} (last_viewed=null, created {n:30-900} days ago)', '-55m', '1m'),
    every('web-app', 'warn', 'board {id} not found for owner {id}', '-50m', '1m'),
  ],
  changes: [flag('-55m', 'scores-api', 'purge-inactive-boards: off -> on (prod)', 'n.petrov'), config('-2h', 'board-cache', 'ttl 300s -> 600s')],
  alerts: [alert('-30m', 'scores-db', 'scores-db-delete-rate-high')],
});

/* Shop 12, "Blink Heroes": a hero shooter's launch day. */
const heroTopo = {
  'ddos-scrubber': ['edge-gateway'],
  'edge-gateway': ['auth-service', 'login-queue', 'game-api'],
  'login-queue': ['queue-state'],
  'auth-service': ['account-db', 'sms-verify'],
  'game-api': ['matchmaking', 'inventory-service'],
  matchmaking: ['game-servers'],
  'inventory-service': ['inventory-db'],
};
const heroExt = ['ddos-scrubber', 'sms-verify'];

const heroDdos = widen(
  shop({
    name: 'auth-service-target-timeouts-launch',
    description: 'Launch day: auth service timeouts and login failures; request volume at the edge is extreme.',
    at: '2026-10-04T16:30:00Z',
    source: 'cloudwatch',
    step: 300,
    postmortem: 'Overwatch 2 launch 2022: a DDoS on launch day',
    kind: 'traffic_surge',
    root: 'edge-gateway',
    action: 'none',
    mustCite: ['metrics', 'logs'],
    why: 'the auth service alerts; the edge receives forty times normal requests, mostly a flood of identical unauthenticated login posts from a botnet, which saturates it; no defect and no change; scaling out does not help, mitigation does',
    topology: heroTopo,
    external: heroExt,
    refHours: 168,
    alert: { service: 'auth-service', title: 'auth service target timeouts', since: '-1m', metric: 'TargetResponseTime', namespace: 'AWS/ApplicationELB', dimensions: { TargetGroup: 'targetgroup/auth-service/4be0c7a1d22f' }, threshold: 5, value: 18.4 },
    sizes: { 'edge-gateway': [600000, 30, 20], 'auth-service': [90000, 80, 5] },
    fx: {
      'edge-gateway': { rps: [step('-35m', 24_000_000)], err: [step('-35m', 3_100_000)], p95: [step('-35m', 12000)] },
      'auth-service': { rps: [step('-35m', 410000)], p95: [step('-35m', 18000)], err: [step('-34m', 52000)] },
    },
    metrics: [
      metric('edge-gateway', 'RequestsFromTopAsn', 1000, { unit: 'Count', noise: 0.2, digits: 0, fx: [step('-35m', 19_000_000)] }),
      metric('edge-gateway', 'ActiveConnectionCount', 90000, { unit: 'Count', diurnal: 0.3, noise: 0.05, digits: 0, fx: [step('-35m', 2_400_000)] }),
    ],
    logs: [
      chronic('matchmaking', 'warn', 'backfill search for match {id} took {n:20-60}s', '5m'),
      every('edge-gateway', 'warn', 'POST /login from {n:10-250}.{n:1-250}.x.x: {n:300-900} req/s, no session cookie, UA "okhttp/3.12.0"', '-35m', '1m'),
      every('edge-gateway', 'error', 'upstream auth-service pool exhausted; 503 to client', '-34m', '1m'),
      every('auth-service', 'warn', 'login rate {n:30000-45000}/s, {n:97-99}% invalid credentials', '-34m', '2m'),
    ],
    changes: [deploy('-4h', 'game-api', '1.0.0', '0.9.12', 'launch build', 'release', 'codedeploy'), deploy('-10m', 'auth-service', '1.0.1', '1.0.0', 'hotfix: cache negative credential lookups', 'oncall', 'codedeploy')],
    alerts: [alert('-30m', 'login-queue', 'login-queue-length-high'), alert('-28m', 'edge-gateway', 'edge-5xx-high')],
  }),
  { 'store-service': ['inventory-service', 'account-db'], 'news-feed': ['game-api'] },
);

const heroQueue: Spec = shop({
  name: 'players-kicked-while-waiting-to-log-in',
  description: 'Players waiting to log in are kicked back to the title screen and lose their place.',
  at: '2026-10-04T21:40:00Z',
  source: 'pagerduty',
  postmortem: 'Overwatch 2 launch 2022: server-side issue disconnected players mid-queue',
  kind: 'code_defect',
  root: 'login-queue',
  action: 'none',
  mustCite: ['logs', 'metrics'],
  why: 'the gateway alerts on disconnects; the queue refreshes a session\'s expiry only when its position moves, so once admissions stall for ten minutes every waiting session expires at once; the queue store evicting keys looks like a cache fault',
  topology: heroTopo,
  external: heroExt,
  refHours: 24,
  alert: { service: 'edge-gateway', title: 'Client disconnect rate above 5%', since: '-1m' },
  sizes: { 'login-queue': [3000, 20, 0.001] },
  fx: { 'edge-gateway': { err: [step('-12m', 0.09)] }, 'login-queue': { err: [step('-12m', 0.31)] } },
  metrics: [
    metric('login-queue', 'queue_admissions_per_minute', 9000, { noise: 0.05, digits: 0, fx: [step('-24m', 0)] }),
    metric('login-queue', 'queue_sessions_waiting', 180000, { noise: 0.03, digits: 0, fx: [step('-12m', 21000)] }),
    metric('queue-state', 'expired_keys_per_second', 30, { noise: 0.3, digits: 0, fx: [win('-12m', '-9m', 2900), step('-9m', 400)] }),
  ],
  logs: [
    chronic('queue-state', 'info', 'RDB snapshot saved: {n:100-400} MB', '10m'),
    log('login-queue', 'warn', 'admissions paused: auth-service backpressure (position updates suspended)', '-24m'),
    every('login-queue', 'error', 'session {id} not found in queue-state (expired); client told to re-queue', '-12m', '1m'),
    every('edge-gateway', 'warn', 'queue websocket {id} closed with QUEUE_SESSION_LOST', '-12m', '1m'),
    log('login-queue', 'info', 'admissions resumed', '-8m'),
  ],
  changes: [config('-2h', 'edge-gateway', 'websocket idle timeout 120s -> 300s')],
  alerts: [alert('-11m', 'queue-state', 'ExpiredKeysSpike'), alert('-24m', 'auth-service', 'AuthBackpressure', 'resolved')],
});

const heroScrubber: Spec = shop({
  name: 'edge-gateway-inbound-drop',
  description: 'Valid player traffic to the edge falls by two thirds in some regions; players see connection failures before reaching us.',
  at: '2026-10-05T08:15:00Z',
  source: 'cloudwatch-sns',
  step: 300,
  postmortem: 'Overwatch 2 launch 2022: DDoS mitigation during launch',
  kind: 'dependency_failure',
  root: 'ddos-scrubber',
  action: 'none',
  mustCite: ['logs', 'alerts'],
  why: 'our edge alerts on low traffic and looks broken, but every request that reaches it succeeds; the scrubbing provider in front rejects legitimate players under an over-tight mitigation profile, per its status page and the handshake errors in our edge logs',
  topology: heroTopo,
  external: heroExt,
  refHours: 168,
  alert: { service: 'edge-gateway', title: 'edge request count low', since: '-1m', metric: 'RequestCount', namespace: 'AWS/ApplicationELB', dimensions: { LoadBalancer: 'app/edge-gateway/0ab1c2d3e4f56789' }, threshold: 200000, value: 71000, below: true },
  sizes: { 'edge-gateway': [600000, 30, 20] },
  fx: { 'edge-gateway': { rps: [step('-30m', 210000)] }, 'auth-service': { rps: [step('-30m', 30000)] } },
  logs: [
    chronic('matchmaking', 'warn', 'backfill search for match {id} took {n:20-60}s', '5m'),
    every('edge-gateway', 'warn', 'origin pull from scrubber PoP {n:1-30}: {n:40-70}% fewer connections than forecast', '-30m', '2m'),
    every('edge-gateway', 'info', 'proxy protocol header from ddos-scrubber: mitigation=L7-strict challenge=js', '-30m', '5m'),
  ],
  changes: [deploy('-2h', 'matchmaking', '1.0.2', '1.0.1', 'matchmaking: role queue fix', 'ci-bot', 'codedeploy')],
  alerts: [alert('-28m', 'ddos-scrubber', 'Scrubber status: elevated false-positive challenges in EU/NA PoPs'), alert('-25m', 'login-queue', 'login-queue-admissions-low')],
});

const heroInventory: Spec = shop({
  name: 'game-api-launch-rewards-timeouts',
  description: 'Launch rewards fail to appear and hero screens time out on game API calls.',
  at: '2026-10-04T19:10:00Z',
  source: 'opsgenie',
  postmortem: 'Overwatch 2 launch 2022: launch-day load on services behind login',
  kind: 'traffic_surge',
  root: 'inventory-service',
  action: 'scale_out',
  mustCite: ['metrics'],
  why: 'the game API alerts; as the queue admits players, every one claims launch rewards at once and the inventory service runs at twenty times last week\'s rate at full CPU; its errors are timeouts; no change since launch',
  topology: heroTopo,
  external: heroExt,
  refHours: 168,
  alert: { service: 'game-api', title: 'Game API p95 above 4s', since: '-1m' },
  sizes: { 'inventory-service': [500, 40, 0.001] },
  fx: {
    'inventory-service': { rps: [ramp('-60m', '-25m', 10200)], p95: [ramp('-35m', '-20m', 7000)], err: [ramp('-30m', '-10m', 0.12)] },
    'game-api': { p95: [ramp('-32m', '-15m', 5200)], rps: [ramp('-60m', '-25m', 6000)] },
    'login-queue': { rps: [ramp('-60m', '-30m', 9000)] },
  },
  metrics: [
    metric('inventory-service', 'cpu_utilization', 0.3, { noise: 0.05, digits: 3, fx: [ramp('-60m', '-30m', 0.99)] }),
    metric('inventory-service', 'reward_claims_per_second', 20, { noise: 0.1, digits: 0, fx: [ramp('-60m', '-25m', 9500)] }),
  ],
  logs: [
    chronic('matchmaking', 'warn', 'backfill search for match {id} took {n:20-60}s', '5m'),
    every('inventory-service', 'warn', 'request queue {n:1000-5000} deep; p99 {n:5-12}s', '-30m', '2m'),
    every('game-api', 'warn', 'inventory-service timeout after 4000ms (GET /rewards/launch)', '-28m', '1m'),
  ],
  changes: [deploy('-9h', 'inventory-service', '1.0.0', '0.9.8', 'launch build', 'release')],
  alerts: [alert('-25m', 'inventory-db', 'DbCpuHigh')],
});

export const D: Spec[] = [mmLoop, mmParty, mmPlaylist, mmFlag, tallyCleaner, tallyMigration, tallyReplace, tallyFlag, heroDdos, heroQueue, heroScrubber, heroInventory];
void hop;
void peer;
void trace;
void rt;
