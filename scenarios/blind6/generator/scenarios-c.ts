import type { ScenarioSpec } from './engine.js';
import { M, H, span, clientSpan, expected, step, noisy } from './kit.js';
import { cloudwatchEvent, datadog, grafana, opsgenie } from './signals.js';

/* Feature flags and resource exhaustion. */

const C1_AT = '2026-02-17T19:26:00Z';
const c1: ScenarioSpec = {
  name: 'products-search-jvm-memory-pressure',
  description: 'CloudWatch alarm: OpenSearch domain products-search JVMMemoryPressure above 85%.',
  at: C1_AT,
  signal: {
    source: 'cloudwatch',
    ...cloudwatchEvent({
      at: C1_AT,
      changed: -1 * M,
      name: 'products-search-JVMMemoryPressure-high',
      description: 'OpenSearch recommended alarm: JVMMemoryPressure maximum >= 85% for 3 of 3 periods (1 min).',
      reason: 'Threshold Crossed: 3 out of the last 3 datapoints [93.0 (17/02/26 19:24:00), 91.0 (17/02/26 19:23:00), 88.0 (17/02/26 19:22:00)] were greater than or equal to the threshold (85.0) (minimum 3 datapoints for OK -> ALARM transition).',
      namespace: 'AWS/ES',
      metric: 'JVMMemoryPressure',
      dimensions: { DomainName: 'products-search', ClientId: '481516234200' },
      stat: 'Maximum',
      period: 60,
      threshold: 85,
      comparison: 'GreaterThanOrEqualToThreshold',
    }),
  },
  topology: {
    'web-frontend': ['search-api', 'product-api'],
    'search-api': ['products-search', 'search-suggest'],
    'indexer': ['products-search'],
    'product-api': ['product-db'],
  },
  services: [
    { name: 'web-frontend', style: 'otel', rps: 300, p99: 500, err: 0.002, info: ['GET /search 200', 'GET /p/{n:10000-99999} 200'], logEvery: 60 },
    { name: 'search-api', style: 'otel', rps: 160, p99: 220, err: 0.002, info: ['search ok hits={n:0-4000} took={n:15-140}ms', 'facets computed for {n:3-12} fields'], logEvery: 45 },
    { name: 'indexer', style: 'none', info: ['bulk indexed {n:200-900} docs in {n:80-400}ms'], logEvery: 300, chronic: [{ level: 'warn', message: 'bulk item rejected: version conflict for product {n:10000-99999}, skipping', every: 600 }] },
    { name: 'product-api', style: 'otel', rps: 200, p99: 60, err: 0.001, info: ['product served'] },
    { name: 'search-suggest', style: 'otel', rps: 250, p99: 25, err: 0.001 },
  ],
  effects: [
    { service: 'search-api', from: -31 * M, ramp: 20 * M, lat: 6, err: 0.09 },
    { service: 'web-frontend', from: -28 * M, ramp: 20 * M, lat: 1.8, err: 0.03 },
  ],
  series: [
    { name: 'JVMMemoryPressure', service: 'products-search', labels: { Namespace: 'AWS/ES', DomainName: 'products-search', ClientId: '481516234200', Statistic: 'Maximum' }, unit: 'Percent', step: 60, gaps: 0.03, fn: (t, r, ref) => Math.min(99, noisy(r, step(t, ref, -32 * M, 58, 93, 24 * M), 0.03)) },
    { name: 'JVMGCOldCollectionCount', service: 'products-search', labels: { Namespace: 'AWS/ES', DomainName: 'products-search', ClientId: '481516234200', Statistic: 'Sum' }, unit: 'Count', step: 60, fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -25 * M, 0.2, 14, 8 * M), 0.3)) },
    { name: 'ThreadpoolSearchRejected', service: 'products-search', labels: { Namespace: 'AWS/ES', DomainName: 'products-search', ClientId: '481516234200', Statistic: 'Sum' }, unit: 'Count', step: 60, fn: (t, r, ref) => Math.round(t < -18 * M || ref ? 0 : noisy(r, 340, 0.3)) },
    { name: 'search_request_aggregations', service: 'search-api', labels: { agg: 'terms', field: 'attributes.*' }, unit: '{aggregation}/s', fn: (t, r, ref) => noisy(r, step(t, ref, -32 * M, 4, 160, 2 * M), 0.08) },
  ],
  logs: [
    { service: 'search-api', from: -25 * M, every: 30, level: 'error', msg: 'OpenSearchStatusException[OpenSearch exception [type=circuit_breaking_exception, reason=[parent] Data too large, data for [<http_request>] would be [{n:15200000000-15900000000}/14.4gb], which is larger than the limit of [15300000000/14.2gb]]]' },
    { service: 'search-api', from: -20 * M, every: 40, level: 'error', msg: 'search failed: es_rejected_execution_exception: rejected execution of coordinating operation' },
    { service: 'search-api', from: -32 * M, every: 50, level: 'debug', msg: 'query built: multi_match + {n:12-40} terms aggs on attributes.* (ranking=v2)' },
    { service: 'search-api', from: -2 * H, to: -32 * M, every: 50, level: 'debug', msg: 'query built: multi_match + 4 terms aggs (ranking=v1)' },
    { service: 'web-frontend', from: -22 * M, every: 60, level: 'warn', msg: 'search-api timeout after 3000ms, rendering empty results' },
  ],
  traces: [
    { from: -2 * H, to: -33 * M, count: 4, inRef: true, tree: (r) => span('web-frontend', 'GET /search', r.int(120, 260), 'ok', undefined, [span('search-api', 'GET /v1/search', r.int(60, 160), 'ok', { 'feature_flag.key': 'search-facets-v2', 'feature_flag.variant': 'off' }, [span('search-api', 'POST products-search/_search', r.int(40, 120), 'ok', { 'db.system': 'opensearch', 'server.address': 'vpc-products-search-5m2x.us-east-1.es.amazonaws.com' })])]) },
    { from: -25 * M, to: -1 * M, count: 6, tree: (r) => span('web-frontend', 'GET /search', r.int(1800, 3100), 'error', undefined, [span('search-api', 'GET /v1/search', r.int(1500, 3000), 'error', { 'feature_flag.key': 'search-facets-v2', 'feature_flag.variant': 'on' }, [span('search-api', 'POST products-search/_search', r.int(1400, 2900), 'error', { 'db.system': 'opensearch', 'server.address': 'vpc-products-search-5m2x.us-east-1.es.amazonaws.com', 'http.response.status_code': 429 })])]) },
  ],
  changes: [
    { at: -26 * H, service: 'products-search', kind: 'infrastructure', summary: 'AWS Health: OpenSearch service software update R20260210 available for products-search (scheduled for 2026-02-24)', source: 'aws.health' },
    { at: -1 * H - 30 * M, service: 'indexer', kind: 'deployment', summary: 'indexer 1.19.0: index product attributes as keyword fields', version: '1.19.0', previousVersion: '1.18.4', author: 'f.lindqvist', commit: 'd4c2e10', source: 'argocd' },
    { at: -32 * M, service: 'search-api', kind: 'feature_flag', summary: 'flag search-facets-v2: rollout 5% -> 100% (all users)', author: 'product-search@acme', source: 'launchdarkly' },
    { at: -6 * M, service: 'products-search', kind: 'scaling', summary: 'UpdateDomainConfig products-search: data nodes 3 -> 6 (blue/green in progress)', author: 'k.haddad', source: 'cloudtrail' },
  ],
  alerts: [{ at: -12 * M, service: 'search-api', name: 'search-api p99 > 1s', status: 'firing' }],
  reference: { hoursBack: 168 },
  expected: expected('search-api', 'feature_flag', 'disable_flag', ['changes', 'metrics']),
  meta: {
    story: 'search-facets-v2 goes from 5% to 100%: every search now runs terms aggregations across all attributes.* keyword fields (made possible by the indexer change), filling the OpenSearch heap until the parent circuit breaker trips. The alarm is on the domain; a blue/green resize started as a mitigation makes things worse for a while.',
    modelledOn: 'documented class: heavy aggregation enabled by a feature flag driving OpenSearch/Elasticsearch JVM memory pressure and circuit-breaker exceptions',
    alertService: 'products-search',
    alertStart: -1 * M,
    tempting: 'the domain itself (alarm, AWS Health software update notice, resize); the indexer deploy that added the keyword fields',
  },
};

const C2_AT = '2026-11-27T13:04:00Z';
const c2: ScenarioSpec = {
  name: 'cart-service-latency-monitor',
  description: 'Datadog monitor: cart-service p99 latency above 800 ms.',
  at: C2_AT,
  signal: {
    source: 'datadog',
    ...datadog({
      at: C2_AT,
      date: -2 * M,
      title: 'cart-service p99 latency above 800ms',
      message: 'p99 latency for service:cart-service is 2.41s (threshold 0.8s) on env:prod. Notify @slack-shop-oncall',
      tags: ['env:prod', 'service:cart-service', 'team:shop', 'region:us-west-2'],
      scope: 'service:cart-service,env:prod',
      priority: 'P2',
      metric: 'trace.http.request.duration.by.service.99p',
    }),
  },
  topology: {
    storefront: ['cart-service', 'catalog'],
    'cart-service': ['stock-service', 'carts-table', 'promo-engine'],
    'stock-service': ['stock-levels-table', 'warehouse-events'],
    'promo-engine': ['promo-table'],
  },
  services: [
    { name: 'storefront', style: 'dd', rps: 900, p99: 300, err: 0.002, info: ['GET /cart 200', 'POST /cart/items 200'], logEvery: 40 },
    { name: 'cart-service', style: 'dd', rps: 500, p99: 120, err: 0.001, info: ['item added to cart', 'cart loaded'], logEvery: 40 },
    { name: 'stock-service', style: 'dd', rps: 450, p99: 35, err: 0.0008, info: ['stock check sku={n:100000-999999} available', 'reservation held'], logEvery: 40 },
    { name: 'promo-engine', style: 'dd', rps: 500, p99: 300, err: 0.002, spiky: 0.1, info: ['promo evaluated'], chronic: [{ level: 'warn', message: 'rule {pick:BF-2026-10OFF|FREESHIP50} evaluation over budget ({n:120-300}ms)', every: 200 }] },
    { name: 'catalog', style: 'dd', rps: 700, p99: 70, err: 0.001 },
  ],
  effects: [
    { service: 'storefront', from: -6 * H, rps: 1.5 },
    { service: 'cart-service', from: -6 * H, rps: 1.5 },
    { service: 'stock-service', from: -6 * H, rps: 1.5 },
    { service: 'stock-service', from: -21 * M, ramp: 4 * M, lat: 18, err: 0.12 },
    { service: 'cart-service', from: -20 * M, ramp: 4 * M, lat: 14, err: 0.07 },
    { service: 'storefront', from: -20 * M, ramp: 4 * M, lat: 4, err: 0.03 },
  ],
  series: [
    { name: 'aws.dynamodb.write_throttle_events', service: 'stock-levels-table', labels: { tablename: 'stock-levels', region: 'us-west-2' }, unit: 'event', step: 60, fn: (t, r, ref) => Math.round(ref || t < -21 * M ? 0 : noisy(r, 2600, 0.2)) },
    { name: 'aws.dynamodb.consumed_write_capacity_units', service: 'stock-levels-table', labels: { tablename: 'stock-levels', region: 'us-west-2' }, unit: 'unit', step: 60, fn: (t, r, ref) => noisy(r, step(t, ref, -21 * M, 19000, 29000, 2 * M), 0.05) },
    { name: 'aws.dynamodb.successful_request_latency', service: 'stock-levels-table', labels: { tablename: 'stock-levels', operation: 'UpdateItem' }, unit: 'millisecond', step: 60, fn: (t, r, ref) => noisy(r, step(t, ref, -21 * M, 5.1, 7.4), 0.1) },
    { name: 'aws.dynamodb.consumed_write_capacity_units', service: 'carts-table', labels: { tablename: 'carts', region: 'us-west-2' }, unit: 'unit', step: 60, fn: (_t, r) => noisy(r, 8000, 0.05) },
  ],
  logs: [
    { service: 'stock-service', from: -21 * M, every: 10, level: 'warn', msg: 'ProvisionedThroughputExceededException on UpdateItem stock-levels pk=SKU#{pick:884512|884512|884512|102934} (retry {n:1-9}/10)' },
    { service: 'stock-service', from: -20 * M, every: 40, level: 'error', msg: 'ThrottlingException: Throughput exceeds the current capacity for one or more partitions of table stock-levels; retries exhausted' },
    { service: 'cart-service', from: -20 * M, every: 45, level: 'warn', msg: 'stock-service reserve timed out after 2000ms, item kept in cart unreserved' },
  ],
  traces: [
    { from: -2 * H, to: -22 * M, count: 4, inRef: true, tree: (r) => span('storefront', 'POST /cart/items', r.int(80, 200), 'ok', undefined, [span('cart-service', 'POST /v1/carts/{id}/items', r.int(40, 110), 'ok', undefined, [span('stock-service', 'POST /v1/reservations', r.int(10, 30), 'ok', { 'feature_flag.key': 'live-stock-counters', 'feature_flag.result.variant': 'false' }, [span('stock-service', 'DynamoDB.GetItem', r.int(3, 8), 'ok', { 'aws.dynamodb.table_names': ['stock-levels'], 'rpc.method': 'GetItem' })])])]) },
    { from: -19 * M, to: -1 * M, count: 6, tree: (r) => span('storefront', 'POST /cart/items', r.int(2000, 3000), 'error', undefined, [span('cart-service', 'POST /v1/carts/{id}/items', r.int(1900, 2900), 'error', undefined, [span('stock-service', 'POST /v1/reservations', r.int(1800, 2800), 'error', { 'feature_flag.key': 'live-stock-counters', 'feature_flag.result.variant': 'true' }, [span('stock-service', 'DynamoDB.UpdateItem', r.int(400, 900), 'error', { 'aws.dynamodb.table_names': ['stock-levels'], 'rpc.method': 'UpdateItem', 'error.type': 'ProvisionedThroughputExceededException' })])])]) },
  ],
  changes: [
    { at: -6 * H - 5 * M, service: 'storefront', kind: 'scaling', summary: 'Black Friday pre-scale: storefront min tasks 20 -> 40', source: 'ecs' },
    { at: -3 * H, service: 'promo-engine', kind: 'deployment', summary: 'promo-engine 6.2.0: Black Friday rules', version: '6.2.0', previousVersion: '6.1.7', author: 'promo-team', source: 'codedeploy' },
    { at: -22 * M, service: 'stock-service', kind: 'feature_flag', summary: 'live-stock-counters: targeting on, 100% of traffic', author: 'inventory-pm@acme', source: 'launchdarkly' },
  ],
  alerts: [{ at: -14 * M, service: 'stock-levels-table', name: 'DynamoDB WriteThrottleEvents > 0 on stock-levels', status: 'firing' }],
  reference: { hoursBack: 24 },
  expected: expected('stock-service', 'feature_flag', 'disable_flag', ['changes', 'traces']),
  meta: {
    story: 'On Black Friday the inventory team turns on live-stock-counters: each add-to-cart now does an UpdateItem on the SKU counter item; the doorbuster SKU is one partition key, which caps at 1000 WCU, so writes throttle although the table is far below its on-demand capacity.',
    modelledOn: 'documented class: DynamoDB hot partition / hot key throttling on an on-demand table (AWS re:Post and DynamoDB docs on partition limits)',
    alertService: 'cart-service',
    alertStart: -2 * M,
    tempting: 'the 1.5x Black Friday traffic (traffic surge), the DynamoDB table as a managed dependency, promo-engine deploy and its chronic slowness',
  },
};

const C3_AT = '2026-04-29T09:12:00Z';
const c3: ScenarioSpec = {
  name: 'support-assistant-degraded-answers',
  description: 'Opsgenie alert: support-assistant fallback answers above 30%.',
  at: C3_AT,
  signal: {
    source: 'opsgenie',
    ...opsgenie({
      at: C3_AT,
      createdAt: -1 * M,
      message: 'support-assistant: fallback answer rate 47% (threshold 30%)',
      alias: 'support-assistant-fallback-rate',
      entity: 'support-assistant',
      source: 'Grafana',
      priority: 'P3',
      description: 'Share of conversations answered with the canned fallback in the last 10 minutes.',
      tags: ['service:support-assistant', 'env:prod', 'team:cx-ai'],
      details: { service: 'support-assistant', dashboard: 'https://grafana.internal.example.net/d/cxai/support-assistant' },
      teams: ['cx-ai'],
    }),
  },
  topology: {
    'help-center': ['support-assistant', 'article-api'],
    'support-assistant': ['llm-gateway', 'kb-vector-store', 'ticket-api'],
    'llm-gateway': ['anthropic-api', 'openai-api'],
    'ticket-api': ['zendesk'],
  },
  services: [
    { name: 'help-center', style: 'otel', rps: 40, p99: 400, err: 0.002, info: ['article viewed', 'chat opened'], logEvery: 90 },
    { name: 'support-assistant', style: 'otel', rps: 6, p99: 7000, err: 0.01, info: ['answered conversation {hex:8} in {n:2-9} turns', 'retrieved {n:3-8} passages'], logEvery: 90 },
    { name: 'llm-gateway', style: 'otel', rps: 7, p99: 6500, err: 0.01, spiky: 0.1, info: ['completion ok model={pick:claude-sonnet|gpt-4.1-mini} tokens_in={n:1200-6000} tokens_out={n:80-600}'], logEvery: 60, chronic: [{ level: 'warn', message: 'upstream slow: first token after {n:4000-9000}ms', every: 400 }] },
    { name: 'kb-vector-store', style: 'otel', rps: 8, p99: 80, err: 0.001 },
    { name: 'article-api', style: 'otel', rps: 30, p99: 50, err: 0.001 },
  ],
  effects: [
    { service: 'support-assistant', from: -38 * M, ramp: 5 * M, rps: 1 },
    { service: 'llm-gateway', from: -38 * M, ramp: 5 * M, rps: 6.5, err: 0.42 },
    { service: 'support-assistant', from: -36 * M, ramp: 5 * M, err: 0.45 },
  ],
  series: [
    { name: 'gen_ai.client.operation.count', service: 'llm-gateway', labels: { 'gen_ai.system': 'anthropic', 'gen_ai.operation.name': 'chat', 'http.response.status_code': '429' }, unit: '{operation}/min', fn: (t, r, ref) => Math.round(ref || t < -37 * M ? noisy(r, 0.2, 1) : noisy(r, 760, 0.1)) },
    { name: 'gen_ai.client.token.usage', service: 'llm-gateway', labels: { 'gen_ai.system': 'anthropic', 'gen_ai.token.type': 'input' }, unit: '{token}/min', fn: (t, r, ref) => noisy(r, step(t, ref, -38 * M, 90000, 410000, 4 * M), 0.06) },
    { name: 'anthropic_ratelimit_input_tokens_remaining', service: 'llm-gateway', labels: { source: 'response-headers' }, unit: '{token}', fn: (t, r, ref) => Math.round(ref || t < -37 * M ? noisy(r, 310000, 0.1) : noisy(r, 2000, 0.8)) },
    { name: 'conversations_started', service: 'help-center', unit: '{conversation}/min', fn: (_t, r) => noisy(r, 42, 0.08) },
  ],
  logs: [
    { service: 'llm-gateway', from: -37 * M, every: 6, level: 'warn', msg: 'anthropic messages API 429 rate_limit_error: "This request would exceed the rate limit for your organization of {pick:400000|400000} input tokens per minute", retry-after={n:8-40}s' },
    { service: 'support-assistant', from: -36 * M, every: 20, level: 'error', msg: 'summarize_ticket_history failed after 3 attempts (llm-gateway 429), using fallback answer' },
    { service: 'support-assistant', from: -38 * M, every: 30, level: 'info', msg: 'ticket history summary requested for conversation {hex:8} ({n:4-60} tickets)' },
  ],
  traces: [
    { from: -2 * H, to: -40 * M, count: 3, inRef: true, tree: (r) => span('support-assistant', 'POST /v1/conversations/{id}/reply', r.int(3000, 6000), 'ok', undefined, [span('kb-vector-store', 'POST /query', r.int(30, 70)), span('llm-gateway', 'POST /v1/chat', r.int(2500, 5000), 'ok', undefined, [clientSpan('llm-gateway', 'anthropic-api', 'api.anthropic.com', 'POST /v1/messages', r.int(2400, 4900), 200, 'ok', { 'gen_ai.system': 'anthropic', 'gen_ai.request.model': 'claude-sonnet' })])]) },
    { from: -30 * M, to: -1 * M, count: 6, tree: (r) => span('support-assistant', 'POST /v1/conversations/{id}/reply', r.int(9000, 14000), 'error', { 'feature_flag.key': 'assistant-ticket-summaries', 'feature_flag.result.variant': 'on' }, [span('kb-vector-store', 'POST /query', r.int(30, 70)), ...[0, 1, 2].map(() => span('llm-gateway', 'POST /v1/chat', r.int(150, 400), 'error', { 'llm.purpose': 'ticket_history_summary' }, [clientSpan('llm-gateway', 'anthropic-api', 'api.anthropic.com', 'POST /v1/messages', r.int(100, 300), 429, 'error', { 'gen_ai.system': 'anthropic', 'gen_ai.request.model': 'claude-sonnet' })]))]) },
  ],
  changes: [
    { at: -1 * H - 10 * M, service: 'article-api', kind: 'deployment', summary: 'article-api 2.8.0', version: '2.8.0', previousVersion: '2.7.5', author: 'docs-eng', source: 'argocd' },
    { at: -39 * M, service: 'support-assistant', kind: 'feature_flag', summary: 'assistant-ticket-summaries: default rule OFF -> ON (all accounts)', author: 'cx-ai-pm@acme', source: 'launchdarkly' },
  ],
  alerts: [{ at: -30 * M, service: 'llm-gateway', name: 'LLM upstream 429 rate > 5%', status: 'firing' }],
  reference: { hoursBack: 168 },
  expected: expected('support-assistant', 'feature_flag', 'disable_flag', ['changes', 'traces']),
  meta: {
    story: 'Turning on ticket-history summaries for every account makes each reply summarize up to 60 past tickets: input tokens per minute rise 4.5x past the organisation\'s Anthropic rate limit, so the provider answers 429 and the assistant falls back. Conversation volume is unchanged; the provider is healthy.',
    modelledOn: 'documented class: LLM provider tokens-per-minute rate limits (429 rate_limit_error) hit after enabling a token-hungry feature',
    alertService: 'support-assistant',
    alertStart: -1 * M,
    tempting: 'anthropic-api returning 429 in client spans reads as a third-party failure; llm-gateway is always slow',
  },
};

const C4_AT = '2026-03-23T08:41:00Z';
const c4: ScenarioSpec = {
  name: 'checkout-api-p95-latency',
  description: 'Grafana alert: checkout-api p95 latency above 1.5 s.',
  at: C4_AT,
  signal: {
    source: 'grafana',
    ...grafana({
      at: C4_AT,
      startsAt: -5 * M,
      labels: { alertname: 'CheckoutApiLatencyP95', service_name: 'checkout-api', deployment_environment: 'prod', severity: 'high' },
      annotations: { summary: 'checkout-api p95 latency 2.7s', description: 'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{service_name="checkout-api"}[5m])))' },
      values: { A: 2.71, B: 1 },
      folder: 'Checkout',
    }),
  },
  topology: {
    'mobile-gateway': ['checkout-api'],
    'web-gateway': ['checkout-api'],
    'checkout-api': ['geo-service', 'tax-service', 'orders-db', 'payments-api'],
    'geo-service': ['address-provider'],
    'payments-api': ['braintree'],
  },
  services: [
    { name: 'mobile-gateway', style: 'otel', rps: 120, p99: 700, err: 0.003 },
    { name: 'web-gateway', style: 'otel', rps: 90, p99: 650, err: 0.003 },
    { name: 'checkout-api', style: 'otel', rps: 60, p99: 520, err: 0.002, info: ['order {n:1000000-9999999} placed', 'checkout validated'], logEvery: 60 },
    { name: 'geo-service', style: 'otel', rps: 25, p99: 1900, err: 0.006, spiky: 0.15, info: ['address normalized'], chronic: [{ level: 'warn', message: 'address-provider lookup slow ({n:1200-3500}ms) for country {pick:DE|FR|IT|ES}', every: 120 }] },
    { name: 'tax-service', style: 'otel', rps: 60, p99: 60, err: 0.001 },
    { name: 'payments-api', style: 'otel', rps: 50, p99: 800, err: 0.004, info: ['braintree sale submitted'] },
  ],
  effects: [
    { service: 'checkout-api', from: -17 * M, ramp: 2 * M, lat: 4.6, err: 0.02 },
    { service: 'geo-service', from: -17 * M, ramp: 2 * M, rps: 3.2, lat: 1.5 },
    { service: 'mobile-gateway', from: -16 * M, lat: 2.6 },
    { service: 'web-gateway', from: -16 * M, lat: 2.5 },
  ],
  series: [
    { name: 'http.client.request.duration.p95', service: 'checkout-api', labels: { 'server.address': 'geo-service.geo.svc.cluster.local', 'http.route': '/v2/validate' }, unit: 'ms', fn: (t, r, ref) => (ref || t < -17 * M ? null : noisy(r, 2100, 0.15)) },
    { name: 'http.client.request.rate', service: 'checkout-api', labels: { 'server.address': 'geo-service.geo.svc.cluster.local' }, unit: '{request}/s', fn: (t, r, ref) => noisy(r, step(t, ref, -17 * M, 25, 83), 0.06) },
  ],
  logs: [
    { service: 'checkout-api', from: -17 * M, every: 40, level: 'warn', msg: 'address validation for order draft {hex:8} took {n:1500-4200}ms' },
    { service: 'checkout-api', from: -12 * M, every: 120, level: 'error', msg: 'geo-service /v2/validate timeout after 5000ms, accepting unvalidated address' },
  ],
  traces: [
    { from: -2 * H, to: -18 * M, count: 4, inRef: true, tree: (r) => span('web-gateway', 'POST /checkout', r.int(300, 600), 'ok', undefined, [span('checkout-api', 'POST /v1/orders', r.int(250, 520), 'ok', { 'feature_flag.key': 'checkout-address-validation', 'feature_flag.result.variant': 'off' }, [span('tax-service', 'POST /quote', r.int(15, 40)), span('payments-api', 'POST /sale', r.int(200, 420))])]) },
    { from: -16 * M, to: -1 * M, count: 6, tree: (r) => span('web-gateway', 'POST /checkout', r.int(2300, 4500), 'ok', undefined, [span('checkout-api', 'POST /v1/orders', r.int(2200, 4400), 'ok', { 'feature_flag.key': 'checkout-address-validation', 'feature_flag.result.variant': 'on' }, [span('geo-service', 'POST /v2/validate', r.int(1500, 3800), 'ok', undefined, [clientSpan('geo-service', 'address-provider', 'api.address-provider.example.com', 'GET /v1/verify', r.int(1400, 3600), 200)]), span('tax-service', 'POST /quote', r.int(15, 40)), span('payments-api', 'POST /sale', r.int(200, 420))])]) },
  ],
  changes: [
    { at: -2 * H - 15 * M, service: 'geo-service', kind: 'deployment', summary: 'geo-service 3.0.4: retry address-provider once on 5xx', version: '3.0.4', previousVersion: '3.0.3', author: 'b.keller', source: 'argocd' },
    { at: -18 * M, service: 'checkout-api', kind: 'feature_flag', summary: 'checkout-address-validation ON for web + mobile (was internal users only)', author: 'checkout-pm@acme', source: 'launchdarkly' },
    { at: -4 * M, service: 'geo-service', kind: 'scaling', summary: 'HPA geo-service 3 -> 8 replicas', source: 'kubernetes' },
  ],
  reference: { hoursBack: 168 },
  expected: expected('checkout-api', 'feature_flag', 'disable_flag', ['changes', 'traces']),
  meta: {
    story: 'checkout-address-validation is switched on for everyone: checkout-api now calls geo-service synchronously on every order. geo-service has always been slow (p99 about 2 s in every reference week) and is unchanged; the new synchronous call on the hot path is what hurts.',
    modelledOn: 'documented class: feature flag adding a synchronous call to a known-slow dependency on the critical path',
    alertService: 'checkout-api',
    alertStart: -5 * M,
    tempting: 'geo-service is slow and warns constantly (also in the reference), deployed two hours earlier and scaled during the incident',
  },
};

const C5_AT = '2026-01-12T23:18:00Z';
const c5: ScenarioSpec = {
  name: 'report-writer-lambda-errors',
  description: 'CloudWatch alarm: report-writer Lambda Errors above 20 in 5 minutes.',
  at: C5_AT,
  signal: {
    source: 'cloudwatch',
    ...cloudwatchEvent({
      at: C5_AT,
      changed: -2 * M,
      name: 'report-writer-errors',
      description: 'report-writer failing',
      reason: 'Threshold Crossed: 1 datapoint [148.0 (12/01/26 23:10:00)] was greater than the threshold (20.0).',
      namespace: 'AWS/Lambda',
      metric: 'Errors',
      dimensions: { FunctionName: 'report-writer' },
      stat: 'Sum',
      threshold: 20,
      evaluationPeriods: 1,
      region: 'eu-west-1',
    }),
  },
  topology: {
    'reports-api': ['report-requests-queue', 'reports-db'],
    'report-requests-queue': ['report-writer'],
    'report-writer': ['reports-db', 'reports-bucket'],
    'retention-job': ['reports-db'],
  },
  window: 6 * H,
  services: [
    { name: 'reports-api', style: 'cw-alb', rps: 12, p99: 300, err: 0.002, labels: { TargetGroup: 'targetgroup/reports-api/3e1d0c9b8a7f6e51', LoadBalancer: 'app/reports-public/a1b2c3d4e5f60718' }, info: ['report {hex:10} requested', 'GET /reports/{id} 200'], logEvery: 120 },
    { name: 'report-writer', style: 'cw-lambda', rps: 2, p99: 2400, err: 0.001, labels: { FunctionName: 'report-writer' }, info: ['report {hex:10} written ({n:1000-90000} rows)'], logEvery: 240 },
    { name: 'retention-job', style: 'none', info: ['retention pass skipped: lock held'], logEvery: 3600 },
  ],
  effects: [
    { service: 'report-writer', from: -14 * M, err: 0.9, lat: 0.3 },
    { service: 'reports-api', from: -14 * M, err: 0.05 },
  ],
  series: [
    { name: 'FreeStorageSpace', service: 'reports-db', labels: { Namespace: 'AWS/RDS', DBInstanceIdentifier: 'reports-db', Statistic: 'Minimum' }, unit: 'Bytes', step: 300, gaps: 0.05, fn: (t, r, ref) => (ref ? noisy(r, 96e9, 0.01) : Math.max(0, (-14 * M - t) * 1.43e6 + 0.1e9 * r.gauss())) },
    { name: 'AllocatedStorage', service: 'reports-db', labels: { source: 'rds:DescribeDBInstances' }, unit: 'GiB', step: 3600, fn: () => 2000 },
    { name: 'WriteIOPS', service: 'reports-db', labels: { Namespace: 'AWS/RDS', DBInstanceIdentifier: 'reports-db', Statistic: 'Average' }, unit: 'Count/Second', step: 300, fn: (t, r, ref) => noisy(r, ref || t < -14 * M ? 850 : 40, 0.1) },
    { name: 'CPUUtilization', service: 'reports-db', labels: { Namespace: 'AWS/RDS', DBInstanceIdentifier: 'reports-db', Statistic: 'Average' }, unit: 'Percent', step: 300, fn: (_t, r) => noisy(r, 38, 0.1) },
  ],
  logs: [
    { service: 'report-writer', from: -14 * M, every: 12, level: 'error', msg: 'psycopg2.errors.DiskFull: could not extend file "base/16401/{n:180000-190000}": No space left on device HINT: Check free disk space.' },
    { service: 'reports-db', from: -14 * M, every: 30, level: 'error', msg: 'ERROR:  could not extend file "base/16401/{n:180000-190000}": No space left on device' },
    { service: 'reports-db', from: -5 * H, to: -30 * M, every: 1800, level: 'warn', msg: 'RDS-EVENT-0224: The storage autoscaling for DB instance reports-db has reached the maximum storage threshold (2000 GiB)' },
    { service: 'reports-db', from: -6 * H, every: 900, level: 'info', msg: 'automatic vacuum of table "reports.public.report_rows": index scans: 1, pages: {n:0-400} removed' },
    { service: 'reports-api', from: -10 * M, every: 60, level: 'warn', msg: 'report {hex:10} failed in writer, marking as errored' },
  ],
  changes: [
    { at: -20 * H, service: 'report-writer', kind: 'deployment', summary: 'report-writer version 44: add CSV export of line items', version: '44', previousVersion: '43', author: 'ci-reporting', source: 'sam' },
    { at: -3 * H, service: 'retention-job', kind: 'config', summary: 'EventBridge schedule retention-job disabled during migration freeze', author: 'd.mwangi', source: 'cloudtrail' },
    { at: -40 * M, service: 'reports-api', kind: 'deployment', summary: 'reports-api 1.33.0: paginate report list', version: '1.33.0', previousVersion: '1.32.2', author: 'ci-reporting', source: 'codedeploy' },
  ],
  alerts: [{ at: -2 * H, service: 'reports-db', name: 'reports-db-free-storage-low', status: 'firing' }],
  expected: expected('reports-db', 'resource_exhaustion', 'none', ['metrics', 'logs']),
  meta: {
    story: 'reports-db grows steadily with report rows; storage autoscaling already reached its 2000 GiB maximum days ago, so free space falls linearly to zero and every INSERT fails with DiskFull. The low-storage warning had been firing for two hours unacknowledged.',
    modelledOn: 'documented class: RDS storage-full after storage autoscaling hits its maximum threshold (RDS-EVENT-0224, then storage-full)',
    alertService: 'report-writer',
    alertStart: -2 * M,
    tempting: 'report-writer (alarming, deployed the day before), the reports-api deploy 40 minutes earlier, the retention-job schedule change',
  },
};

const C6_AT = '2026-06-30T21:05:00Z';
const c6: ScenarioSpec = {
  name: 'webhook-dispatcher-delivery-failures',
  description: 'Datadog monitor: webhook-dispatcher failed deliveries above 5%.',
  at: C6_AT,
  signal: {
    source: 'datadog',
    ...datadog({
      at: C6_AT,
      date: -3 * M,
      title: 'webhook-dispatcher failed deliveries above 5%',
      message: 'sum:webhooks.delivery.failed{env:prod} / sum:webhooks.delivery.attempted{env:prod} = 18.2% over last 10m. @opsgenie-integrations',
      tags: ['env:prod', 'service:webhook-dispatcher', 'team:integrations'],
      scope: 'env:prod,service:webhook-dispatcher',
      priority: 'P2',
      metric: 'webhooks.delivery.failed',
    }),
  },
  topology: {
    'events-router': ['webhook-queue'],
    'webhook-queue': ['webhook-dispatcher'],
    'webhook-dispatcher': ['nat-gateway-egress', 'webhook-log-table'],
    'nat-gateway-egress': ['customer-endpoints'],
    'slack-notifier': ['nat-gateway-egress'],
    'billing-sync': ['nat-gateway-egress'],
  },
  services: [
    { name: 'events-router', style: 'dd', rps: 400, p99: 20, err: 0.0005, info: ['routed event {pick:invoice.paid|order.updated|customer.created} to {n:1-30} subscriptions'], logEvery: 60 },
    { name: 'webhook-dispatcher', style: 'dd', rps: 2200, p99: 1800, err: 0.02, spiky: 0.05, info: ['delivered {pick:invoice.paid|order.updated} to subscription {n:10000-99999} ({n:80-900}ms, 200)'], logEvery: 30, chronic: [{ level: 'warn', message: 'delivery to subscription {n:10000-99999} failed: 410 Gone (endpoint removed), disabling after {n:3-5} attempts', every: 90 }, { level: 'warn', message: 'delivery to subscription {n:10000-99999} failed: context deadline exceeded (10s), will retry', every: 60 }] },
    { name: 'slack-notifier', style: 'dd', rps: 5, p99: 400, err: 0.002, info: ['slack message posted'] },
    { name: 'billing-sync', style: 'dd', rps: 8, p99: 600, err: 0.003 },
  ],
  effects: [
    { service: 'webhook-dispatcher', from: -22 * M, ramp: 6 * M, err: 0.18, lat: 1.4 },
    { service: 'slack-notifier', from: -20 * M, ramp: 6 * M, err: 0.12 },
    { service: 'billing-sync', from: -19 * M, ramp: 6 * M, err: 0.1 },
  ],
  series: [
    { name: 'aws.natgateway.error_port_allocation', service: 'nat-gateway-egress', labels: { natgatewayid: 'nat-0a7c3e91f2b4d6058', availability_zone: 'us-east-1a' }, unit: 'error', step: 60, gaps: 0.05, fn: (t, r, ref) => Math.round(ref || t < -22 * M ? 0 : noisy(r, step(t, ref, -22 * M, 0, 5200, 6 * M), 0.15)) },
    { name: 'aws.natgateway.active_connection_count', service: 'nat-gateway-egress', labels: { natgatewayid: 'nat-0a7c3e91f2b4d6058', availability_zone: 'us-east-1a' }, unit: 'connection', step: 60, fn: (t, r, ref) => Math.round(Math.min(55000, noisy(r, ref ? 21000 : 21000 + Math.max(0, t + 90 * M) * 8.2, 0.03))) },
    { name: 'aws.natgateway.connection_attempt_count', service: 'nat-gateway-egress', labels: { natgatewayid: 'nat-0a7c3e91f2b4d6058', availability_zone: 'us-east-1a' }, unit: 'connection', step: 60, fn: (_t, r) => Math.round(noisy(r, 140000, 0.05)) },
    { name: 'aws.natgateway.active_connection_count', service: 'nat-gateway-egress', labels: { natgatewayid: 'nat-05e1b2c7d8f9a3064', availability_zone: 'us-east-1b' }, unit: 'connection', step: 60, fn: (_t, r) => Math.round(noisy(r, 6000, 0.05)) },
    { name: 'webhooks.delivery.attempted', service: 'webhook-dispatcher', unit: 'delivery/s', fn: (_t, r) => noisy(r, 2200, 0.05) },
  ],
  logs: [
    { service: 'webhook-dispatcher', from: -22 * M, every: 6, level: 'error', msg: 'delivery to subscription {n:10000-99999} failed: dial tcp {n:3-220}.{n:0-255}.{n:0-255}.{n:1-254}:443: connect: connection timed out' },
    { service: 'slack-notifier', from: -20 * M, every: 60, level: 'error', msg: 'Post "https://hooks.slack.com/services/T0/B0/x": dial tcp 3.{n:0-255}.{n:0-255}.{n:1-254}:443: i/o timeout' },
    { service: 'billing-sync', from: -19 * M, every: 90, level: 'error', msg: 'sync to api.billing-provider.example.com failed: connect ETIMEDOUT' },
  ],
  traces: [
    { from: -2 * H, to: -25 * M, count: 3, inRef: true, tree: (r) => span('webhook-dispatcher', 'deliver', r.int(100, 900), 'ok', undefined, [clientSpan('webhook-dispatcher', 'customer-endpoints', 'hooks.customer-{n}.example.com'.replace('{n}', String(r.int(1, 900))), 'POST', r.int(90, 880), 200)]) },
    { from: -18 * M, to: -1 * M, count: 5, tree: (r) => span('webhook-dispatcher', 'deliver', 10000, 'error', undefined, [clientSpan('webhook-dispatcher', 'customer-endpoints', `hooks.customer-${r.int(1, 900)}.example.com`, 'POST', 10000, 0, 'error', { 'error.type': 'connect_timeout' })]) },
  ],
  changes: [
    { at: -1 * H - 30 * M, service: 'webhook-dispatcher', kind: 'deployment', summary: 'webhook-dispatcher 2.40.0: HTTP keep-alive disabled for customer endpoints (fixes stale connection resets)', version: '2.40.0', previousVersion: '2.39.1', author: 'e.novak', commit: '77b0e2c', source: 'argocd' },
    { at: -50 * M, service: 'events-router', kind: 'deployment', summary: 'events-router 1.12.0', version: '1.12.0', previousVersion: '1.11.4', author: 'integrations-ci', source: 'argocd' },
    { at: -8 * M, service: 'webhook-dispatcher', kind: 'scaling', summary: 'HPA webhook-dispatcher 10 -> 16 replicas', source: 'kubernetes' },
  ],
  reference: { hoursBack: 168 },
  expected: expected('webhook-dispatcher', 'deployment', 'rollback', ['changes', 'metrics']),
  meta: {
    story: 'webhook-dispatcher 2.40.0 opens a new TCP connection per delivery; active connections through the single-AZ NAT gateway climb for 70 minutes toward the 55,000 simultaneous-connection limit per destination, then port allocation fails and every egress service in that AZ times out connecting. The deploy that caused the churn comes first.',
    modelledOn: 'documented class: NAT gateway ErrorPortAllocation from connection churn (AWS NAT gateway troubleshooting docs)',
    alertService: 'webhook-dispatcher',
    alertStart: -3 * M,
    tempting: 'the NAT gateway port exhaustion reads as resource exhaustion or infrastructure; customer endpoints timing out read as third-party failure; webhook-dispatcher always has some failed deliveries',
  },
};

export const SPECS_C: ScenarioSpec[] = [c1, c2, c3, c4, c5, c6];
