import { describe, expect, it } from 'vitest';
import type { Suspect } from '../../../functions/contracts/index.js';
import { recommendAction } from '../../../functions/score/core/actions.js';
import { readHeld } from '../../../functions/score/core/held.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

/*
 * Descriptors, connections or memory held for nothing (a leak: the count climbs while
 * demand does not) are freed by a restart, whether or not the process names the leak.
 */
const at = Date.parse('2026-06-01T13:00:00Z');
const STEP = 60_000;
const N = 60;

const series = (id: string, service: string, name: string, values: number[], reference?: number): Evidence =>
  ({
    id,
    class: 'metrics',
    service,
    name,
    labels: {},
    startMs: at - (N - 1) * STEP,
    stepMs: STEP,
    values,
    ...(reference !== undefined ? { reference: { median: reference, mad: reference * 0.02, p05: reference * 0.97, p95: reference * 1.03, points: 60 } } : {}),
  }) as unknown as Evidence;

/** A level with a small deterministic wobble, as a real count has. */
const level = (v: number) => Array.from({ length: N }, (_, i) => v * (1 + 0.01 * Math.sin(i)));
/** A steady climb from one level to another over the window. */
const climb = (from: number, to: number) => Array.from({ length: N }, (_, i) => from + ((to - from) * i) / (N - 1) + 0.005 * from * Math.sin(i));

const emfile = (service: string): Signal => ({ service, family: 'log_error', strength: 0.9, onsetMs: at - 5 * STEP, evidenceId: 'LOG_1', local: true, hint: 'resource_exhaustion', text: `${service} logged error "accept4: too many open files (EMFILE)"` });
const exhausted = (service: string): Suspect => ({ service, kind: 'resource_exhaustion', score: 0.9, evidenceIds: ['LOG_1'], reasons: [] });

describe('descriptors run out', () => {
  it('keeps the restart when the same connections hold far more descriptors than in health (a leak), however closely the connections follow the requests', () => {
    const evidence = [series('M_fds', 'gw', 'process_open_fds', climb(30_000, 65_000), 21_000), series('M_conn', 'gw', 'ws_connections_open', level(23_000), 20_000), series('M_rps', 'gw', 'http_requests_per_second', level(1_500), 1_450)];
    expect(readHeld('gw', 'descriptors', evidence)?.series.id).toBe('M_fds');
    const standing = [series('M_fds', 'gw', 'process_open_fds', level(65_000), 16_000), series('M_conn', 'gw', 'ws_connections_open', level(20_000), 19_000), series('M_rps', 'gw', 'http_requests_per_second', level(6_000), 6_000)];
    expect(readHeld('gw', 'descriptors', standing)).toBeUndefined();
    expect(recommendAction(exhausted('gw'), [emfile('gw')], { evidence: standing }).kind).toBe('restart');
    expect(recommendAction(exhausted('gw'), [emfile('gw')], { evidence }).kind).toBe('restart');
  });

  it('keeps the restart the process asks for when no series tells a leak', () => {
    expect(recommendAction(exhausted('gw'), [emfile('gw')], { evidence: [] }).kind).toBe('restart');
    const limitOnly = [series('M_max', 'gw', 'process_max_fds', level(65_536), 65_536), series('M_rps', 'gw', 'http_requests_per_second', level(100), 100)];
    expect(recommendAction(exhausted('gw'), [emfile('gw')], { evidence: limitOnly }).kind).toBe('restart');
  });
});

describe('a leak the process does not name', () => {
  it('reads no rate of client requests as connections held', () => {
    const evidence = [series('M_crm', 'sync', 'crm_client_requests_rate1m', climb(0.01, 5), 0.01), series('M_rps', 'sync', 'http_requests_rate1m', level(11), 11)];
    expect(readHeld('sync', 'connections', evidence)).toBeUndefined();
    expect(recommendAction(exhausted('sync'), [], { evidence }).kind).toBe('none');
  });

  it('proposes a restart when memory climbs steadily far past its health while demand does not', () => {
    const evidence = [series('M_rss', 'transcoder', 'process_resident_memory_bytes', climb(1.2e9, 7.7e9), 1.2e9), series('M_rps', 'transcoder', 'request_rate', level(50), 52)];
    const action = recommendAction(exhausted('transcoder'), [], { evidence });
    expect(action.kind).toBe('restart');
    expect(action.evidenceIds).toContain('M_rss');
    expect(action.reason).toMatch(/leak/);
  });

  it('proposes a restart when memory, far above its health, is still climbing steadily as demand falls away', () => {
    const evidence = [series('M_rss', 'transcoder', 'process_resident_memory_bytes', climb(6.3e9, 7.8e9), 1.2e9), series('M_rps', 'transcoder', 'request_rate', climb(52, 0.5), 53)];
    expect(readHeld('transcoder', 'memory', evidence)?.series.id).toBe('M_rss');
    expect(recommendAction(exhausted('transcoder'), [], { evidence }).kind).toBe('restart');
  });

  it('reads a steady climb without a reference against demand within the window', () => {
    const evidence = [series('M_rss', 'worker', 'container_memory_working_set_bytes', climb(1e9, 3e9)), series('M_rps', 'worker', 'request_rate', level(40))];
    expect(readHeld('worker', 'memory', evidence)?.series.id).toBe('M_rss');
  });

  it('proposes nothing for memory that stands above its health for the whole window without climbing (a process that has run longer)', () => {
    const evidence = [series('M_mem', 'shipping', 'memory_usage_percent', level(32.8), 9.8), series('M_rps', 'shipping', 'http_requests_per_second', level(2.5), 2.3)];
    expect(readHeld('shipping', 'memory', evidence)).toBeUndefined();
    expect(recommendAction(exhausted('shipping'), [], { evidence }).kind).toBe('none');
  });

  it('proposes nothing when the memory grew with demand, or rose in a step, or is a store at its own cap', () => {
    const withDemand = [series('M_rss', 'api', 'process_resident_memory_bytes', climb(1e9, 3e9)), series('M_rps', 'api', 'request_rate', climb(100, 400))];
    expect(recommendAction(exhausted('api'), [], { evidence: withDemand }).kind).toBe('none');
    const step = [series('M_rss', 'api', 'process_resident_memory_bytes', Array.from({ length: N }, (_, i) => (i < 40 ? 1e9 : 3e9))), series('M_rps', 'api', 'request_rate', level(100))];
    expect(recommendAction(exhausted('api'), [], { evidence: step }).kind).toBe('none');
    const store = [{ ...(series('M_mem', 'cache', 'redis_memory_used_bytes', climb(2e9, 4.29e9)) as object), labels: { maxmemory: '4294967296' } } as unknown as Evidence, series('M_rps', 'cache', 'redis_commands_per_second', level(5_000))];
    expect(recommendAction(exhausted('cache'), [], { evidence: store }).kind).toBe('none');
  });
});

describe('calls refused at the service\'s own limit', () => {
  const throttled: Signal = { service: 'render', family: 'cpu', strength: 0.9, onsetMs: at - 10 * STEP, evidenceId: 'M_thr', local: true, refusedCalls: true, text: 'render calls refused at its limit rose from 0.0 to 2477 (Throttles)' };

  it('proposes more capacity: demand beyond what it is allowed, which a restart does not free', () => {
    const action = recommendAction(exhausted('render'), [throttled]);
    expect(action.kind).toBe('scale_out');
    expect(action.evidenceIds[0]).toBe('M_thr');
    expect(action.reason).toMatch(/Throttles/);
  });

  it('leaves the restart to a process that itself ran out of memory, and reads nothing into a faint or another service\'s throttling', () => {
    const oom: Signal = { ...throttled, family: 'exception', refusedCalls: undefined, evidenceId: 'EXC_1', text: 'render threw OutOfMemoryError: Java heap space' };
    expect(recommendAction(exhausted('render'), [throttled, oom]).kind).toBe('restart');
    expect(recommendAction(exhausted('render'), [{ ...throttled, strength: 0.1 }]).kind).toBe('none');
    expect(recommendAction(exhausted('render'), [{ ...throttled, service: 'caller' }]).kind).toBe('none');
  });
});

describe('a full scratch space of the service\'s own', () => {
  const evicted: Signal = { service: 'render', family: 'runtime_node', strength: 0.8, onsetMs: at - 5 * STEP, evidenceId: 'RT_1', local: true, text: 'render was evicted from its node (2×): The node was low on resource: ephemeral-storage' };
  const enospc: Signal = { service: 'render', family: 'log_error', strength: 0.9, onsetMs: at - 6 * STEP, evidenceId: 'LOG_2', local: true, hint: 'resource_exhaustion', text: 'render logged error "write /scratch/render.log: no space left on device"' };

  it('proposes a restart when it wrote its own ephemeral storage full: a fresh instance starts with it empty', () => {
    const action = recommendAction(exhausted('render'), [evicted, enospc]);
    expect(action.kind).toBe('restart');
    expect(action.evidenceIds.slice(0, 2)).toEqual(['RT_1', 'LOG_2']);
  });

  it('proposes nothing for a full disk it keeps (no eviction for ephemeral storage), nor for a neighbour evicted from a node another filled', () => {
    expect(recommendAction(exhausted('render'), [enospc]).kind).toBe('none');
    expect(recommendAction(exhausted('render'), [evicted]).kind).toBe('none');
  });
});

describe('connections pinned idle inside transactions', () => {
  it('proposes a restart when connections idle in a transaction stand far past what health held: they serve no demand', () => {
    const evidence = [series('M_idle', 'pooler', 'pgbouncer_pools_sv_idle_in_transaction', climb(2, 140), 1)];
    const action = recommendAction(exhausted('pooler'), [], { evidence });
    expect(action.kind).toBe('restart');
    expect(action.evidenceIds).toContain('M_idle');
    const labelled = [{ ...(series('M_state', 'db', 'pg_stat_activity_count', level(90), 2) as object), labels: { state: 'idle in transaction' } } as unknown as Evidence];
    expect(recommendAction(exhausted('db'), [], { evidence: labelled }).kind).toBe('restart');
  });

  it('proposes nothing for connections that are busy, or idle in transactions no more than in health', () => {
    const active = [{ ...(series('M_state', 'db', 'pg_stat_activity_count', level(900), 45) as object), labels: { state: 'active' } } as unknown as Evidence];
    expect(recommendAction(exhausted('db'), [], { evidence: active }).kind).toBe('none');
    expect(recommendAction(exhausted('pooler'), [], { evidence: [series('M_idle', 'pooler', 'pgbouncer_pools_sv_idle_in_transaction', level(3), 2.5)] }).kind).toBe('none');
  });
});
