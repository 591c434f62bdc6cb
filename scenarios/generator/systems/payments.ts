import { external, http, postgres, tpl, worker } from '../lib/services.js';
import type { Call, System } from '../lib/types.js';

/** "Ledgerly", a payments platform on ECS Fargate with an Aurora ledger. */

const ledgerDb = (op: string, selfMs: number, table: string): Call => ({
  service: 'ledger-db',
  op,
  selfMs,
  kind: 'client',
  attributes: { 'db.system': 'postgresql', 'db.name': 'ledger', 'db.sql.table': table },
});

const journal: Call = { service: 'ledger', op: 'POST /v1/journal', selfMs: 9, client: true, children: [ledgerDb('INSERT journal_entries', 4, 'journal_entries')] };

export const payments: System = {
  name: 'ledgerly-payments',
  topology: {
    'api-gateway': ['identity', 'payments-api'],
    identity: ['auth0'],
    'payments-api': ['risk-engine', 'card-processor', 'ledger', 'webhooks-dispatcher'],
    'card-processor': ['stripe-api'],
    ledger: ['ledger-db'],
    'payouts-worker': ['ledger', 'bank-connector'],
  },
  services: [
    http('api-gateway', {
      rps: 260, err: 0.0015, p99: 0.35, cpu: 0.3, mem: 41, runtime: 'ecs', replicas: 4,
      routes: ['POST /v1/payments', 'GET /v1/payments/:id', 'POST /v1/refunds', 'POST /v1/sessions'],
      logs: [
        tpl('warn', 3, (r) => `rate limit applied client_id=cli_${r.hex(8)} limit=100/s`),
        tpl('error', 2, () => 'upstream connect error or disconnect/reset before headers. reset reason: connection termination'),
      ],
    }),
    http('identity', {
      rps: 90, err: 0.001, p99: 0.25, cpu: 0.2, mem: 38, runtime: 'ecs',
      routes: ['POST /oauth/token', 'GET /.well-known/jwks.json'],
      logs: [
        tpl('info', 10, (r) => `token issued client_id=cli_${r.hex(8)} scope=payments:write alg=RS256 kid=2026-03`),
        tpl('info', 2, () => 'JWKS cache refreshed keys=2'),
      ],
    }),
    external('auth0'),
    http('payments-api', {
      rps: 120, err: 0.003, p99: 0.9, cpu: 0.34, mem: 47, runtime: 'ecs', replicas: 4,
      routes: ['POST /v1/payments', 'GET /v1/payments/:id', 'POST /v1/refunds'],
      logs: [
        tpl('info', 16, (r) => `payment authorized payment_id=pay_${r.hex(14)} amount=${r.int(300, 90000)} currency=${r.pick(['USD', 'EUR', 'GBP'])}`),
        tpl('warn', 3, (r) => `duplicate idempotency key idem_${r.hex(12)}, replaying stored result`),
        tpl('error', 2, () => 'webhook enqueue failed: SQS SendMessage throttled, retrying'),
      ],
    }),
    http('risk-engine', {
      rps: 120, err: 0.001, p99: 0.24, cpu: 0.41, mem: 61, runtime: 'ecs',
      routes: ['POST /v1/score'],
      logs: [tpl('info', 10, (r) => `scored payment risk=${r.range(0, 0.6).toFixed(2)} model=gbm-v31 features=v8`)],
    }),
    http('card-processor', {
      rps: 95, err: 0.002, p99: 0.8, cpu: 0.22, mem: 36, runtime: 'ecs',
      routes: ['POST /v1/charges', 'POST /v1/refunds'],
      logs: [
        tpl('info', 14, (r) => `charge created pi_${r.hex(24)} status=succeeded latency_ms=${r.int(180, 700)}`),
        tpl('warn', 2, () => 'stripe request retried after 429 rate_limit (attempt 2)'),
      ],
    }),
    external('stripe-api'),
    http('ledger', {
      rps: 110, err: 0.001, p99: 0.08, cpu: 0.25, mem: 52, runtime: 'ecs', replicas: 3,
      routes: ['POST /v1/journal', 'GET /v1/balances/:account'],
      logs: [tpl('info', 14, (r) => `journal entry posted entry_id=je_${r.hex(12)} lines=${r.pick([2, 2, 3, 4])}`)],
    }),
    postgres('ledger-db', { conns: 120, maxConns: 1000, p99: 0.009, disk: 0.38, cpu: 0.33 }),
    worker('payouts-worker', {
      jobs: 2, err: 0.008, lag: 20, cpu: 0.15, mem: 42, queue: 'payouts', runtime: 'ecs',
      logs: [tpl('info', 10, (r) => `payout batch settled batch_id=pb_${r.hex(10)} merchants=${r.int(20, 400)}`)],
    }),
    http('bank-connector', {
      rps: 4, err: 0.004, p99: 1.8, cpu: 0.08, mem: 30, runtime: 'ecs', replicas: 2,
      routes: ['POST /v1/transfers'],
      logs: [tpl('warn', 2, () => 'partner bank SFTP ack delayed, polling again in 30s')],
    }),
    worker('webhooks-dispatcher', {
      jobs: 30, err: 0.02, lag: 2, cpu: 0.2, mem: 35, queue: 'merchant-webhooks', runtime: 'ecs',
      logs: [
        tpl('info', 10, (r) => `webhook delivered merchant=m_${r.hex(8)} event=payment.succeeded status=200`),
        tpl('warn', 8, (r) => `webhook delivery failed merchant=m_${r.hex(8)} status=${r.pick([404, 410, 500, 503])}, will retry`),
      ],
    }),
  ],
  flows: [
    {
      name: 'create-payment',
      weight: 4,
      root: {
        service: 'api-gateway',
        op: 'POST /v1/payments',
        selfMs: 6,
        children: [
          {
            service: 'payments-api',
            op: 'POST /v1/payments',
            selfMs: 14,
            client: true,
            children: [
              { service: 'risk-engine', op: 'POST /v1/score', selfMs: 110, client: true },
              {
                service: 'card-processor',
                op: 'POST /v1/charges',
                selfMs: 8,
                client: true,
                children: [
                  { service: 'stripe-api', op: 'POST /v1/payment_intents', selfMs: 310, kind: 'client', attributes: { 'http.method': 'POST', 'server.address': 'api.stripe.com' } },
                ],
              },
              journal,
            ],
          },
        ],
      },
    },
    {
      name: 'get-payment',
      weight: 3,
      root: {
        service: 'api-gateway',
        op: 'GET /v1/payments/:id',
        selfMs: 4,
        children: [
          {
            service: 'payments-api',
            op: 'GET /v1/payments/:id',
            selfMs: 6,
            client: true,
            children: [{ service: 'ledger', op: 'GET /v1/balances/:account', selfMs: 4, client: true, children: [ledgerDb('SELECT balances', 2, 'balances')] }],
          },
        ],
      },
    },
    {
      name: 'session',
      weight: 2,
      root: {
        service: 'api-gateway',
        op: 'POST /v1/sessions',
        selfMs: 4,
        children: [
          {
            service: 'identity',
            op: 'POST /oauth/token',
            selfMs: 12,
            client: true,
            children: [{ service: 'auth0', op: 'POST /oauth/token', selfMs: 140, kind: 'client', attributes: { 'http.method': 'POST', 'server.address': 'ledgerly.us.auth0.com' } }],
          },
        ],
      },
    },
    {
      name: 'payout',
      weight: 1,
      root: {
        service: 'payouts-worker',
        op: 'payouts process',
        selfMs: 30,
        kind: 'consumer',
        children: [journal, { service: 'bank-connector', op: 'POST /v1/transfers', selfMs: 600, client: true }],
      },
    },
  ],
};
