import { describe, expect, it } from 'vitest';
import { metricFamily } from '../../../functions/score/core/metrics.js';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import { feltAsPlatform } from '../../../functions/score/core/felt-platform.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/**
 * A platform piece in the call graph (a NAT gateway, a WAN link, a zone) that no code of
 * ours runs in speaks through its own metrics: packets it dropped, nodes that stopped
 * being ready. Its callers' errors are what it left them.
 */
const topology = { payouts: ['bank-api', 'nat-a'], kyc: ['ocr-vendor', 'nat-a'] };

/** Two callers time out on their third parties from eight minutes before the alert; `piece` is the NAT gateway's own series. */
function natOutage(piece: ReturnType<typeof series> | undefined) {
  const r = seeded(5);
  return {
    name: 'nat-outage',
    signal: alert('payouts'),
    topology,
    evidence: {
      metrics: [series('payouts', 'http_error_ratio', 0.002, 0.3, 8, r), series('kyc', 'http_error_ratio', 0.003, 0.28, 8, r), ...(piece ? [piece] : [])],
      logs: [
        ...Array.from({ length: 40 }, (_, i) => ({ at: `-${50 - i}m`, service: 'payouts', level: 'info', message: `payout ${i} sent` })),
        ...Array.from({ length: 8 }, (_, i) => ({ at: `-${8 - i}m`, service: 'payouts', level: 'error', message: 'POST https://api.bank.example/payments: dial tcp 10.1.2.3:443: i/o timeout' })),
      ],
    },
    expected: { rootCause: { service: 'nat-a', kind: 'infrastructure' }, action: 'none' },
  };
}

const replay = async (scenario: Record<string, unknown>) => (await replayDirect(writeScenario(scenario), { allServices: true })).scored;

describe('what a platform piece\'s own metrics measure', () => {
  it('reads dropped and retransmitted packets and timed-out calls as failures', () => {
    expect(metricFamily('PacketsDropCount', 'Count')).toBe('errors');
    expect(metricFamily('tcp_retransmit_ratio', 'ratio')).toBe('errors');
    expect(metricFamily('interface_packet_loss_ratio')).toBe('errors');
    expect(metricFamily('UpstreamTimeouts', 'Count')).toBe('errors');
  });

  it('reads counts of nodes ready, healthy hosts and links up as units in service', () => {
    for (const name of ['kube_node_status_ready', 'kube_node_status_condition_ready', 'HealthyHostCount', 'UnHealthyHostCount', 'network_link_up', 'pg_up', 'GroupInServiceInstances']) expect(metricFamily(name)).toBe('units');
    expect(metricFamily('kafka_server_under_replicated_partitions')).toBe('units');
    expect(metricFamily('http_requests_per_second')).toBe('traffic');
  });

  it('reads how much of a thing is used as resource use', () => {
    expect(metricFamily('kafka_log_dir_used_ratio', 'ratio')).toBe('saturation');
  });

  it('reads `mem` as memory only as a word of its own, not inside another word', () => {
    for (const name of ['mem_used_percent', 'redis_mem_fragmentation_ratio', 'container_memory_working_set_bytes', 'jvm_heap_used']) expect(metricFamily(name)).toBe('memory');
    expect(metricFamily('mongodb_rs_members_state')).not.toBe('memory');
    expect(metricFamily('cluster_member_count')).not.toBe('memory');
  });
});

describe('a platform piece named by its own metrics', () => {
  it('blames the NAT gateway whose dropped packets rose with its callers\' failures, as infrastructure', async () => {
    const r = seeded(9);
    const scored = await replay(natOutage(series('nat-a', 'PacketsDropCount', 30, 90_000, 8, r)));
    expect(scored.suspects[0]).toMatchObject({ service: 'nat-a', kind: 'infrastructure' });
  });

  it('does not blame it when its packets flowed as usual', async () => {
    const r = seeded(9);
    const scored = await replay(natOutage(series('nat-a', 'PacketsDropCount', 30, undefined, 0, r)));
    expect(scored.suspects[0]?.service).not.toBe('nat-a');
  });

  it('blames a zone whose nodes stopped being ready, as infrastructure', async () => {
    const r = seeded(13);
    const scenario = {
      name: 'zone-lost',
      signal: alert('web'),
      topology: { web: ['catalog', 'zone-a', 'zone-b'] },
      // the zone's nodes stop being ready a minute before the storefront's errors rise
      evidence: {
        metrics: [series('web', 'http_error_ratio', 0.002, 0.2, 8, r), series('zone-a', 'kube_node_status_ready', 6, 0.001, 9, r), series('zone-b', 'kube_node_status_ready', 6, undefined, 0, r)],
      },
    };
    const scored = await replay(scenario);
    expect(scored.suspects[0]).toMatchObject({ service: 'zone-a', kind: 'infrastructure' });
    expect(scored.suspects.some((s) => s.service === 'zone-b')).toBe(false);
  });

  it('blames the broker whose disk filled and partitions lost their replicas over the deploy of the producer that felt it', async () => {
    const r = seeded(21);
    const scenario = {
      name: 'broker-disk-full',
      signal: alert('ingest'),
      topology: { ingest: ['broker', 'auth-cache'] },
      evidence: {
        metrics: [
          series('ingest', 'http_error_ratio', 0.001, 0.22, 7, r),
          series('broker', 'kafka_server_under_replicated_partitions', 0.001, 210, 8, r),
          series('broker', 'log_dir_used_ratio', 0.8, 0.9995, 10, r),
        ],
        logs: [
          ...Array.from({ length: 40 }, (_, i) => ({ at: `-${50 - i}m`, service: 'ingest', level: 'info', message: `batch ${i} accepted` })),
          ...Array.from({ length: 7 }, (_, i) => ({ at: `-${7 - i}m`, service: 'ingest', level: 'error', message: 'produce failed: NOT_ENOUGH_REPLICAS (not enough in-sync replicas)' })),
        ],
        changes: [{ at: '-16m', service: 'ingest', kind: 'deployment', summary: 'ingest 44.1.0: accept gzip batches', version: '44.1.0' }],
      },
    };
    const scored = await replay(scenario);
    expect(scored.suspects[0]).toMatchObject({ service: 'broker', kind: 'resource_exhaustion' });
  });
});

describe('a load balancer failing handshakes in front of its service', () => {
  it('is blamed as infrastructure over the service behind it that merely saw its traffic vanish', async () => {
    const r = seeded(31);
    const scenario = {
      name: 'lb-certificate',
      signal: alert('gateway', 'PartnerTrafficLow'),
      topology: { partners: ['lb'], lb: ['gateway'], gateway: ['orders'] },
      evidence: {
        metrics: [series('lb', 'ClientTLSNegotiationErrorCount', 15, 36_000, 8, r), series('lb', 'RequestCount', 40_000, 600, 8, r), series('gateway', 'http_requests_per_second', 150, 2.4, 8, r), series('gateway', 'http_error_ratio', 0.003, undefined, 0, r)],
        logs: [
          ...Array.from({ length: 40 }, (_, i) => ({ at: `-${50 - i}m`, service: 'gateway', level: 'info', message: `order ${i} accepted` })),
          ...Array.from({ length: 6 }, (_, i) => ({ at: `-${6 - i}m`, service: 'gateway', level: 'warn', message: 'no requests from partner globex for 5 minutes' })),
        ],
        changes: [{ at: '-50m', service: 'gateway', kind: 'deployment', summary: 'gateway 4.7.0: webhook signature v2', version: '4.7.0' }],
      },
    };
    const scored = await replay(scenario);
    expect(scored.suspects[0]).toMatchObject({ service: 'lb', kind: 'infrastructure' });
  });
});

describe('units lost from service', () => {
  const at = Date.parse('2026-06-01T09:00:00Z');
  const sig = (service: string, family: Signal['family'], strength: number, minutesBefore: number): Signal => ({ service, family, strength, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${service}_${family}`, local: family !== 'errors', text: `${service} ${family}` });

  it('explain the failures of a caller as fully as a callee\'s own failing requests would', () => {
    const signals = [sig('producer', 'errors', 1, 7), sig('producer', 'log_error', 0.9, 7), sig('producer', 'exception', 1, 7), sig('broker', 'units_lost', 1, 8)];
    const profiles = profileServices(signals, mergeGraph({ producer: ['broker'] }), { alertAtMs: at, stepMs: 30_000 });
    expect(profiles.get('producer')!.explainedBy).toBe('broker');
    expect(profiles.get('producer')!.rootness).toBeLessThan(0.5);
    expect(originScore(profiles.get('broker')!)).toBeGreaterThan(originScore(profiles.get('producer')!));
  });
});

describe('a piece its callers felt as the platform failing', () => {
  const at = Date.parse('2026-06-01T09:00:00Z');
  const sig = (family: Signal['family'], evidenceId: string, extra: Partial<Signal> = {}): Signal => ({ service: 'resolver', family, strength: 0.9, onsetMs: at - 8 * 60_000, evidenceId, local: true, text: `resolver ${family}`, ...extra });
  const kinds = (signals: Signal[]) => {
    const support = kindSupport(profileServices(signals, mergeGraph({ resolver: [] }), { alertAtMs: at, stepMs: 30_000 }).get('resolver')!);
    return { exhaustion: support.get('resource_exhaustion')?.support ?? 0, platform: support.get('infrastructure')?.support ?? 0 };
  };
  const starved = [sig('cpu', 'METRIC_1'), sig('runtime_throttle', 'RUNTIME_1', { hint: 'resource_exhaustion' })];
  const lookups = (n: number) => Array.from({ length: n }, (_, i) => sig('dependency_mention', `LOG_${i}`, { hint: 'infrastructure' as const, strength: 0.7 }));

  it('is infrastructure when two or more callers\' failures of it carry the platform\'s words, whatever ran short inside it', () => {
    const k = kinds([...starved, ...lookups(3)]);
    expect(k.platform).toBeGreaterThan(k.exhaustion);
    expect(feltAsPlatform([...starved, ...lookups(2)])).toBe(true);
  });

  it('stays exhaustion when one caller says so, or none', () => {
    expect(feltAsPlatform([...starved, ...lookups(1)])).toBe(false);
    const k = kinds([...starved, ...lookups(1)]);
    expect(k.exhaustion).toBeGreaterThan(k.platform);
  });
});
