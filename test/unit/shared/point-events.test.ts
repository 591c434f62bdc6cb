import { describe, expect, it } from 'vitest';
import { EvidencePlan } from '../../../functions/contracts/index.js';
import { plannedServices } from '../../../functions/shared/point-events.js';

const plan = (over: Partial<EvidencePlan>): EvidencePlan =>
  EvidencePlan.parse({
    planId: 'ecs-changes',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'changes',
    backend: { id: 'ecs', type: 'ecs', classes: ['changes'], options: {} },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['web', 'orders'],
    correlation: {},
    limits: {},
    ...over,
  });

const mapped = ['capacity-b', 'orders', 'web'];

describe('the services a change or runtime provider reads', () => {
  it('reads the planned services, focus first', () => {
    expect(plannedServices(plan({}), mapped)).toEqual(['orders', 'web']);
  });

  it('reads the other mapped services after the planned ones when the plan asks for unlisted ones', () => {
    expect(plannedServices(plan({ unlisted: true }), mapped)).toEqual(['orders', 'web', 'capacity-b']);
  });

  it('reads the focus alone, or every mapped service, when the plan names none', () => {
    expect(plannedServices(plan({ services: [] }), mapped)).toEqual(['orders']);
    expect(plannedServices(plan({ services: [], focusService: undefined }), mapped)).toEqual(mapped);
  });
});
