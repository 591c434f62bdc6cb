import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pagerDutyAdapter } from '../../../../functions/ingest/sources/pagerduty/index.js';
import { context, deps, fixture, rejection, request } from './support/fixtures.js';

const SECRET = 'pd-signing-secret-0123456789';
const NEXT_SECRET = 'pd-signing-secret-rotated-9876543210';
const sign = (secret: string, body: string) => `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;
const verify = (body: string, signature: string | undefined, secrets = [SECRET]) =>
  pagerDutyAdapter.verify(request(body, signature === undefined ? {} : { 'x-pagerduty-signature': signature }), { pagerduty: { signingSecrets: secrets } }, deps());

describe('pagerduty verify', () => {
  const { raw } = fixture('pagerduty', 'incident-triggered.json');

  it('accepts the hard-coded vector (computed with the openssl CLI)', async () => {
    const body = '{"event":{"id":"01HV","event_type":"pagey.ping"}}';
    await expect(verify(body, 'v1=b561b2d7bd59b2f741369bea9df81035462f8063d73255a3214296545344be47')).resolves.toBeUndefined();
  });

  it('accepts a signature over the raw body', async () => {
    await expect(verify(raw, sign(SECRET, raw))).resolves.toBeUndefined();
  });

  it('accepts any of several signatures during a rotation, whichever secret we hold', async () => {
    const header = `${sign(NEXT_SECRET, raw)},${sign(SECRET, raw)}`;
    await expect(verify(raw, header, [SECRET])).resolves.toBeUndefined();
    await expect(verify(raw, header, [NEXT_SECRET])).resolves.toBeUndefined();
    await expect(verify(raw, sign(NEXT_SECRET, raw), [SECRET, NEXT_SECRET])).resolves.toBeUndefined();
  });

  it('rejects a wrong secret', async () => {
    expect(await rejection(verify(raw, sign('some-other-secret-000000', raw)))).toMatch(/no PagerDuty signature matched/);
  });

  it('rejects an altered body', async () => {
    expect(await rejection(verify(raw.replace('P1', 'P5'), sign(SECRET, raw)))).toMatch(/matched/);
  });

  it('rejects a body re-serialized by a framework', async () => {
    const reserialized = JSON.stringify(JSON.parse(raw));
    expect(await rejection(verify(reserialized, sign(SECRET, raw)))).toMatch(/matched/);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another version only', `v0=${'a'.repeat(64)}`],
    ['a truncated signature', 'v1=abc123'],
  ])('rejects %s', async (_, header) => {
    expect(await rejection(verify(raw, header))).toMatch(/missing/);
  });

  it('rejects a tenant without PagerDuty secrets', async () => {
    await rejection(pagerDutyAdapter.verify(request(raw, { 'x-pagerduty-signature': sign(SECRET, raw) }), {}, deps()));
  });
});

describe('pagerduty normalize', () => {
  const normalize = (name: string, catalog = {}) => pagerDutyAdapter.normalize(fixture('pagerduty', name).body, context(catalog));

  it('turns incident.triggered into a firing signal', () => {
    const [signal] = normalize('incident-triggered.json');
    expect(signal).toMatchObject({
      source: 'pagerduty',
      externalId: 'Q2KF7Z1XH4M9TB',
      externalUrl: 'https://acme-shop.pagerduty.com/incidents/Q2KF7Z1XH4M9TB',
      fingerprint: 'checkout-latency-slo-burn',
      status: 'firing',
      severity: 'critical',
      title: 'Checkout latency SLO burn rate above 14x',
      service: 'Checkout API (prod)',
      startedAt: '2026-03-14T14:02:10.000Z',
      labels: { pagerduty_service_id: 'PSVC7QX', priority: 'P1', urgency: 'high', teams: 'Payments', incident_number: '4821' },
    });
  });

  it('names the service through the catalog by PagerDuty service id', () => {
    const [signal] = normalize('incident-triggered.json', { checkout: { pagerdutyServiceId: 'PSVC7QX' } });
    expect(signal?.service).toBe('checkout');
  });

  it('keeps acknowledged firing and resolves on incident.resolved, all under one dedup key', () => {
    const keys = ['incident-triggered.json', 'incident-acknowledged.json', 'incident-resolved.json'].map((name) => normalize(name)[0]);
    expect(keys.map((s) => s?.status)).toEqual(['firing', 'firing', 'resolved']);
    expect(new Set(keys.map((s) => s?.dedupKey)).size).toBe(1);
  });

  it('maps a low-urgency incident without priority to warning', () => {
    expect(normalize('incident-triggered-low-urgency.json')[0]).toMatchObject({ severity: 'warning', fingerprint: 'Q0LOWURG5NOPRI' });
  });

  it('yields nothing for pagey.ping, which is about no incident', () => {
    expect(normalize('pagey-ping.json')).toEqual([]);
  });

  it("reads incident.annotated as a note on the incident's investigation, with its author and text", () => {
    const [note] = normalize('incident-annotated.json');
    const [acknowledged] = normalize('incident-acknowledged.json');
    expect(note).toMatchObject({
      dedupKey: acknowledged!.dedupKey,
      status: 'firing',
      lifecycle: { event: 'note_added', by: 'Dana On-Call', detail: 'Rolled back checkout to 1.41.3, watching latency.', at: '2026-03-14T14:20:00.000Z' },
    });
    expect(acknowledged?.lifecycle).toMatchObject({ event: 'acknowledged', by: 'Dana On-Call' });
  });

  it.each([
    ['P2', 'high'],
    ['P3', 'warning'],
    ['P4', 'info'],
    ['P5', 'info'],
    ['SEV-1', 'critical'],
  ])('maps priority %s to %s', (summary, severity) => {
    const body = structuredClone(fixture('pagerduty', 'incident-triggered.json').body) as { event: { data: { priority: { summary: string } } } };
    body.event.data.priority.summary = summary;
    expect(pagerDutyAdapter.normalize(body, context())[0]?.severity).toBe(severity);
  });

  it('rejects incident data without an id, naming the field', () => {
    const body = structuredClone(fixture('pagerduty', 'incident-triggered.json').body) as { event: { data: Record<string, unknown> } };
    delete body.event.data['id'];
    expect(() => pagerDutyAdapter.normalize(body, context())).toThrow(/event\.data\.id/);
  });
});
