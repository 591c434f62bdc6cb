import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { SELF_HOSTED_PROVIDERS, type CausewayProps } from '../../lib/causeway-props.js';
import { Causeway } from '../../lib/causeway.js';
import { PROVIDER_TYPES } from '../../lib/providers.js';
import { fnFor, functionsByService, permissions, resourcesOfType, type FoundFunction } from './template.js';

/*
 * The construct as a user places it: in their own stack, under their own id, with props.
 * Bundling is skipped (test/infra/stack.test.ts bundles for real).
 */

interface Placed {
  readonly stack: Stack;
  readonly causeway: Causeway;
  readonly template: Template;
}

function place(props?: CausewayProps, withVpc?: (stack: Stack) => CausewayProps): Placed {
  process.env.CDK_VALIDATION = 'false';
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Users');
  const causeway = new Causeway(stack, 'Rca', { ...props, ...withVpc?.(stack) });
  return { stack, causeway, template: Template.fromStack(stack) };
}

const vpcIn = (stack: Stack) => new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });
const vpcConfig = (fn: FoundFunction) => (fn.props as unknown as { VpcConfig?: { SubnetIds: unknown[]; SecurityGroupIds: unknown[] } }).VpcConfig;
const memoryOf = (fn: FoundFunction) => (fn.props as unknown as { MemorySize: number }).MemorySize;

describe('the Causeway construct in a user’s stack', () => {
  let defaults: Placed;

  beforeAll(() => {
    defaults = place();
  });

  it('makes the outputs the CLI finds a deployment by, under their own names whatever the construct id', () => {
    expect(Object.keys(defaults.template.toJSON().Outputs as object).sort()).toEqual(['ApiUrl', 'OperatorAlertsTopicArn', 'StateMachineArn', 'TableName']);
  });

  it('defaults to no VPC, 512 MB (Score 1024), providers at 50 s, a month of logs, a retained table and a traced state machine', () => {
    const functions = functionsByService(defaults.template);
    for (const [service, fn] of functions) {
      expect({ service, vpc: vpcConfig(fn) }).toEqual({ service, vpc: undefined });
      expect({ service, memory: memoryOf(fn) }).toEqual({ service, memory: service === 'score' ? 1024 : 512 });
    }
    for (const type of PROVIDER_TYPES) expect(fnFor(functions, `providers-${type}`).props.Timeout).toBe(50);
    expect(fnFor(functions, 'reason').props.Timeout).toBe(100);
    for (const group of resourcesOfType(defaults.template, 'AWS::Logs::LogGroup').values()) expect(group.Properties?.RetentionInDays).toBe(30);
    const [table] = [...resourcesOfType(defaults.template, 'AWS::DynamoDB::GlobalTable').values()];
    expect(table?.DeletionPolicy).toBe('Retain');
    defaults.template.hasResourceProperties('AWS::StepFunctions::StateMachine', { TracingConfiguration: { Enabled: true } });
    expect(fnFor(functions, 'load-tenant').props.Environment.Variables.DEFAULT_REFERENCE).toBeUndefined();
    expect(defaults.causeway.tracing).toBe(true);
    expect(defaults.causeway.alarmTopic).toBe(defaults.causeway.monitoring.alarmTopic);
    expect(defaults.causeway.providerSecurityGroup).toBeUndefined();
  });

  it('exposes every function by service name, for alarms and dashboards', () => {
    expect([...defaults.causeway.functions.keys()].sort()).toEqual([...functionsByService(defaults.template).keys()].sort());
  });

  it('puts the self-hosted providers in the VPC’s private subnets behind one security group with no inbound rule, and no other function', () => {
    const { template, causeway } = place({}, (stack) => ({ network: { vpc: vpcIn(stack) } }));
    const functions = functionsByService(template);
    const securityGroups = [...resourcesOfType(template, 'AWS::EC2::SecurityGroup')];
    expect(securityGroups).toHaveLength(1);
    const [groupId, group] = securityGroups[0]!;
    expect(group.Properties?.SecurityGroupIngress).toBeUndefined();
    expect(group.Properties?.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: '-1' })]);
    expect(causeway.providerSecurityGroup).toBeDefined();
    for (const [service, fn] of functions) {
      const inVpc = SELF_HOSTED_PROVIDERS.some((type) => service === `providers-${type}`);
      const config = vpcConfig(fn);
      expect({ service, inVpc: config !== undefined }).toEqual({ service, inVpc });
      if (config) {
        expect(config.SecurityGroupIds).toEqual([{ 'Fn::GetAtt': [groupId, 'GroupId'] }]);
        expect(JSON.stringify(config.SubnetIds)).toMatch(/PrivateSubnet/);
        const granted = permissions(template).filter((p) => p.roleId === fn.roleId).map((p) => p.action);
        expect(granted).toEqual(expect.arrayContaining(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces']));
      }
    }
  });

  it('takes the user’s subnets, security groups and choice of providers', () => {
    const { template } = place({}, (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        maxAzs: 2,
        restrictDefaultSecurityGroup: false,
        subnetConfiguration: [
          { name: 'Edge', subnetType: ec2.SubnetType.PUBLIC },
          { name: 'Backends', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });
      return { network: { vpc, subnets: { subnetGroupName: 'Backends' }, securityGroups: [new ec2.SecurityGroup(stack, 'Mine', { vpc })], providers: ['prometheus'] } };
    });
    const functions = functionsByService(template);
    expect([...functions].filter(([, fn]) => vpcConfig(fn)).map(([service]) => service)).toEqual(['providers-prometheus']);
    expect(JSON.stringify(vpcConfig(fnFor(functions, 'providers-prometheus'))?.SecurityGroupIds)).toMatch(/Mine/);
    expect(JSON.stringify(vpcConfig(fnFor(functions, 'providers-prometheus'))?.SubnetIds)).toMatch(/BackendsSubnet/);
    expect(() => place({}, (stack) => ({ network: { vpc: vpcIn(stack), providers: ['prometheus', 'nagios' as never] } }))).toThrow(/network.providers: unknown provider nagios/);
  });

  it('passes cdk-nag with the providers in a VPC, the network-interface wildcard acknowledged with its reason', () => {
    const { stack } = place({}, (s) => ({ network: { vpc: vpcIn(s) } }));
    const report = new AwsSolutionsChecks().validateScope(stack.node.root);
    const findings = report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`)).filter((f) => !f.includes('/Vpc/'));
    expect(findings).toEqual([]);
  });

  it('applies memory, timeouts, log retention, removal policy, reference offsets and tracing', () => {
    const topic = (stack: Stack) => ({ alarmTopic: new sns.Topic(stack, 'Pager') });
    const { template, causeway } = place(
      {
        memory: { default: 256, score: 2048 },
        timeouts: { providers: Duration.seconds(40), reason: Duration.seconds(110) },
        logRetention: logs.RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.DESTROY,
        referenceOffsets: ['12h', '7d'],
        tracing: false,
      },
      topic,
    );
    const functions = functionsByService(template);
    expect(memoryOf(fnFor(functions, 'ingest'))).toBe(256);
    expect(memoryOf(fnFor(functions, 'score'))).toBe(2048);
    expect(fnFor(functions, 'providers-loki').props.Timeout).toBe(40);
    expect(fnFor(functions, 'reason').props.Timeout).toBe(110);
    for (const group of resourcesOfType(template, 'AWS::Logs::LogGroup').values()) expect(group.Properties?.RetentionInDays).toBe(90);
    expect([...resourcesOfType(template, 'AWS::DynamoDB::GlobalTable').values()][0]?.DeletionPolicy).toBe('Delete');
    expect(JSON.parse(fnFor(functions, 'load-tenant').props.Environment.Variables.DEFAULT_REFERENCE as string)).toEqual({ enabled: true, offsets: ['12h', '7d'] });
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { TracingConfiguration: { Enabled: false } });
    expect(causeway.tracing).toBe(false);
    expect(causeway.alarmTopic).toBeDefined();
  });

  it('refuses, at synth and naming the prop, settings the pipeline cannot run with', () => {
    expect(() => place({ memory: { default: 64 } })).toThrow('memory.default: 64 MB; Lambda takes a whole number of MB from 128 to 10240');
    expect(() => place({ memory: { score: 1500.5 } })).toThrow(/memory.score: 1500.5 MB/);
    expect(() => place({ timeouts: { providers: Duration.seconds(60) } })).toThrow(/timeouts.providers: 60 s; .*below the QueryProvider state's TimeoutSeconds \(60 s\)/);
    expect(() => place({ timeouts: { reason: Duration.minutes(5) } })).toThrow(/timeouts.reason: 300 s; .*Reason state's TimeoutSeconds \(120 s\)/);
    expect(() => place({ referenceOffsets: ['1h'] })).toThrow(/referenceOffsets: .*at least 6h/);
    expect(() => place({ referenceOffsets: ['24h', '1d'] })).toThrow(/referenceOffsets: .*differ/);
  });
});
