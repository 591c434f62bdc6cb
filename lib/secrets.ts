import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledgeFinding, acknowledgeWildcard, nagArn } from './nag.js';

/** Every secret Causeway reads lives under this name prefix; tenant configs may only reference names under it. */
export const SECRET_NAME_PREFIX = 'causeway/';

/** Tenant secrets live under `causeway/tenants/<tenantId>/`; functions may read only names under this prefix, never the platform key beside it. */
export const TENANT_SECRET_PREFIX = `${SECRET_NAME_PREFIX}tenants/`;

/** The platform key's name, written as a literal into the env so functions see a plain name, not a parsed ARN. */
const PLATFORM_SECRET_NAME = `${SECRET_NAME_PREFIX}platform`;

/** The variable holding the platform secret's name; set only by `grantTenantSecretsAndPlatformKey`. */
const PLATFORM_SECRET_VARIABLE = 'PLATFORM_SECRET_NAME';

/**
 * The platform key (signs approval links, seals stored task tokens) and read access to
 * tenant secrets by name prefix. Tenant secrets are created by operators, not by the
 * stack, so access is granted on the `causeway/tenants/*` name pattern rather than per
 * secret; the platform key is granted by its own ARN, to the functions that sign.
 */
export class CausewaySecrets extends Construct {
  readonly platformSecret: secretsmanager.Secret;
  private readonly tenantSecretsArn: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.platformSecret = new secretsmanager.Secret(this, 'Platform', {
      secretName: PLATFORM_SECRET_NAME,
      description: 'Causeway platform keys (versioned, rotated): sign approval links, CSRF tokens and approver sessions, and encrypt stored task tokens.',
      generateSecretString: {
        secretStringTemplate: '{}',
        generateStringKey: 'key',
        passwordLength: 64,
        excludePunctuation: true,
      },
    });
    this.tenantSecretsArn = Stack.of(this).formatArn({
      service: 'secretsmanager',
      resource: 'secret',
      resourceName: `${TENANT_SECRET_PREFIX}*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /**
   * Rotates the platform secret on a schedule with Secrets Manager's four-step protocol
   * (`functions/rotate-platform-key/`): each rotation adds a key version and keeps the older
   * ones until everything issued under them has expired, so links and sealed tokens issued
   * before a rotation still verify. The schedule grants the function exactly the secret.
   */
  rotatePlatformKey(rotationLambda: lambda.IFunction, every = Duration.days(30)): void {
    this.platformSecret.addRotationSchedule('Rotation', { rotationLambda, automaticallyAfter: every });
    acknowledgeWildcard(
      rotationLambda.role,
      '*',
      'secretsmanager:GetRandomPassword, which the rotation schedule grants, has no resource type; every other permission of the function names the platform secret.',
    );
  }

  /**
   * Tenant secrets only. A tenant's config names the secret a provider reads and then
   * sends to a backend URL the tenant also chose; so besides lying outside the tenant
   * prefix, the platform key is explicitly denied to these functions.
   */
  grantTenantSecrets(fn: lambda.Function): void {
    this.allowTenantSecrets(fn);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: ['secretsmanager:GetSecretValue'],
        resources: [this.platformSecret.secretArn],
      }),
    );
  }

  /** Tenant secrets and the platform key, for the functions that sign links or seal task tokens. */
  grantTenantSecretsAndPlatformKey(fn: lambda.Function): void {
    this.allowTenantSecrets(fn);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.platformSecret.secretArn] }));
    fn.addEnvironment(PLATFORM_SECRET_VARIABLE, PLATFORM_SECRET_NAME);
  }

  private allowTenantSecrets(fn: lambda.Function): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [this.tenantSecretsArn],
      }),
    );
    acknowledgeWildcard(
      fn.role,
      nagArn({ service: 'secretsmanager', resource: 'secret', separator: ':', resourceName: `${TENANT_SECRET_PREFIX}*` }),
      'Tenant secrets are created per tenant by operators after deployment (names and random ARN suffixes unknown at synth); the grant is held to the causeway/tenants/ prefix, and each read is checked at run time against the tenant\'s own causeway/tenants/<tenantId>/ prefix.',
    );
  }
}
