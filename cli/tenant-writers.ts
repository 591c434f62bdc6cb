import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateSecretCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../functions/shared/table.js';
import type { LocalStack } from '../local/stack.js';
import { putTenant } from '../local/tenants.js';
import type { TenantWriter } from './tenant-file.js';

/** Writes into the local stack's table and secret store. */
export function localWriter(stack: LocalStack, where: string): TenantWriter {
  return {
    where,
    putConfig: async (config) => void (await putTenant(stack, config)),
    putSecret: async (name, value) => {
      const existed = stack.secrets.get(name) !== undefined;
      stack.secrets.put(name, value);
      return existed ? 'updated' : 'created';
    },
  };
}

export interface AwsClients {
  cloudformation: CloudFormationClient;
  dynamodb: DynamoDBDocumentClient;
  secrets: SecretsManagerClient;
}

export function awsClients(region?: string): AwsClients {
  return {
    cloudformation: new CloudFormationClient({ region }),
    dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ region }), { marshallOptions: { removeUndefinedValues: true } }),
    secrets: new SecretsManagerClient({ region }),
  };
}

/** Writes into a deployed stack: the table named by its `TableName` output, secrets in Secrets Manager. */
export async function awsWriter(stackName: string, clients: AwsClients): Promise<TenantWriter> {
  const described = await clients.cloudformation.send(new DescribeStacksCommand({ StackName: stackName }));
  const tableName = described.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'TableName')?.OutputValue;
  if (!tableName) throw new Error(`stack ${stackName} has no TableName output; is it a Causeway stack?`);
  return {
    where: `table ${tableName} (stack ${stackName})`,
    putConfig: async (config) => {
      await clients.dynamodb.send(new PutCommand({ TableName: tableName, Item: { ...keys.tenantConfig(config.tenantId), config } }));
    },
    putSecret: async (name, value) => {
      try {
        await clients.secrets.send(new PutSecretValueCommand({ SecretId: name, SecretString: value }));
        return 'updated';
      } catch (error) {
        if ((error as Error).name !== 'ResourceNotFoundException') throw error;
        await clients.secrets.send(new CreateSecretCommand({ Name: name, SecretString: value, Description: 'Causeway tenant secret' }));
        return 'created';
      }
    },
  };
}
