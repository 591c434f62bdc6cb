import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WebhookCredentials } from '../../../../functions/ingest/sources/credentials.js';
import { WebhookCredentials as CredentialsSchema } from '../../../../functions/ingest/sources/credentials.js';
import { grafanaAdapter } from '../../../../functions/ingest/sources/grafana/index.js';
import { context, deps, fixture, rejection, request } from './support/fixtures.js';

const SECRET = 'grafana-hmac-secret-0123';
const NOW = new Date('2026-03-14T20:00:00.000Z');
const NOW_S = String(NOW.getTime() / 1000);
const hmac = (data: string) => createHmac('sha256', SECRET).update(data).digest('hex');
const creds = (grafana: Record<string, unknown>): WebhookCredentials => CredentialsSchema.parse({ grafana });

describe('grafana verify', () => {
  const { raw } = fixture('grafana', 'firing.json');
  const verify = (headers: Record<string, string>, credentials: WebhookCredentials, body = raw, now = NOW) =>
    grafanaAdapter.verify(request(body, headers), credentials, deps(now));

  it('accepts the hard-coded vectors (openssl CLI) with and without a timestamp', async () => {
    const body = '{"alerts":[]}';
    await expect(
      verify({ 'x-grafana-alerting-signature': '4bd9993a7447ac8116894f3a9da047bb7a6042615fbfb8943c3d963711676ea6' }, creds({ hmacSecret: SECRET }), body),
    ).resolves.toBeUndefined();
    await expect(
      verify(
        { 'x-grafana-alerting-signature': '790fb183f133883e7c2fdd4c33afd938e890d91ae31e55ba64bf00bd71c706eb', 'x-grafana-alerting-signature-timestamp': '1773504600' },
        creds({ hmacSecret: SECRET, hmacTimestampHeader: 'X-Grafana-Alerting-Signature-Timestamp' }),
        body,
        new Date(1773504600 * 1000 + 20_000),
      ),
    ).resolves.toBeUndefined();
  });

  it('accepts a body signature in the default header and in a custom one', async () => {
    await expect(verify({ 'x-grafana-alerting-signature': hmac(raw) }, creds({ hmacSecret: SECRET }))).resolves.toBeUndefined();
    await expect(verify({ 'x-sig': hmac(raw) }, creds({ hmacSecret: SECRET, hmacHeader: 'X-Sig' }))).resolves.toBeUndefined();
  });

  describe('with a timestamp header', () => {
    const withTimestamp = creds({ hmacSecret: SECRET, hmacTimestampHeader: 'X-Grafana-Alerting-Timestamp' });
    const headers = (ts: string, body = raw) => ({ 'x-grafana-alerting-signature': hmac(`${ts}:${body}`), 'x-grafana-alerting-timestamp': ts });

    it('accepts a fresh `timestamp:body` signature', async () => {
      await expect(verify(headers(NOW_S), withTimestamp)).resolves.toBeUndefined();
    });

    it.each([
      ['expired', String(Number(NOW_S) - 301)],
      ['from the future', String(Number(NOW_S) + 301)],
      ['not a number', 'yesterday'],
    ])('rejects a timestamp %s', async (_, ts) => {
      expect(await rejection(verify(headers(ts), withTimestamp))).toMatch(/timestamp/);
    });

    it('rejects a missing timestamp, and a body-only signature, when one is configured', async () => {
      expect(await rejection(verify({ 'x-grafana-alerting-signature': hmac(raw) }, withTimestamp))).toMatch(/timestamp/);
      expect(await rejection(verify({ 'x-grafana-alerting-signature': hmac(raw), 'x-grafana-alerting-timestamp': NOW_S }, withTimestamp))).toMatch(/does not match/);
    });
  });

  it.each([
    ['a wrong secret', { 'x-grafana-alerting-signature': createHmac('sha256', 'other-secret-0000000000').update(raw).digest('hex') }, /does not match/],
    ['an altered body', { 'x-grafana-alerting-signature': hmac(raw.replace('2.4', '0.4')) }, /does not match/],
    ['a missing header', {}, /missing/],
    ['a prefixed signature', { 'x-grafana-alerting-signature': `sha256=${hmac(raw)}` }, /missing/],
  ])('rejects %s', async (_, headers, reason) => {
    expect(await rejection(verify(headers, creds({ hmacSecret: SECRET })))).toMatch(reason);
  });

  it('checks every configured credential: bearer and HMAC together', async () => {
    const both = creds({ hmacSecret: SECRET, bearerToken: 'grafana-bearer-token-000001' });
    await expect(verify({ authorization: 'Bearer grafana-bearer-token-000001', 'x-grafana-alerting-signature': hmac(raw) }, both)).resolves.toBeUndefined();
    expect(await rejection(verify({ 'x-grafana-alerting-signature': hmac(raw) }, both))).toMatch(/bearer/);
    expect(await rejection(verify({ authorization: 'Bearer grafana-bearer-token-000001' }, both))).toMatch(/signature/);
  });

  it('accepts basic auth alone', async () => {
    const basic = creds({ basic: { username: 'grafana', password: 'grafana-basic-pass-01' } });
    const header = `Basic ${Buffer.from('grafana:grafana-basic-pass-01').toString('base64')}`;
    await expect(verify({ authorization: header }, basic)).resolves.toBeUndefined();
  });

  it('rejects a tenant with no Grafana credentials', async () => {
    await rejection(verify({ 'x-grafana-alerting-signature': hmac(raw) }, {}));
  });
});

describe('grafana normalize', () => {
  it('yields one signal per alert with Grafana links and values', () => {
    const [latency, noData] = grafanaAdapter.normalize(fixture('grafana', 'firing.json').body, context());

    expect(latency).toMatchObject({
      source: 'grafana',
      status: 'firing',
      severity: 'warning',
      title: 'checkout p99 latency is 2.4s',
      service: 'checkout',
      startedAt: '2026-03-14T16:10:00.000Z',
      fingerprint: 'c6eadffa33fcdf37',
      links: {
        runbook: 'https://runbooks.example.com/checkout/latency',
        dashboard: 'https://grafana.example.com/d/checkout-overview?orgId=1&viewPanel=4',
        source: 'https://grafana.example.com/alerting/grafana/bdk3x9q0a1b2c/view?orgId=1',
      },
    });
    expect(latency?.description).toContain('Values: A=2.4, C=1');
    expect(noData).toMatchObject({ severity: 'info', title: 'DatasourceNoData', service: 'orders' });
  });

  it('resolves under the firing dedup key', () => {
    const [firing] = grafanaAdapter.normalize(fixture('grafana', 'firing.json').body, context());
    const [resolved] = grafanaAdapter.normalize(fixture('grafana', 'resolved.json').body, context());
    expect(resolved?.status).toBe('resolved');
    expect(resolved?.dedupKey).toBe(firing?.dedupKey);
  });

  it('keeps the same labels in two organizations apart', () => {
    const body = fixture('grafana', 'firing.json').body as Record<string, unknown>;
    const [org1] = grafanaAdapter.normalize(body, context());
    const [org2] = grafanaAdapter.normalize({ ...body, orgId: 2 }, context());
    expect(org1?.dedupKey).not.toBe(org2?.dedupKey);
  });

  it('rejects a batch without alerts naming the field', () => {
    expect(() => grafanaAdapter.normalize({ title: 'x' }, context())).toThrow(/alerts/);
  });
});
