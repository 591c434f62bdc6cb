import { describe, expect, it, vi } from 'vitest';
import { lokiProvider } from '../../../../functions/providers/loki/provider.js';
import { logPatterns } from '../../../../functions/providers/shared/logs.js';
import type { HttpResponse } from '../../../../functions/shared/http-client.js';
import { deps, fakeBackend, json, plan, REFERENCE, windowOf } from '../grafana-test-kit.js';

vi.mock('../../../../functions/providers/shared/logs.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/logs.js')>();
  return { ...actual, logPatterns: vi.fn(actual.logPatterns) };
});

const lokiPlan = () => plan('logs', { type: 'loki', endpoint: 'https://logs.example.com', options: {} }, { services: ['checkout'], reference: REFERENCE });

/** A page of `n` lines of checkout ending at the request's end, worded by window. */
function page(url: URL, n = 3): HttpResponse {
  const endMs = Number(BigInt(url.searchParams.get('end')!) / 1_000_000n) - 1;
  const word = windowOf(url.searchParams.get('start')) === 'main' ? 'ERROR payment declined' : 'INFO cart loaded';
  const values = Array.from({ length: n }, (_, i) => [String(BigInt(endMs - i) * 1_000_000n), `${word} ${i}`]);
  return json({ status: 'success', data: { resultType: 'streams', result: [{ stream: { service_name: 'checkout' }, values }] } });
}

describe('loki reference', () => {
  it('reads the same LogQL over the window a day and a week back, a quarter of a page, and mines those lines as the reference', async () => {
    const seen = fakeBackend((_, url) => page(url));
    await lokiProvider.query(lokiPlan(), deps());
    const params = seen.map((r) => new URL(r.url).searchParams);
    const main = params.find((p) => windowOf(p.get('start')) === 'main')!;
    for (const [label, days] of [['1d', 1n], ['7d', 7n]] as const) {
      const ref = params.find((p) => windowOf(p.get('start')) === label)!;
      expect(ref.get('query')).toBe(main.get('query'));
      expect(BigInt(main.get('end')!) - BigInt(ref.get('end')!)).toBe(days * 86_400_000_000_000n);
      expect(ref.get('limit')).toBe('250');
    }
    const reference = vi.mocked(logPatterns).mock.calls.at(-1)![3]!;
    expect(reference).toHaveLength(6);
    expect(reference.every((line) => line.service === 'checkout' && line.message.startsWith('INFO cart loaded'))).toBe(true);
  });

  it('keeps the incident\'s patterns when a reference window fails', async () => {
    fakeBackend((_, url) => (windowOf(url.searchParams.get('start')) === '1d' ? json({ status: 'error', error: 'boom' }, 502) : page(url)));
    const found = await lokiProvider.query(lokiPlan(), deps());
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes!.find((n) => n.startsWith('reference unavailable: 1d before'))).toMatch(/502/);
    expect(vi.mocked(logPatterns).mock.calls.at(-1)![3]).toHaveLength(3);
  });
});
