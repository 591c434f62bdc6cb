import { readFileSync } from 'node:fs';
import { BatchGetTracesCommand, GetTraceSummariesCommand, XRayClient, type BatchGetTracesCommandOutput, type GetTraceSummariesCommandInput, type GetTraceSummariesCommandOutput } from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { summarizeTraces } from '../../../../functions/providers/shared/traces.js';
import { xrayProvider } from '../../../../functions/providers/xray/provider.js';

vi.mock('../../../../functions/providers/shared/traces.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/traces.js')>();
  return { ...actual, summarizeTraces: vi.fn(actual.summarizeTraces) };
});

const xray = mockClient(XRayClient);
const fixture = <T>(name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/xray/${name}`, import.meta.url), 'utf8')) as T;
const batch = fixture<BatchGetTracesCommandOutput>('batch-get-traces.json');
const raw = fixture<GetTraceSummariesCommandOutput>('get-trace-summaries-faults.json');
const summaries: GetTraceSummariesCommandOutput = { ...raw, TraceSummaries: raw.TraceSummaries!.map((s) => ({ ...s, StartTime: new Date(s.StartTime as unknown as string), MatchedEventTime: new Date(s.MatchedEventTime as unknown as string) })) };
const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });
const DAY = 86_400_000;
const back = (days: number) => ({ from: new Date(Date.parse('2026-06-01T08:00:00Z') - days * DAY).toISOString(), to: new Date(Date.parse('2026-06-01T09:05:00Z') - days * DAY).toISOString() });
const plan = (reference: { from: string; to: string }[]) =>
  EvidencePlan.parse({
    planId: 'xray',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'traces',
    backend: { id: 'aws-xray', type: 'xray', classes: ['traces'], region: 'eu-west-1', options: {} },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['orders'],
    correlation: {},
    limits: {},
    reference,
  });
const daysBack = (input: GetTraceSummariesCommandInput) => Math.round((Date.parse('2026-06-01T09:05:00Z') - input.EndTime!.getTime()) / DAY);

beforeEach(() => {
  xray.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-01T09:10:00Z'));
});
afterAll(() => vi.useRealTimers());

describe('xray reference', () => {
  it('runs the same trace summary filters over each reference window and hands the traces read to the summarizer', async () => {
    xray.on(GetTraceSummariesCommand).resolves(summaries);
    xray.on(BatchGetTracesCommand).resolves(batch);
    await xrayProvider.query(plan([back(1), back(7)]), deps());
    const calls = xray.commandCalls(GetTraceSummariesCommand).map((c) => c.args[0].input);
    const main = calls.filter((c) => daysBack(c) === 0);
    for (const days of [1, 7]) {
      const ref = calls.filter((c) => daysBack(c) === days);
      expect(ref.map((c) => c.FilterExpression)).toEqual(main.map((c) => c.FilterExpression));
      expect(ref.map((c) => c.StartTime!.getTime())).toEqual(main.map((c) => c.StartTime!.getTime() - days * DAY));
    }
    expect([...vi.mocked(summarizeTraces).mock.calls.at(-1)![3]!].length).toBeGreaterThan(0);
  });

  it('does not ask for a window older than X-Ray\'s 30-day retention, and says so', async () => {
    xray.on(GetTraceSummariesCommand).resolves(summaries);
    xray.on(BatchGetTracesCommand).resolves(batch);
    const found = await xrayProvider.query(plan([back(30)]), deps());
    expect(xray.commandCalls(GetTraceSummariesCommand).every((c) => daysBack(c.args[0].input) === 0)).toBe(true);
    expect(found.notes).toContain('reference unavailable: 30d before: X-Ray keeps traces for 30 days');
  });

  it('keeps the incident\'s traces when a reference search is throttled', async () => {
    xray.on(GetTraceSummariesCommand).callsFake((input: GetTraceSummariesCommandInput) => {
      if (daysBack(input) === 1) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException', $fault: 'client', $metadata: { httpStatusCode: 429 } });
      return summaries;
    });
    xray.on(BatchGetTracesCommand).resolves(batch);
    const found = await xrayProvider.query(plan([back(1)]), deps());
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes!.some((n) => n.startsWith('reference unavailable: 1d before'))).toBe(true);
    expect([...vi.mocked(summarizeTraces).mock.calls.at(-1)![3]!]).toEqual([]);
  });
});
