import { describe, expect, it } from 'vitest';
import { countsFailedResponses, metricFamily } from '../../../functions/score/core/metrics.js';

/*
 * A call count labelled with a gRPC status other than OK counts calls that failed, as one
 * labelled 5xx does: more of them is more failing, not more demand.
 */
describe('a call series labelled with a gRPC status', () => {
  it('counts failed calls when the status is not OK, by name in either spelling', () => {
    expect(countsFailedResponses({ grpc_code: 'ResourceExhausted', grpc_method: 'BuildReport' })).toBe(true);
    expect(countsFailedResponses({ grpc_status: 'DEADLINE_EXCEEDED' })).toBe(true);
    expect(countsFailedResponses({ grpc_code: 'Unavailable' })).toBe(true);
    expect(countsFailedResponses({ grpc_code: 'OK' })).toBe(false);
    expect(countsFailedResponses({ grpc_method: 'Unavailable' })).toBe(false);
  });

  it('is read as a failure rate, not as demand', () => {
    expect(metricFamily('grpc_client_handled_total_rate', 'ops/s', { grpc_code: 'ResourceExhausted' })).toBe('errors');
    expect(metricFamily('grpc_client_handled_total_rate', 'ops/s', { grpc_code: 'OK' })).toBe('traffic');
  });
});
