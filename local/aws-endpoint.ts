import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SecretStore } from './secret-store.js';
import { StatesError, type LocalStepFunctions } from './step-functions.js';

type Operation = (body: Record<string, unknown>) => unknown;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const epochSeconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : undefined);

/**
 * A loopback endpoint that speaks the AWS JSON protocol for the Step Functions and
 * Secrets Manager operations Causeway uses, so handlers run unchanged with the real
 * SDK clients pointed here by AWS_ENDPOINT_URL_SFN / AWS_ENDPOINT_URL_SECRETS_MANAGER.
 */
export function createAwsEndpoint(sfn: LocalStepFunctions, secrets: SecretStore): Server {
  const operations: Record<string, Operation> = {
    'AWSStepFunctions.StartExecution': (body) => {
      if (body.stateMachineArn !== sfn.stateMachineArn) throw new StatesError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${String(body.stateMachineArn)}'`);
      const execution = sfn.startExecution(String(body.name ?? crypto.randomUUID()), String(body.input ?? '{}'));
      return { executionArn: execution.executionArn, startDate: epochSeconds(execution.startDate) };
    },
    'AWSStepFunctions.DescribeExecution': (body) => {
      const e = sfn.describeExecution(String(body.executionArn));
      return {
        executionArn: e.executionArn,
        stateMachineArn: sfn.stateMachineArn,
        name: e.name,
        status: e.status,
        startDate: epochSeconds(e.startDate),
        stopDate: epochSeconds(e.stopDate),
        input: e.input,
        output: e.output,
        error: e.error,
        cause: e.cause,
      };
    },
    'AWSStepFunctions.ListExecutions': () => ({
      executions: sfn.listExecutions().map((e) => ({ executionArn: e.executionArn, stateMachineArn: sfn.stateMachineArn, name: e.name, status: e.status, startDate: epochSeconds(e.startDate), stopDate: epochSeconds(e.stopDate) })),
    }),
    'AWSStepFunctions.SendTaskSuccess': (body) => {
      sfn.sendTaskSuccess(String(body.taskToken), String(body.output));
      return {};
    },
    'AWSStepFunctions.SendTaskFailure': (body) => {
      sfn.sendTaskFailure(String(body.taskToken), body.error as string | undefined, body.cause as string | undefined);
      return {};
    },
    'secretsmanager.GetSecretValue': (body) => {
      const name = String(body.SecretId);
      const value = secrets.get(name);
      if (value === undefined) throw new StatesError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      return { Name: name, ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}`, SecretString: value, VersionId: 'local' };
    },
    'secretsmanager.PutSecretValue': (body) => {
      secrets.put(String(body.SecretId), String(body.SecretString));
      return { Name: body.SecretId, VersionId: 'local' };
    },
  };
  return createServer((request, response) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const contentType = target.startsWith('secretsmanager.') ? 'application/x-amz-json-1.1' : 'application/x-amz-json-1.0';
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': contentType });
      response.end(JSON.stringify(body));
    };
    const operation = operations[target];
    if (!operation) return reply(400, { __type: 'UnknownOperationException', message: `the local endpoint does not implement ${target}` });
    readJson(request)
      .then((body) => reply(200, operation(body) ?? {}))
      .catch((error: Error) => reply(400, { __type: error instanceof StatesError ? error.name : 'ValidationException', message: error.message }));
  });
}

export function listen(server: Server, port = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}
