import { AppConfigClient } from '@aws-sdk/client-appconfig';
import { ECSClient } from '@aws-sdk/client-ecs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SSMClient } from '@aws-sdk/client-ssm';

/** Created once per container with the Remediate Lambda's own role: the CDK grants it only the enabled actions. */
export const ecs = new ECSClient({});
export const lambda = new LambdaClient({});
export const ssm = new SSMClient({});
export const appConfig = new AppConfigClient({});
