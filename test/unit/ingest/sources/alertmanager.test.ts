import { describe, expect, it } from 'vitest';
import { IncidentSignal } from '../../../../functions/contracts/signal.js';
import { alertmanagerAdapter } from '../../../../functions/ingest/sources/alertmanager/index.js';
import type { WebhookCredentials } from '../../../../functions/ingest/sources/credentials.js';
import { context, deps, fixture, rejection, request } from './support/fixtures.js';

const TOKEN = 'am-bearer-token-0123456789abcdef';
const BASIC = { username: 'alertmanager', password: 'am-basic-password-0123' };
const basicHeader = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('alertmanager verify', () => {
  const { raw } = fixture('alertmanager', 'firing-batch.json');
  const bearer: WebhookCredentials = { alertmanager: { bearerToken: TOKEN } };
  const basic: WebhookCredentials = { alertmanager: { basic: BASIC } };
  const verify = (headers: Record<string, string>, credentials: WebhookCredentials) => alertmanagerAdapter.verify(request(raw, headers), credentials, deps());

  it('accepts the configured bearer token, whatever the scheme case', async () => {
    await expect(verify({ authorization: `Bearer ${TOKEN}` }, bearer)).resolves.toBeUndefined();
    await expect(verify({ authorization: `bearer ${TOKEN}` }, bearer)).resolves.toBeUndefined();
  });

  it.each([
    ['a wrong token', { authorization: 'Bearer not-the-token-000000000000' }, /does not match/],
    ['a token prefix', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }, /does not match/],
    ['no header', {}, /missing/],
    ['basic instead of bearer', { authorization: basicHeader('x', TOKEN) }, /missing/],
  ])('rejects %s', async (_, headers, reason) => {
    expect(await rejection(verify(headers, bearer))).toMatch(reason);
  });

  it('accepts basic auth and rejects a wrong user or password', async () => {
    await expect(verify({ authorization: basicHeader(BASIC.username, BASIC.password) }, basic)).resolves.toBeUndefined();
    expect(await rejection(verify({ authorization: basicHeader('root', BASIC.password) }, basic))).toMatch(/do not match/);
    expect(await rejection(verify({ authorization: basicHeader(BASIC.username, 'wrong-password-0000') }, basic))).toMatch(/do not match/);
    expect(await rejection(verify({ authorization: 'Basic bm9jb2xvbg==' }, basic))).toMatch(/malformed/);
  });

  it('rejects everything when the tenant configured nothing', async () => {
    expect(await rejection(verify({ authorization: `Bearer ${TOKEN}` }, {}))).toMatch(/no alertmanager credentials/);
  });
});

describe('alertmanager normalize', () => {
  it('yields one signal per alert in the group', () => {
    const signals = alertmanagerAdapter.normalize(fixture('alertmanager', 'firing-batch.json').body, context());

    expect(signals).toHaveLength(2);
    for (const signal of signals) expect(IncidentSignal.parse(signal)).toEqual(signal);
    expect(signals[0]).toMatchObject({
      externalId: '5e8f1c7a9b2d3e4f',
      fingerprint: '5e8f1c7a9b2d3e4f',
      status: 'firing',
      severity: 'critical',
      title: 'Pod shop/cart-6c9f7d5b8-x2lqp is crash looping',
      service: 'cart',
      namespace: 'shop',
      startedAt: '2026-03-14T16:01:30.118Z',
      links: {
        runbook: 'https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping',
        dashboard: 'https://grafana.example.com/d/k8s-pods/pods?var-namespace=shop',
      },
      correlation: { pod: 'cart-6c9f7d5b8-x2lqp', namespace: 'shop', version: '2.7.1' },
    });
    expect(signals[1]).toMatchObject({
      severity: 'critical',
      service: 'checkout',
      environment: 'prod',
      links: { dashboard: 'https://grafana.example.com/d/checkout/checkout' },
      correlation: { traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'] },
    });
  });

  it('resolves under the dedup key of its firing', () => {
    const firing = alertmanagerAdapter.normalize(fixture('alertmanager', 'firing-batch.json').body, context())[1];
    const [resolved] = alertmanagerAdapter.normalize(fixture('alertmanager', 'resolved.json').body, context());
    expect(resolved?.status).toBe('resolved');
    expect(resolved?.dedupKey).toBe(firing?.dedupKey);
  });

  it('never shares a dedup key across tenants', () => {
    const a = alertmanagerAdapter.normalize(fixture('alertmanager', 'firing-batch.json').body, context({}, 'acme'))[0];
    const b = alertmanagerAdapter.normalize(fixture('alertmanager', 'firing-batch.json').body, context({}, 'globex'))[0];
    expect(a?.dedupKey).not.toBe(b?.dedupKey);
  });

  it('normalizes the payload captured from a real Prometheus and Alertmanager', () => {
    const [signal] = alertmanagerAdapter.normalize(fixture('alertmanager', 'captured-firing.json').body, context());
    expect(signal).toMatchObject({ status: 'firing', severity: 'critical', service: 'checkout', title: 'checkout is failing requests' });
    expect(signal?.links.source).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graph\?/);
  });

  it.each([
    ['crit', 'critical'],
    ['page', 'critical'],
    ['P1', 'critical'],
    ['error', 'high'],
    ['major', 'high'],
    ['warn', 'warning'],
    ['WARNING', 'warning'],
    ['info', 'info'],
    ['none', 'info'],
    ['something-else', 'warning'],
  ])('maps severity label %s to %s', (label, severity) => {
    const body = structuredClone(fixture('alertmanager', 'firing-batch.json').body) as { alerts: Array<{ labels: Record<string, string> }> };
    body.alerts[0]!.labels['severity'] = label;
    expect(alertmanagerAdapter.normalize(body, context())[0]?.severity).toBe(severity);
  });

  it('falls back to the alert name for the title, to a label hash for the fingerprint, and to receivedAt for the start', () => {
    const body = { alerts: [{ status: 'firing', labels: { alertname: 'Watchdog' }, annotations: {}, startsAt: '0001-01-01T00:00:00Z' }] };
    const [signal] = alertmanagerAdapter.normalize(body, context());
    expect(signal).toMatchObject({ title: 'Watchdog', severity: 'warning', startedAt: '2026-03-14T20:00:00.000Z' });
    expect(signal?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('takes the service from a catalogued Kubernetes deployment', () => {
    const body = { alerts: [{ status: 'firing', labels: { alertname: 'X', deployment: 'web-v2', namespace: 'front' }, annotations: {} }] };
    const [signal] = alertmanagerAdapter.normalize(body, context({ web: { kubernetes: { namespace: 'front', deployment: 'web-v2' } } }));
    expect(signal?.service).toBe('web');
  });

  it('rejects a non-string label naming the alert and label', () => {
    const body = { alerts: [{ status: 'firing', labels: { alertname: 7 }, annotations: {} }] };
    expect(() => alertmanagerAdapter.normalize(body, context())).toThrow(/alerts\.0\.labels\.alertname/);
  });
});
