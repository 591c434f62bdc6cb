import { CloudWatchClient, GetMetricDataCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { cloudwatchMetricsProvider } from '../../../../functions/providers/cloudwatch-metrics/provider.js';
import { summarizeMetrics } from '../../../../functions/providers/shared/metrics.js';

vi.mock('../../../../functions/providers/shared/metrics.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/metrics.js')>();
  return { ...actual, summarizeMetrics: vi.fn(actual.summarizeMetrics) };
});

const cw = mockClient(CloudWatchClient);
const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });
const DAY = 86_400_000;

const plan = (reference: { from: string; to: string }[]) =>
  EvidencePlan.parse({
    planId: 'cw-metrics',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'metrics',
    backend: { id: 'aws-prod', type: 'cloudwatch-metrics', classes: ['metrics'], region: 'eu-west-1', options: { preset: 'ecs', sharedDimensions: { ClusterName: 'prod' } } },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['orders'],
    correlation: {},
    limits: {},
    reference,
  });
const back = (days: number) => ({ from: new Date(Date.parse('2026-06-01T08:00:00Z') - days * DAY).toISOString(), to: new Date(Date.parse('2026-06-01T09:05:00Z') - days * DAY).toISOString() });

/** Answers every query with a value that says which window was asked: 50 for the incident, 1 for a day back, 7 for a week back. */
function answer(input: GetMetricDataCommandInput) {
  const daysBack = Math.round((Date.parse('2026-06-01T08:00:00Z') - input.StartTime!.getTime()) / DAY);
  const value = daysBack === 0 ? 50 : daysBack;
  const period = input.MetricDataQueries![0]!.MetricStat!.Period!;
  const timestamps = Array.from({ length: 10 }, (_, i) => new Date(input.StartTime!.getTime() + i * period * 1000));
  return { MetricDataResults: input.MetricDataQueries!.map((q) => ({ Id: q.Id, StatusCode: 'Complete' as const, Timestamps: timestamps, Values: timestamps.map(() => value) })) };
}

beforeEach(() => {
  cw.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-01T09:10:00Z'));
});
afterAll(() => vi.useRealTimers());

describe('cloudwatch-metrics reference', () => {
  it('asks GetMetricData for the same metrics a day and a week back and hands the series to the summarizer', async () => {
    cw.on(GetMetricDataCommand).callsFake(answer);
    const found = await cloudwatchMetricsProvider.query(plan([back(1), back(7)]), deps());
    const calls = cw.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.StartTime!.toISOString()).sort()).toEqual(['2026-05-25T08:00:00.000Z', '2026-05-31T08:00:00.000Z', '2026-06-01T08:00:00.000Z']);
    const main = calls.find((c) => c.StartTime!.toISOString().startsWith('2026-06-01'))!;
    for (const ref of calls.filter((c) => c !== main)) {
      expect(ref.MetricDataQueries).toEqual(main.MetricDataQueries);
      expect(main.EndTime!.getTime() - ref.EndTime!.getTime()).toBe(main.StartTime!.getTime() - ref.StartTime!.getTime());
    }
    const reference = vi.mocked(summarizeMetrics).mock.calls.at(-1)![3]!;
    expect(reference.map((s) => s.samples[0]![1]).sort()).toEqual([1, 1, 7, 7]);
    expect(found.items).toHaveLength(2);
  });

  it('reads a reference older than 15 days at CloudWatch\'s 5-minute retention step, and says so', async () => {
    cw.on(GetMetricDataCommand).callsFake(answer);
    const found = await cloudwatchMetricsProvider.query(plan([back(20)]), deps());
    const old = cw.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input).find((c) => c.StartTime!.toISOString().startsWith('2026-05-12'))!;
    expect(old.MetricDataQueries![0]!.MetricStat!.Period).toBe(300);
    expect(found.notes).toContain("reference windows older than 15 days are read at a 300 s period, CloudWatch's coarser retention step");
  });

  it('keeps the incident\'s series when the reference call is throttled, with a note', async () => {
    cw.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => {
      if (input.StartTime!.toISOString().startsWith('2026-05-31')) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
      return answer(input);
    });
    const found = await cloudwatchMetricsProvider.query(plan([back(1)]), deps());
    expect(found.items).toHaveLength(2);
    expect(found.notes!.find((n) => n.startsWith('reference unavailable: 1d before'))).toMatch(/Rate exceeded|throttl/i);
    expect(vi.mocked(summarizeMetrics).mock.calls.at(-1)![3]).toEqual([]);
  });
});
