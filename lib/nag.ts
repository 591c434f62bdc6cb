import { Validations, type App } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Runs cdk-nag's AWS Solutions rules on every synth (`cdk synth`, `cdk deploy`): a finding
 * that is neither fixed nor acknowledged with its reason stops the synth.
 */
export function addSecurityChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * A resource ARN as cdk-nag writes it in a finding id: the stack's partition, region and
 * account appear as `<AWS::Partition>`, `<AWS::Region>` and `<AWS::AccountId>`; an empty
 * or literal region or account is kept as given.
 */
export function nagArn(parts: { service: string; resource: string; resourceName: string; separator: ':' | '/'; region?: string; account?: string }): string {
  const region = parts.region ?? '<AWS::Region>';
  const account = parts.account ?? '<AWS::AccountId>';
  return `arn:<AWS::Partition>:${parts.service}:${region}:${account}:${parts.resource}${parts.separator}${parts.resourceName}`;
}

/**
 * Acknowledges exactly one wildcard resource (AwsSolutions-IAM5) on one role, with the
 * reason it cannot be narrowed. Every other finding on the role still stops the synth.
 */
export function acknowledgeWildcard(role: iam.IRole | undefined, resource: string, reason: string): void {
  if (!role) throw new Error(`no role to acknowledge the wildcard ${resource} on`);
  Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
}

/** Acknowledges one whole-resource finding (e.g. `AwsSolutions-APIG4`) on one construct, with its reason. */
export function acknowledgeFinding(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}
