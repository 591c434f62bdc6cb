import { App, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVESTIGATION_OUTCOMES } from '../../functions/shared/metric-names.js';
import { SIGNAL_ROUTE_KEY } from '../../lib/monitoring.js';
import { PROVIDER_TYPES } from '../../lib/providers.js';
import { synthCauseway } from './synth.js';
import { onlyResource, render, resourcesOfType, targetOf, type Resource } from './template.js';

interface AlarmProps {
  Namespace?: string;
  MetricName?: string;
  Statistic?: string;
  Period?: number;
  Threshold: number;
  Dimensions?: Array<{ Name: string; Value: unknown }>;
  AlarmActions: unknown[];
  TreatMissingData: string;
  ComparisonOperator: string;
}

const alarmsOf = (template: Template): AlarmProps[] => [...resourcesOfType(template, 'AWS::CloudWatch::Alarm').values()].map((r) => r.Properties as unknown as AlarmProps);
const dimension = (alarm: AlarmProps, name: string) => alarm.Dimensions?.find((d) => d.Name === name)?.Value;
const find = (template: Template, namespace: string, metricName: string) => alarmsOf(template).filter((a) => a.Namespace === namespace && a.MetricName === metricName);

describe('the pipeline watching itself', () => {
  let template: Template;
  let topicId: string;
  let stateMachineId: string;
  let evidenceId: string;
  let functionIds: string[];

  beforeAll(() => {
    ({ template } = synthCauseway({ bundle: false, props: { operatorEmail: 'oncall@example.com' } }));
    [topicId] = onlyResource(template, 'AWS::SNS::Topic');
    [stateMachineId] = [...resourcesOfType(template, 'AWS::StepFunctions::StateMachine')].find(([, r]) => r.Properties?.StateMachineType !== 'EXPRESS')!;
    [evidenceId] = [...resourcesOfType(template, 'AWS::StepFunctions::StateMachine')].find(([, r]) => r.Properties?.StateMachineType === 'EXPRESS')!;
    functionIds = [...resourcesOfType(template, 'AWS::Lambda::Function').keys()];
  });

  it('sends every alarm to the one operator topic, which the stack outputs and the operator’s email subscribes to', () => {
    const alarms = alarmsOf(template);
    expect(alarms.length).toBeGreaterThan(2 * functionIds.length);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions.map(targetOf)).toEqual([topicId]);
      expect(alarm).toMatchObject({ TreatMissingData: 'notBreaching', ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com', TopicArn: { Ref: topicId } });
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(targetOf(outputs.OperatorAlertsTopicArn?.Value)).toBe(topicId);
  });

  it('alarms at the first failed, timed-out or aborted investigation', () => {
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted']) {
      const [alarm, ...others] = find(template, 'AWS/States', metric).filter((a) => targetOf(dimension(a, 'StateMachineArn')) === stateMachineId);
      expect(others).toEqual([]);
      expect(alarm).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1 });
      expect(targetOf(dimension(alarm!, 'StateMachineArn'))).toBe(stateMachineId);
    }
  });

  it('alarms at the first failed or timed-out evidence workflow, which the investigation records but does not fail on', () => {
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
      const watched = find(template, 'AWS/States', metric).map((a) => targetOf(dimension(a, 'StateMachineArn')));
      expect(watched.sort()).toEqual([stateMachineId, evidenceId].sort());
    }
  });

  it('alarms on the errors and the throttles of every Lambda, each on its own function', () => {
    for (const metric of ['Errors', 'Throttles']) {
      const watched = find(template, 'AWS/Lambda', metric).map((a) => targetOf(dimension(a, 'FunctionName')));
      expect(watched.sort()).toEqual([...functionIds].sort());
    }
    expect(new Set(find(template, 'AWS/Lambda', 'Errors').map((a) => a.Threshold))).toEqual(new Set([3]));
    expect(new Set(find(template, 'AWS/Lambda', 'Throttles').map((a) => a.Threshold))).toEqual(new Set([1]));
  });

  it('alarms on the first API 5xx', () => {
    const [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
    const [alarm, ...others] = find(template, 'AWS/ApiGateway', '5xx');
    expect(others).toEqual([]);
    expect(alarm).toMatchObject({ Statistic: 'Sum', Threshold: 1 });
    expect(targetOf(dimension(alarm!, 'ApiId'))).toBe(apiId);
  });

  it('counts 4xx on the signal route from the access logs and alarms on a surge of them', () => {
    const [, filter] = onlyResource(template, 'AWS::Logs::MetricFilter');
    const [logGroupId] = [...resourcesOfType(template, 'AWS::Logs::LogGroup')].find(([id]) => id.startsWith('ApiAccessLogs'))!;
    expect(filter.Properties).toMatchObject({
      LogGroupName: { Ref: logGroupId },
      FilterPattern: `{ ($.routeKey = "${SIGNAL_ROUTE_KEY}") && ($.status = "4*") }`,
      MetricTransformations: [{ MetricNamespace: 'Causeway', MetricName: 'IngestRejected', MetricValue: '1' }],
    });
    expect(find(template, 'Causeway', 'IngestRejected')).toEqual([expect.objectContaining({ Statistic: 'Sum', Period: 300, Threshold: 20 })]);
  });

  it('alarms on an approval that expired undecided and on one that waited over 30 minutes', () => {
    expect(find(template, 'Causeway', 'Approvals')).toEqual([
      expect.objectContaining({ Statistic: 'Sum', Threshold: 1, Dimensions: expect.arrayContaining([{ Name: 'Decision', Value: 'expired' }, { Name: 'service', Value: 'causeway' }]) }),
    ]);
    expect(find(template, 'Causeway', 'ApprovalWait')).toEqual([expect.objectContaining({ Statistic: 'Maximum', Threshold: 30 * 60 + 1, Dimensions: [{ Name: 'service', Value: 'causeway' }] })]);
  });

  it('has no dead-letter queue, nor an alarm on one, unless alarm events are on', () => {
    expect(resourcesOfType(template, 'AWS::SQS::Queue').size).toBe(0);
    expect(alarmsOf(template).filter((a) => a.Namespace === 'AWS/SQS')).toEqual([]);
  });

  it('draws one dashboard of investigations, outcomes, time to RCA, provider errors by backend, model spend, Lambdas, the API and approvals', () => {
    const [, dashboard] = onlyResource(template, 'AWS::CloudWatch::Dashboard');
    const body = JSON.parse(render(dashboard.Properties?.DashboardBody)) as { widgets: Array<{ properties: { title?: string; metrics?: unknown[][]; alarms?: string[] } }> };
    const byTitle = new Map(body.widgets.map((w) => [w.properties.title, w.properties]));
    const series = (title: string) => (byTitle.get(title)?.metrics ?? []).map((m) => m.filter((part) => typeof part === 'string').join(' '));
    expect(series('Investigations started and how the runs ended')).toEqual(
      ['ExecutionsStarted', 'ExecutionsSucceeded', 'ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'].map((m) => `AWS/States ${m} StateMachineArn \${${stateMachineId}}`),
    );
    expect(series('Outcomes')).toEqual(INVESTIGATION_OUTCOMES.map((o) => `Causeway Investigations Outcome ${o} service causeway`));
    expect(series('Time to RCA (signal → diagnosis recorded)')).toEqual(Array(3).fill('Causeway TimeToRca service causeway'));
    const stats = (title: string) => (byTitle.get(title)?.metrics ?? []).map((m) => (m.find((part) => typeof part === 'object') as { stat?: string }).stat);
    expect(stats('Time to RCA (signal → diagnosis recorded)')).toEqual(['p50', 'p90', 'Maximum']);
    expect(series('Provider errors by backend')).toEqual(PROVIDER_TYPES.map((t) => `Causeway ProviderErrors Backend ${t} service causeway`));
    expect(series('LLM tokens and cost').map((s) => s.split(' ')[1])).toEqual(['LlmPromptTokens', 'LlmCompletionTokens', 'LlmCostUsd']);
    expect(series('Lambda errors')).toHaveLength(functionIds.length);
    expect(series('Lambda duration p90')).toHaveLength(functionIds.length);
    expect(series('API requests, 4xx and 5xx').map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(['AWS/ApiGateway Count', 'AWS/ApiGateway 4xx', 'AWS/ApiGateway 5xx', 'Causeway IngestRejected']);
    expect(series('Approvals by decision, and the longest wait')).toEqual([
      'Causeway Approvals Decision approved service causeway',
      'Causeway Approvals Decision rejected service causeway',
      'Causeway Approvals Decision expired service causeway',
      'Causeway ApprovalWait service causeway',
    ]);
    expect(byTitle.get('Alarms')?.alarms).toHaveLength(alarmsOf(template).length);
  });

  it('sends the alarms to the caller’s topic when given one, creating none', () => {
    const pager = sns.Topic.fromTopicArn(new Stack(new App(), 'Elsewhere'), 'Pager', 'arn:aws:sns:eu-west-1:123456789012:pager');
    const { template: given } = synthCauseway({ bundle: false, props: { alarmTopic: pager } });
    expect(resourcesOfType(given, 'AWS::SNS::Topic').size).toBe(0);
    for (const alarm of alarmsOf(given)) expect(alarm.AlarmActions).toEqual(['arn:aws:sns:eu-west-1:123456789012:pager']);
  });

  it('traces every Lambda actively by default, and tells the Tracer when tracing is off', () => {
    const traced = [...resourcesOfType(template, 'AWS::Lambda::Function').values()] as Resource[];
    for (const fn of traced) expect(fn.Properties?.TracingConfig).toEqual({ Mode: 'Active' });
    const { template: untraced } = synthCauseway({ bundle: false, props: { tracing: false } });
    for (const fn of resourcesOfType(untraced, 'AWS::Lambda::Function').values()) {
      expect(fn.Properties?.TracingConfig).toBeUndefined();
      expect((fn.Properties?.Environment as { Variables: Record<string, string> }).Variables.POWERTOOLS_TRACE_ENABLED).toBe('false');
    }
  });
});
