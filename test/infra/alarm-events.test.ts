import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthCauseway } from './synth.js';

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
          RetryPolicy: { MaximumRetryAttempts: 8 },
        }),
      ],
    });
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).map((r) => (r as { Properties: { Principal: string; SourceArn?: unknown } }).Properties);
    const fromEvents = permissions.filter((p) => p.Principal === 'events.amazonaws.com');
    expect(fromEvents).toHaveLength(1);
    expect(fromEvents[0]!.SourceArn).toBeDefined();
  });
});
