import { describe, expect, it, vi } from 'vitest';
import { prometheusProvider } from '../../../../functions/providers/prometheus/provider.js';
import { summarizeMetrics } from '../../../../functions/providers/shared/metrics.js';
import { deps, fakeBackend, json, plan, REFERENCE, windowOf } from '../grafana-test-kit.js';

vi.mock('../../../../functions/providers/shared/metrics.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/metrics.js')>();
  return { ...actual, summarizeMetrics: vi.fn(actual.summarizeMetrics) };
});

const ERROR_RATIO = { name: 'http_error_ratio', unit: 'ratio', promql: 'sum(rate(http_requests_total{{{label}}="{{service}}",code=~"5.."}[5m]))' };
const refPlan = (extra: Parameters<typeof plan>[2] = {}) =>
  plan('metrics', { type: 'prometheus', endpoint: 'https://mimir.example.com', serviceLabel: 'app', options: { queries: [ERROR_RATIO] } }, { services: ['checkout'], reference: REFERENCE, ...extra });

/** A matrix answer with one series, valued by window, sampled every minute over the request's range. */
const matrix = (url: URL) => {
  const start = Number(url.searchParams.get('start'));
  const end = Number(url.searchParams.get('end'));
  const value = { main: '0.2', '1d': '0.01', '7d': '0.02' }[windowOf(start)];
  const values = Array.from({ length: Math.floor((end - start) / 60) }, (_, i) => [start + i * 60, value]);
  return json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } });
};

describe('prometheus reference', () => {
  it('runs the same PromQL over the window a day and a week back and hands those series to the summarizer', async () => {
    const seen = fakeBackend((_, url) => matrix(url));
    const found = await prometheusProvider.query(refPlan(), deps());
    const ranges = seen.map((r) => new URL(r.url).searchParams);
    expect(ranges.map((p) => windowOf(p.get('start'))).sort()).toEqual(['1d', '7d', 'main']);
    const main = ranges.find((p) => windowOf(p.get('start')) === 'main')!;
    for (const [label, days] of [['1d', 1], ['7d', 7]] as const) {
      const ref = ranges.find((p) => windowOf(p.get('start')) === label)!;
      expect(ref.get('query')).toBe(main.get('query'));
      expect(Number(ref.get('end'))).toBe(Number(main.get('end')) - days * 86_400);
      expect(Number(ref.get('step'))).toBe(Number(main.get('step')));
    }
    const reference = vi.mocked(summarizeMetrics).mock.calls.at(-1)![3]!;
    expect(reference.map((s) => [s.service, s.name, s.samples[0]![1]])).toEqual(expect.arrayContaining([['checkout', 'http_error_ratio', 0.01], ['checkout', 'http_error_ratio', 0.02]]));
    expect(found.items).toHaveLength(1);
    expect(found.notes).toContain("reference: 2 series from 2 healthy windows (1d, 7d before), each read under 25% of the main read's bounds");
  });

  it('keeps the main series when a reference window fails, saying so', async () => {
    fakeBackend((_, url) => (windowOf(url.searchParams.get('start')) === '7d' ? json({ status: 'error', errorType: 'internal' }, 503) : matrix(url)));
    const found = await prometheusProvider.query(refPlan(), deps());
    expect(found.items).toHaveLength(1);
    expect(found.notes!.find((n) => n.startsWith('reference unavailable: 7d before'))).toMatch(/answered 503/);
    expect(vi.mocked(summarizeMetrics).mock.calls.at(-1)![3]!.map((s) => s.samples[0]![1])).toEqual([0.01]);
  });

  it('bounds a reference window to a quarter of the services', async () => {
    const seen = fakeBackend((_, url) => matrix(url));
    const services = Array.from({ length: 8 }, (_, i) => `svc-${i}`);
    await prometheusProvider.query(refPlan({ services, focusService: 'svc-0' }), deps());
    const perWindow = (w: string) => seen.filter((r) => windowOf(new URL(r.url).searchParams.get('start')) === w).length;
    expect([perWindow('main'), perWindow('1d'), perWindow('7d')]).toEqual([8, 3, 3]);
  });
});
