import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateSecretCommand, PutSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { putTenantFile, readTenantFile } from '../../../cli/tenant-file.js';
import { awsWriter } from '../../../cli/tenant-writers.js';

const dir = mkdtempSync(join(tmpdir(), 'causeway-tenant-'));
function file(content: unknown): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(content));
  return path;
}
const valid = {
  tenant: { tenantId: 'acme', webhookSecretRef: 'causeway/tenants/acme/webhooks', enabledSources: ['alertmanager'], approval: { timeoutSeconds: 900, slackWebhookSecretRef: 'causeway/tenants/acme/slack' } },
  secrets: { 'causeway/tenants/acme/webhooks': { alertmanager: { bearerToken: 'a-long-enough-bearer-token' } } },
};

const cloudformation = mockClient(CloudFormationClient);
const dynamo = mockClient(DynamoDBDocumentClient);
const secrets = mockClient(SecretsManagerClient);
const clients = () => ({ cloudformation: new CloudFormationClient({}), dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({})), secrets: new SecretsManagerClient({}) });

beforeEach(() => {
  cloudformation.reset();
  dynamo.reset();
  secrets.reset();
});

describe('causeway tenant put', () => {
  it('refuses a file before writing anything: bad JSON, a bad tenant, the platform key, bad webhook credentials', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "tenant": ');
    expect(() => readTenantFile(broken)).toThrow(/not a readable JSON file/);
    expect(() => readTenantFile(file({ tenant: { tenantId: 'Acme Corp' } }))).toThrow(/tenant\.tenantId/);
    expect(() => readTenantFile(file({ tenant: { tenantId: 'acme' }, secrets: { 'causeway/platform': { key: 'x' } } }))).toThrow('secrets.causeway/platform: secret references live under causeway/tenants/<tenantId>/');
    expect(() => readTenantFile(file({ ...valid, secrets: { 'causeway/tenants/acme/webhooks': { alertmanager: { bearerToken: 'short' } } } }))).toThrow(/alertmanager/);
  });

  it('says a webhook secret needs 16 characters, naming the file and the field', () => {
    const path = file({ ...valid, secrets: { 'causeway/tenants/acme/webhooks': { alertmanager: { basic: { username: 'am', password: 'short' } } } } });
    expect(() => readTenantFile(path)).toThrow(`${path}: secrets.causeway/tenants/acme/webhooks: webhook credentials: alertmanager.basic.password: secrets must be at least 16 characters`);
  });

  it('refuses an Alertmanager basic auth written at the top level of the webhook secret, naming the key and where sources go', () => {
    const path = file({ ...valid, secrets: { 'causeway/tenants/acme/webhooks': { basic: { username: 'am', password: 'a-long-enough-password' } } } });
    expect(() => readTenantFile(path)).toThrow(/secrets\.causeway\/tenants\/acme\/webhooks: webhook credentials: basic: unknown key.*each source's credentials go under its name: alertmanager, pagerduty/);
  });

  it('refuses unknown keys anywhere in the tenant config, the file and the secrets it validates, naming each by its path', () => {
    const misplaced = { ...valid, tenant: { ...valid.tenant, policy: { mode: 'approve', dryrun: false } } };
    expect(() => readTenantFile(file(misplaced))).toThrow(/tenant\.policy\.dryrun: unknown key/);
    const catalog = { ...valid, tenant: { ...valid.tenant, catalog: { checkout: { pagerDutyServiceId: 'PABC123' } } } };
    expect(() => readTenantFile(file(catalog))).toThrow(/tenant\.catalog\.checkout\.pagerDutyServiceId: unknown key/);
    expect(() => readTenantFile(file({ ...valid, tenant: { ...valid.tenant, webhookSecret: 'x' } }))).toThrow(/tenant\.webhookSecret: unknown key/);
    expect(() => readTenantFile(file({ ...valid, secret: {} }))).toThrow(/: secret: unknown key/);
    const grafana = { 'causeway/tenants/acme/webhooks': { grafana: { hmacSecret: 'a-long-enough-hmac-secret', hmacTimestamp: 'x-ts' } } };
    expect(() => readTenantFile(file({ ...valid, secrets: grafana }))).toThrow(/grafana\.hmacTimestamp: unknown key/);
    const slackApp = { ...valid, tenant: { ...valid.tenant, approval: { slackAppSecretRef: 'causeway/tenants/acme/slack-app' } }, secrets: { ...valid.secrets, 'causeway/tenants/acme/slack-app': { signingSecret: 's', bot_token: 'xoxb-1' } } };
    expect(() => readTenantFile(file(slackApp))).toThrow(/secrets\.causeway\/tenants\/acme\/slack-app\.bot_token: unknown key/);
  });

  it('refuses a secret of another tenant, named in any field of the config or written by the file', () => {
    const llm = { baseUrl: 'https://llm.example.com/v1', model: 'm', apiKeySecretRef: 'causeway/tenants/globex/llm' };
    expect(() => readTenantFile(file({ ...valid, tenant: { ...valid.tenant, llm } }))).toThrow(
      'tenant.llm.apiKeySecretRef: causeway/tenants/globex/llm is not under causeway/tenants/acme/: a tenant may name only its own secrets',
    );
    const backend = { id: 'dd', type: 'datadog', classes: ['metrics'], secretRef: 'causeway/tenants/acme-eu/datadog' };
    expect(() => readTenantFile(file({ ...valid, tenant: { ...valid.tenant, backends: [backend] } }))).toThrow(/tenant\.backends\.0\.secretRef: .* is not under causeway\/tenants\/acme\//);
    const flags = { baseUrl: 'https://flags.example.com', projectKey: 'p', environmentKey: 'e', apiKeySecretRef: 'causeway/tenants/globex/flags' };
    expect(() => readTenantFile(file({ ...valid, tenant: { ...valid.tenant, remediation: { flags } } }))).toThrow(/tenant\.remediation\.flags\.apiKeySecretRef/);
    expect(() => readTenantFile(file({ ...valid, secrets: { ...valid.secrets, 'causeway/tenants/globex/webhooks': { generic: { hmacSecret: 'x'.repeat(32) } } } }))).toThrow(
      'secrets.causeway/tenants/globex/webhooks: not under causeway/tenants/acme/: a tenant may write only its own secrets',
    );
    expect(() => readTenantFile(file({ ...valid, tenant: { ...valid.tenant, webhookSecretRef: 'causeway/acme/webhooks' } }))).toThrow(/secret references live under causeway\/tenants\/<tenantId>\//);
  });

  it('writes the config to the stack’s table and creates or updates each secret, printing no secret value', async () => {
    cloudformation.on(DescribeStacksCommand, { StackName: 'Causeway' }).resolves({ Stacks: [{ StackName: 'Causeway', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [{ OutputKey: 'TableName', OutputValue: 'Causeway-Table-1' }] }] });
    secrets.on(PutSecretValueCommand).rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
    secrets.on(CreateSecretCommand).resolves({});
    dynamo.on(PutCommand).resolves({});
    const lines = await putTenantFile(readTenantFile(file(valid)), await awsWriter('Causeway', clients()));
    expect(secrets.commandCalls(CreateSecretCommand)[0]!.args[0].input).toMatchObject({ Name: 'causeway/tenants/acme/webhooks' });
    const put = dynamo.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ TableName: 'Causeway-Table-1', Item: { pk: 'TENANT#acme', sk: 'CONFIG', config: { tenantId: 'acme' } } });
    expect(lines.join('\n')).not.toContain('a-long-enough-bearer-token');
    expect(lines).toContain('note: causeway/tenants/acme/slack is referenced but not in this file; it must already exist');
  });

  it('says clearly when the stack is not a Causeway stack', async () => {
    cloudformation.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'Other', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [] }] });
    await expect(awsWriter('Other', clients())).rejects.toThrow(/no TableName output/);
  });
});
