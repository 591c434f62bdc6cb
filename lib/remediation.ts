import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { REMEDIATION_IAM, type IamScope } from '../functions/policy/catalog-iam.js';
import { acknowledgeWildcard, nagArn } from './nag.js';

/** Every action kind the catalog knows; a deployment enables a subset. */
export const REMEDIATION_KINDS = Object.keys(REMEDIATION_IAM) as (keyof typeof REMEDIATION_IAM)[];
export type RemediationKindName = (typeof REMEDIATION_KINDS)[number];

/** The tag a resource must carry before Causeway may change it, where AWS evaluates resource tags. */
export const MANAGED_TAG = { key: 'causeway:managed', value: 'true' };

export interface RemediationGrantOptions {
  /** The catalog actions this deployment may run; each brings only its own permissions. */
  readonly actions: readonly string[];
  /** revert_config may read and put parameters under this path only (`/` for all). */
  readonly parameterPath: string;
  /** runbook may start these SSM Automation documents only; required when runbook is enabled. */
  readonly runbookDocuments: readonly string[];
}

/** A resource ARN as the template holds it and as cdk-nag names it in a finding. */
interface GrantedResource {
  readonly arn: string;
  readonly nag: string;
}

function resourcesFor(stack: Stack, scope: IamScope, options: RemediationGrantOptions): GrantedResource[] {
  const arn = (service: string, resource: string, resourceName: string, arnFormat = ArnFormat.SLASH_RESOURCE_NAME): GrantedResource => ({
    arn: stack.formatArn({ service, resource, resourceName, arnFormat }),
    nag: nagArn({ service, resource, resourceName, separator: arnFormat === ArnFormat.COLON_RESOURCE_NAME ? ':' : '/' }),
  });
  const path = options.parameterPath.replace(/^\/+|\/+$/g, '');
  switch (scope) {
    case 'ecs-service':
      return [arn('ecs', 'service', '*/*')];
    case 'ecs-service-deployment':
      return [arn('ecs', 'service-deployment', '*/*/*')];
    case 'ecs-service-revision':
      return [arn('ecs', 'service-revision', '*/*/*')];
    case 'lambda-function':
      return [arn('lambda', 'function', '*', ArnFormat.COLON_RESOURCE_NAME)];
    case 'ssm-parameter':
      return [arn('ssm', 'parameter', path ? `${path}/*` : '*')];
    case 'appconfig':
      return [arn('appconfig', 'application', '*'), arn('appconfig', 'deploymentstrategy', '*')];
    case 'ssm-runbook':
      return [
        ...options.runbookDocuments.flatMap((doc) => [arn('ssm', 'document', doc), arn('ssm', 'automation-definition', `${doc}:*`)]),
        arn('ssm', 'automation-execution', '*'),
      ];
  }
}

/** Why a remediation grant keeps a wildcard, written beside its acknowledgment. */
function wildcardReason(need: { actions: Set<string>; scope: IamScope; taggedOnly: boolean }): string {
  const actions = [...need.actions].sort().join(', ');
  if (need.taggedOnly) return `${actions} change the service or function an approved action names at run time; AWS evaluates aws:ResourceTag for them, so only resources tagged ${MANAGED_TAG.key}=${MANAGED_TAG.value} can be changed.`;
  switch (need.scope) {
    case 'ssm-parameter':
      return `${actions} reach only parameters under the configured remediationParameterPath, named by the tenant's change at run time.`;
    case 'ssm-runbook':
      return `${actions} start only the named runbook documents; their versions and the executions they create have ids known only at run time.`;
    case 'appconfig':
      return `${actions} roll back the AppConfig application a tenant's change names at run time; AppConfig deployments are addressed by application and strategy.`;
    default:
      return `${actions} read the ${need.scope} an approved action names at run time, before changing it; read-only.`;
  }
}

/**
 * Grants the Remediate Lambda the permissions of the enabled catalog actions and nothing
 * else: reads scoped to the resource type, writes to resources tagged
 * `causeway:managed=true` where the service evaluates `aws:ResourceTag` (ECS services,
 * Lambda functions), parameters to a path, runbooks to the named documents.
 */
export function grantRemediation(fn: lambda.Function, options: RemediationGrantOptions): void {
  const unknown = options.actions.filter((a) => !(REMEDIATION_KINDS as string[]).includes(a));
  if (unknown.length > 0) throw new Error(`remediationActions: unknown action ${unknown.join(', ')}; the catalog has ${REMEDIATION_KINDS.join(', ')}`);
  if (options.actions.includes('runbook') && options.runbookDocuments.length === 0) throw new Error('remediationActions includes runbook: name the allowed documents in runbookDocuments');
  const stack = Stack.of(fn);
  const needs = new Map<string, { actions: Set<string>; scope: IamScope; taggedOnly: boolean }>();
  for (const kind of options.actions as RemediationKindName[]) {
    for (const need of REMEDIATION_IAM[kind]) {
      const key = `${need.scope}:${need.taggedOnly}`;
      const entry = needs.get(key) ?? { actions: new Set<string>(), scope: need.scope, taggedOnly: need.taggedOnly };
      for (const action of need.actions) entry.actions.add(action);
      needs.set(key, entry);
    }
  }
  const wildcards = new Map<string, string[]>();
  for (const need of needs.values()) {
    const resources = resourcesFor(stack, need.scope, options);
    for (const resource of resources.filter((r) => r.nag.includes('*'))) wildcards.set(resource.nag, [...(wildcards.get(resource.nag) ?? []), wildcardReason(need)]);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [...need.actions].sort(),
        resources: resources.map((r) => r.arn),
        ...(need.taggedOnly ? { conditions: { StringEquals: { [`aws:ResourceTag/${MANAGED_TAG.key}`]: MANAGED_TAG.value } } } : {}),
      }),
    );
  }
  for (const [resource, reasons] of wildcards) acknowledgeWildcard(fn.role, resource, reasons.join(' '));
}

/** `a,b` or `["a","b"]` from a context value or prop. */
export function listSetting(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  return undefined;
}
