import { describe, expect, it } from 'vitest';
import { namedShortResource, shortResources } from '../../../functions/score/core/kinds.js';
import type { Signal } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, writeScenario } from './synthetic.js';

const sig = (family: Signal['family'], strength: number, extra: Partial<Signal> = {}): Signal => ({ service: 'api', family, strength, onsetMs: 0, evidenceId: `E_${family}`, local: true, text: `api ${family}`, ...extra });

describe('the resource that ran short', () => {
  it('is named by a memory or CPU signal itself, and by the words of a resource series or an error naming a limit', () => {
    expect(shortResources([sig('runtime_leak', 0.9)])).toEqual(new Set(['memory']));
    expect(shortResources([sig('saturation', 0.8, { text: 'api resource use rose (hikaricp_connections_active)' })])).toEqual(new Set(['connections']));
    expect(shortResources([sig('exception', 0.1, { hint: 'resource_exhaustion', text: 'api threw java.lang.OutOfMemoryError: GC overhead limit exceeded' })])).toEqual(new Set(['memory']));
    expect(shortResources([sig('log_error', 0.9, { text: 'api logged error "NullPointerException in PoolConfig"' })])).toEqual(new Set());
    expect(shortResources([sig('log_error', 0.9, { hint: 'resource_exhaustion', text: 'api started logging error "FATAL: too many connections"', raw: 'FATAL: too many connections' })])).toEqual(new Set(['connections']));
  });

  it('is what a change names when the change set that very ceiling', () => {
    const leak = [sig('runtime_leak', 0.9)];
    expect(namedShortResource('Helm values: JAVA_TOOL_OPTIONS -Xmx6g -> MaxRAMPercentage=50 (memory request 8Gi -> 4Gi)', 'api', leak)).toBe('memory');
    expect(namedShortResource('reserved concurrency 100 -> 5', 'api', leak)).toBeUndefined();
    expect(namedShortResource('product cache TTL 300s -> 600s', 'api', leak)).toBeUndefined();
    expect(namedShortResource('remember-me cookie lifetime 7d -> 30d', 'api', leak)).toBeUndefined();
    expect(namedShortResource('thumbnailer Lambda: MemorySize 1024 -> 512 MB', 'api', leak)).toBe('memory');
    const evicted = [sig('runtime_node', 0.75, { hint: 'resource_exhaustion', text: 'api was evicted from its node: ephemeral-storage usage 38Gi exceeds the container limit' })];
    expect(namedShortResource('api ConfigMap: LOG_LEVEL info -> debug, LOG_PAYLOADS true', 'api', evicted)).toBe('disk');
    const pool = [sig('saturation', 0.9, { service: 'conn-pool-proxy', text: 'conn-pool-proxy resource use rose (threads_busy)' })];
    expect(namedShortResource('conn-pool-proxy ConfigMap: LOG_LEVEL info -> debug', 'conn-pool-proxy', pool)).toBeUndefined();
  });
});

/** Points every minute over the last two hours: `level` by minutes before the alert, with a little noise. */
function points(level: (minBefore: number) => number): [string, number][] {
  const r = seeded(7);
  const out: [string, number][] = [];
  for (let m = 120; m >= 0; m -= 1) out.push([m === 0 ? '-0m' : `-${m}m`, Number((level(m) * (1 + (r() - 0.5) * 0.04)).toFixed(5))]);
  return out;
}

/** `api` killed for memory from 10 minutes before the alert, after a config change 50 minutes before it. */
const lowered = (summary: string, kind = 'config') =>
  writeScenario({
    name: 'ceiling-probe',
    signal: alert('api'),
    topology: { api: [] },
    evidence: {
      metrics: [
        { name: 'container_memory_working_set_bytes', service: 'api', points: points((m) => (m > 10 ? 1.5e9 : 3.9e9)) },
        { name: 'http_error_ratio', service: 'api', points: points((m) => (m > 10 ? 0.002 : 0.1)) },
      ],
      runtime: [
        { at: '-10m', service: 'api', kind: 'oom_killed', message: 'OOMKilled: container exceeded its memory limit' },
        { at: '-4m', service: 'api', kind: 'oom_killed', message: 'OOMKilled: container exceeded its memory limit' },
      ],
      changes: [{ at: '-50m', service: 'api', kind, summary }],
    },
  });

describe('a config change that set the ceiling the service hit', () => {
  it('explains the exhaustion well after it, and says which ceiling', async () => {
    const { scored } = await replayDirect(lowered('api Helm values: memory limit 8Gi -> 4Gi (cost review)'));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'config_change' });
    expect(scored.suspects[0]!.reasons[0]).toContain('it set the memory that ran short');
  });

  it('explains it too when it cut capacity, which cuts every resource', async () => {
    const { scored } = await replayDirect(lowered('helm values api: hpa.minReplicas 12 -> 3 (values clean-up)', 'scaling'));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'config_change' });
    expect(scored.suspects[0]!.reasons[0]).toContain('it set the capacity that ran short');
  });

  it('does not, when it touched something else', async () => {
    const { scored } = await replayDirect(lowered('api ConfigMap: product cache TTL 300s -> 600s'));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'resource_exhaustion' });
  });
});
