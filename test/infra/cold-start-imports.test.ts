import { describe, expect, it } from 'vitest';
import { bundleLambda } from '../../bench/lambda-bundles.js';

/** The SDK packages a bundle imports statically, i.e. loads at cold start, before any handler runs. */
async function staticSdkImports(folder: string): Promise<string[]> {
  const text = Buffer.from(await bundleLambda(folder)).toString('utf8');
  return [...new Set([...text.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{},\s]+from\s*)?"(@aws-sdk\/[^"]+)"/g)].map((match) => match[1]!))].sort();
}

/*
 * Cold start (issue 16): SDK packages that some paths of a function never call are imported on
 * first use, so those paths never load them. A static import added back would load them in
 * every cold start again; bench/module-load.ts measures what that costs.
 */
describe('SDK packages loaded at cold start', () => {
  it('remediate loads none of the four remediation SDKs nor STS until an action needs one', async () => {
    const imports = await staticSdkImports('remediate');
    for (const sdk of ['@aws-sdk/client-ecs', '@aws-sdk/client-lambda', '@aws-sdk/client-ssm', '@aws-sdk/client-appconfig', '@aws-sdk/client-sts']) expect(imports).not.toContain(sdk);
    expect(imports).toContain('@aws-sdk/client-dynamodb');
  });

  it('an HTTP provider loads only DynamoDB, where it stores its result: Secrets Manager waits for the first secret it reads', async () => {
    expect(await staticSdkImports('providers/prometheus')).toEqual(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']);
  });

  it('an AWS provider loads its own SDK but not STS, which only a backend with a roleArn needs', async () => {
    const imports = await staticSdkImports('providers/cloudwatch-metrics');
    expect(imports).toContain('@aws-sdk/client-cloudwatch');
    expect(imports).not.toContain('@aws-sdk/client-sts');
  });

  it('ingest and approval load Step Functions only to start or decide', async () => {
    expect(await staticSdkImports('ingest')).not.toContain('@aws-sdk/client-sfn');
    expect(await staticSdkImports('approval')).not.toContain('@aws-sdk/client-sfn');
  });
});
