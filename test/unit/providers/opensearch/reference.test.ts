import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { openSearchProvider } from '../../../../functions/providers/opensearch/provider.js';
import { logPatterns } from '../../../../functions/providers/shared/logs.js';
import { setTransport, type HttpRequest, type Transport } from '../../../../functions/shared/http-client.js';
import { json, routedTransport } from '../../../helpers/routed-transport.js';

vi.mock('../../../../functions/providers/shared/logs.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/logs.js')>();
  return { ...actual, logPatterns: vi.fn(actual.logPatterns) };
});

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/opensearch/${name}.json`, import.meta.url), 'utf8'));
const DAY = { from: '2026-05-31T08:00:00.000Z', to: '2026-05-31T09:05:00.000Z' };
const WEEK = { from: '2026-05-25T08:00:00.000Z', to: '2026-05-25T09:05:00.000Z' };
const plan = EvidencePlan.parse({
  planId: 'opensearch-logs',
  tenantId: 'acme',
  investigationId: 'inv-1',
  evidenceClass: 'logs',
  backend: { id: 'search', type: 'opensearch', classes: ['logs'], endpoint: 'https://search.example.com:9200', options: {} },
  functionArn: 'arn:aws:lambda:us-east-1:1:function:opensearch',
  window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
  alertAt: '2026-06-01T09:00:00Z',
  focusService: 'orders',
  services: ['orders', 'web'],
  correlation: {},
  limits: {},
  reference: [DAY, WEEK],
});
const deps = { signal: new AbortController().signal, readSecret: async () => undefined };
const bodyOf = (r: HttpRequest) => JSON.parse(r.body ?? '{}') as { size: number; query: unknown };
/** The @timestamp range a search body asks for, wherever it sits in the query. */
const rangeOf = (r: HttpRequest) => /"@timestamp":\{"gte":"([^"]+)","lte":"([^"]+)"/.exec(r.body ?? '')!.slice(1, 3);
const isSample = (r: HttpRequest) => (r.body ?? '').includes('function_score');

let previous: Transport;
beforeEach(() => {
  previous = setTransport(async () => json({}));
});
afterEach(() => void setTransport(previous));

describe('opensearch reference', () => {
  it('runs the same warn/error search and sample over each reference window, a quarter of the size, and mines those lines as the reference', async () => {
    const fake = routedTransport([[() => true, json(fixture('problems-page-2'))]]);
    setTransport(fake.transport);
    await openSearchProvider.query(plan, deps);
    const main = fake.requests.filter((r) => rangeOf(r)[0] === '2026-06-01T08:00:00Z');
    for (const w of [DAY, WEEK]) {
      const ref = fake.requests.filter((r) => rangeOf(r)[0] === w.from);
      expect(ref.map(rangeOf)).toEqual(ref.map(() => [w.from, w.to]));
      expect(ref.map(isSample)).toEqual(main.map(isSample));
      expect(ref.map((r) => bodyOf(r).size)).toEqual(main.map((r) => bodyOf(r).size / 4));
      const strip = (r: HttpRequest) => (r.body ?? '').replaceAll(w.from, 'FROM').replaceAll(w.to, 'TO').replace(/"size":\d+/, '');
      expect(strip(ref[0]!)).toBe((main[0]!.body ?? '').replaceAll('2026-06-01T08:00:00Z', 'FROM').replaceAll('2026-06-01T09:05:00Z', 'TO').replace(/"size":\d+/, ''));
    }
    expect(vi.mocked(logPatterns).mock.calls.at(-1)![3]!.length).toBeGreaterThan(0);
  });

  it('keeps the incident\'s patterns when the reference searches fail', async () => {
    const fake = routedTransport([
      [(r) => rangeOf(r)[0] !== '2026-06-01T08:00:00Z', json({ error: { type: 'search_phase_execution_exception', reason: 'all shards failed' } }, 503)],
      [() => true, json(fixture('problems-page-2'))],
    ]);
    setTransport(fake.transport);
    const found = await openSearchProvider.query(plan, deps);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes!.filter((n) => n.startsWith('reference unavailable:'))).toHaveLength(2);
    expect(vi.mocked(logPatterns).mock.calls.at(-1)![3]).toEqual([]);
  });
});
