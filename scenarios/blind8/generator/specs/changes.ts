import type { ScenarioSpec } from '../build.js';
import { around, climb, step } from './helpers.js';

const GIB = 1024 ** 3;

/** Deployments and configuration changes. */
export const CHANGES: ScenarioSpec[] = [
  {
    name: 'order-gateway-p99-latency-page',
    description: 'Brokerage order entry: order-gateway p99 latency and 5xx above SLO during the US session.',
    at: '2026-03-11T18:42:00Z',
    source: 'alertmanager',
    alert: { service: 'order-gateway', title: 'OrderGatewayLatencySLOBurn', description: 'order-gateway p99 above 800ms and 5xx ratio above 2% for 5m. Fast burn of the 99.9% latency SLO.', startedAt: -90, severity: 'critical', team: 'trading', labels: { namespace: 'trading', slo: 'order-entry-latency' } },
    topology: { 'order-gateway': ['risk-engine', 'ledger-writer', 'market-data'], 'risk-engine': ['market-data', 'positions-cache'], 'ledger-writer': ['ledger-db'] },
    backend: 'prometheus',
    windowMin: 360,
    stepSec: 120,
    services: {
      'order-gateway': { rate: 420, latencyMs: 140, op: 'POST /v2/orders', chatter: ['order accepted', 'session heartbeat', 'fix session logon acknowledged'] },
      'risk-engine': { rate: 410, latencyMs: 35, op: 'risk.check', chatter: ['limits reloaded', 'pre-trade check passed'] },
      'ledger-writer': { rate: 400, latencyMs: 25, op: 'ledger.append', chatter: ['batch committed', 'journal segment rotated'] },
      'market-data': { rate: 900, latencyMs: 8, noisy: true, op: 'quote.get', chatter: ['snapshot published', 'feed gap filled'] },
      'positions-cache': { rate: 380, latencyMs: 3, op: 'GET positions' },
      'ledger-db': {},
    },
    effects: [
      { service: 'ledger-writer', from: -70, ramp: 50, latency: 9 },
      { service: 'ledger-writer', from: -20, ramp: 4, errors: 0.09 },
      { service: 'order-gateway', from: -60, ramp: 50, latency: 3.2 },
      { service: 'order-gateway', from: -20, ramp: 4, errors: 0.05 },
    ],
    extras: [
      { name: 'container_memory_working_set_bytes', service: 'ledger-writer', unit: 'bytes', healthy: around(1.05 * GIB, 0.02), faulty: (t, rng) => (t < -330 ? undefined : (t < -18 ? Math.min(1.98 * GIB, 1.05 * GIB + (t + 330) * 0.0031 * GIB) : t < -6 ? 1.2 * GIB + (t + 18) * 0.06 * GIB : 1.1 * GIB + (t + 6) * 0.05 * GIB) * (1 + 0.01 * rng.gauss())), digits: 0 },
      { name: 'jvm_gc_pause_seconds_sum_rate', service: 'ledger-writer', unit: 's/s', healthy: around(0.012, 0.2), faulty: (t, rng) => (t > -80 ? 0.012 + 0.4 * Math.min(1, (t + 80) / 60) * (1 + 0.1 * rng.gauss()) : undefined), digits: 4 },
      { name: 'pg_stat_activity_count', service: 'ledger-db', healthy: around(46, 0.06), digits: 0 },
    ],
    logs: [
      { service: 'ledger-writer', level: 'warn', messages: ['GC pause 1.4s exceeded target 200ms (G1 Old Gen 97% used)', 'GC overhead limit approaching: 38% of wall time in GC'], from: -75, to: 0, count: 40 },
      { service: 'ledger-writer', level: 'error', messages: ['append timed out after 2000ms; batch requeued'], from: -20, to: 0, count: 25 },
      { service: 'order-gateway', level: 'error', messages: ['upstream ledger-writer: deadline exceeded after 2000ms', 'order rejected: ledger unavailable'], from: -20, to: 0, count: 35 },
      { service: 'market-data', level: 'warn', messages: ['feed A sequence gap, requesting retransmit'], from: -360, to: 0, count: 30, always: true },
    ],
    traces: { count: 40, roots: ['order-gateway'], faults: [{ service: 'ledger-writer', from: -40, errorRate: 0.35, extraMs: 1600, attributes: { 'error.type': 'DeadlineExceeded' } }] },
    changes: [
      { at: -331, service: 'ledger-writer', kind: 'deployment', summary: 'ledger-writer v3.18.0: batch journal entries by account for fewer fsyncs', version: 'v3.18.0', previousVersion: 'v3.17.4', author: 'ana.ribeiro', commit: '9f3c1e2', source: 'argocd' },
      { at: -212, service: 'order-gateway', kind: 'deployment', summary: 'order-gateway v5.2.1: new FIX tag 9730 passthrough', version: 'v5.2.1', previousVersion: 'v5.2.0', author: 'ci-bot', commit: 'a81d0e4', source: 'argocd' },
      { at: -44, service: 'risk-engine', kind: 'config', summary: 'risk-engine: intraday margin multiplier for TSLA raised 1.5 -> 1.8', author: 'risk-desk', source: 'config-service' },
      { at: -9, service: 'ledger-writer', kind: 'scaling', summary: 'ledger-writer replicas 6 -> 9 (manual, incident mitigation)', author: 'oncall-trading', source: 'kubectl' },
    ],
    runtime: [
      { at: -95, service: 'market-data', kind: 'restart', count: 1, message: 'scheduled daily feed handler restart' },
      { at: -18, service: 'ledger-writer', kind: 'oom_killed', count: 3, message: 'container ledger-writer exceeded memory limit 2Gi' },
      { at: -6, service: 'ledger-writer', kind: 'oom_killed', count: 2, message: 'container ledger-writer exceeded memory limit 2Gi' },
    ],
    alerts: [
      { at: -16, service: 'ledger-writer', name: 'KubePodCrashLooping', status: 'firing' },
      { at: -3, service: 'order-gateway', name: 'FixSessionRejectRateHigh', status: 'firing' },
    ],
    reference: true,
    expected: { service: 'ledger-writer', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'metrics'] },
    modelledOn: 'the incident class "a slow memory leak shipped by a deploy hours before".',
    story: 'ledger-writer v3.18.0 keeps per-account batches in a map that is never pruned. Its heap climbs for five hours, GC pauses grow, then the pods are OOM-killed; order-gateway waits on ledger appends and pages.',
    tempting: ['order-gateway (where the page fired, deployed 3.5h ago);', 'risk-engine (config change 44 minutes before);', 'market-data (always noisy, restarted 95 minutes before);', 'the mitigation scale-out of ledger-writer at -9m; resource_exhaustion on ledger-writer (the OOM kills are the symptom of the deploy).'],
  },
];
