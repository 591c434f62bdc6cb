import { pat, rollout } from '../lib/helpers.js';
import { scaleBy, stepTo } from '../lib/metrics.js';
import { alertmanager } from '../lib/signals.js';
import { generic } from '../lib/signals-saas.js';
import type { ScenarioSpec } from '../lib/types.js';
import { shop } from '../systems/shop.js';

/*
 * Intent: dependency_failure of sendgrid (third party, only seen in client spans and logs);
 * the alert is on notification. Red herring: orders, upstream in the same path, deployed
 * 5 minutes before onset.
 */
const sendgrid: ScenarioSpec = {
  name: 'shop-order-emails-backlog',
  seed: 1108,
  at: '2026-05-30T21:18:00Z',
  description:
    'Order confirmation emails stopped arriving on Saturday evening. The order-emails queue backlog grew steadily from about 21:02 UTC until the generic backlog alert fired at 21:17. Orders kept being placed normally. The orders service had shipped a change to the order.created event shortly before.',
  system: shop,
  services: ['storefront', 'checkout', 'orders', 'orders-db', 'notification', 'inventory', 'cart', 'pricing', 'recommendations'],
  onset: -960,
  signal: generic('2026-05-30T21:18:00Z', {
    title: 'order-emails backlog older than 10 minutes',
    severity: 'warning',
    service: 'notification',
    labels: { queue: 'order-emails', env: 'prod', team: 'commerce-platform', oldest_message_age_seconds: '792' },
    startedAt: -60,
  }),
  effects: [
    { service: 'notification', key: 'errors', shape: stepTo(-960, 0.71, 60) },
    { service: 'notification', key: 'jobs', shape: stepTo(-960, 1.4, 60) },
    { service: 'notification', key: 'lag', shape: () => (t) => (t < -960 ? 4 : 4 + 0.85 * (t + 960)) },
  ],
  extraSeries: [
    {
      service: 'notification',
      def: { key: 'clientErr', name: 'http_client_error_ratio', unit: 'ratio', labels: { peer: 'api.sendgrid.com' }, base: 0.002, noise: 0.4, max: 1 },
      shape: stepTo(-960, 0.72, 60),
    },
    {
      service: 'notification',
      def: { key: 'clientLat', name: 'http_client_duration_p99_seconds', unit: 's', labels: { peer: 'api.sendgrid.com' }, base: 0.48, noise: 0.15 },
      shape: stepTo(-960, 10, 60),
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['order-email', 'checkout'],
    faults: [
      { service: 'sendgrid', from: -960, errorRate: 0.72, addMs: 2600, errorAttributes: { 'http.status_code': 503, 'error.type': '503 Service Unavailable' } },
    ],
  },
  logs: [
    rollout('orders', -1270, 3, () => 'orders v4.3.0 started; order.created schema_version=7'),
    pat('notification', 'error', -960, 8, (r) => `send failed provider=sendgrid status=503 body={"errors":[{"message":"Service Unavailable"}]} attempt=${r.int(1, 5)} message_id=${r.hex(22)}`, { linkTraces: true }),
    pat('notification', 'error', -900, 3, () => 'send failed provider=sendgrid: Post "https://api.sendgrid.com/v3/mail/send": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'),
    pat('notification', 'warn', -950, 6, (r) => `retry scheduled message_id=${r.hex(22)} backoff=${r.pick([30, 60, 120, 240])}s`),
  ],
  changes: [
    { at: -1260, service: 'orders', kind: 'deployment', summary: 'orders v4.3.0: add gift_message to the order.created event', version: 'v4.3.0', previousVersion: 'v4.2.0', author: 'e.moreau', commit: '6f2d91b', source: 'argocd' },
  ],
  alerts: [{ at: -240, service: 'notification', name: 'NotificationSendErrorRatioHigh', status: 'firing' }],
  expected: { rootCause: { service: 'sendgrid', kind: 'dependency_failure' }, action: 'none', mustCite: ['logs', 'traces'] },
};

/*
 * Intent: resource_exhaustion on cart-redis (maxmemory reached, keys evicted), no change;
 * the alert is on cart, and checkout sees carts disappear.
 */
const cartEvictions: ScenarioSpec = {
  name: 'shop-cart-not-found-spike',
  seed: 1109,
  at: '2026-06-14T18:26:00Z',
  description:
    'On Sunday evening customers reported that their carts were empty when they reached checkout. The cart service alert on cart lookups returning not found fired at 18:26 UTC; checkout saw a matching rise in "cart not found" failures. There had been no deploys or configuration changes that weekend.',
  system: shop,
  services: ['storefront', 'catalog', 'cart', 'cart-redis', 'checkout', 'pricing', 'inventory', 'orders', 'recommendations'],
  onset: -540,
  signal: alertmanager('2026-06-14T18:26:00Z', {
    alertname: 'CartNotFoundRatioHigh',
    service: 'cart',
    severity: 'critical',
    summary: 'cart lookups returning 404 above 5%',
    description: '21% of GET /v1/carts/:id returned 404 over the last 5 minutes.',
    expr: 'sum(rate(http_requests_total{service="cart",route="/v1/carts/:id",code="404"}[5m])) / sum(rate(http_requests_total{service="cart",route="/v1/carts/:id"}[5m])) > 0.05',
    labels: { namespace: 'shop', team: 'checkout' },
  }),
  effects: [
    { service: 'cart-redis', key: 'memory', shape: () => (t) => Math.min(4096, 3780 + (316 * (t + 3600)) / 3060) * 1024 * 1024 },
    { service: 'cart-redis', key: 'evictions', shape: stepTo(-540, 340, 60) },
    { service: 'cart-redis', key: 'latency', shape: scaleBy(-540, 2.2, 60) },
    { service: 'cart', key: 'errors', shape: stepTo(-530, 0.012, 60) },
    { service: 'checkout', key: 'errors', shape: stepTo(-520, 0.09, 60) },
  ],
  extraSeries: [
    {
      service: 'cart',
      def: { key: 'notfound', name: 'http_responses_ratio', unit: 'ratio', labels: { route: '/v1/carts/:id', code: '404' }, base: 0.004, noise: 0.3, max: 1 },
      shape: stepTo(-530, 0.21, 90),
    },
    {
      service: 'cart-redis',
      def: { key: 'keys', name: 'redis_db_keys', unit: 'keys', labels: { db: 'db0' }, base: 1, noise: 0.002, integer: true },
      shape: () => (t) => (t < -540 ? 5.1e6 + (0.55e6 * (t + 3600)) / 3060 : 5.65e6 - 180 * (t + 540)),
    },
  ],
  traces: {
    baseline: 12,
    incident: 14,
    flows: ['checkout', 'add-to-cart', 'product-page'],
    faults: [
      { service: 'checkout', op: 'POST /v1/checkout', from: -520, errorRate: 0.25, skipChildren: true, errorAttributes: { 'exception.type': 'CartNotFoundException', 'exception.message': 'cart c_… not found' } },
    ],
  },
  logs: [
    pat('cart-redis', 'warn', -560, 0.5, () => 'WARNING maxmemory reached (used_memory=4294967296 maxmemory=4294967296), evicting keys with policy allkeys-lru', { max: 4 }),
    pat('cart', 'warn', -530, 8, (r) => `cart not found cart_id=c_${r.hex(10)} session_age_min=${r.int(5, 55)}`),
    pat('checkout', 'error', -520, 4, (r) => `checkout failed checkout_id=co_${r.hex(10)}: CartNotFoundException: cart c_${r.hex(10)} not found`, { linkTraces: true }),
  ],
  changes: [],
  expected: { rootCause: { service: 'cart-redis', kind: 'resource_exhaustion' }, action: 'none', mustCite: ['metrics', 'logs'] },
};

export const shopC: ScenarioSpec[] = [sendgrid, cartEvictions];
