import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HANDLER_AUTHENTICATION } from '../../lib/api.js';
import { addSecurityChecks } from '../../lib/security-checks.js';
import { synthCauseway, type Synthesized } from './synth.js';

/** Every option that adds resources or permissions: alarm events with their DLQ, and every remediation action. */
const EVERYTHING = {
  alarmTenant: 'acme',
  operatorEmail: 'oncall@example.com',
  remediationActions: ['rollback', 'restart', 'scale_out', 'revert_config', 'disable_flag', 'runbook'],
  remediationParameterPath: '/shop/',
  runbookDocuments: ['Acme-RecycleHosts'],
};

/** The rules an acknowledgment may name, each for a reason that cannot be fixed in the stack (see README, Security). */
const ACKNOWLEDGEABLE = new Set(['AwsSolutions-IAM5', 'AwsSolutions-APIG4', 'AwsSolutions-SMG4', 'AwsSolutions-SQS3']);

interface Acknowledgment {
  path: string;
  id: string;
  reason: string;
}

function findings(synthesized: Synthesized): string[] {
  const app = synthesized.stack.node.root;
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`));
}

function acknowledgments(root: IConstruct): Acknowledgment[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason }))),
  );
}

describe('cdk-nag AwsSolutions', () => {
  let plain: Synthesized;
  let everything: Synthesized;

  beforeAll(() => {
    plain = synthCauseway({ bundle: false });
    everything = synthCauseway({ bundle: false, props: EVERYTHING });
  });

  it('finds nothing unacknowledged in the default stack', () => {
    expect(findings(plain)).toEqual([]);
  });

  it('finds nothing unacknowledged with alarm events and every remediation action enabled', () => {
    expect(findings(everything)).toEqual([]);
  });

  it('acknowledges only single findings on the construct that has them, never a whole rule on the stack, each with its reason', () => {
    const all = acknowledgments(everything.stack);
    expect(all.length).toBeGreaterThan(0);
    for (const { path, id, reason } of all) {
      expect({ path, rule: ACKNOWLEDGEABLE.has(id.replace(/\[.*$/, '')) }).toEqual({ path, rule: true });
      expect({ path, id, depth: path.split('/').length > 2 }).toEqual({ path, id, depth: true });
      if (id.startsWith('AwsSolutions-IAM5')) expect(id).toMatch(/^AwsSolutions-IAM5\[Resource::.+\]$/);
      expect({ path, id, reasoned: reason.length >= 40 }).toEqual({ path, id, reasoned: true });
    }
  });

  it('keeps Resource "*" only for actions without resource-level permissions: Step Functions logging and tracing, provider reads, and the random password a key rotation draws', () => {
    const anywhere = acknowledgments(everything.stack).filter((a) => a.id === 'AwsSolutions-IAM5[Resource::*]' && !/X-Ray PutTraceSegments and PutTelemetryRecords/.test(a.reason));
    expect(anywhere.map((a) => a.path).sort()).toEqual(
      [
        'Causeway/Default/Investigation/StateMachine/Role',
        'Causeway/Default/Investigation/Evidence/Role',
        'Causeway/Default/ProvidersAwsHealth/Role',
        'Causeway/Default/ProvidersCloudtrail/Role',
        'Causeway/Default/ProvidersCloudwatchLogs/Role',
        'Causeway/Default/ProvidersCloudwatchMetrics/Role',
        'Causeway/Default/ProvidersEcs/Role',
        'Causeway/Default/ProvidersLambda/Role',
        'Causeway/Default/ProvidersXray/Role',
        'Causeway/Default/RotatePlatformKey/Role',
      ].sort(),
    );
  });

  it('gives every Lambda role the X-Ray write on "*" that active tracing needs, and none when tracing is off', () => {
    const tracingRoles = (synthesized: Synthesized) =>
      acknowledgments(synthesized.stack)
        .filter((a) => a.id === 'AwsSolutions-IAM5[Resource::*]' && /X-Ray PutTraceSegments and PutTelemetryRecords/.test(a.reason))
        .map((a) => a.path)
        .sort();
    const functionRoles = plain.stack.node
      .findAll()
      .filter((c) => c.node.id === 'Function' && c.node.scope?.node.tryFindChild('Role'))
      .map((c) => `${c.node.scope!.node.path}/Role`)
      .sort();
    expect(functionRoles.length).toBeGreaterThan(30);
    expect(tracingRoles(plain)).toEqual(functionRoles);
    const untraced = synthCauseway({ bundle: false, props: { tracing: false } });
    expect(tracingRoles(untraced)).toEqual([]);
    expect(findings(untraced)).toEqual([]);
  });

  it('lets routes go without an API Gateway authorizer only where the handler authenticates, naming how', () => {
    const routes = acknowledgments(plain.stack).filter((a) => a.id === 'AwsSolutions-APIG4');
    expect(routes).toHaveLength(15);
    for (const route of routes) expect(Object.values(HANDLER_AUTHENTICATION)).toContain(route.reason);
  });

  it('stops `cdk synth` through the validation plugin when a finding is neither fixed nor acknowledged', () => {
    const app = new App();
    const stack = new Stack(app, 'Careless');
    new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }).addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    addSecurityChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5\[Resource::\*\]/);
  });
});
