import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { TenantConfig, type InvestigationRecord } from '../functions/contracts/index.js';
import { readRecord } from '../functions/shared/records.js';
import { keys } from '../functions/shared/table.js';
import { startLocalStack } from '../local/stack.js';
import { getTenant } from '../local/tenants.js';
import { confirmedAnswer, scenarioFromRecord } from './scenario-export.js';
import { awsClients } from './tenant-writers.js';

export interface ExportOptions {
  tenant: string;
  out?: string;
  aws: boolean;
  stack: string;
  region?: string;
}

/** The record and the tenant's topology from a deployed stack's table (its `TableName` output). */
async function fromAws(investigationId: string, options: ExportOptions): Promise<{ record?: InvestigationRecord; topology: Record<string, string[]> }> {
  const clients = awsClients(options.region);
  const described = await clients.cloudformation.send(new DescribeStacksCommand({ StackName: options.stack }));
  const tableName = described.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'TableName')?.OutputValue;
  if (!tableName) throw new Error(`stack ${options.stack} has no TableName output; is it a Causeway stack?`);
  const record = await readRecord(tableName, options.tenant, investigationId, clients.dynamodb);
  const tenant = await clients.dynamodb.send(new GetCommand({ TableName: tableName, Key: keys.tenantConfig(options.tenant) }));
  const parsed = TenantConfig.safeParse(tenant.Item?.config);
  return { record, topology: parsed.success ? parsed.data.topology : {} };
}

/** The same from the local stack's data in .causeway/. */
async function fromLocal(investigationId: string, options: ExportOptions): Promise<{ record?: InvestigationRecord; topology: Record<string, string[]> }> {
  const dataDir = resolve('.causeway');
  const stack = await startLocalStack({ dataDir }).catch((error: Error) => {
    throw new Error(/lock/i.test(error.message) ? `the local data in ${dataDir} is in use: stop \`npm start\` first, then run this again` : error.message);
  });
  try {
    const record = await readRecord(stack.tableName, options.tenant, investigationId, stack.db);
    return { record, topology: (await getTenant(stack, options.tenant))?.topology ?? {} };
  } finally {
    await stack.stop();
  }
}

/**
 * `causeway export-scenario ID [--out FILE] [--tenant T] [--aws]`: the investigation as a
 * `causeway.scenario/v1` file, its `expected` the answer people confirmed through feedback,
 * so a confirmed production incident becomes an evaluation case.
 */
export async function exportScenarioCommand(investigationId: string, options: ExportOptions, out: (text: string) => void): Promise<number> {
  const { record, topology } = options.aws ? await fromAws(investigationId, options) : await fromLocal(investigationId, options);
  if (!record) throw new Error(`no investigation ${investigationId} for tenant ${options.tenant}`);
  if (!record.scored) throw new Error(`investigation ${investigationId} has no persisted evidence (status ${record.status})`);
  const scenario = scenarioFromRecord(record, { topology });
  const text = `${JSON.stringify(scenario, null, 2)}\n`;
  if (!options.out) {
    out(text.trimEnd());
    return 0;
  }
  writeFileSync(options.out, text);
  const answer = confirmedAnswer(record);
  out(`Wrote ${options.out}: scenario ${scenario.name}, ${answer ? `expected ${answer.rootCause.service} ${answer.rootCause.kind}` : 'no confirmed answer yet (mark the RCA right or wrong first)'}`);
  return 0;
}
