import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createApiServer, type LocalRoute } from './api-server.js';
import { EVIDENCE_DEFINITION_FILE, readDefinition, substitute } from './asl.js';
import { createAwsEndpoint, listen } from './aws-endpoint.js';
import { ensureTable, meterDynamo, startDynamo, type CapacityMeter } from './dynamodb.js';
import { LOCAL_ACCOUNT, LOCAL_REGION, PROVIDER_FUNCTIONS, STAGE_FUNCTIONS, localFunctionArn, localFunctionTable, localProviderArns } from './functions.js';
import { SecretStore } from './secret-store.js';
import { LocalStepFunctions } from './step-functions.js';

export const TABLE_NAME = 'causeway';
export const PLATFORM_SECRET_NAME = 'causeway/platform';
const STATE_MACHINE_ARN = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:causeway-investigation`;
const EVIDENCE_STATE_MACHINE_ARN = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:causeway-evidence`;

export interface SlackMessage {
  receivedAt: string;
  body: { text?: string; blocks?: unknown[] };
}

export interface LocalStackOptions {
  /** Keep DynamoDB and secrets under this folder between runs; in memory when absent. */
  dataDir?: string;
  /** The API's port; 0 picks a free one. */
  port?: number;
  /** Shorten Retry intervals (tests). */
  retryIntervalMs?: number;
  /** Shorten every Wait state, such as the wait before an outcome is verified (tests). */
  waitTimeMs?: number;
  /** More provider Lambdas by backend type (file: URLs of handler modules), beside the built-in ones. */
  extraProviders?: Record<string, string>;
  /** Route the handlers' DynamoDB requests through a meter of consumed capacity (benches). */
  meterCapacity?: boolean;
}

export interface LocalStack {
  apiUrl: string;
  tableName: string;
  db: DynamoDBDocumentClient;
  sfn: LocalStepFunctions;
  secrets: SecretStore;
  /** Messages the approval step posted to the local Slack capture, newest last. */
  slackMessages: SlackMessage[];
  slackWebhookUrl: string;
  onSlackMessage: (listener: (message: SlackMessage) => void) => void;
  /** The capacity the handlers consumed, when started with `meterCapacity`. */
  capacity?: CapacityMeter;
  stop: () => Promise<void>;
}

let running: LocalStack | undefined;

/** Makes a document client for the local table; CLI code uses it, never the handlers' module-level client. */
function localDocumentClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/**
 * Starts Causeway on this machine: dynalite for DynamoDB, a loopback endpoint for Step
 * Functions and Secrets Manager, the real ASL in the local runner, and the HTTP API.
 * Handlers read their environment at load, as on Lambda, so one stack runs per process.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  if (running) throw new Error('a local stack already ran in this process: handlers keep the environment they loaded with');
  const secrets = new SecretStore(options.dataDir ? join(options.dataDir, 'secrets.json') : undefined);
  if (!secrets.get(PLATFORM_SECRET_NAME)) secrets.put(PLATFORM_SECRET_NAME, JSON.stringify({ key: randomBytes(32).toString('base64url') }));

  const dynamo = await startDynamo(options.dataDir ? join(options.dataDir, 'dynamodb') : undefined);
  await ensureTable(dynamo.endpoint, TABLE_NAME);
  const metered = options.meterCapacity ? await meterDynamo(dynamo.endpoint) : undefined;

  const substitutions = {
    ...Object.fromEntries(Object.entries(STAGE_FUNCTIONS).map(([placeholder, fn]) => [placeholder, localFunctionArn(fn.name)])),
    EvidenceStateMachineArn: EVIDENCE_STATE_MACHINE_ARN,
  };
  const providers = { ...PROVIDER_FUNCTIONS, ...options.extraProviders };
  const sfn = new LocalStepFunctions({
    stateMachineArn: STATE_MACHINE_ARN,
    definition: substitute(readDefinition(), substitutions),
    children: { [EVIDENCE_STATE_MACHINE_ARN]: substitute(readDefinition(EVIDENCE_DEFINITION_FILE), substitutions) },
    functions: localFunctionTable(providers),
    retryIntervalMs: options.retryIntervalMs,
    waitTimeMs: options.waitTimeMs,
  });
  const awsServer = createAwsEndpoint(sfn, secrets);
  const awsEndpoint = await listen(awsServer);

  const slackMessages: SlackMessage[] = [];
  const slackListeners = new Set<(message: SlackMessage) => void>();
  const slackCapture: LocalRoute = (_request, body, response) => {
    const message: SlackMessage = { receivedAt: new Date().toISOString(), body: JSON.parse(body) as SlackMessage['body'] };
    slackMessages.push(message);
    for (const listener of slackListeners) listener(message);
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('ok');
  };
  const apiServer = createApiServer({ 'POST /_local/slack': slackCapture });
  const apiUrl = await listen(apiServer, options.port ?? 0);

  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: metered?.endpoint ?? dynamo.endpoint,
    AWS_ENDPOINT_URL_SFN: awsEndpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: awsEndpoint,
    TABLE_NAME,
    PLATFORM_SECRET_NAME,
    PUBLIC_BASE_URL: apiUrl,
    STATE_MACHINE_ARN,
    PROVIDER_FUNCTIONS: JSON.stringify(localProviderArns(providers)),
    POWERTOOLS_LOG_LEVEL: process.env.CAUSEWAY_LOG_LEVEL ?? process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
  });
  delete process.env.AWS_PROFILE;

  const stack: LocalStack = {
    apiUrl,
    tableName: TABLE_NAME,
    db: localDocumentClient(dynamo.endpoint),
    sfn,
    secrets,
    slackMessages,
    slackWebhookUrl: `${apiUrl}/_local/slack`,
    onSlackMessage: (listener) => slackListeners.add(listener),
    capacity: metered?.meter,
    stop: async () => {
      await sfn.stopAll();
      await Promise.all([close(apiServer), close(awsServer), close(dynamo.server), ...(metered ? [close(metered.server)] : [])]);
    },
  };
  running = stack;
  return stack;
}
