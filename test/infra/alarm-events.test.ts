import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthCauseway } from './synth.js';
import { onlyResource, render, targetOf } from './template.js';

describe('CloudWatch alarm events', () => {
  it('are not routed unless a tenant is named for this account', () => {
    const { template } = synthCauseway({ bundle: false });
    template.resourceCountIs('AWS::Events::Rule', 0);
  });

  it('go from EventBridge to the ingest Lambda wrapped with the tenant, and only EventBridge may invoke it that way', () => {
    const { template } = synthCauseway({ bundle: false, props: { alarmTenant: 'acme' } });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm State Change'] },
      Targets: [
        Match.objectLike({
          InputTransformer: { InputPathsMap: { f1: '$' }, InputTemplate: '{"tenantId":"acme","event":<f1>}' },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).map((r) => (r as { Properties: { Principal: string; SourceArn?: unknown } }).Properties);
    const fromEvents = permissions.filter((p) => p.Principal === 'events.amazonaws.com');
    expect(fromEvents).toHaveLength(1);
    expect(fromEvents[0]!.SourceArn).toBeDefined();
  });

  it('dead-letter what EventBridge cannot deliver and what ingest keeps failing on into one encrypted queue kept 14 days', () => {
    const { template } = synthCauseway({ bundle: false, props: { alarmTenant: 'acme', operatorEmail: 'oncall@example.com' } });
    const [queueId, queue] = onlyResource(template, 'AWS::SQS::Queue');
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const [, rule] = onlyResource(template, 'AWS::Events::Rule');
    const target = (rule.Properties?.Targets as Array<{ DeadLetterConfig: { Arn: unknown } }>)[0]!;
    expect(targetOf(target.DeadLetterConfig.Arn)).toBe(queueId);
    const [, invokeConfig] = onlyResource(template, 'AWS::Lambda::EventInvokeConfig');
    expect(invokeConfig.Properties).toMatchObject({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 6 * 3600 });
    expect(targetOf((invokeConfig.Properties?.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination)).toBe(queueId);
    // Only EventBridge (over TLS) and the ingest role may send to it.
    const [, queuePolicy] = onlyResource(template, 'AWS::SQS::QueuePolicy');
    const statements = (queuePolicy.Properties?.PolicyDocument as { Statement: Array<{ Effect: string; Principal: unknown; Condition?: unknown }> }).Statement;
    expect(statements.find((s) => s.Effect === 'Deny')?.Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
    expect(statements.filter((s) => s.Effect === 'Allow').map((s) => s.Principal)).toEqual([{ Service: 'events.amazonaws.com' }]);
  });

  it('alarm the operator topic as soon as one alarm event is dead-lettered, with the one alarm on that queue', () => {
    const { template } = synthCauseway({ bundle: false, props: { alarmTenant: 'acme', operatorEmail: 'oncall@example.com' } });
    const [queueId] = onlyResource(template, 'AWS::SQS::Queue');
    const [topicId, topic] = onlyResource(template, 'AWS::SNS::Topic');
    expect(render(topic.Properties?.KmsMasterKeyId)).toMatch(/alias\/aws\/sns$/);
    const onQueue = Object.values(template.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'AWS/SQS' } })) as Array<{ Properties: Record<string, unknown> }>;
    expect(onQueue).toHaveLength(1);
    const alarm = onQueue[0]!;
    expect(alarm.Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Period: 60,
      Threshold: 1,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    const dimension = (alarm.Properties.Dimensions as Array<{ Value: unknown }>)[0]!;
    expect(targetOf(dimension.Value)).toBe(queueId);
    expect((alarm.Properties.AlarmActions as unknown[]).map(targetOf)).toEqual([topicId]);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com', TopicArn: { Ref: topicId } });
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(render(outputs.OperatorAlertsTopicArn?.Value)).toBe(`\${${topicId}}`);
  });
});
