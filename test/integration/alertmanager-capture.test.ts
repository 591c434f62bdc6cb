import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentSignal } from '../../functions/contracts/signal.js';
import { alertmanagerAdapter } from '../../functions/ingest/sources/alertmanager/index.js';
import { findBinary, startCapture, versionOf, type CaptureRun, type CapturedRequest } from './alertmanager/harness.js';

/*
 * A real Prometheus fires a rule, a real Alertmanager posts it to a webhook, and the Alertmanager
 * adapter verifies and normalizes exactly what arrived. CI installs Debian's `prometheus` and
 * `prometheus-alertmanager`; elsewhere the test is skipped. With CAUSEWAY_UPDATE_FIXTURES=1 it
 * also rewrites test/fixtures/signals/alertmanager/captured-firing.json from the capture.
 */

const prometheus = findBinary('prometheus');
const alertmanager = findBinary('prometheus-alertmanager', 'alertmanager');
const TOKEN = 'capture-bearer-token-0123456789';
const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/signals/alertmanager/', import.meta.url));
const DEADLINE_MS = 60_000;

// CI installs the binaries, so there a skip would hide a regression: fail instead.
it.runIf(process.env.CI === 'true')('finds prometheus and alertmanager on PATH in CI', () => {
  expect({ prometheus, alertmanager }).toEqual({ prometheus: expect.any(String), alertmanager: expect.any(String) });
});

describe.skipIf(!prometheus || !alertmanager)('Alertmanager capture (needs prometheus and prometheus-alertmanager on PATH)', () => {
  let run: CaptureRun;
  let captured: CapturedRequest;

  beforeAll(async () => {
    run = await startCapture({ prometheus: prometheus!, alertmanager: alertmanager! }, TOKEN);
    captured = await run.firstWebhook(DEADLINE_MS);
  }, DEADLINE_MS + 10_000);

  afterAll(async () => {
    await run?.stop();
  }, 15_000);

  it('posts JSON with the configured bearer token', () => {
    expect(captured.method).toBe('POST');
    expect(captured.url).toBe('/v1/tenants/acme/signals/alertmanager');
    expect(captured.headers['content-type']).toMatch(/^application\/json/);
    expect(captured.headers['user-agent']).toMatch(/^Alertmanager\//);
  });

  it('passes verify with the right token and fails with another', async () => {
    const inbound = { headers: captured.headers, rawBody: captured.rawBody, receivedAt: new Date() };
    const deps = { now: () => new Date(), fetchCertificate: async () => '' };

    await expect(alertmanagerAdapter.verify(inbound, { alertmanager: { bearerToken: TOKEN } }, deps)).resolves.toBeUndefined();
    await expect(alertmanagerAdapter.verify(inbound, { alertmanager: { bearerToken: `${TOKEN}x` } }, deps)).rejects.toMatchObject({ name: 'UnauthorizedError' });
  });

  it('normalizes into one firing signal with the rule labels and annotations', () => {
    const receivedAt = new Date();
    const signals = alertmanagerAdapter.normalize(JSON.parse(captured.rawBody), { tenantId: 'acme', receivedAt, catalog: {} });

    expect(signals).toHaveLength(1);
    const [signal] = signals;
    expect(IncidentSignal.parse(signal)).toEqual(signal);
    expect(signal).toMatchObject({
      source: 'alertmanager',
      status: 'firing',
      severity: 'critical',
      title: 'checkout is failing requests',
      description: '5xx ratio above 5% for the last 5 minutes.',
      service: 'checkout',
      namespace: 'shop',
      links: { runbook: 'https://runbooks.example.com/checkout/errors', dashboard: 'https://grafana.example.com/d/checkout/checkout' },
      labels: { alertname: 'CheckoutErrorBudgetBurn', service: 'checkout' },
      correlation: { traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'], pod: 'checkout-7d9f8b6c5-qwz2x', namespace: 'shop' },
    });
    expect(signal?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(signal?.links.source).toContain(`127.0.0.1:${run.prometheusPort}/graph`);
    expect(Date.parse(signal!.startedAt)).toBeLessThanOrEqual(receivedAt.getTime());
    expect(receivedAt.getTime() - Date.parse(signal!.startedAt)).toBeLessThan(DEADLINE_MS + 60_000);
  });

  it.runIf(process.env['CAUSEWAY_UPDATE_FIXTURES'] === '1')('saves the capture as a fixture', () => {
    const { authorization: _secret, ...headers } = captured.headers;
    writeFileSync(`${FIXTURE_DIR}captured-firing.json`, captured.rawBody);
    const meta = {
      note: 'Captured by test/integration/alertmanager-capture.test.ts; the .json beside this file is the body byte for byte.',
      prometheus: versionOf(prometheus!),
      alertmanager: versionOf(alertmanager!),
      capturedAt: new Date().toISOString(),
      headers,
    };
    writeFileSync(`${FIXTURE_DIR}captured-firing.meta.json`, `${JSON.stringify(meta, null, 2)}\n`);
  });
});
