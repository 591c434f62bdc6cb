import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ 'index-feeder': ['jobs-search'] });
const feeder: Signal[] = [
  { service: 'index-feeder', family: 'errors', strength: 1, onsetMs: at - 24 * min, evidenceId: 'M_feeder', local: false, text: 'index-feeder error rate rose' },
  { service: 'index-feeder', family: 'log_error', strength: 1, onsetMs: at - 26 * min, evidenceId: 'L_feeder', local: true, hint: 'resource_exhaustion', text: 'index-feeder started logging error "bulk index failed: blocked by: disk usage exceeded flood-stage watermark"' },
];
const searchSaid: Signal = { service: 'jobs-search', family: 'log_error', strength: 0.5, onsetMs: at - 26 * min, evidenceId: 'L_search', local: true, hint: 'resource_exhaustion', text: 'jobs-search logged warn "flood stage disk watermark exceeded"' };

describe("a shortage a caller passes on from its callee", () => {
  it('puts the caller\'s failures on the callee that said it ran short', () => {
    const profiles = profileServices([...feeder, searchSaid], graph, frame);
    expect(profiles.get('index-feeder')!.explainedBy).toBe('jobs-search');
    expect(originScore(profiles.get('jobs-search')!)).toBeGreaterThan(originScore(profiles.get('index-feeder')!));
  });

  it('keeps a caller that measured its own resource running short as the origin', () => {
    const disk: Signal = { service: 'index-feeder', family: 'saturation', strength: 0.9, onsetMs: at - 30 * min, evidenceId: 'M_disk', local: true, text: 'index-feeder disk reached its limit' };
    const profiles = profileServices([...feeder, disk, searchSaid], graph, frame);
    expect(originScore(profiles.get('index-feeder')!)).toBeGreaterThan(originScore(profiles.get('jobs-search')!));
  });

  it('leaves a caller whose own demand rose to the surge and change readings', () => {
    const more: Signal = { service: 'index-feeder', family: 'traffic_up', strength: 1, onsetMs: at - 28 * min, evidenceId: 'M_more', local: true, text: 'index-feeder request rate rose' };
    const profiles = profileServices([...feeder, more, searchSaid], graph, frame);
    expect(profiles.get('index-feeder')!.rootness).toBeGreaterThan(0.5);
  });
});
