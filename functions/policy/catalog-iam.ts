/**
 * The AWS permissions each catalogued action needs, stated beside the catalog so the
 * CDK stack grants exactly these (lib/remediation.ts) and the docs table is written from
 * them. Actions on Kubernetes, Argo CD and the flag API need no AWS permission: they use
 * the tenant's own token from its secret. Pure data: lib/ imports it, nothing here imports lib/.
 */

/** The resource an IAM action is scoped to; lib/remediation.ts turns each into ARNs. */
export type IamScope = 'ecs-service' | 'ecs-service-deployment' | 'ecs-service-revision' | 'lambda-function' | 'ssm-parameter' | 'appconfig' | 'ssm-runbook';

export interface IamNeed {
  actions: string[];
  scope: IamScope;
  /** Only on resources tagged `causeway:managed=true` (aws:ResourceTag), where the service evaluates it for these actions. */
  taggedOnly: boolean;
}

const ECS_READ: IamNeed = { actions: ['ecs:DescribeServices'], scope: 'ecs-service', taggedOnly: false };
const ECS_WRITE: IamNeed = { actions: ['ecs:UpdateService'], scope: 'ecs-service', taggedOnly: true };

export const REMEDIATION_IAM: Record<'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'runbook', IamNeed[]> = {
  rollback: [
    ECS_READ,
    { actions: ['ecs:ListServiceDeployments'], scope: 'ecs-service', taggedOnly: false },
    { actions: ['ecs:DescribeServiceDeployments'], scope: 'ecs-service-deployment', taggedOnly: false },
    { actions: ['ecs:DescribeServiceRevisions'], scope: 'ecs-service-revision', taggedOnly: false },
    ECS_WRITE,
    { actions: ['lambda:GetAlias', 'lambda:ListVersionsByFunction'], scope: 'lambda-function', taggedOnly: false },
    { actions: ['lambda:UpdateAlias'], scope: 'lambda-function', taggedOnly: true },
  ],
  restart: [ECS_READ, ECS_WRITE],
  scale_out: [ECS_READ, ECS_WRITE],
  revert_config: [
    { actions: ['ssm:GetParameterHistory', 'ssm:PutParameter'], scope: 'ssm-parameter', taggedOnly: false },
    { actions: ['appconfig:ListDeployments', 'appconfig:GetDeployment', 'appconfig:StartDeployment'], scope: 'appconfig', taggedOnly: false },
  ],
  disable_flag: [],
  runbook: [{ actions: ['ssm:DescribeDocument', 'ssm:StartAutomationExecution'], scope: 'ssm-runbook', taggedOnly: false }],
};
