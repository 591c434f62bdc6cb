import { describe, expect, it } from 'vitest';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

describe('demand that rose with the failures, on a service that said it ran short', () => {
  const at = Date.parse('2026-01-01T00:16:00Z');
  const frame = { alertAtMs: at, stepMs: 30_000 };
  const sig = (family: Signal['family'], strength: number, extra: Partial<Signal> = {}): Signal => ({ service: 'export-api', family, strength, onsetMs: at - 16 * 60_000, evidenceId: `E_${family}`, local: family !== 'errors' && family !== 'latency', text: `export-api ${family}`, ...extra });
  const kinds = (line: Partial<Signal>) => kindSupport(profileServices([sig('traffic_up', 1), sig('errors', 1), sig('latency', 1), sig('log_error', 1, line)], mergeGraph({ scheduler: ['export-api'] }), frame).get('export-api')!);

  it('is a surge: twenty-five times the requests, and its own words say its workers could not keep up', () => {
    const k = kinds({ hint: 'resource_exhaustion' });
    expect(k.get('traffic_surge')!.support).toBeGreaterThan(k.get('code_defect')?.support ?? 0);
    expect(k.get('traffic_surge')!.support).toBeGreaterThan(k.get('resource_exhaustion')!.support);
  });

  it('is not, when nothing says the service strained: more calls it failed on may be its code failing', () => {
    const k = kinds({});
    expect(k.get('code_defect')!.support).toBeGreaterThan(k.get('traffic_surge')!.support);
  });
});
