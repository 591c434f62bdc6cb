import { external, http, tpl, worker } from '../lib/services.js';
import type { Call, System } from '../lib/types.js';

/** "Courier", same-hour delivery dispatch on Kubernetes, with a third-party maps API. */

const maps = (op: string, selfMs: number): Call => ({
  service: 'maps-api',
  op,
  selfMs,
  kind: 'client',
  attributes: { 'http.method': op.split(' ')[0], 'server.address': 'api.mapbox.com' },
});

export const dispatch: System = {
  name: 'courier-dispatch',
  topology: {
    'mobile-bff': ['dispatch', 'eta-service', 'driver-location'],
    dispatch: ['geo-index', 'eta-service', 'push-gateway'],
    'eta-service': ['maps-api'],
    'driver-location': ['geo-index'],
  },
  services: [
    http('mobile-bff', {
      rps: 600, err: 0.003, p99: 0.4, cpu: 0.35, mem: 420, replicas: 6,
      routes: ['POST /v1/deliveries', 'GET /v1/deliveries/:id/track', 'POST /v1/drivers/me/status'],
      logs: [tpl('warn', 4, (r) => `client app version deprecated app=${r.pick(['ios', 'android'])}/4.${r.int(10, 19)}.0`)],
    }),
    http('dispatch', {
      rps: 80, err: 0.002, p99: 0.6, cpu: 0.48, mem: 610, replicas: 6,
      routes: ['POST /v1/assignments', 'GET /v1/assignments/:id'],
      logs: [
        tpl('info', 16, (r) => `assignment made delivery=d_${r.hex(10)} driver=drv_${r.hex(6)} candidates=${r.int(3, 25)} score=${r.range(0.4, 0.99).toFixed(2)}`),
        tpl('warn', 4, (r) => `no candidate within 3km delivery=d_${r.hex(10)}, widening to 5km`),
      ],
    }),
    http('geo-index', {
      rps: 420, err: 0.0005, p99: 0.03, cpu: 0.4, mem: 2300, replicas: 3,
      routes: ['GET /v1/nearby', 'PUT /v1/drivers/:id/position'],
      logs: [tpl('info', 6, (r) => `index compaction done entries=${r.int(1600000, 1700000)} took_ms=${r.int(300, 900)}`)],
    }),
    http('eta-service', {
      rps: 300, err: 0.001, p99: 0.35, cpu: 0.3, mem: 380, replicas: 4,
      routes: ['GET /v1/eta', 'POST /v1/eta:batch'],
      logs: [tpl('info', 8, (r) => `eta computed legs=${r.int(1, 3)} provider=mapbox cache=${r.pick(['hit', 'miss', 'miss'])}`)],
    }),
    external('maps-api'),
    worker('driver-location', {
      jobs: 2500, err: 0.0008, lag: 1.5, cpu: 0.55, mem: 350, queue: 'driver-pings', replicas: 3,
      logs: [tpl('info', 6, (r) => `committed offsets partitions=4 lag_max=${r.int(0, 400)}`)],
    }),
    worker('push-gateway', {
      jobs: 45, err: 0.05, lag: 1, cpu: 0.12, mem: 190, queue: 'push-notifications',
      logs: [tpl('error', 20, (r) => `FCM send failed token=${r.hex(10)}…: messaging/registration-token-not-registered`)],
    }),
  ],
  flows: [
    {
      name: 'create-delivery',
      weight: 3,
      root: {
        service: 'mobile-bff',
        op: 'POST /v1/deliveries',
        selfMs: 12,
        children: [
          {
            service: 'dispatch',
            op: 'POST /v1/assignments',
            selfMs: 25,
            client: true,
            children: [
              { service: 'geo-index', op: 'GET /v1/nearby', selfMs: 6, client: true },
              { service: 'eta-service', op: 'POST /v1/eta:batch', selfMs: 9, client: true, children: [maps('POST /directions-matrix/v1/mapbox/driving', 140)] },
            ],
          },
        ],
      },
    },
    {
      name: 'track',
      weight: 4,
      root: {
        service: 'mobile-bff',
        op: 'GET /v1/deliveries/:id/track',
        selfMs: 6,
        children: [{ service: 'eta-service', op: 'GET /v1/eta', selfMs: 5, client: true, children: [maps('GET /directions/v5/mapbox/driving', 95)] }],
      },
    },
    {
      name: 'ping',
      weight: 2,
      root: {
        service: 'driver-location',
        op: 'driver-pings process',
        selfMs: 2,
        kind: 'consumer',
        children: [{ service: 'geo-index', op: 'PUT /v1/drivers/:id/position', selfMs: 1.5, client: true }],
      },
    },
  ],
};
