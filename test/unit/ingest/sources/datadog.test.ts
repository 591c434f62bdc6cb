import { describe, expect, it } from 'vitest';
import { datadogAdapter } from '../../../../functions/ingest/sources/datadog/index.js';
import { context, fixture } from './support/fixtures.js';

const body = (name: string) => fixture('datadog', name).body as Record<string, unknown>;
const normalize = (value: unknown, catalog = {}) => datadogAdapter.normalize(value, context(catalog));

describe('datadog normalize (Causeway payload template)', () => {
  it('reads a triggered monitor: service, env and version from $TAGS, start from $DATE', () => {
    const [signal] = normalize(body('triggered.json'));
    expect(signal).toMatchObject({
      source: 'datadog',
      externalId: '182736455',
      externalUrl: 'https://app.datadoghq.eu/event/event?id=7436123409876543210',
      fingerprint: '5f3c1b0a9e8d7c6b5a4f3e2d1c0b9a88',
      status: 'firing',
      severity: 'high',
      title: '[Triggered on {service:inventory,env:prod}] Inventory p95 latency is high',
      service: 'inventory',
      environment: 'prod',
      namespace: 'warehouse',
      startedAt: '2026-03-14T16:10:00.000Z',
      labels: { service: 'inventory', team: 'fulfilment', monitor: '', datadog_priority: 'normal', metric: 'trace.http.request' },
      correlation: { version: '3.12.0', namespace: 'warehouse' },
    });
  });

  it('resolves on Recovered under the same dedup key', () => {
    const [firing] = normalize(body('triggered.json'));
    const [resolved] = normalize(body('recovered.json'));
    expect(resolved?.status).toBe('resolved');
    expect(resolved?.dedupKey).toBe(firing?.dedupKey);
  });

  it('treats empty template values as absent: the alert cycle key identifies, Warn is a warning', () => {
    const [signal] = normalize(body('warn-no-priority.json'));
    expect(signal).toMatchObject({
      severity: 'warning',
      fingerprint: '7436123409870000042',
      labels: { host: 'ip-10-0-3-17' },
      correlation: { region: 'eu-west-1', awsAccountId: '210987654321' },
    });
    expect(signal?.description).toBeUndefined();
  });

  it.each([
    [{ alert_priority: 'P1' }, 'critical'],
    [{ alert_priority: 'P3' }, 'warning'],
    [{ alert_priority: 'P5' }, 'info'],
    [{ alert_priority: '', transition: 'No Data' }, 'info'],
    [{ alert_priority: '', transition: 'Re-Triggered', alert_type: 'error' }, 'high'],
    [{ alert_priority: '', transition: 'Re-Warn' }, 'warning'],
    [{ alert_priority: '', transition: 'Recovered' }, 'info'],
  ])('maps %o to %s', (patch, severity) => {
    expect(normalize({ ...body('triggered.json'), ...patch })[0]?.severity).toBe(severity);
  });

  it('accepts tags as a JSON array too', () => {
    const [signal] = normalize({ ...body('triggered.json'), tags: ['service:cart', 'env:staging'], scope: '' });
    expect(signal).toMatchObject({ service: 'cart', environment: 'staging' });
  });

  it('falls back to the monitor id and scope when no key is templated', () => {
    const base = { ...body('triggered.json'), aggregation_key: '', alert_cycle_key: '' };
    const [a] = normalize(base);
    const [b] = normalize({ ...base, scope: 'env:prod, service:other' });
    expect(a?.dedupKey).not.toBe(b?.dedupKey);
  });

  it('rejects a payload with no transition, naming the field, when the title does not say it either', () => {
    const { transition: _, ...rest } = body('triggered.json');
    expect(() => normalize({ ...rest, title: 'p99 latency high on checkout' })).toThrow(/transition/);
    expect(normalize(rest)[0]?.status).toBe('firing');
  });

  it('rejects a payload with nothing to identify the alert', () => {
    expect(() => normalize({ transition: 'Triggered', title: 'x' })).toThrow(/alert_id/);
  });

  it('reads templates whose keys are named after the Datadog variables (alert_transition, aggreg_key, alert_scope, org.id)', () => {
    const [signal] = normalize(body('variable-named-keys.json'));
    expect(signal).toMatchObject({ status: 'firing', service: 'payments-api', environment: 'prod' });
    const documented = normalize({ ...body('variable-named-keys.json'), transition: 'Recovered' });
    expect(documented[0]?.status).toBe('resolved');
    const [same] = normalize({ ...body('variable-named-keys.json'), title: 'changed title' });
    expect(same?.dedupKey).toBe(signal?.dedupKey);
  });
});
