import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand, type StartQueryCommandInput } from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { createCloudWatchLogsProvider } from '../../../../functions/providers/cloudwatch-logs/provider.js';
import { logPatterns } from '../../../../functions/providers/shared/logs.js';

vi.mock('../../../../functions/providers/shared/logs.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/logs.js')>();
  return { ...actual, logPatterns: vi.fn(actual.logPatterns) };
});

const logs = mockClient(CloudWatchLogsClient);
const DAY = 86_400;
const MAIN_START = Date.parse('2026-06-01T08:00:00Z') / 1000;
const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });
const timing = () => {
  let now = 1_000_000;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
};
const plan = EvidencePlan.parse({
  planId: 'cw-logs',
  tenantId: 'acme',
  investigationId: 'inv-1',
  evidenceClass: 'logs',
  backend: { id: 'aws-logs', type: 'cloudwatch-logs', classes: ['logs'], region: 'eu-west-1', options: { logGroupPrefix: '/ecs/' } },
  functionArn: 'arn',
  window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
  alertAt: '2026-06-01T09:00:00Z',
  focusService: 'orders',
  services: ['orders'],
  correlation: {},
  limits: {},
  reference: [
    { from: '2026-05-31T08:00:00.000Z', to: '2026-05-31T09:05:00.000Z' },
    { from: '2026-05-25T08:00:00.000Z', to: '2026-05-25T09:05:00.000Z' },
  ],
});

/** Query ids say which window they were started for; each answers one line worded by window. */
function serve(failWindow?: number) {
  logs.on(StartQueryCommand).callsFake((input: StartQueryCommandInput) => {
    const daysBack = Math.round((MAIN_START - input.startTime!) / DAY);
    if (daysBack === failWindow) throw Object.assign(new Error('LimitExceededException: too many concurrent queries'), { name: 'LimitExceededException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    return { queryId: `q-${daysBack}` };
  });
  logs.on(GetQueryResultsCommand).callsFake((input: { queryId: string }) => {
    const daysBack = Number(input.queryId.slice(2));
    const at = new Date((MAIN_START - daysBack * DAY + 600) * 1000).toISOString().replace('T', ' ').slice(0, 23);
    const message = daysBack === 0 ? 'ERROR payment declined for order 1' : 'INFO order 1 placed';
    return { status: 'Complete', statistics: { recordsMatched: 1 }, results: [[{ field: '@timestamp', value: at }, { field: '@message', value: message }, { field: '@log', value: '123456789012:/ecs/orders' }, { field: '@ptr', value: `p-${daysBack}` }]] };
  });
}

beforeEach(() => logs.reset());

describe('cloudwatch-logs reference', () => {
  it('starts the same Logs Insights query over each reference window, a quarter of the limit, and mines those lines as the reference', async () => {
    serve();
    await createCloudWatchLogsProvider(timing()).query(plan, deps());
    const starts = logs.commandCalls(StartQueryCommand).map((c) => c.args[0].input);
    const main = starts.find((s) => s.startTime === MAIN_START)!;
    for (const days of [1, 7]) {
      const ref = starts.find((s) => s.startTime === MAIN_START - days * DAY)!;
      expect(ref.endTime).toBe(main.endTime! - days * DAY);
      expect(ref.logGroupNames).toEqual(main.logGroupNames);
      expect(ref.queryString).toBe(main.queryString!.replace('| limit 10000', '| limit 2500'));
    }
    const reference = vi.mocked(logPatterns).mock.calls.at(-1)![3]!;
    expect(reference.map((l) => l.message)).toEqual(['INFO order 1 placed', 'INFO order 1 placed']);
  });

  it('keeps the incident\'s lines when a reference query cannot start, with a note', async () => {
    serve(7);
    const found = await createCloudWatchLogsProvider(timing()).query(plan, deps());
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes!.find((n) => n.startsWith('reference unavailable: 7d before'))).toMatch(/concurrent queries/);
    expect(vi.mocked(logPatterns).mock.calls.at(-1)![3]).toHaveLength(1);
  });
});
