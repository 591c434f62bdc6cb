import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../../functions/ingest/sources/generic/index.js';
import { WebhookCredentials } from '../../../../functions/ingest/sources/credentials.js';
import { PayloadValidationError } from '../../../../functions/shared/errors.js';
import { context, deps, fixture, rejection, request } from './support/fixtures.js';

const SECRET = 'generic-hmac-secret-0123';
const NOW = new Date('2026-03-14T20:00:00.000Z');
const NOW_S = String(NOW.getTime() / 1000);
const credentials = WebhookCredentials.parse({ generic: { hmacSecret: SECRET } });
const sign = (ts: string, body: string, secret = SECRET) => `v1=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;

describe('generic verify', () => {
  const { raw } = fixture('generic', 'firing.json');
  const verify = (headers: Record<string, string>, body = raw, now = NOW) => genericAdapter.verify(request(body, headers), credentials, deps(now));

  it('accepts the hard-coded vector (openssl CLI)', async () => {
    const headers = {
      'x-causeway-timestamp': '1773504600',
      'x-causeway-signature': 'v1=0ff4e6c0903b4c84434897877946ab9d4b6e920c7671bc7b2a1d2b5f32595ab3',
    };
    await expect(verify(headers, '{"title":"disk full"}', new Date(1773504600 * 1000))).resolves.toBeUndefined();
  });

  it('accepts a fresh signature, and one of several during a rotation', async () => {
    await expect(verify({ 'x-causeway-timestamp': NOW_S, 'x-causeway-signature': sign(NOW_S, raw) })).resolves.toBeUndefined();
    const rotated = `${sign(NOW_S, raw, 'the-next-secret-0000000')},${sign(NOW_S, raw)}`;
    await expect(verify({ 'x-causeway-timestamp': NOW_S, 'x-causeway-signature': rotated })).resolves.toBeUndefined();
  });

  it.each([
    ['5 minutes and 1 second old', -301],
    ['5 minutes and 1 second ahead', 301],
  ])('rejects a timestamp %s', async (_, offset) => {
    const ts = String(Number(NOW_S) + offset);
    expect(await rejection(verify({ 'x-causeway-timestamp': ts, 'x-causeway-signature': sign(ts, raw) }))).toMatch(/timestamp/);
  });

  it('accepts the edges of the window', async () => {
    for (const offset of [-300, 300]) {
      const ts = String(Number(NOW_S) + offset);
      await expect(verify({ 'x-causeway-timestamp': ts, 'x-causeway-signature': sign(ts, raw) })).resolves.toBeUndefined();
    }
  });

  it.each([
    ['a wrong secret', () => ({ 'x-causeway-timestamp': NOW_S, 'x-causeway-signature': sign(NOW_S, raw, 'not-the-secret-000000000') }), /does not match/],
    ['an altered body', () => ({ 'x-causeway-timestamp': NOW_S, 'x-causeway-signature': sign(NOW_S, `${raw} `) }), /does not match/],
    ['a timestamp moved after signing', () => ({ 'x-causeway-timestamp': String(Number(NOW_S) - 1), 'x-causeway-signature': sign(NOW_S, raw) }), /does not match/],
    ['a missing signature', () => ({ 'x-causeway-timestamp': NOW_S }), /missing x-causeway-signature/],
    ['a missing timestamp', () => ({ 'x-causeway-signature': sign(NOW_S, raw) }), /timestamp/],
    ['a millisecond timestamp', () => ({ 'x-causeway-timestamp': String(NOW.getTime()), 'x-causeway-signature': sign(String(NOW.getTime()), raw) }), /timestamp/],
  ])('rejects %s', async (_, headers, reason) => {
    expect(await rejection(verify(headers()))).toMatch(reason);
  });

  it('rejects a tenant without a generic secret', async () => {
    await rejection(genericAdapter.verify(request(raw, { 'x-causeway-timestamp': NOW_S, 'x-causeway-signature': sign(NOW_S, raw) }), {}, deps(NOW)));
  });
});

describe('generic normalize', () => {
  it('maps the format field for field', () => {
    const [signal] = genericAdapter.normalize(fixture('generic', 'firing.json').body, context());
    expect(signal).toMatchObject({
      source: 'generic',
      externalId: 'checkout-latency',
      externalUrl: 'https://ci.example.com/checks/881',
      status: 'firing',
      severity: 'high',
      title: 'Checkout p99 latency above 2s',
      service: 'checkout',
      environment: 'prod',
      startedAt: '2026-03-14T18:00:00.000Z',
      links: { runbook: 'https://runbooks.example.com/checkout-latency', source: 'https://ci.example.com/checks/881' },
      labels: { region: 'eu-west-1', team: 'payments' },
      correlation: { traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'], version: '1.42.0', region: 'eu-west-1' },
    });
  });

  it('resolves under its dedupKey, and without one under title plus service', () => {
    const [firing] = genericAdapter.normalize(fixture('generic', 'firing.json').body, context());
    const [resolved] = genericAdapter.normalize(fixture('generic', 'resolved.json').body, context());
    expect(resolved?.dedupKey).toBe(firing?.dedupKey);

    const a = genericAdapter.normalize({ title: 'Queue stuck', service: 'mailer' }, context())[0];
    const b = genericAdapter.normalize({ title: 'Queue stuck', service: 'mailer', status: 'resolved' }, context())[0];
    const c = genericAdapter.normalize({ title: 'Queue stuck', service: 'billing' }, context())[0];
    expect(a?.dedupKey).toBe(b?.dedupKey);
    expect(a?.dedupKey).not.toBe(c?.dedupKey);
  });

  it('fills defaults for the minimal payload', () => {
    const [signal] = genericAdapter.normalize(fixture('generic', 'minimal.json').body, context());
    expect(signal).toMatchObject({ status: 'firing', severity: 'warning', title: 'Nightly backup failed', startedAt: '2026-03-14T20:00:00.000Z' });
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'x', severity: 'sev1' }, 'severity'],
    [{ title: 'x', startedAt: 'yesterday' }, 'startedAt'],
    [{ title: 'x', links: { runbook: 'javascript:alert(1)' } }, 'links.runbook'],
    [{ title: 'x', labels: { a: 1 } }, 'labels.a'],
  ])('rejects %o naming %s', (payload, field) => {
    try {
      genericAdapter.normalize(payload, context());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PayloadValidationError);
      expect((error as PayloadValidationError).field).toBe(field);
    }
  });
});
