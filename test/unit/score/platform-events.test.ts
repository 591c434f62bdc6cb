import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/** Web calls orders and sessions; both keep their state in the managed store `dynamodb`, whose own error series we read. */
const topology = { web: ['orders', 'sessions'], orders: ['dynamodb'], sessions: ['dynamodb'] };

/** The store's system errors and both callers' errors rise seven minutes before the alert. */
function storeOutage(options: { alerts?: Record<string, unknown>[]; changes?: Record<string, unknown>[]; failing?: boolean } = {}) {
  const r = seeded(21);
  const failing = options.failing ?? true;
  return {
    name: 'managed-store-outage',
    signal: alert('web'),
    topology,
    evidence: {
      metrics: [
        series('web', 'http_error_ratio', 0.002, failing ? 0.3 : undefined, 7, r),
        series('orders', 'http_error_ratio', 0.002, failing ? 0.4 : undefined, 7, r),
        series('sessions', 'http_error_ratio', 0.002, failing ? 0.4 : undefined, 7, r),
        series('dynamodb', 'SystemErrors', 0.5, failing ? 400 : undefined, 7, r),
      ],
      ...(options.alerts ? { alerts: options.alerts } : {}),
      ...(options.changes ? { changes: options.changes } : {}),
    },
    expected: { rootCause: { service: 'dynamodb', kind: 'dependency_failure' }, action: 'none' },
  };
}

const issue = { at: '-6m', service: 'dynamodb', name: 'AWS Health: AWS_DYNAMODB_OPERATIONAL_ISSUE us-east-1 (Increased error rates)', status: 'firing' };

type Scored = Awaited<ReturnType<typeof replayDirect>>['scored'];
const scoreOf = (scored: Scored, service: string) => Math.max(0, ...scored.suspects.filter((s) => s.service === service).map((s) => s.score));
const replay = async (scenario: Record<string, unknown>) => (await replayDirect(writeScenario(scenario), { allServices: true })).scored;

describe('the platform\'s own word on its services', () => {
  it('reads a managed store that AWS Health reports impaired, and its callers feel, as a dependency failure, not a defect', async () => {
    expect((await replay(storeOutage())).suspects[0]).toMatchObject({ service: 'dynamodb', kind: 'code_defect' });
    const scored = await replay(storeOutage({ alerts: [issue] }));
    expect(scored.suspects[0]).toMatchObject({ service: 'dynamodb', kind: 'dependency_failure' });
    expect(scored.suspects[0]!.evidenceIds.some((id) => id.startsWith('ALERT_'))).toBe(true);
    expect(scored.suspects[0]!.reasons[0]).toBe('the platform itself reports dynamodb impaired (AWS Health: AWS_DYNAMODB_OPERATIONAL_ISSUE us-east-1 (Increased error rates)): a failing dependency, not code of ours');
  });

  it('reads the same report delivered as a change from the aws.health source, however the sender spells it', async () => {
    const change = { at: '-6m', service: 'dynamodb', kind: 'infrastructure', summary: 'AWS_DYNAMODB_OPERATIONAL_ISSUE (us-east-1): increased error rates', source: 'aws.health' };
    expect((await replay(storeOutage({ changes: [change] }))).suspects[0]).toMatchObject({ service: 'dynamodb', kind: 'dependency_failure' });
    const spelled = { ...change, summary: 'DynamoDB: elevated error rates for requests in us-east-1', source: 'AWS-Health' };
    expect((await replay(storeOutage({ changes: [spelled] }))).suspects[0]).toMatchObject({ service: 'dynamodb', kind: 'dependency_failure' });
  });

  it('reads a host or zone event under a resource as the infrastructure under it', async () => {
    const host = { ...issue, name: 'AWS Health: AWS_RDS_HARDWARE_MAINTENANCE_SCHEDULED us-east-1 us-east-1a (A degraded host underlies your DB instance)' };
    const scored = await replay(storeOutage({ alerts: [host] }));
    expect(scored.suspects[0]).toMatchObject({ service: 'dynamodb', kind: 'infrastructure' });
  });

  it('reads the provider failing over or replacing the managed service’s own nodes as that dependency failing, in any cloud’s words', async () => {
    for (const name of [
      'ElastiCache event: Failover from primary node dynamodb-0001-001 to replica node dynamodb-0001-002 completed',
      'AWS Health: AWS_ELASTICACHE_NODE_REPLACEMENT dynamodb-0001-001',
      'GCP Service Health: Memorystore for Redis maintenance in progress (us-east1)',
    ]) {
      const scored = await replay(storeOutage({ alerts: [{ ...issue, name }] }));
      expect(scored.suspects[0], name).toMatchObject({ service: 'dynamodb', kind: 'dependency_failure' });
    }
  });

  it('keeps a failover the words put on a host or zone under the service as the infrastructure under it', async () => {
    const zone = { ...issue, name: 'RDS event: Multi-AZ failover started: the host in us-east-1a underlying the primary is unreachable' };
    expect((await replay(storeOutage({ alerts: [zone] }))).suspects[0]).toMatchObject({ service: 'dynamodb', kind: 'infrastructure' });
  });

  it('reads an operational issue of the compute or network platform as the infrastructure under the resource, not its service failing', async () => {
    const network = { ...issue, name: 'AWS Health: AWS_EC2_OPERATIONAL_ISSUE us-east-1 (Increased error rates and impaired network connectivity in use1-az2)' };
    const scored = await replay(storeOutage({ alerts: [network] }));
    expect(scored.suspects[0]).toMatchObject({ service: 'dynamodb', kind: 'infrastructure' });
    expect(scored.suspects.some((s) => s.service === 'dynamodb' && s.kind === 'dependency_failure')).toBe(false);
  });

  it('leaves a report nobody felt as a note: no caller failed and the service itself stayed within its baseline', async () => {
    const quiet = await replay(storeOutage({ failing: false, alerts: [issue] }));
    expect(scoreOf(quiet, 'dynamodb')).toBeLessThan(0.2);
    const elsewhere = await replay(storeOutage({ alerts: [{ ...issue, service: 'sqs' }] }));
    expect(scoreOf(elsewhere, 'sqs')).toBeLessThan(0.2);
    expect(elsewhere.suspects[0]).toMatchObject({ service: 'dynamodb', kind: 'code_defect' });
  });

  it('takes nothing from an ordinary alert on the store or a resolved Health event', async () => {
    expect((await replay(storeOutage({ alerts: [{ ...issue, name: 'dynamodb-system-errors' }] }))).suspects[0]).toMatchObject({ kind: 'code_defect' });
    expect((await replay(storeOutage({ alerts: [{ ...issue, status: 'resolved' }] }))).suspects[0]).toMatchObject({ kind: 'code_defect' });
  });

  it('finds the callers of a managed service the topology does not list by their errors naming it', async () => {
    const r = seeded(22);
    const lines = (service: string) => [
      ...Array.from({ length: 40 }, (_, i) => ({ at: `-${50 - i}m`, service, level: 'info', message: `served request ${i}` })),
      ...Array.from({ length: 7 }, (_, i) => ({ at: `-${7 - i}m`, service, level: 'error', message: 'InternalServerError: Internal server error (Service: DynamoDb, Status Code: 500, Request ID: 7Q2K)' })),
    ];
    const unlisted = (alerts: Record<string, unknown>[]) => ({
      name: 'managed-store-unlisted',
      signal: alert('web'),
      topology: { web: ['orders', 'sessions'] },
      evidence: {
        metrics: [series('web', 'http_error_ratio', 0.002, 0.3, 7, r), series('orders', 'http_error_ratio', 0.002, 0.4, 7, r), series('sessions', 'http_error_ratio', 0.002, 0.4, 7, r)],
        logs: [...lines('orders'), ...lines('sessions')],
        alerts,
      },
      expected: { rootCause: { service: 'dynamodb', kind: 'dependency_failure' }, action: 'none' },
    });
    const scored = await replay(unlisted([issue]));
    expect(scored.suspects[0]).toMatchObject({ service: 'dynamodb', kind: 'dependency_failure' });
    expect(scoreOf(scored, 'orders')).toBeLessThan(scoreOf(scored, 'dynamodb') - 0.2);
  });

  it("leaves a report on a dependency to its callers' own release when nothing ties their failures to it", async () => {
    const r = seeded(23);
    const release = (alerts: Record<string, unknown>[]) => ({
      name: 'release-beside-a-health-event',
      signal: alert('web'),
      topology: { web: ['orders'], orders: ['sqs'] },
      evidence: {
        metrics: [series('web', 'http_error_ratio', 0.002, 0.3, 7, r), series('orders', 'http_error_ratio', 0.002, 0.5, 7, r), series('sqs', 'NumberOfMessagesSent', 120, undefined, 0, r)],
        logs: [
          ...Array.from({ length: 40 }, (_, i) => ({ at: `-${50 - i}m`, service: 'orders', level: 'info', message: `served request ${i}` })),
          ...Array.from({ length: 7 }, (_, i) => ({ at: `-${7 - i}m`, service: 'orders', level: 'error', message: 'NullPointerException: Cannot invoke "Address.line1()" because "address" is null' })),
        ],
        changes: [{ at: '-8m', service: 'orders', kind: 'deployment', summary: 'orders 4.2.0: new address mapper', version: '4.2.0', previousVersion: '4.1.9', source: 'codedeploy' }],
        alerts,
      },
      expected: { rootCause: { service: 'orders', kind: 'deployment' }, action: 'rollback' },
    });
    const sqsIssue = { at: '-20m', service: 'sqs', name: 'AWS Health: AWS_SQS_OPERATIONAL_ISSUE us-east-1 (Increased latencies)', status: 'firing' };
    const scored = await replay(release([sqsIssue]));
    expect(scored.suspects[0]).toMatchObject({ service: 'orders', kind: 'deployment' });
    expect(scoreOf(scored, 'sqs')).toBeLessThan(0.3);
  });
});
