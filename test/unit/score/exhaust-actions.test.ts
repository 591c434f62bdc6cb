import { describe, expect, it } from 'vitest';
import type { Suspect } from '../../../functions/contracts/index.js';
import { recommendAction } from '../../../functions/score/core/actions.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

/*
 * Which bounded action undoes an exhaustion, read the way an SRE reads what ran out: a
 * pool too small for its steady load wants more instances; a disk filled by files a
 * process deleted and holds open is freed by restarting it; descriptors held by the live
 * clients a server serves are demand, not a leak.
 */
const at = Date.parse('2026-03-09T14:00:00Z');
const step = 300_000;

function series(service: string, name: string, values: number[], reference?: { median: number; p95: number }, labels: Record<string, string> = {}): Evidence {
  return {
    id: `M_${service}_${name}`,
    class: 'metrics',
    service,
    name,
    labels,
    startMs: at - values.length * step,
    stepMs: step,
    values,
    ...(reference ? { reference: { median: reference.median, mad: reference.median * 0.05, p05: reference.median * 0.8, p95: reference.p95, points: 24 } } : {}),
  } as unknown as Evidence;
}

const flat = (v: number, n = 16) => Array.from({ length: n }, (_, i) => v * (1 + 0.01 * Math.sin(i)));
const suspect = (service: string): Suspect => ({ service, kind: 'resource_exhaustion', score: 0.9, evidenceIds: [], reasons: [] });
const sig = (service: string, family: Signal['family'], text: string, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.9, onsetMs: at - 15 * 60_000, evidenceId: `S_${family}`, local: true, text, ...extra });

describe('a pool too small for its steady load', () => {
  const api = 'claims-api';
  const graph = new Map([[api, new Set(['claims-db'])]]);
  const active = (referenceP95: number) => series(api, 'db_pool_active_connections', [18, 19, 20, 19, 20, 20, 19, 20, 20, 20, 19, 20, 20, 20, 20, 20], { median: referenceP95 - 1, p95: referenceP95 });
  const size = series(api, 'db_pool_max_connections', flat(20).map(() => 20));
  const requests = (level: number) => series(api, 'RequestCount', flat(level), { median: 1000, p95: 1200 });
  const waits = sig(api, 'log_error', `${api} logged error "Connection is not available, request timed out"`);
  const action = (evidence: Evidence[], signals: Signal[] = [waits]) => recommendAction(suspect(api), signals, { evidence, graph });

  it('scales out when the pool reached its size, ran close to it in health, and demand held', () => {
    const a = action([active(13), size, requests(1250)]);
    expect(a.kind).toBe('scale_out');
    expect(a.reason).toMatch(/db_pool_active_connections on claims-api reached 20, the size of its pool \(20\)/);
    expect(a.reason).toMatch(/65% of that ceiling/);
  });

  it('reads a busy share of workers against a whole pool', () => {
    const busy = series(api, 'worker_pool_busy_ratio', [0.85, 0.88, 0.9, 0.92, 0.95, 0.97, 0.99, 1, 1, 1, 1, 1], { median: 0.86, p95: 0.93 }, { pool: 'query-workers' });
    expect(action([busy, requests(1000)]).kind).toBe('scale_out');
  });

  it('does not read memory at its cap as a pool: a cache full of what it keeps gains nothing from more instances', () => {
    const memory = series(api, 'redis_memory_used_ratio', [0.85, 0.88, 0.9, 0.92, 0.95, 0.97, 0.99, 1, 1, 1, 1, 1], { median: 0.78, p95: 0.79 });
    expect(action([memory, requests(1000)]).kind).toBe('none');
  });

  it('does not when the pool idled in health: what holds its slots now is new', () => {
    expect(action([active(5), size, requests(1250)]).kind).toBe('none');
  });

  it('does not when demand fell below its reference, or without a reference for it', () => {
    expect(action([active(13), size, requests(700)]).kind).toBe('none');
    expect(action([active(13), size, series(api, 'RequestCount', flat(1250))]).kind).toBe('none');
  });

  it('does not when what the pool connects to is in trouble of its own', () => {
    expect(action([active(13), size, requests(1250)], [waits, sig('claims-db', 'cpu', 'claims-db CPU reached its limit')]).kind).toBe('none');
  });

  it('does not without the pool size to measure against', () => {
    expect(action([active(13), requests(1250)]).kind).toBe('none');
  });
});

describe('a disk filled by files its process deleted and holds open', () => {
  const svc = 'audit-writer';
  const full = sig(svc, 'log_error', `${svc} logged error "write: no space left on device"`, { hint: 'resource_exhaustion' });
  const disk = series(svc, 'system.disk.in_use', [0.6, 0.65, 0.7, 0.74, 0.78, 0.82, 0.86, 0.9, 0.94, 0.98, 1, 1]);

  it('restarts it: closing them frees the space', () => {
    const a = recommendAction(suspect(svc), [full], { evidence: [disk, series(svc, 'process.open_deleted_files', [40, 43, 46, 50, 53, 57, 60, 64, 67, 71, 74, 78])] });
    expect(a.kind).toBe('restart');
    expect(a.reason).toMatch(/process\.open_deleted_files climbed from/);
    expect(a.evidenceIds[0]).toBe('M_audit-writer_process.open_deleted_files');
  });

  it('reads bytes held that way up from none', () => {
    expect(recommendAction(suspect(svc), [full], { evidence: [disk, series(svc, 'open_deleted_file_bytes', [0, 0, 0, 0, 1e9, 5e9, 9e9, 1.4e10, 1.8e10, 2.2e10, 2.6e10, 3e10])] }).kind).toBe('restart');
  });

  it('leaves a full disk to a person when what its process holds deleted does not grow', () => {
    expect(recommendAction(suspect(svc), [full], { evidence: [disk, series(svc, 'process.open_deleted_files', flat(3, 12))] }).kind).toBe('none');
  });
});

describe('descriptors run out: held by live clients or leaked', () => {
  const svc = 'ws-push';
  const emfile = sig(svc, 'log_error', `${svc} logged error "accept tcp: too many open files (EMFILE)"`, { hint: 'resource_exhaustion' });
  const fds = (level: number) => series(svc, 'process_open_file_descriptors', flat(level), { median: 60_000, p95: 63_000 });
  const connections = series(svc, 'ws_connections_active', flat(64_000), { median: 59_500, p95: 62_500 });

  it('scales out when the descriptors are the connections it serves, in the proportion health held', () => {
    const a = recommendAction(suspect(svc), [emfile], { evidence: [fds(64_500), connections] });
    expect(a.kind).toBe('scale_out');
    expect(a.reason).toMatch(/held by the clients it serves/);
  });

  it('restarts when it holds far more descriptors per connection than in health', () => {
    expect(recommendAction(suspect(svc), [emfile], { evidence: [fds(64_500), series(svc, 'ws_connections_active', flat(24_000), { median: 59_500, p95: 62_500 })] }).kind).toBe('restart');
  });

  it('restarts when sockets its peers closed pile up in CLOSE_WAIT', () => {
    const closeWait = series(svc, 'tcp_close_wait_sockets', [1000, 4000, 8000, 12_000, 16_000, 20_000, 24_000, 28_000, 32_000, 36_000, 40_000, 44_000, 48_000, 52_000, 56_000, 60_000]);
    expect(recommendAction(suspect(svc), [emfile], { evidence: [fds(64_500), connections, closeWait] }).kind).toBe('restart');
  });

  it('restarts when its memory ran out too: the runtime killed it', () => {
    const killed = sig(svc, 'runtime_leak', `${svc} OOMKilled`);
    expect(recommendAction(suspect(svc), [emfile, killed], { evidence: [fds(64_500), connections] }).kind).toBe('restart');
  });

  it('restarts without a connection count to tell the two apart', () => {
    expect(recommendAction(suspect(svc), [emfile], { evidence: [fds(64_500)] }).kind).toBe('restart');
  });
});
