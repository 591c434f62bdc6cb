import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { assumedRole, clientsByRegion, externalIdFor, RecordableRequestHandler } from '../../../functions/shared/aws-client.js';
import { fetchTransport, recordingTransport, replayTransport, setTransport, type RecordedExchange } from '../../../functions/shared/http-client.js';

afterEach(() => void setTransport(fetchTransport));

describe('AWS clients of the providers', () => {
  it('assume a cross-account role with the tenant’s ExternalId and session tag, once and again only near expiry', async () => {
    const sts = mockClient(STSClient);
    const expiration = new Date(Date.now() + 3600_000);
    sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: expiration } });
    const provider = assumedRole('arn:aws:iam::123456789012:role/causeway-read', 'eu-west-1', 'acme', new STSClient({ region: 'eu-west-1' }));
    expect(await provider()).toMatchObject({ accessKeyId: 'ASIA1', sessionToken: 'token' });
    await provider();
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input).toEqual({
      RoleArn: 'arn:aws:iam::123456789012:role/causeway-read',
      RoleSessionName: 'causeway-acme',
      ExternalId: 'causeway:acme',
      Tags: [{ Key: 'causeway:tenant', Value: 'acme' }],
      DurationSeconds: 3600,
    });
    expect(externalIdFor('globex')).toBe('causeway:globex');
    sts.reset();
  });

  it('give each tenant its own assumed session of a shared role, so one tenant never reads with another’s credentials', async () => {
    const sts = mockClient(STSClient);
    sts.on(AssumeRoleCommand).callsFake((input: { ExternalId: string }) => ({ Credentials: { AccessKeyId: `ASIA-${input.ExternalId}`, SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3600_000) } }));
    const clientFor = clientsByRegion((region, config) => new CloudWatchClient({ region, ...config }));
    const role = 'arn:aws:iam::123456789012:role/causeway-read';
    const acme = clientFor('eu-west-1', role, 'acme');
    const globex = clientFor('eu-west-1', role, 'globex');
    expect(globex).not.toBe(acme);
    expect(clientFor('eu-west-1', role, 'acme')).toBe(acme);
    expect(clientFor('eu-west-1', undefined, 'acme')).toBe(clientFor('eu-west-1', undefined, 'globex'));
    expect((await acme.config.credentials()).accessKeyId).toBe('ASIA-causeway:acme');
    expect((await globex.config.credentials()).accessKeyId).toBe('ASIA-causeway:globex');
    const calls = sts.commandCalls(AssumeRoleCommand).map((c) => [c.args[0].input.ExternalId, c.args[0].input.Tags]);
    expect(calls).toEqual([
      ['causeway:acme', [{ Key: 'causeway:tenant', Value: 'acme' }]],
      ['causeway:globex', [{ Key: 'causeway:tenant', Value: 'globex' }]],
    ]);
    sts.reset();
  });

  it('record and replay SDK calls through the golden-run transport, signed requests and all', async () => {
    const exchanges: RecordedExchange[] = [];
    const answer = JSON.stringify({ MetricDataResults: [{ Id: 'm0', Label: 'cpu', Timestamps: [1780300800], Values: [42], StatusCode: 'Complete' }] });
    setTransport(recordingTransport(async () => ({ status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: answer }), exchanges));
    const client = new CloudWatchClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' }, requestHandler: new RecordableRequestHandler() });
    const input = { StartTime: new Date('2026-06-01T08:00:00Z'), EndTime: new Date('2026-06-01T09:00:00Z'), MetricDataQueries: [{ Id: 'm0', MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization' }, Period: 60, Stat: 'Average' } }] };
    const live = await client.send(new GetMetricDataCommand(input));
    expect(live.MetricDataResults?.[0]?.Values).toEqual([42]);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.request.url).toMatch(/^https:\/\/monitoring\.eu-west-1\.amazonaws\.com/);
    expect(exchanges[0]!.request.headers?.authorization).toBe('[redacted]');
    setTransport(replayTransport(exchanges));
    const replayed = await client.send(new GetMetricDataCommand(input));
    expect(replayed.MetricDataResults).toEqual(live.MetricDataResults);
    await expect(client.send(new GetMetricDataCommand({ ...input, EndTime: new Date('2026-06-01T10:00:00Z') }))).rejects.toThrow(/no recorded exchange/);
  });
});
