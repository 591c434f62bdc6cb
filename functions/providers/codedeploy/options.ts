import { z } from 'zod';
import { AwsAccessOptions } from '../../shared/aws-client.js';

/*
 * What a tenant configures for AWS CodeDeploy: the application and deployment group of
 * each service; a service not listed is read as an application of the same name.
 */

const Name = z.string().regex(/^[\w.+=,@-]{1,100}$/, 'a CodeDeploy application or deployment group name');

export const CodeDeployOptions = z.object({
  /** Service → `{ "application": "orders-app", "deploymentGroup": "prod" }`; without a group, every group of the application. */
  services: z.record(z.string(), z.object({ application: Name, deploymentGroup: Name.optional() })).default({}),
  /** For services not listed: the deployment group to read of an application named like the service. */
  deploymentGroup: Name.optional(),
  ...AwsAccessOptions,
});
export type CodeDeployOptions = z.infer<typeof CodeDeployOptions>;
