import { alertmanager } from '../lib/signals.js';
import { grafana } from '../lib/signals.js';
import { pagerduty } from '../lib/signals-saas.js';
import { pat, rollout } from '../lib/helpers.js';
import { compose, scaleBy, stepTo } from '../lib/metrics.js';
import { min } from '../lib/time.js';
import type { ScenarioSpec } from '../lib/types.js';
import { shop } from '../systems/shop.js';

/*
 * Intent: deployment on pricing, two hops below the alert (storefront → checkout → pricing).
 * Red herring: recommendations (unrelated, always noisy) deployed 5 minutes before onset.
 */
const pricingDeploy: ScenarioSpec = {
  name: 'shop-storefront-checkout-5xx',
  seed: 1101,
  at: '2026-05-12T14:22:00Z',
  description:
    'Mid-afternoon the storefront started returning 5xx on POST /checkout; the route error ratio went from a steady 0.3% to about 15% over two minutes and stayed there. Browsing, search and add-to-cart were unaffected. Checkout on-call was paged as well. Two deploys went out in the quarter hour before the page.',
  system: shop,
  services: ['storefront', 'catalog', 'search', 'cart', 'checkout', 'pricing', 'tax-service', 'inventory', 'orders', 'recommendations'],
  onset: -540,
  signal: alertmanager('2026-05-12T14:22:00Z', {
    alertname: 'StorefrontRouteErrorRate',
    service: 'storefront',
    severity: 'critical',
    summary: 'storefront 5xx ratio on POST /checkout above 5%',
    description: 'POST /checkout returned 14.2% 5xx over the last 5 minutes (threshold 5%).',
    expr: 'sum(rate(http_requests_total{service="storefront",route="/checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="storefront",route="/checkout"}[5m])) > 0.05',
    labels: { namespace: 'shop', route: '/checkout', team: 'web' },
  }),
  effects: [
    { service: 'pricing', key: 'errors', shape: stepTo(-540, 0.085, 120) },
    { service: 'checkout', key: 'errors', shape: stepTo(-535, 0.15, 120) },
    { service: 'checkout', key: 'latency', shape: scaleBy(-535, 1.15) },
    { service: 'storefront', key: 'errors', shape: stepTo(-530, 0.0068, 120) },
  ],
  extraSeries: [
    {
      service: 'storefront',
      def: { key: 'route', name: 'http_error_ratio', unit: 'ratio', labels: { route: '/checkout' }, base: 0.003, noise: 0.4, step: 30, max: 1 },
      shape: stepTo(-530, 0.145, 120),
    },
  ],
  traces: {
    baseline: 12,
    incident: 18,
    flows: ['checkout', 'product-page', 'add-to-cart'],
    faults: [
      {
        service: 'pricing',
        op: 'QuoteCart',
        from: -540,
        errorRate: 0.5,
        errorAttributes: { 'rpc.grpc.status_code': 13, 'exception.type': 'java.lang.ArithmeticException', 'exception.message': 'Rounding necessary' },
      },
    ],
  },
  logs: [
    rollout('pricing', -650, 4, (r) => `Started PricingApplication in ${r.range(12, 16).toFixed(1)} seconds (process running for ${r.range(16, 18).toFixed(1)}) version=v3.12.0`),
    rollout('recommendations', -830, 3, () => 'serving model recs-2026-05-11 on :8080 version=v0.48.0'),
    pat('pricing', 'error', -540, 6, (r) => `QuoteCart failed cart_id=c_${r.hex(10)} currency=${r.pick(['EUR', 'GBP', 'SEK', 'CHF'])}: java.lang.ArithmeticException: Rounding necessary`, { linkTraces: true }),
    pat('checkout', 'error', -530, 7, (r) => `checkout failed checkout_id=co_${r.hex(10)}: pricing.v1.Pricing/QuoteCart returned INTERNAL: Rounding necessary`, { linkTraces: true }),
    pat('storefront', 'error', -528, 6, (r) => `POST /checkout 502 upstream=checkout duration_ms=${r.int(90, 240)}`),
  ],
  changes: [
    { at: -840, service: 'recommendations', kind: 'deployment', summary: 'recommendations v0.48.0: new ranking model recs-2026-05-11', version: 'v0.48.0', previousVersion: 'v0.47.2', author: 'a.nakamura', commit: '9b02e7c', source: 'argocd' },
    { at: -660, service: 'pricing', kind: 'deployment', summary: 'pricing v3.12.0: money rounding refactor for multi-currency price books', version: 'v3.12.0', previousVersion: 'v3.11.4', author: 'm.okafor', commit: '4e1d9a2', source: 'argocd' },
  ],
  exceptions: [
    { at: -500, service: 'pricing', type: 'java.lang.ArithmeticException', message: 'Rounding necessary', count: 212, culprit: 'com.larkspur.pricing.money.CurrencyRounder.round(CurrencyRounder.java:88)' },
  ],
  alerts: [{ at: -240, service: 'checkout', name: 'CheckoutHighErrorRate', status: 'firing' }],
  expected: { rootCause: { service: 'pricing', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'traces'] },
};

/*
 * Intent: config_change on cart (connection pool shrunk), alert on its caller checkout.
 * Red herring: a config change on a sibling (pricing) a minute earlier; cart-redis itself is healthy.
 */
const cartPool: ScenarioSpec = {
  name: 'shop-checkout-latency-evening',
  seed: 1102,
  at: '2026-05-19T19:41:00Z',
  description:
    'During the evening peak checkout p99 latency climbed from about 1.4 s to over 4 s within two minutes and a trickle of checkouts began to fail. Add-to-cart became slow at the same time; product pages and search were normal. Two configuration changes had been applied by the GitOps controller shortly before.',
  system: shop,
  services: ['storefront', 'catalog', 'cart', 'cart-redis', 'checkout', 'pricing', 'tax-service', 'inventory', 'orders', 'recommendations'],
  onset: -420,
  signal: grafana('2026-05-19T19:41:00Z', {
    alertname: 'CheckoutLatencyHigh',
    folder: 'Checkout',
    service: 'checkout',
    severity: 'warning',
    summary: 'checkout p99 latency above 3s for 5m',
    description: 'histogram_quantile(0.99) of checkout request duration is 4.31s (threshold 3s).',
    value: 4.31,
    ruleUid: 'bd1k2x7qz0h6oc',
    dashboardUid: 'checkout-red',
    labels: { namespace: 'shop', team: 'checkout' },
  }),
  effects: [
    { service: 'cart', key: 'latency', shape: stepTo(-420, 1.9, 60) },
    { service: 'cart', key: 'errors', shape: stepTo(-420, 0.028, 60) },
    { service: 'checkout', key: 'latency', shape: stepTo(-415, 4.3, 60) },
    { service: 'checkout', key: 'errors', shape: stepTo(-415, 0.021, 60) },
    { service: 'storefront', key: 'latency', shape: scaleBy(-415, 1.25, 60) },
    { service: 'cart-redis', key: 'clients', shape: stepTo(-470, 30, 40) },
  ],
  extraSeries: [
    {
      service: 'cart',
      def: { key: 'poolwait', name: 'redis_pool_wait_seconds_p99', unit: 's', base: 0.0006, noise: 0.3 },
      shape: stepTo(-420, 1.4, 60),
    },
    {
      service: 'cart',
      def: { key: 'poolactive', name: 'redis_pool_active_connections', unit: 'connections', base: 21, noise: 0.12, integer: true },
      shape: compose(stepTo(-470, 8, 40)),
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['checkout', 'add-to-cart', 'product-page'],
    faults: [
      {
        service: 'cart',
        from: -420,
        errorRate: 0.05,
        addMs: 950,
        errorAttributes: { 'exception.type': 'redis.clients.jedis.exceptions.JedisExhaustedPoolException', 'exception.message': 'Could not get a resource from the pool' },
      },
    ],
  },
  logs: [
    rollout('pricing', -535, 3, () => 'configuration reloaded from /etc/pricing/config.yaml: pricebook.refreshInterval=120s'),
    rollout('cart', -475, 3, () => 'configuration reloaded from /etc/cart/config.yaml: redis.pool.maxActive=8 redis.pool.maxWait=1000ms'),
    pat('cart', 'warn', -420, 10, (r) => `waited ${r.int(600, 1000)}ms for a redis connection (active=8, idle=0, waiters=${r.int(12, 60)})`, { linkTraces: true }),
    pat('cart', 'error', -410, 3, () => 'GET /v1/carts/:id failed: JedisExhaustedPoolException: Could not get a resource from the pool'),
    pat('checkout', 'warn', -410, 5, (r) => `slow dependency call=cart.GetCart elapsed_ms=${r.int(900, 2100)}`),
  ],
  changes: [
    { at: -540, service: 'pricing', kind: 'config', summary: 'ConfigMap pricing-config: pricebook.refreshInterval 60s -> 120s', version: 'r88', previousVersion: 'r87', author: 'k.osei', commit: 'c81f0aa', source: 'argocd' },
    { at: -480, service: 'cart', kind: 'config', summary: 'ConfigMap cart-config: redis.pool.maxActive 64 -> 8 (reduce connection churn on cart-redis)', version: 'r142', previousVersion: 'r141', author: 'j.lindqvist', commit: '5d7c3e1', source: 'argocd' },
  ],
  alerts: [{ at: -180, service: 'storefront', name: 'StorefrontLatencyP99High', status: 'firing' }],
  expected: { rootCause: { service: 'cart', kind: 'config_change' }, action: 'revert_config', mustCite: ['changes', 'logs'] },
};

/*
 * Intent: feature_flag on checkout, alert on storefront (1 hop) from PagerDuty.
 * Red herring: an old, benign inventory deploy; inventory traffic drops as a side effect.
 */
const asyncReservation: ScenarioSpec = {
  name: 'shop-checkout-success-rate-drop',
  seed: 1103,
  at: '2026-06-03T10:05:00Z',
  description:
    'The checkout success-rate monitor paged the web team: roughly one checkout in ten failed with a generic error page from about 10:00 UTC. Failures were spread across customers, currencies and payment methods. Latency was unchanged. Inventory reported slightly fewer reservation calls than usual for a weekday morning.',
  system: shop,
  services: ['storefront', 'catalog', 'search', 'cart', 'checkout', 'pricing', 'inventory', 'catalog-db', 'orders', 'recommendations'],
  onset: -360,
  signal: pagerduty('2026-06-03T10:05:00Z', {
    title: 'Storefront checkout success rate below 97%',
    serviceName: 'storefront',
    urgency: 'high',
    priority: 'P2',
    number: 4821,
    escalationPolicy: 'Web Platform',
    team: 'Web',
    assignee: 'Dana Whitfield',
  }),
  effects: [
    { service: 'checkout', key: 'errors', shape: stepTo(-360, 0.105, 30) },
    { service: 'storefront', key: 'errors', shape: stepTo(-355, 0.0051, 30) },
    { service: 'inventory', key: 'rps', shape: scaleBy(-380, 0.78, 30) },
  ],
  extraSeries: [
    {
      service: 'storefront',
      def: { key: 'route', name: 'http_error_ratio', unit: 'ratio', labels: { route: '/checkout' }, base: 0.003, noise: 0.4, step: 30, max: 1 },
      shape: stepTo(-355, 0.1, 30),
    },
  ],
  traces: {
    baseline: 12,
    incident: 18,
    flows: ['checkout', 'add-to-cart'],
    tailSample: 4,
    faults: [
      {
        service: 'checkout',
        op: 'POST /v1/checkout',
        from: -360,
        errorRate: 0.22,
        skipChildren: true,
        errorAttributes: { 'exception.type': 'java.lang.IllegalStateException', 'exception.message': 'reservation token missing for line item' },
      },
    ],
  },
  logs: [
    rollout('inventory', -2820, 3, () => 'inventory v2.3.1 listening on :8080'),
    pat('checkout', 'error', -360, 6, (r) => `checkout failed checkout_id=co_${r.hex(10)}: IllegalStateException: reservation token missing for line item sku=SKU-${r.int(10000, 99999)}`, {
      linkTraces: true,
      attributes: () => ({ 'ld.flags': 'checkout-async-reservation=true' }),
    }),
    pat('storefront', 'error', -355, 5, (r) => `POST /checkout 500 upstream=checkout duration_ms=${r.int(40, 160)}`),
    pat('checkout', 'info', -380, 0.2, () => 'LaunchDarkly flag update received: checkout-async-reservation', { max: 3 }),
  ],
  changes: [
    { at: -2830, service: 'inventory', kind: 'deployment', summary: 'inventory v2.3.1: bump grpc-java to 1.64', version: 'v2.3.1', previousVersion: 'v2.3.0', author: 't.greaves', commit: 'a33b9d0', source: 'argocd' },
    { at: -390, service: 'checkout', kind: 'feature_flag', summary: 'checkout-async-reservation: ON for 50% of production traffic', version: 'on:50%', previousVersion: 'off', author: 'p.reyes', source: 'launchdarkly' },
  ],
  exceptions: [
    { at: -300, service: 'checkout', type: 'java.lang.IllegalStateException', message: 'reservation token missing for line item', count: 148, culprit: 'com.larkspur.checkout.ReservationGuard.require(ReservationGuard.kt:41)' },
  ],
  expected: { rootCause: { service: 'checkout', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'exceptions'] },
};

/*
 * Intent: resource_exhaustion on orders-db (disk filled by WAL held for an idle replication slot),
 * two hops below the alert (checkout → orders → orders-db). Noisy baseline; no change involved.
 */
const ordersDisk: ScenarioSpec = {
  name: 'shop-checkout-errors-overnight',
  seed: 1104,
  at: '2026-05-27T03:12:00Z',
  description:
    'At night, with low traffic, most checkouts started failing within a minute. The checkout error ratio alert fired; orders also reported write failures. Reads (order history) kept working. Nothing had been deployed since the previous afternoon.',
  system: shop,
  services: ['storefront', 'catalog', 'cart', 'checkout', 'pricing', 'inventory', 'orders', 'orders-db', 'notification', 'recommendations'],
  onset: -360,
  noise: 1.6,
  signal: alertmanager('2026-05-27T03:12:00Z', {
    alertname: 'CheckoutHighErrorRate',
    service: 'checkout',
    severity: 'critical',
    summary: 'checkout 5xx ratio above 5%',
    description: 'checkout returned 58% 5xx over the last 5 minutes.',
    expr: 'sum(rate(http_requests_total{service="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="checkout"}[5m])) > 0.05',
    labels: { namespace: 'shop', team: 'checkout' },
  }),
  effects: [
    { service: 'orders-db', key: 'disk', shape: () => (t) => (t < -360 ? 0.956 + (0.043 * (t + 3600)) / 3240 : 0.9999) },
    { service: 'orders-db', key: 'connections', shape: stepTo(-360, 150, 90) },
    { service: 'orders-db', key: 'latency', shape: stepTo(-360, 2.4, 60) },
    { service: 'orders', key: 'errors', shape: stepTo(-360, 0.61, 30) },
    { service: 'orders', key: 'latency', shape: stepTo(-360, 2.9, 60) },
    { service: 'checkout', key: 'errors', shape: stepTo(-355, 0.57, 30) },
    { service: 'notification', key: 'jobs', shape: scaleBy(-340, 0.4, 60) },
  ],
  extraSeries: [
    {
      service: 'orders-db',
      def: { key: 'slot', name: 'pg_replication_slot_retained_wal_bytes', unit: 'bytes', labels: { slot_name: 'analytics_cdc', active: 'false' }, base: 1, noise: 0.002, integer: true },
      shape: () => (t) => 61.2e9 + (3.0e9 * (Math.min(t, -360) + 3600)) / 3240,
    },
  ],
  traces: {
    baseline: 10,
    incident: 16,
    flows: ['checkout', 'product-page'],
    faults: [
      {
        service: 'orders-db',
        op: 'INSERT',
        from: -360,
        errorRate: 0.65,
        addMs: 300,
        errorAttributes: { 'db.response.status_code': '53100', 'exception.message': 'could not extend file "base/16384/24612": No space left on device' },
      },
    ],
  },
  logs: [
    pat('orders-db', 'error', -362, 8, (r) => `ERROR:  could not extend file "base/16384/${r.int(24600, 24690)}": No space left on device`, { max: 30 }),
    pat('orders-db', 'warn', -362, 2, () => 'HINT:  Check free disk space.', { max: 10 }),
    pat('orders-db', 'error', -300, 1, (r) => `ERROR:  could not write to file "pg_wal/xlogtemp.${r.int(100, 999)}": No space left on device`, { max: 6 }),
    pat('orders', 'error', -358, 8, (r) => `failed to persist order order_id=ord_${r.hex(12)}: ERROR: could not extend file: No space left on device (SQLSTATE 53100)`, { linkTraces: true }),
    pat('checkout', 'error', -355, 7, (r) => `checkout failed checkout_id=co_${r.hex(10)}: orders POST /v1/orders returned 500`, { linkTraces: true }),
  ],
  changes: [
    { at: -2100, service: 'catalog', kind: 'config', summary: 'ConfigMap catalog-config: product cache TTL 300s -> 600s', version: 'r61', previousVersion: 'r60', author: 'svc-gitops', source: 'argocd' },
  ],
  alerts: [
    { at: -200, service: 'orders', name: 'OrdersWriteErrors', status: 'firing' },
    { at: -2400, service: 'orders-db', name: 'PostgresDiskUsageAbove95', status: 'firing' },
  ],
  expected: { rootCause: { service: 'orders-db', kind: 'resource_exhaustion' }, action: 'none', mustCite: ['metrics', 'logs'] },
};

export const shopA: ScenarioSpec[] = [pricingDeploy, cartPool, asyncReservation, ordersDisk];
