import { describe, expect, it } from 'vitest';
import { metricFamily } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const sig = (family: Signal['family'], strength: number, minutesBefore: number, n = 0): Signal => ({ service: 'consumer', family, strength, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${family}_${n}`, local: true, text: `consumer ${family}` });
const frame = { alertAtMs: at, stepMs: 30_000 };

describe('repeated runtime events', () => {
  it('count a crash loop reported again and again once, so it does not outvote the exception that crashes it', () => {
    const crashes = Array.from({ length: 6 }, (_, i) => sig('runtime_crash', 0.9, 25 - 5 * i, i));
    const profiles = profileServices([sig('exception', 0.83, 27), sig('log_error', 0.76, 26), ...crashes], mergeGraph({ consumer: [] }), frame);
    const support = kindSupport(profiles.get('consumer')!);
    expect(support.get('code_defect')!.support).toBeGreaterThan(support.get('resource_exhaustion')!.support);
  });
});

describe('metric families', () => {
  it('does not read a container restart counter as request traffic', () => {
    expect(metricFamily('kube_pod_container_status_restarts_total')).not.toBe('traffic');
    expect(metricFamily('http_requests_total')).toBe('traffic');
  });
});
