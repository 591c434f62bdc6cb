import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, readGoldenRun, replay } from '../../cli/golden.js';
import { TenantConfig } from '../../functions/contracts/index.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';

let stack: LocalStack;
let backend: Server;
let requests = 0;

const alert = JSON.parse(readFileSync(new URL('../fixtures/signals/alertmanager/firing-batch.json', import.meta.url), 'utf8')) as { alerts: unknown[] };

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5, extraProviders: { 'http-changes': new URL('./fixtures/http-changes-provider.ts', import.meta.url).href } });
  backend = createServer((_, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ deploys: [{ at: '2026-03-14T15:58:00Z', service: 'checkout', version: 'v9.1.0', previous: 'v9.0.3' }] }));
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await stack.stop();
  backend.close();
});

describe('golden runs', () => {
  it('capture records every backend exchange; replay reproduces the investigation offline and refuses anything unrecorded', async () => {
    const endpoint = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    stack.secrets.put('causeway/tenants/acme/deploys', JSON.stringify({ bearerToken: 'live-secret-value-123' }));
    const tenant = TenantConfig.parse({ tenantId: 'acme', backends: [{ id: 'deploys', type: 'http-changes', classes: ['changes'], endpoint, secretRef: 'causeway/tenants/acme/deploys' }], topology: { checkout: [] } });
    const signal = { source: 'alertmanager' as const, body: { ...alert, alerts: [alert.alerts[1]] }, receivedAt: '2026-03-14T16:02:30.000Z' };
    const out = join(mkdtempSync(join(tmpdir(), 'golden-')), 'golden.json');

    const captured = await capture(stack, tenant, signal, out);
    expect(requests).toBe(1);
    expect(captured.exchanges).toHaveLength(1);
    expect(captured.result.rootCause?.service).toBe('checkout');
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('live-secret-value-123');

    backend.close();
    const replayed = await replay(stack, readGoldenRun(out));
    expect(requests).toBe(1);
    expect(replayed.matches).toBe(true);
    expect(replayed.record.scored?.providers.find((p) => p.backend.id === 'deploys')?.status).toBe('success');
    expect(replayed.record.scored?.evidence.find((e) => e.class === 'changes')).toMatchObject({ service: 'checkout', version: 'v9.1.0', previousVersion: 'v9.0.3' });

    const tampered = { ...readGoldenRun(out), exchanges: [] };
    const offline = await replay(stack, tampered);
    expect(offline.matches).toBe(false);
    expect(offline.record.scored?.providers.find((p) => p.backend.id === 'deploys')).toMatchObject({ status: 'error', error: { name: 'BackendQueryError' } });
  });
});
