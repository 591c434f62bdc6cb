import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

type Scored = Awaited<ReturnType<typeof replayDirect>>['scored'];
const replay = async (scenario: Record<string, unknown>): Promise<Scored> => (await replayDirect(writeScenario(scenario), { allServices: true })).scored;
const scoreOf = (scored: Scored, service: string) => Math.max(0, ...scored.suspects.filter((s) => s.service === service).map((s) => s.score));

/** Error lines `service` logs every minute from `fromMin` minutes before the alert. */
function errorLines(service: string, message: string, fromMin: number) {
  return Array.from({ length: fromMin }, (_, i) => ({ at: `-${fromMin - i}m`, service, level: 'error', message }));
}

/**
 * A managed DNS provider in front of the site (it resolves the names that reach `web`):
 * lookups fail, so web's traffic falls by two thirds and its synthetic probe logs the
 * failure naming the provider. A callee of web deployed minutes before.
 */
function resolverOutage(status?: Record<string, unknown>) {
  const r = seeded(41);
  return {
    name: 'resolver-outage',
    signal: alert('web', 'SyntheticCheckFailing'),
    topology: { 'edge-dns': ['web'], web: ['rates', 'loyalty'] },
    evidence: {
      metrics: [
        series('web', 'http_requests_per_second', 180, 60, 8, r),
        series('web', 'http_error_ratio', 0.002, undefined, 8, r),
        series('rates', 'http_requests_per_second', 450, 150, 8, r),
        series('loyalty', 'http_requests_per_second', 240, 80, 8, r),
      ],
      logs: errorLines('web', 'synthetic check from eu-west-2: DNS resolution failed for www.example.com (SERVFAIL via edge-dns)', 8),
      changes: [{ at: '-12m', service: 'rates', kind: 'deployment', summary: 'rates 2.4.0: member prices', version: '2.4.0', previousVersion: '2.3.9' }],
      ...(status ? { alerts: [status] } : {}),
    },
    expected: { rootCause: { service: 'edge-dns', kind: 'dependency_failure' }, action: 'none' },
  };
}

/**
 * A third party the gateway calls (`partner`, no telemetry of its own): the gateway's
 * 5xx and latency rise with no error line naming anyone, or (`named`) with error lines
 * saying its calls to the partner failed.
 */
function partnerOutage(options: { status?: Record<string, unknown>; partnerSeen?: boolean; named?: boolean } = {}) {
  const r = seeded(43);
  return {
    name: 'partner-outage',
    signal: alert('gateway'),
    topology: { gateway: ['partner', 'sessions'] },
    evidence: {
      metrics: [
        series('gateway', 'http_error_ratio', 0.002, 0.3, 8, r),
        series('gateway', 'http_latency_p99_ms', 80, 900, 8, r),
        series('sessions', 'http_error_ratio', 0.002, undefined, 8, r),
        ...(options.partnerSeen ? [series('partner', 'http_error_ratio', 0.001, undefined, 8, r), series('partner', 'http_latency_p99_ms', 40, undefined, 8, r)] : []),
      ],
      ...(options.named ? { logs: [...Array.from({ length: 30 }, (_, i) => ({ at: `-${40 - i}m`, service: 'gateway', level: 'info', message: 'served request' })), ...Array.from({ length: 24 }, (_, i) => ({ at: `-${480 - 20 * i}s`, service: 'gateway', level: 'error', message: 'call to partner failed: connection timed out' }))] } : {}),
      ...(options.status ? { alerts: [options.status] } : {}),
    },
    expected: { rootCause: { service: 'partner', kind: 'dependency_failure' }, action: 'none' },
  };
}

describe('a dependency we do not observe, shown by its own status', () => {
  it('reads a third party’s status page, relayed as an alert, as its own word that it failed, over a deploy behind the site', async () => {
    const status = { at: '-3m', service: 'edge-dns', name: 'Provider status: Edge DNS service disruption', status: 'firing' };
    expect((await replay(resolverOutage())).suspects[0]?.service).not.toBe('edge-dns');
    for (const name of [status.name, 'Registrar status: domain placed on hold', 'PSP status page: degraded performance (card authorisations)']) {
      const scored = await replay(resolverOutage({ ...status, name }));
      expect(scored.suspects[0]).toMatchObject({ service: 'edge-dns', kind: 'dependency_failure' });
      expect(scored.suspects[0]!.evidenceIds.some((id) => id.startsWith('ALERT_'))).toBe(true);
    }
  });

  it('does not read an alert that merely mentions a status as the provider’s word', async () => {
    const scored = await replay(resolverOutage({ at: '-3m', service: 'edge-dns', name: 'OrderStatusLagHigh: status table behind', status: 'firing' }));
    expect(scored.suspects[0]?.service).not.toBe('edge-dns');
  });

  it('takes a status report on a callee we have no telemetry of as felt when its caller fails, though no error names it', async () => {
    const status = { at: '-5m', service: 'partner', name: 'AWS Health: AWS_TRANSITGATEWAY_OPERATIONAL_ISSUE us-east-1 (packet loss)', status: 'firing' };
    const without = await replay(partnerOutage());
    expect(without.suspects[0]?.service).toBe('gateway');
    const scored = await replay(partnerOutage({ status }));
    expect(scored.suspects[0]).toMatchObject({ service: 'partner', kind: 'dependency_failure' });
  });

  it('reads a provider saying the machines it runs for us failed as the infrastructure under us, its service failing as a dependency failure', async () => {
    for (const name of ['Provider status: service management - instances failing to start (multiple regions)', 'Provider status: us-east-1 all instances rebooted']) {
      expect((await replay(partnerOutage({ status: { at: '-5m', service: 'partner', name, status: 'firing' } }))).suspects[0]).toMatchObject({ service: 'partner', kind: 'infrastructure' });
    }
    const degraded = { at: '-5m', service: 'partner', name: 'Provider status: partner API degraded performance', status: 'firing' };
    expect((await replay(partnerOutage({ status: degraded }))).suspects[0]).toMatchObject({ service: 'partner', kind: 'dependency_failure' });
  });

  it('reads a provider’s machines, zone or power failing under a callee whose calls its caller saw fail as that dependency failing', async () => {
    const status = { at: '-5m', service: 'partner', name: 'AWS Health: instances impaired in a single AZ (use1-az4): power loss', status: 'firing' };
    expect((await replay(partnerOutage({ status }))).suspects[0]).toMatchObject({ service: 'partner', kind: 'infrastructure' });
    expect((await replay(partnerOutage({ status, named: true }))).suspects[0]).toMatchObject({ service: 'partner', kind: 'dependency_failure' });
  });

  it('does not take a caller’s failure as felt by a callee whose own telemetry stayed healthy', async () => {
    const status = { at: '-5m', service: 'partner', name: 'Provider status: partner API degraded', status: 'firing' };
    const scored = await replay(partnerOutage({ status, partnerSeen: true }));
    expect(scored.suspects[0]?.service).toBe('gateway');
    expect(scoreOf(scored, 'partner')).toBeLessThan(scoreOf(scored, 'gateway'));
  });
});
