import { onTestFinished } from 'vitest';
import { EvidencePlan, type BackendConfig, type EvidenceClass } from '../../../functions/contracts/index.js';
import { setTransport, type HttpRequest, type HttpResponse, type Transport } from '../../../functions/shared/http-client.js';
import type { ProviderDeps } from '../../../functions/providers/types.js';

/*
 * What the Grafana-stack provider tests share: a plan around the 2026-05-12 14:22Z alert,
 * deps with a fake secret store, and a fake transport that records each request and
 * answers from a route table.
 */

export const ALERT_AT = '2026-05-12T14:22:00.000Z';

export function plan(evidenceClass: EvidenceClass, backend: Partial<BackendConfig> & Pick<BackendConfig, 'type'>, extra: Partial<EvidencePlan> = {}): EvidencePlan {
  return EvidencePlan.parse({
    planId: `${backend.type}-${evidenceClass}`,
    tenantId: 'demo',
    investigationId: 'inv-1',
    evidenceClass,
    backend: { id: `prod-${backend.type}`, classes: [evidenceClass], endpoint: 'https://metrics.example.com', options: {}, ...backend },
    functionArn: 'local',
    window: { from: '2026-05-12T13:22:00.000Z', to: '2026-05-12T14:27:00.000Z' },
    alertAt: ALERT_AT,
    focusService: 'checkout',
    services: ['checkout', 'pricing'],
    correlation: {},
    limits: {},
    ...extra,
  });
}

export const SECRETS: Record<string, unknown> = {
  'causeway/tenants/demo/grafana-token': { bearerToken: 'glc_s3cr3t-token' },
  'causeway/tenants/demo/grafana-basic': { username: '123456', password: 'p4ss-w0rd' },
  'causeway/tenants/demo/bad': { token: 'x' },
};

export function deps(signal: AbortSignal = new AbortController().signal): ProviderDeps {
  return { signal, readSecret: async (ref) => SECRETS[ref] };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponse => ({ status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Installs a transport answering with `route(request)`; returns the requests it saw. Restored after each test. */
export function fakeBackend(route: (request: HttpRequest, url: URL) => HttpResponse | Promise<HttpResponse>): HttpRequest[] {
  const seen: HttpRequest[] = [];
  const transport: Transport = async (request) => {
    seen.push(request);
    return route(request, new URL(request.url));
  };
  const previous = setTransport(transport);
  onTestFinished(() => void setTransport(previous));
  return seen;
}

/** Every string a credential from SECRETS might leak into. */
export const leaksSecret = (value: unknown): boolean => /s3cr3t|p4ss-w0rd|MTIzNDU2OnA0c3MtdzByZA/.test(JSON.stringify(value));

/** The test plan's window a day and a week back, as LoadTenant plans them with the default offsets. */
export const REFERENCE = [
  { from: '2026-05-11T13:22:00.000Z', to: '2026-05-11T14:27:00.000Z' },
  { from: '2026-05-05T13:22:00.000Z', to: '2026-05-05T14:27:00.000Z' },
];

/** Which window a request's range (epoch seconds, ms or ns) falls in: `main`, `1d` or `7d`. */
export function windowOf(startEpoch: number | string | bigint | null | undefined): 'main' | '1d' | '7d' {
  const n = Number(startEpoch);
  const ms = n > 1e17 ? n / 1e6 : n > 1e11 ? n : n * 1000;
  if (ms >= Date.parse('2026-05-12T00:00:00Z')) return 'main';
  return ms >= Date.parse('2026-05-10T00:00:00Z') ? '1d' : '7d';
}
