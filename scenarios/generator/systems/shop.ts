import { elasticsearch, external, http, postgres, redis, tpl, worker } from '../lib/services.js';
import type { Call, System } from '../lib/types.js';

/** "Larkspur", an e-commerce shop on Kubernetes. */

const pg = (service: string, statement: string, selfMs: number, table: string): Call => ({
  service,
  op: statement,
  selfMs,
  kind: 'client',
  attributes: { 'db.system': 'postgresql', 'db.name': service, 'db.sql.table': table },
});

const cartRedis = (cmd: string): Call => ({
  service: 'cart-redis',
  op: cmd,
  selfMs: 0.6,
  kind: 'client',
  attributes: { 'db.system': 'redis', 'db.operation': cmd },
});

const priceItem: Call = { service: 'pricing', op: 'pricing.v1.Pricing/PriceItem', selfMs: 4, client: true };
const quoteCart: Call = {
  service: 'pricing',
  op: 'pricing.v1.Pricing/QuoteCart',
  selfMs: 9,
  client: true,
  children: [{ service: 'tax-service', op: 'POST /v1/quote', selfMs: 38, client: true }],
};

export const shop: System = {
  name: 'larkspur-shop',
  topology: {
    storefront: ['catalog', 'search', 'cart', 'checkout', 'recommendations'],
    catalog: ['catalog-db'],
    search: ['search-es', 'catalog'],
    cart: ['cart-redis', 'pricing'],
    checkout: ['cart', 'pricing', 'inventory', 'orders'],
    pricing: ['tax-service'],
    inventory: ['catalog-db'],
    orders: ['orders-db', 'notification'],
    notification: ['sendgrid'],
    recommendations: ['catalog'],
  },
  services: [
    http('storefront', {
      rps: 420, err: 0.002, p99: 0.45, cpu: 0.38, mem: 380, replicas: 6,
      routes: ['GET /', 'GET /p/:slug', 'GET /search', 'POST /cart/items', 'POST /checkout'],
      logs: [
        tpl('warn', 5, (r) => `recommendations slow, serving fallback carousel elapsed_ms=${r.int(260, 420)}`),
        tpl('error', 3, () => 'failed to report web-vitals batch: 413 Payload Too Large'),
      ],
    }),
    http('catalog', {
      rps: 310, err: 0.001, p99: 0.12, cpu: 0.31, mem: 520, replicas: 4,
      routes: ['GET /v1/products/:id', 'POST /v1/products:batchGet'],
      logs: [tpl('info', 6, (r) => `product cache refreshed items=${r.int(41000, 42000)} took_ms=${r.int(300, 900)}`)],
    }),
    postgres('catalog-db', { conns: 42, maxConns: 300, p99: 0.012, disk: 0.48, cpu: 0.22 }),
    http('search', {
      rps: 95, err: 0.002, p99: 0.34, cpu: 0.28, mem: 450,
      routes: ['GET /v1/search', 'GET /v1/suggest'],
      logs: [tpl('warn', 3, (r) => `query rewrite produced empty result q_len=${r.int(30, 80)}, falling back to match_all`)],
    }),
    elasticsearch('search-es', { p99: 0.18, heap: 0.62, nodes: 3 }),
    http('cart', {
      rps: 140, err: 0.001, p99: 0.08, cpu: 0.22, mem: 300,
      routes: ['POST /v1/carts/:id/items', 'GET /v1/carts/:id'],
      logs: [tpl('info', 10, (r) => `cart updated cart_id=c_${r.hex(10)} items=${r.int(1, 9)}`)],
    }),
    redis('cart-redis', { clients: 96, p99: 0.0012, memMB: 2210, maxMemMB: 4096 }),
    http('checkout', {
      rps: 12, err: 0.004, p99: 1.4, cpu: 0.24, mem: 610,
      routes: ['POST /v1/checkout', 'GET /v1/checkout/:id'],
      logs: [
        tpl('info', 14, (r) => `order placed order_id=ord_${r.hex(12)} items=${r.int(1, 7)} total_cents=${r.int(1500, 42000)}`),
        tpl('warn', 4, (r) => `idempotency key replayed key=ik_${r.hex(16)}, returning stored response`),
        tpl('error', 2, () => 'failed to emit checkout_completed analytics event: producer queue full (dropped 1)'),
      ],
    }),
    http('pricing', {
      rps: 165, err: 0.0008, p99: 0.06, cpu: 0.2, mem: 280,
      routes: ['POST /pricing.v1.Pricing/PriceItem', 'POST /pricing.v1.Pricing/QuoteCart'],
      logs: [tpl('info', 4, (r) => `price book reloaded entries=${r.int(88000, 89000)}`)],
    }),
    http('tax-service', {
      rps: 14, err: 0.001, p99: 0.18, cpu: 0.12, mem: 240, replicas: 2,
      routes: ['POST /v1/quote'],
      logs: [tpl('warn', 2, () => 'jurisdiction lookup fell back to ZIP-level rates zip=99501')],
    }),
    http('inventory', {
      rps: 40, err: 0.001, p99: 0.09, cpu: 0.16, mem: 260,
      routes: ['POST /v1/reservations', 'GET /v1/stock/:sku'],
      logs: [tpl('info', 6, (r) => `reservation created sku=SKU-${r.int(10000, 99999)} qty=${r.int(1, 3)}`)],
    }),
    http('orders', {
      rps: 15, err: 0.002, p99: 0.25, cpu: 0.18, mem: 340,
      routes: ['POST /v1/orders', 'GET /v1/orders/:id'],
      logs: [tpl('info', 12, (r) => `order persisted order_id=ord_${r.hex(12)} outbox_event=order.created`)],
    }),
    postgres('orders-db', { conns: 64, maxConns: 200, p99: 0.018, disk: 0.71, cpu: 0.3 }),
    worker('notification', {
      jobs: 6, err: 0.004, lag: 4, cpu: 0.1, mem: 210, queue: 'order-emails',
      logs: [
        tpl('info', 16, (r) => `email sent template=${r.pick(['order_confirmation', 'shipping_update', 'password_reset'])} message_id=${r.hex(22)}`),
        tpl('warn', 4, (r) => `recipient bounced previously, suppressing send to=***@${r.pick(['gmail.com', 'yahoo.com', 'outlook.com'])}`),
      ],
    }),
    external('sendgrid'),
    http('recommendations', {
      rps: 380, err: 0.031, p99: 0.9, cpu: 0.55, mem: 1400,
      routes: ['GET /v1/recs'],
      logs: [
        tpl('error', 24, () => 'model inference timeout after 250ms, returning popular items'),
        tpl('warn', 6, (r) => `feature store miss user_id=u_${r.hex(8)}`),
      ],
    }),
  ],
  flows: [
    {
      name: 'product-page',
      weight: 5,
      root: {
        service: 'storefront',
        op: 'GET /p/:slug',
        selfMs: 35,
        parallel: true,
        children: [
          { service: 'catalog', op: 'catalog.v1.Catalog/GetProduct', selfMs: 6, client: true, children: [pg('catalog-db', 'SELECT products', 3, 'products')] },
          { service: 'recommendations', op: 'GET /v1/recs', selfMs: 120, children: [{ service: 'catalog', op: 'catalog.v1.Catalog/BatchGet', selfMs: 9 }] },
        ],
      },
    },
    {
      name: 'search',
      weight: 3,
      root: {
        service: 'storefront',
        op: 'GET /search',
        selfMs: 22,
        children: [
          {
            service: 'search',
            op: 'GET /v1/search',
            selfMs: 14,
            children: [
              { service: 'search-es', op: 'POST /products/_search', selfMs: 45, kind: 'client', attributes: { 'db.system': 'elasticsearch' } },
              { service: 'catalog', op: 'catalog.v1.Catalog/BatchGet', selfMs: 9, client: true },
            ],
          },
        ],
      },
    },
    {
      name: 'add-to-cart',
      weight: 2,
      root: {
        service: 'storefront',
        op: 'POST /cart/items',
        selfMs: 12,
        children: [{ service: 'cart', op: 'POST /v1/carts/:id/items', selfMs: 5, children: [priceItem, cartRedis('HSET')] }],
      },
    },
    {
      name: 'checkout',
      weight: 2,
      root: {
        service: 'storefront',
        op: 'POST /checkout',
        selfMs: 18,
        children: [
          {
            service: 'checkout',
            op: 'POST /v1/checkout',
            selfMs: 25,
            children: [
              { service: 'cart', op: 'GET /v1/carts/:id', selfMs: 3, client: true, children: [cartRedis('HGETALL')] },
              quoteCart,
              { service: 'inventory', op: 'POST /v1/reservations', selfMs: 6, client: true, children: [pg('catalog-db', 'UPDATE stock', 4, 'stock')] },
              {
                service: 'orders',
                op: 'POST /v1/orders',
                selfMs: 12,
                client: true,
                children: [pg('orders-db', 'INSERT orders', 5, 'orders'), pg('orders-db', 'INSERT outbox', 2, 'outbox')],
              },
            ],
          },
        ],
      },
    },
    {
      name: 'order-email',
      weight: 1,
      root: {
        service: 'notification',
        op: 'order-emails process',
        selfMs: 8,
        kind: 'consumer',
        children: [
          { service: 'sendgrid', op: 'POST /v3/mail/send', selfMs: 140, kind: 'client', attributes: { 'http.method': 'POST', 'server.address': 'api.sendgrid.com' } },
        ],
      },
    },
  ],
};
