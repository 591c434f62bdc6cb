import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../functions/contracts/index.js';
import { withScalerResponse } from '../../../functions/score/core/scaled-for-load.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const change = (id: string, at: string, service: string, summary: string, author?: string): Evidence => ({ class: 'changes', id, at: `2026-06-01T${at}:00Z`, service, kind: 'scaling', summary, ...(author ? { author } : {}), link: 'https://deploys.example/c' }) as ChangeEvent & { id: string };

describe('a traffic surge and its autoscaler', () => {
  const items = [
    change('CHANGE_1', '08:40', 'feed', 'feed 19.7.0: ranking tweak', 'ci'),
    change('CHANGE_2', '08:50', 'feed', 'HPA feed: 8 -> 14 replicas', 'horizontal-pod-autoscaler'),
    change('CHANGE_3', '08:55', 'feed', 'HPA feed: 14 -> 26 replicas', 'horizontal-pod-autoscaler'),
    change('CHANGE_4', '08:58', 'feed', 'HPA feed: 26 -> 40 replicas (maxReplicas reached)', 'horizontal-pod-autoscaler'),
    change('CHANGE_5', '08:57', 'search', 'HPA search: 4 -> 6 replicas', 'horizontal-pod-autoscaler'),
    change('CHANGE_6', '08:56', 'feed', 'added 6 replicas by hand', 'j.doe'),
  ];

  it('cites the latest capacity the autoscaler added to the surging service', () => {
    expect(withScalerResponse({ service: 'feed', kind: 'traffic_surge', evidenceIds: ['METRIC_4'] }, items).evidenceIds).toEqual(['METRIC_4', 'CHANGE_4', 'CHANGE_3']);
  });

  it('cites none for another kind, or a service the autoscaler did not scale', () => {
    expect(withScalerResponse({ service: 'feed', kind: 'code_defect', evidenceIds: ['METRIC_4'] }, items).evidenceIds).toEqual(['METRIC_4']);
    expect(withScalerResponse({ service: 'ranking', kind: 'traffic_surge', evidenceIds: ['METRIC_9'] }, items).evidenceIds).toEqual(['METRIC_9']);
  });
});
