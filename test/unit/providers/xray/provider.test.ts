import { readFileSync } from 'node:fs';
import { BatchGetTracesCommand, GetTraceSummariesCommand, XRayClient, XRayServiceException, type BatchGetTracesCommandOutput, type GetTraceSummariesCommandOutput } from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { XRayOptions } from '../../../../functions/providers/xray/options.js';
import { xrayProvider } from '../../../../functions/providers/xray/provider.js';
import { rangesOf, toXRayId, translate } from '../../../../functions/providers/xray/translate.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { BackendAuthError, BackendQueryError } from '../../../../functions/shared/http-client.js';

const xray = mockClient(XRayClient);
const fixture = <T>(name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/xray/${name}`, import.meta.url), 'utf8')) as T;
const batch = fixture<BatchGetTracesCommandOutput>('batch-get-traces.json');
const rawSummaries = fixture<GetTraceSummariesCommandOutput>('get-trace-summaries-faults.json');
/** As the SDK hands it back: timestamps deserialized into Dates. */
const summaries: GetTraceSummariesCommandOutput = {
  ...rawSummaries,
  TraceSummaries: rawSummaries.TraceSummaries!.map((s) => ({ ...s, StartTime: new Date(s.StartTime as unknown as string), MatchedEventTime: new Date(s.MatchedEventTime as unknown as string) })),
};

const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });

function plan(options: Record<string, unknown> = {}, over: Partial<EvidencePlan> = {}, serviceLabel?: string): EvidencePlan {
  return EvidencePlan.parse({
    planId: 'xray',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'traces',
    backend: { id: 'aws-xray', type: 'xray', classes: ['traces'], region: 'eu-west-1', ...(serviceLabel ? { serviceLabel } : {}), options },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['web', 'orders'],
    correlation: {},
    limits: { maxBytes: 48 * 1024 },
    ...over,
  });
}

const serviceError = (name: string, status: number) => new XRayServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} happened` });

beforeEach(() => xray.reset());

describe('xray translate', () => {
  it('filters failing, slow and ordinary traces of the planned services, focus first', () => {
    const request = translate(plan(), XRayOptions.parse({}));
    expect(request.searches.map((s) => s.filter)).toEqual([
      'service("orders") { fault = true OR error = true } OR service("web") { fault = true OR error = true }',
      'service("orders") { responsetime > 1 } OR service("web") { responsetime > 1 }',
      'service("orders") OR service("web")',
    ]);
  });

  it('filters on an annotation when the backend names a service label, and maps X-Ray names', () => {
    const options = XRayOptions.parse({ serviceNames: { orders: 'orders-api-prod' }, slowThresholdMs: 2500 });
    const request = translate(plan({}, { services: ['orders'] }, 'app'), options);
    expect(request.searches.map((s) => s.filter)).toEqual(['(annotation.app = "orders-api-prod") AND (fault = true OR error = true)', '(annotation.app = "orders-api-prod") AND (responsetime > 2.5)', 'annotation.app = "orders-api-prod"']);
  });

  it('converts W3C trace ids and splits long windows into 6-hour ranges', () => {
    expect(toXRayId('4BF92F3577B34DA6A3CE929D0E0E4736')).toBe('1-4bf92f35-77b34da6a3ce929d0e0e4736');
    expect(toXRayId('1-5f84c7a1-2d1e7c0b9a8f6e5d4c3b2a19')).toBe('1-5f84c7a1-2d1e7c0b9a8f6e5d4c3b2a19');
    expect(toXRayId('req-123')).toBeUndefined();
    expect(rangesOf({ from: '2026-06-01T00:00:00Z', to: '2026-06-01T14:00:00Z' }).map((r) => [r.start.toISOString(), r.end.toISOString()])).toEqual([
      ['2026-06-01T08:00:00.000Z', '2026-06-01T14:00:00.000Z'],
      ['2026-06-01T02:00:00.000Z', '2026-06-01T08:00:00.000Z'],
      ['2026-06-01T00:00:00.000Z', '2026-06-01T02:00:00.000Z'],
    ]);
  });
});

describe('xray provider', () => {
  it('reads the correlated and failing traces whole and maps remote calls to the services they call', async () => {
    xray.on(GetTraceSummariesCommand).resolves({ TraceSummaries: [] });
    xray.on(GetTraceSummariesCommand, { FilterExpression: 'service("orders") { fault = true OR error = true } OR service("web") { fault = true OR error = true }' }).resolves(summaries);
    xray.on(BatchGetTracesCommand).resolves(batch);
    const d = deps();
    const found = await xrayProvider.query(plan({}, { correlation: { traceIds: ['6a1d49121b2c3d4e5f60718293a4b5c6', 'not-a-trace'], requestIds: [] } }), d);

    const searches = xray.commandCalls(GetTraceSummariesCommand).map((c) => c.args[0].input);
    expect(searches[0]).toEqual({
      StartTime: new Date('2026-06-01T08:00:00Z'),
      EndTime: new Date('2026-06-01T09:05:00Z'),
      TimeRangeType: 'TraceId',
      Sampling: false,
      FilterExpression: 'service("orders") { fault = true OR error = true } OR service("web") { fault = true OR error = true }',
    });
    expect(searches).toHaveLength(3);
    expect((xray.call(0).args as unknown[])[1]).toEqual({ abortSignal: d.signal });
    expect(xray.commandCalls(BatchGetTracesCommand).map((c) => c.args[0].input)).toEqual([{ TraceIds: ['1-6a1d4912-1b2c3d4e5f60718293a4b5c6', '1-6a1d48e4-5f2b9e8d7c6a4b3e2d1f0a9b'] }]);

    const stats = Object.fromEntries(found.items.flatMap((i) => (i.class === 'traces' && i.kind === 'service_stats' ? [[i.service, i]] : [])));
    expect(Object.keys(stats).sort()).toEqual(['DynamoDB', 'orders', 'payments.example.net', 'web']);
    expect(stats.web!.callees).toEqual({ orders: 2 });
    expect(stats.orders!.callees).toEqual({ DynamoDB: 2, 'payments.example.net': 2 });
    expect(stats['payments.example.net']).toMatchObject({ seenOnlyByCallers: true });
    expect(stats['payments.example.net']!.errorOrigins.reduce((a, b) => a + b, 0)).toBe(1);
    expect(stats.orders!.link).toBe(
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#xray:traces/query?~(query~(expression~'service*28*22orders*22*29)~context~(timeRange~(end~'2026-06-01T09*3a05*3a00.000Z~start~'2026-06-01T08*3a00*3a00.000Z)))",
    );

    const failing = found.items.find((i) => i.class === 'traces' && i.kind === 'exemplar' && i.error);
    if (!failing || failing.class !== 'traces' || failing.kind !== 'exemplar') throw new Error('expected an error exemplar');
    expect(failing).toMatchObject({ traceId: '1-6a1d48e4-5f2b9e8d7c6a4b3e2d1f0a9b', rootService: 'web', rootName: 'POST /checkout', durationMs: 912, at: '2026-06-01T08:55:00.000Z' });
    expect(failing.link).toBe('https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#xray:traces/1-6a1d48e4-5f2b9e8d7c6a4b3e2d1f0a9b');
    expect(failing.spans.find((s) => s.spanId === '5e6f708192a3b4c5')).toMatchObject({ service: 'orders', parentSpanId: 'a1b2c3d4e5f60718', status: 'error' });
    expect(failing.spans.find((s) => s.spanId === '9f8e7d6c5b4a3928')).toMatchObject({ service: 'orders', name: 'POST /v1/charges → payments.example.net', parentSpanId: '5e6f708192a3b4c5', status: 'error' });
    expect(found.query).toMatchObject({ target: 'https://xray.eu-west-1.amazonaws.com', text: expect.stringMatching(/^X-Ray GetTraceSummaries service\("orders"\) \{ fault = true OR error = true \}.* over 08:00–09:05Z plus traces 1-6a1d4912-1b2c3d4e5f60718293a4b5c6$/) });
    expect(found.notes).toEqual(['not X-Ray or W3C trace ids, skipped: not-a-trace']);
  });

  it('follows NextToken a bounded number of pages and keeps a sample spread over time', async () => {
    let n = 0;
    xray.on(GetTraceSummariesCommand).callsFake(() => ({
      TraceSummaries: Array.from({ length: 10 }, () => {
        n++;
        return { Id: `1-${(0x6a1d2000 + n * 20).toString(16)}-${n.toString(16).padStart(24, '0')}`, HasFault: true };
      }),
      NextToken: `page-${n}`,
    }));
    xray.on(BatchGetTracesCommand).resolves({ Traces: [], UnprocessedTraceIds: [] });
    const found = await xrayProvider.query(plan({ maxTraces: 10 }), deps());
    const pages = xray.commandCalls(GetTraceSummariesCommand);
    expect(pages[1]!.args[0].input.NextToken).toBe('page-10');
    expect(pages.filter((c) => c.args[0].input.FilterExpression?.includes('fault'))).toHaveLength(2);
    const asked = xray.commandCalls(BatchGetTracesCommand).flatMap((c) => c.args[0].input.TraceIds!);
    expect(asked).toHaveLength(10);
    expect(xray.commandCalls(BatchGetTracesCommand).every((c) => c.args[0].input.TraceIds!.length <= 5)).toBe(true);
    expect(found.notes).toContain('errors search: more trace summaries than the pages read; a sample spread over time was kept');
  });

  it('says what it searched when X-Ray has no traces', async () => {
    xray.on(GetTraceSummariesCommand).resolves({ TraceSummaries: [], TracesProcessedCount: 0 });
    const result = await runProvider(xrayProvider, plan());
    expect(xray.commandCalls(BatchGetTracesCommand)).toHaveLength(0);
    expect(result).toMatchObject({ status: 'no_data', items: [], query: { target: 'https://xray.eu-west-1.amazonaws.com', text: expect.stringContaining('service("orders") { responsetime > 1 }') } });
  });

  it.each([
    ['ThrottledException', 429, TransientError],
    ['InternalFailure', 500, TransientError],
    ['AccessDeniedException', 403, BackendAuthError],
    ['InvalidRequestException', 400, BackendQueryError],
  ] as const)('classifies %s', async (name, status, type) => {
    xray.on(GetTraceSummariesCommand).rejects(serviceError(name, status));
    const failure = xrayProvider.query(plan(), deps());
    await expect(failure).rejects.toBeInstanceOf(type);
    await expect(failure).rejects.toThrow(`X-Ray in eu-west-1 GetTraceSummaries: ${name}: ${name} happened`);
  });

  it('hands throttling to ASL, records bad filters, and times out with a named error', async () => {
    xray.on(GetTraceSummariesCommand).resolves(summaries);
    xray.on(BatchGetTracesCommand).rejects(serviceError('ThrottledException', 429));
    await expect(runProvider(xrayProvider, plan())).rejects.toBeInstanceOf(TransientError);
    xray.reset();
    xray.on(GetTraceSummariesCommand).rejects(serviceError('InvalidRequestException', 400));
    expect(await runProvider(xrayProvider, plan())).toMatchObject({ status: 'error', error: { name: 'BackendQueryError' } });
    xray.reset();
    xray.on(GetTraceSummariesCommand).callsFake(() => new Promise(() => undefined));
    expect(await runProvider(xrayProvider, plan(), 50)).toMatchObject({ status: 'error', error: { name: 'ProviderTimeoutError' } });
    expect(((xray.call(0).args as unknown[])[1] as { abortSignal: AbortSignal }).abortSignal.aborted).toBe(true);
  });

  it('stays under the byte budget with 100 traces of 400 segments', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `1-${(0x6a1d3f00 + i * 30).toString(16)}-${i.toString(16).padStart(24, '0')}`);
    xray.on(GetTraceSummariesCommand).resolves({ TraceSummaries: ids.map((Id) => ({ Id, HasFault: true })) });
    xray.on(BatchGetTracesCommand).callsFake((input: { TraceIds: string[] }) => ({
      Traces: input.TraceIds.map((Id) => {
        const t0 = parseInt(Id.split('-')[1]!, 16);
        const docs = Array.from({ length: 400 }, (_, k) => ({ id: `${k.toString(16).padStart(16, '0')}`, name: `svc-${k % 40}`, start_time: t0 + k / 1000, end_time: t0 + k / 1000 + 0.05, ...(k > 0 ? { parent_id: `${(k - 1).toString(16).padStart(16, '0')}` } : {}), fault: k === 399 }));
        return { Id, Segments: docs.map((d) => ({ Id: d.id, Document: JSON.stringify(d) })) };
      }),
    }));
    const p = plan({ maxTraces: 100 });
    const found = await xrayProvider.query({ ...p, limits: { ...p.limits, maxBytes: 16 * 1024 } }, deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(16 * 1024);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of \d+ trace summaries, per-service stats first/);
  });
});
