import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { assumedRole, RecordableRequestHandler } from '../../../functions/shared/aws-client.js';
import { fetchTransport, recordingTransport, replayTransport, setTransport, type RecordedExchange } from '../../../functions/shared/http-client.js';

afterEach(() => void setTransport(fetchTransport));

describe('AWS clients of the providers', () => {
  it('assume a cross-account role once and again only near expiry', async () => {
    const sts = mockClient(STSClient);
    const expiration = new Date(Date.now() + 3600_000);
    sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: expiration } });
    const provider = assumedRole('arn:aws:iam::123456789012:role/causeway-read', 'eu-west-1', new STSClient({ region: 'eu-west-1' }));
    expect(await provider()).toMatchObject({ accessKeyId: 'ASIA1', sessionToken: 'token' });
    await provider();
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input).toMatchObject({ RoleArn: 'arn:aws:iam::123456789012:role/causeway-read', RoleSessionName: 'causeway-provider' });
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
