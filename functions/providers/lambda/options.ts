import { z } from 'zod';
import { AwsAccessOptions } from '../../shared/aws-client.js';

/*
 * What a tenant configures for AWS Lambda: each service's function and the alias that
 * serves its traffic (LoadTenant fills this from the service catalog's `lambda`; what is set here wins).
 */

const FunctionName = z.string().regex(/^[a-zA-Z0-9-_]{1,64}$/, 'a Lambda function name');

export const LambdaOptions = z.object({
  /** Service → `{ "functionName": "orders-fn", "alias": "live" }`. A service not listed is a function of the same name. */
  services: z.record(z.string(), z.object({ functionName: FunctionName, alias: z.string().regex(/^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/, 'a Lambda alias name').optional() })).default({}),
  ...AwsAccessOptions,
});
export type LambdaOptions = z.infer<typeof LambdaOptions>;
