import { beforeAll, describe, expect, it } from 'vitest';
import { REMEDIATION_IAM } from '../../functions/policy/catalog-iam.js';
import { RemediationKind } from '../../functions/contracts/index.js';
import { REMEDIATION_KINDS } from '../../lib/remediation.js';
import { synthCauseway } from './synth.js';
import { fnFor, functionsByService, render, resourcesOfType, type Resource } from './template.js';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string>>;
}

const REMEDIATION_SERVICES = /^(ecs|lambda|ssm|appconfig):/;

/** The remediate role's statements that touch the services actions change, with readable resources. */
function remediationStatements(props: Parameters<typeof synthCauseway>[0]['props']) {
  const { template } = synthCauseway({ bundle: false, props });
  const roleId = fnFor(functionsByService(template), 'remediate').roleId;
  const statements: Array<{ actions: string[]; resources: string[]; condition?: Statement['Condition'] }> = [];
  for (const policy of resourcesOfType(template, 'AWS::IAM::Policy').values() as Iterable<Resource>) {
    const p = policy.Properties as { Roles: Array<{ Ref: string }>; PolicyDocument: { Statement: Statement[] } };
    if (!p.Roles.some((r) => r.Ref === roleId)) continue;
    for (const s of p.PolicyDocument.Statement) {
      const actions = [s.Action].flat();
      if (!actions.some((a) => REMEDIATION_SERVICES.test(a))) continue;
      statements.push({ actions, resources: [s.Resource].flat().map(render), ...(s.Condition ? { condition: s.Condition } : {}) });
    }
  }
  return statements;
}

const TAGGED = { StringEquals: { 'aws:ResourceTag/causeway:managed': 'true' } };

describe('the Remediate Lambda’s permissions', () => {
  let enabled: ReturnType<typeof remediationStatements>;

  beforeAll(() => {
    enabled = remediationStatements({ remediationActions: ['rollback', 'restart', 'scale_out', 'revert_config', 'runbook'], remediationParameterPath: '/shop/', runbookDocuments: ['Acme-RecycleHosts'] });
  });

  it('knows every action the policy can propose', () => {
    expect(new Set(REMEDIATION_KINDS)).toEqual(new Set(RemediationKind.options));
  });

  it('grants nothing in AWS unless the deployment enables actions', () => {
    expect(remediationStatements({})).toEqual([]);
    expect(remediationStatements({ remediationActions: ['disable_flag'] })).toEqual([]);
  });

  it('grants exactly the catalog’s actions for the enabled kinds, and no wildcard resource', () => {
    const granted = new Set(enabled.flatMap((s) => s.actions));
    const expected = new Set(['rollback', 'restart', 'scale_out', 'revert_config', 'runbook'].flatMap((k) => REMEDIATION_IAM[k as keyof typeof REMEDIATION_IAM].flatMap((n) => n.actions)));
    expect(granted).toEqual(expected);
    for (const s of enabled) for (const r of s.resources) expect(r).not.toBe('*');
    const restartOnly = new Set(remediationStatements({ remediationActions: ['restart'] }).flatMap((s) => s.actions));
    expect(restartOnly).toEqual(new Set(['ecs:DescribeServices', 'ecs:UpdateService']));
  });

  it('changes ECS services and Lambda aliases only on resources tagged causeway:managed=true', () => {
    for (const write of ['ecs:UpdateService', 'lambda:UpdateAlias']) {
      const statements = enabled.filter((s) => s.actions.includes(write));
      expect(statements).toHaveLength(1);
      expect(statements[0]?.condition).toEqual(TAGGED);
    }
    const updateService = enabled.find((s) => s.actions.includes('ecs:UpdateService'))!;
    expect(updateService.resources).toEqual(['arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:service/*/*']);
    expect(updateService.actions).toEqual(['ecs:UpdateService']);
  });

  it('puts parameters under the configured path only, and starts only the named runbooks', () => {
    const put = enabled.find((s) => s.actions.includes('ssm:PutParameter'))!;
    expect(put.resources).toEqual(['arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/shop/*']);
    const start = enabled.find((s) => s.actions.includes('ssm:StartAutomationExecution'))!;
    expect(new Set(start.resources)).toEqual(new Set([
      'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:document/Acme-RecycleHosts',
      'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:automation-definition/Acme-RecycleHosts:*',
      'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:automation-execution/*',
    ]));
  });

  it('refuses an unknown action, and a runbook without documents, at synth time', () => {
    expect(() => remediationStatements({ remediationActions: ['reboot_everything'] })).toThrow(/unknown action reboot_everything/);
    expect(() => remediationStatements({ remediationActions: ['runbook'] })).toThrow(/runbookDocuments/);
  });
});
