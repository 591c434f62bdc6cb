import { describe, expect, it } from 'vitest';
import { fittedShortage, shortResources, smallerInstance, towardShortage } from '../../../functions/score/core/kinds.js';
import type { Signal } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, writeScenario } from './synthetic.js';

const sig = (family: Signal['family'], strength: number, extra: Partial<Signal> = {}): Signal => ({ service: 'api', family, strength, onsetMs: 0, evidenceId: `E_${family}`, local: true, text: `api ${family}`, ...extra });

describe('the resource that ran short', () => {
  it('is one whose use reached its limit, whose limit was hit (an OOM kill, throttling), or that an error names in its own words', () => {
    expect(shortResources([sig('runtime_leak', 0.9)])).toEqual(new Set(['memory']));
    expect(shortResources([sig('runtime_throttle', 0.9)])).toEqual(new Set(['cpu']));
    expect(shortResources([sig('saturation', 0.9, { peakShare: 0.99, text: 'api resource use reached its limit (hikaricp_connections_active)' })])).toEqual(new Set(['connections']));
    expect(shortResources([sig('cpu', 0.8, { text: 'api CPU rose from 2 to 383 (kubernetes.cpu.cfs.throttled.periods)' })])).toEqual(new Set(['cpu']));
    expect(shortResources([sig('exception', 0.1, { hint: 'resource_exhaustion', text: 'api threw java.lang.OutOfMemoryError: GC overhead limit exceeded' })])).toEqual(new Set(['memory']));
    expect(shortResources([sig('log_error', 0.9, { hint: 'resource_exhaustion', text: 'api started logging error "FATAL: too many connections"', raw: 'FATAL: too many connections' })])).toEqual(new Set(['connections']));
  });

  it('is not one whose use rose but stayed below its limit, nor one an error merely mentions', () => {
    expect(shortResources([sig('saturation', 0.9, { peakShare: 0.33, text: 'api resource use rose from 214 to 400 (DatabaseConnections)' })])).toEqual(new Set());
    expect(shortResources([sig('memory', 0.9, { text: 'api memory rose from 1.2e9 to 1.9e9 (container_memory_working_set_bytes)' })])).toEqual(new Set());
    expect(shortResources([sig('log_error', 0.9, { text: 'api logged error "NullPointerException in PoolConfig"' })])).toEqual(new Set());
  });
});

describe('the way a change moved a limit', () => {
  it('toward running short: a limit lowered, a pool shrunk, capacity cut, logging turned louder', () => {
    expect(towardShortage('Helm values: JAVA_TOOL_OPTIONS "-Xmx6g -XX:+UseG1GC" -> "-XX:MaxRAMPercentage=50" (memory request 8Gi -> 4Gi)', 'memory')).toBe(true);
    expect(towardShortage('Lambda: MemorySize 1024 -> 512 MB', 'memory')).toBe(true);
    expect(towardShortage('connection pool size reduced for the migration', 'connections')).toBe(true);
    expect(towardShortage('hpa.minReplicas 12 -> 3, hpa.maxReplicas 40 -> 30', 'capacity')).toBe(true);
    expect(towardShortage('instance_class db.r6g.16xlarge -> db.r6g.8xlarge', 'capacity')).toBe(true);
    expect(towardShortage('ConfigMap: LOG_LEVEL info -> debug, LOG_PAYLOADS true', 'disk')).toBe(true);
  });

  it('not when it raised the limit, gave capacity, or does not say', () => {
    expect(towardShortage('parameter group: max_connections from 1000 to 1200', 'connections')).toBe(false);
    expect(towardShortage('memory limit 512Mi -> 1Gi', 'memory')).toBe(false);
    expect(towardShortage('replicas 4 -> 10', 'capacity')).toBe(false);
    expect(towardShortage('increase the connection pool', 'connections')).toBe(false);
    expect(towardShortage('connection pool settings updated', 'connections')).toBe(false);
  });
});

describe('the shortage a change explains by what it set', () => {
  const leak = [sig('runtime_leak', 0.9)];
  const change = (summary: string, kind = 'config') => ({ kind, summary, service: 'api' });

  it('is the resource that ran short, when the change lowered its limit', () => {
    expect(fittedShortage(change('Helm values: JAVA_TOOL_OPTIONS -Xmx6g -> MaxRAMPercentage=50 (memory request 8Gi -> 4Gi)'), leak)).toBe('memory');
    expect(fittedShortage(change('thumbnailer Lambda: MemorySize 1024 -> 512 MB'), leak)).toBe('memory');
    expect(fittedShortage(change('helm values api: hpa.minReplicas 12 -> 3', 'scaling'), leak)).toBe('capacity');
    const evicted = [sig('runtime_node', 0.75, { hint: 'resource_exhaustion', text: 'api was evicted from its node: ephemeral-storage usage 38Gi exceeds the container limit' })];
    expect(fittedShortage(change('api ConfigMap: LOG_LEVEL info -> debug, LOG_PAYLOADS true'), evicted)).toBe('disk');
  });

  it('is any resource that ran short when a configuration moved the instance to a smaller size, as a scale-in is', () => {
    const pinned = [sig('cpu', 0.9, { peakShare: 1, text: 'api CPU reached its limit (100 of 100, CPUUtilization)' })];
    expect(smallerInstance('RDS instance class db.r6g.8xlarge → db.r6g.2xlarge (cost review)')).toBe(true);
    expect(smallerInstance('instance type t3.large -> t3.medium')).toBe(true);
    expect(smallerInstance('instance class db.r6g.2xlarge -> db.r6g.8xlarge')).toBe(false);
    expect(smallerInstance('Karpenter replaced 2 nodes (m6i.2xlarge -> m7i.2xlarge)')).toBe(false);
    expect(fittedShortage(change('terraform: instance_class db.r6g.8xlarge -> db.r6g.2xlarge'), pinned)).toBe('capacity');
    expect(fittedShortage(change('terraform: instance_class db.r6g.2xlarge -> db.r6g.8xlarge'), pinned)).toBeUndefined();
    expect(fittedShortage(change('terraform: instance_class db.r6g.8xlarge -> db.r6g.2xlarge'), [sig('log_error', 0.9)])).toBeUndefined();
  });

  it('is nothing when the change raised that limit, touched another resource, or no resource ran short', () => {
    expect(fittedShortage(change('memory limit 4Gi -> 8Gi'), leak)).toBeUndefined();
    expect(fittedShortage(change('reserved concurrency 100 -> 5'), leak)).toBeUndefined();
    expect(fittedShortage(change('product cache TTL 300s -> 600s'), leak)).toBeUndefined();
    expect(fittedShortage(change('remember-me cookie lifetime 30d -> 7d'), leak)).toBeUndefined();
    const roomy = [sig('saturation', 0.9, { peakShare: 0.33, text: 'api resource use rose from 214 to 400 (DatabaseConnections)' }), sig('cpu', 0.9, { peakShare: 1, text: 'api CPU reached its limit (CPUUtilization)' })];
    expect(fittedShortage(change('parameter group: max_connections 1200 -> 1000'), roomy)).toBeUndefined();
    expect(fittedShortage(change('parameter group: max_connections from 1000 to 1200'), roomy)).toBeUndefined();
    expect(fittedShortage(change('replicas 3 -> 2', 'scaling'), [sig('log_error', 0.9)])).toBeUndefined();
    const pool = [sig('saturation', 0.9, { service: 'conn-pool-proxy', peakShare: 1, text: 'conn-pool-proxy resource use reached its limit (threads_busy)' })];
    expect(fittedShortage({ kind: 'config', summary: 'conn-pool-proxy ConfigMap: LOG_LEVEL info -> debug', service: 'conn-pool-proxy' }, pool)).toBeUndefined();
  });
});

/** Points every minute over the last two hours: `level` by minutes before the alert, with a little noise. */
function points(level: (minBefore: number) => number): [string, number][] {
  const r = seeded(7);
  const out: [string, number][] = [];
  for (let m = 120; m >= 0; m -= 1) out.push([m === 0 ? '-0m' : `-${m}m`, Number((level(m) * (1 + (r() - 0.5) * 0.04)).toFixed(5))]);
  return out;
}

/** `api` killed for memory from 10 minutes before the alert, after a change `at` (50 minutes before it unless said). */
const lowered = (summary: string, kind = 'config', at = '-50m') =>
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
      changes: [{ at, service: 'api', kind, summary }],
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

  it('does not, when it raised that limit: a limit raised is not why it ran out', async () => {
    const { scored } = await replayDirect(lowered('api Helm values: memory limit 4Gi -> 8Gi (headroom)'));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'resource_exhaustion' });
    expect(scored.suspects.flatMap((s) => s.reasons).join(' ')).not.toContain('that ran short');
  });

  it('does not, when it touched something else', async () => {
    const { scored } = await replayDirect(lowered('api ConfigMap: product cache TTL 300s -> 600s'));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'resource_exhaustion' });
  });

  it('explains it from before the window, as the change feed returns what a service runs with', async () => {
    const { scored } = await replayDirect(lowered('api Helm values: memory limit 8Gi -> 4Gi (cost review)', 'config', '-5h'));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'config_change' });
  });
});

/** `api` failing with errors of its own from 10 minutes before the alert, and a config change `at`. */
const failing = (at: string) =>
  writeScenario({
    name: 'standing-probe',
    signal: alert('api'),
    topology: { api: [] },
    evidence: {
      metrics: [{ name: 'http_error_ratio', service: 'api', points: points((m) => (m > 10 ? 0.002 : 0.2)) }],
      logs: Array.from({ length: 40 }, (_, i) => ({ at: `-${600 - i * 15}s`, service: 'api', level: 'error', message: 'TypeError: cannot read properties of undefined (reading "sku")' })),
      changes: [{ at, service: 'api', kind: 'config', summary: 'api ConfigMap: checkout banner text updated' }],
    },
  });

describe('a change from before the window that set nothing that ran short', () => {
  it('is no suspect: it is what the service runs with', async () => {
    const { scored } = await replayDirect(failing('-65m'));
    expect(scored.suspects.filter((s) => s.kind === 'config_change')).toEqual([]);
  });

  it('while the same change inside the window still competes', async () => {
    const { scored } = await replayDirect(failing('-55m'));
    expect(scored.suspects.some((s) => s.service === 'api' && s.kind === 'config_change')).toBe(true);
  });
});

/** `db` whose CPU saturated 10 minutes before the alert while its connections rose well below their limit, with a parameter change `at`. */
const saturated = (summary: string, at: string) =>
  writeScenario({
    name: 'raised-limit-probe',
    signal: alert('db', 'HighCPU'),
    topology: { db: [] },
    evidence: {
      metrics: [
        { name: 'CPUUtilization', service: 'db', unit: 'Percent', points: points((m) => (m > 10 ? 35 : 100)) },
        { name: 'DatabaseConnections', service: 'db', unit: 'Count', labels: { max_connections: '1200' }, points: points((m) => (m > 10 ? 214 : 400)) },
      ],
      changes: [{ at, service: 'db', kind: 'config', summary }],
    },
  });

describe('a change to a limit that did not run short', () => {
  it('earns no blame for the shortage of another resource, raised or not, standing or recent', async () => {
    for (const [summary, at] of [['db parameter group: max_connections 1000 -> 1200', '-3h'], ['db parameter group: max_connections 1000 -> 1200', '-50m'], ['db parameter group: max_connections 1500 -> 1200', '-3h']] as const) {
      const { scored } = await replayDirect(saturated(summary, at));
      expect(scored.suspects[0]).toMatchObject({ service: 'db', kind: 'resource_exhaustion' });
      expect(scored.suspects.flatMap((s) => s.reasons).join(' ')).not.toContain('that ran short');
    }
  });
});
