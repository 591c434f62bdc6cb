import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, writeScenario } from './synthetic.js';

/**
 * A catalog whose release went out two days before the page. In the window its heap climbs
 * from 3.7 GB towards its 4 GiB limit and its pods are OOM-killed; its traffic is what the
 * healthy reference a week earlier saw. `referenceHeapGb` is the heap that reference held.
 */
function catalog(referenceHeapGb: number) {
  const r = seeded(52);
  const heap: [string, number][] = [];
  const requests: [string, number][] = [];
  for (let m = 80; m >= 0; m -= 10) {
    heap.push([`-${m}m`, Math.round((3.95 - (m / 80) * 0.25) * 1e9 * (1 + (r() - 0.5) * 0.01))]);
    requests.push([`-${m}m`, Math.round(300 * (1 + (r() - 0.5) * 0.1))]);
  }
  const refHeap: [string, number][] = [];
  const refRequests: [string, number][] = [];
  for (let m = 224 * 60; m >= 168 * 60; m -= 10) {
    refHeap.push([`-${m}m`, Math.round(referenceHeapGb * 1e9 * (1 + (r() - 0.5) * 0.1))]);
    refRequests.push([`-${m}m`, Math.round(290 * (1 + (r() - 0.5) * 0.2))]);
  }
  return writeScenario({
    name: 'old-release-leak',
    signal: alert('catalog', 'HighLatency'),
    topology: { web: ['catalog'] },
    evidence: {
      metrics: [
        { name: 'jvm_memory_used_bytes', service: 'catalog', labels: { area: 'heap' }, points: heap },
        { name: 'http_requests_per_second', service: 'catalog', points: requests },
      ],
      runtime: [
        { at: '-20m', service: 'catalog', kind: 'oom_killed', message: 'container app OOMKilled (limit 4Gi)' },
        { at: '-8m', service: 'catalog', kind: 'oom_killed', message: 'container app OOMKilled (limit 4Gi)' },
      ],
      changes: [{ at: '-50h', service: 'catalog', kind: 'deployment', summary: 'catalog 4.18.0: cache localized prices', version: '4.18.0', previousVersion: '4.17.2' }],
      reference: {
        from: '-224h',
        to: '-168h',
        metrics: [
          { name: 'jvm_memory_used_bytes', service: 'catalog', labels: { area: 'heap' }, points: refHeap },
          { name: 'http_requests_per_second', service: 'catalog', points: refRequests },
        ],
      },
    },
  });
}

describe('a leak shipped days before the pod ran out', () => {
  it('blames the release when the same demand now holds far more memory than in the healthy reference', async () => {
    const { scored } = await replayDirect(catalog(1.15));
    expect(scored.suspects[0]).toMatchObject({ service: 'catalog', kind: 'deployment' });
    expect(scored.suspects[0]!.reasons[0]).toMatch(/now takes \d\.\d times as much of it/);
  });

  it('leaves an old release alone when the healthy reference held as much', async () => {
    const { scored } = await replayDirect(catalog(3.6));
    expect(scored.suspects[0]).toMatchObject({ service: 'catalog', kind: 'resource_exhaustion' });
  });
});
