import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { summarizeTraces } from '../../../../functions/providers/shared/traces.js';
import { tempoProvider } from '../../../../functions/providers/tempo/provider.js';
import type { HttpResponse } from '../../../../functions/shared/http-client.js';
import { deps, fakeBackend, json, plan, REFERENCE, windowOf } from '../grafana-test-kit.js';

vi.mock('../../../../functions/providers/shared/traces.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/traces.js')>();
  return { ...actual, summarizeTraces: vi.fn(actual.summarizeTraces) };
});

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/tempo/${name}`, import.meta.url), 'utf8'));
const TRACE_1 = '4bf92f3577b34da6a3ce929d0e0e4736';
const CORRELATED = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const tempoPlan = () => plan('traces', { type: 'tempo', endpoint: 'https://tempo.example.com', options: {} }, { services: ['checkout'], reference: REFERENCE, correlation: { traceIds: [CORRELATED], requestIds: [] } });

/** The search finds TRACE_1 in every window but the week-old one, which fails when `failWeek`. */
const tempo = (failWeek = false) => (_: unknown, url: URL): HttpResponse => {
  if (url.pathname === '/api/search') {
    if (failWeek && windowOf(url.searchParams.get('start')) === '7d') return json({ error: 'internal' }, 500);
    return json(fixture('search.json'));
  }
  if (url.pathname === `/api/traces/${TRACE_1}`) return json(fixture('trace-v1-batches-base64.json'));
  return { status: 404, headers: {}, body: 'trace not found' };
};

describe('tempo reference', () => {
  it('runs the same TraceQL search over each reference window with a quarter of the limit, without the alert\'s trace ids, and hands those traces to the summarizer', async () => {
    const seen = fakeBackend(tempo());
    await tempoProvider.query(tempoPlan(), deps());
    const searches = seen.map((r) => new URL(r.url)).filter((u) => u.pathname === '/api/search').map((u) => u.searchParams);
    const main = searches.find((p) => windowOf(p.get('start')) === 'main')!;
    for (const [label, days] of [['1d', 1], ['7d', 7]] as const) {
      const ref = searches.find((p) => windowOf(p.get('start')) === label)!;
      expect(ref.get('q')).toBe(main.get('q'));
      expect(Number(main.get('end')) - Number(ref.get('end'))).toBe(days * 86_400);
      expect(ref.get('limit')).toBe('5');
    }
    expect(seen.filter((r) => r.url.endsWith(`/api/traces/${CORRELATED}`))).toHaveLength(1);
    const reference = [...vi.mocked(summarizeTraces).mock.calls.at(-1)![3]!];
    expect(reference.map((t) => t.traceId)).toEqual([TRACE_1, TRACE_1]);
  });

  it('keeps the incident\'s traces when a reference search fails', async () => {
    fakeBackend(tempo(true));
    const found = await tempoProvider.query(tempoPlan(), deps());
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes!.find((n) => n.startsWith('reference unavailable: 7d before'))).toMatch(/500/);
    expect([...vi.mocked(summarizeTraces).mock.calls.at(-1)![3]!]).toHaveLength(1);
  });
});
