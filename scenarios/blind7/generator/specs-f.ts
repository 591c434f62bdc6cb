/** A data-triggered index failure and a partner's contract change. */
import { h, m, type Spec } from './engine.js';
import { datadog, opsgenie } from './signals.js';

const F1 = '2026-10-02T10:12:00Z';
const F2 = '2026-11-17T15:44:00Z';

export const specsF: Spec[] = [
  {
    name: 'device-search-freshness-lag',
    description: 'Datadog monitor: device search freshness lag above 10 minutes (device-search-api).',
    story:
      "IoT control plane. A device vendor's firmware starts reporting a diagnostics object keyed by sensor serial numbers; telemetry-indexer indexes it with dynamic mapping, every new serial becomes a new field, the daily index reaches index.mapping.total_fields.limit (1000) and Elasticsearch rejects every document of the new shape; the cluster master's pending tasks pile up with mapping updates. A latent bug in telemetry-indexer (dynamic mapping on device-controlled keys) set off by data, no change of ours. Tempting: the elasticsearch cluster itself (rejections, master load), device-search-api (alert), a firmware-rollout wave.",
    at: F1,
    signal: datadog({
      at: F1,
      date: -m(9),
      title: 'device-search freshness lag above 10 min',
      message: 'Newest indexed telemetry is 23 min old. @slack-iot-oncall',
      tags: ['service:device-search-api', 'env:prod', 'team:iot-data'],
      scope: 'service:device-search-api',
      metric: 'device_search.freshness_lag_seconds',
    }),
    check: { service: 'device-search-api', start: -m(9) },
    style: 'dd',
    window: h(1.5),
    topology: {
      'telemetry-router': ['telemetry-indexer', 'kinesis-telemetry'],
      'telemetry-indexer': ['kinesis-telemetry', 'elasticsearch'],
      'device-search-api': ['elasticsearch'],
      'fleet-console': ['device-search-api', 'device-registry'],
      'firmware-rollout': ['device-registry'],
    },
    svcs: {
      'device-search-api': { rps: 120, err: 0.002, p99: 180 },
      'fleet-console': { rps: 40, err: 0.004, p99: 400 },
      'device-registry': { rps: 300, err: 0.01, p99: 30 },
    },
    series: [
      { name: 'telemetry_indexer.bulk.items_failed', svc: 'telemetry-indexer', unit: 'docs/s', base: 0.1, noise: 1, effects: [{ from: -m(33), value: 2900, ramp: m(3) }] },
      { name: 'telemetry_indexer.bulk.items_indexed', svc: 'telemetry-indexer', unit: 'docs/s', base: 4200, diurnal: true, effects: [{ from: -m(33), value: 1200, ramp: m(3) }] },
      { name: 'elasticsearch.indices.mapping.total_fields', svc: 'elasticsearch', unit: 'fields', labels: { index: 'telemetry-2026.10.02' }, base: 412, noise: 0, effects: [{ from: -h(1.2), value: 1000, ramp: m(50) }], round: 0 },
      { name: 'elasticsearch.pending_tasks_total', svc: 'elasticsearch', unit: 'tasks', base: 0.2, noise: 1, effects: [{ from: -h(1.2), value: 140, ramp: m(50) }] },
      { name: 'elasticsearch.thread_pool.write.rejected', svc: 'elasticsearch', unit: 'ops/s', base: 0, noise: 0 },
      { name: 'device_search.freshness_lag_seconds', svc: 'device-search-api', unit: 's', base: 40, noise: 0.3, effects: [{ from: -m(33), value: 1400, ramp: m(25) }] },
      { name: 'aws.kinesis.get_records.iterator_age_milliseconds', svc: 'kinesis-telemetry', unit: 'ms', base: 900, noise: 0.4 },
    ],
    logs: [
      { svc: 'device-registry', level: 'error', msg: 'unknown thing certificate, registration refused', from: -h(1.5), every: 60, bg: true },
      { svc: 'fleet-console', level: 'warn', msg: 'map tiles request throttled', from: -h(1.5), every: 200, bg: true },
      { svc: 'elasticsearch', level: 'info', msg: '[telemetry-2026.10.02] update_mapping [_doc] (dynamic)', from: -h(1.2), to: -m(33), every: 30 },
      { svc: 'telemetry-indexer', level: 'error', msg: 'bulk item failed: illegal_argument_exception: Limit of total fields [1000] has been exceeded while adding new fields [3] (index telemetry-2026.10.02)', from: -m(33), every: 2 },
      { svc: 'elasticsearch', level: 'warn', msg: 'pending cluster state tasks: 132 (put-mapping)', from: -m(40), every: 90 },
      { svc: 'device-search-api', level: 'warn', msg: 'search result stale: newest doc 21m old', from: -m(20), every: 30 },
    ],
    noTraces: true,
    changes: [
      { at: -h(3), service: 'firmware-rollout', kind: 'deployment', summary: 'vendor firmware 7.1 wave 2 (40,000 sensors)', version: 'wave-2', source: 'ota-console' },
      { at: -h(26), service: 'telemetry-indexer', kind: 'deployment', summary: 'telemetry-indexer 1.12.0: bulk size 5MB', version: '1.12.0', previousVersion: '1.11.3' },
      { at: -m(6), service: 'elasticsearch', kind: 'scaling', summary: 'data nodes 6 -> 9 (mitigation)', author: 'oncall' },
    ],
    reference: -h(24),
    expected: { rootCause: { service: 'telemetry-indexer', kind: 'code_defect' }, action: 'none', mustCite: ['logs', 'metrics'] },
  },
  {
    name: 'shipping-quote-failures-opsgenie',
    description: 'Opsgenie: shipping quote failures above 20% for LTL freight (quote-api).',
    story:
      "Logistics B2B API. The freight partner's rating API (freightline-rates, in the topology) changed its response without notice: rates[].amount became an object {value, currency}. HTTP still answers 200, so its client spans are ok, but rate-shopper cannot parse the body and fails the quote. The fault is the partner's contract. Tempting: rate-shopper (every error is logged there, and a deploy two days ago), quote-api (alert), a config change to carrier timeouts.",
    at: F2,
    signal: opsgenie({
      at: F2,
      created: -m(6),
      message: 'LTL quote failure rate 38% (threshold 20%)',
      entity: 'quote-api',
      tags: ['service:quote-api', 'env:prod', 'freight'],
      details: { service: 'quote-api', mode: 'LTL' },
      source: 'Prometheus',
      priority: 'P2',
    }),
    check: { service: 'quote-api', start: -m(6) },
    topology: {
      'partner-portal': ['quote-api'],
      'quote-api': ['rate-shopper', 'accounts-svc'],
      'rate-shopper': ['freightline-rates', 'northbay-rates', 'parcel-rates', 'rates-cache'],
    },
    svcs: {
      'quote-api': { rps: 140, err: 0.004, p99: 1900 },
      'rate-shopper': { rps: 140, err: 0.003, p99: 1700 },
      'accounts-svc': { rps: 200, err: 0.001, p99: 40 },
    },
    golden: {
      'quote-api.err': [{ from: -m(16), value: 0.38, ramp: m(1) }],
      'rate-shopper.err': [{ from: -m(16), value: 0.41, ramp: m(1) }],
    },
    series: [
      { name: 'carrier_rate_responses_total_rate', svc: 'rate-shopper', unit: '1/s', labels: { carrier: 'freightline', http_status: '200' }, base: 55, noise: 0.1 },
      { name: 'carrier_rate_parse_failures_total_rate', svc: 'rate-shopper', unit: '1/s', labels: { carrier: 'freightline' }, base: 0, noise: 0, effects: [{ from: -m(16), value: 55, ramp: m(1) }] },
      { name: 'carrier_rate_parse_failures_total_rate', svc: 'rate-shopper', unit: '1/s', labels: { carrier: 'northbay' }, base: 0.02, noise: 1 },
      { name: 'carrier_rate_duration_p95_ms', svc: 'rate-shopper', unit: 'ms', labels: { carrier: 'northbay' }, base: 1600, noise: 0.2 },
    ],
    logs: [
      { svc: 'rate-shopper', level: 'warn', msg: 'northbay-rates slow (1.8s), returning partial quote set', from: -h(1), every: 45, bg: true },
      { svc: 'partner-portal', level: 'warn', msg: 'session expired, redirect to SSO', from: -h(1), every: 60, bg: true },
      { svc: 'rate-shopper', level: 'error', msg: 'freightline response decode failed: expected number at $.rates[0].amount, got object {"value":"412.80","currency":"USD"} (HTTP 200)', from: -m(16), every: 2 },
      { svc: 'quote-api', level: 'error', msg: 'quote failed: no rates from primary LTL carrier', from: -m(16), every: 3 },
    ],
    traces: [
      {
        n: 30,
        chain: [
          { svc: 'quote-api', op: 'POST /v2/quotes', ms: 20 },
          { svc: 'rate-shopper', op: 'ShopRates', ms: 40 },
          { svc: 'rate-shopper', op: 'POST /rating/v3/ltl', ms: 600, peer: 'freightline-rates', host: 'api.freightline.example.com' },
        ],
        faults: [{ svc: 'rate-shopper', from: -m(16), mode: 'error', p: 0.9, attrs: { 'exception.type': 'JsonMappingException' } }],
      },
    ],
    changes: [
      { at: -h(50), service: 'rate-shopper', kind: 'deployment', summary: 'rate-shopper 2.7.0: fuel surcharge breakdown', version: '2.7.0', previousVersion: '2.6.4' },
      { at: -h(1), service: 'rate-shopper', kind: 'config', summary: 'northbay timeout 2s -> 2.5s', source: 'consul' },
    ],
    expected: { rootCause: { service: 'freightline-rates', kind: 'dependency_failure' }, action: 'none', mustCite: ['logs', 'metrics'] },
  },
];
