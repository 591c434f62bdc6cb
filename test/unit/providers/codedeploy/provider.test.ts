import { readFileSync } from 'node:fs';
import { BatchGetDeploymentsCommand, CodeDeployClient, CodeDeployServiceException, ListDeploymentsCommand, type BatchGetDeploymentsCommandInput, type BatchGetDeploymentsCommandOutput, type ListDeploymentsCommandInput } from '@aws-sdk/client-codedeploy';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { codedeployProvider } from '../../../../functions/providers/codedeploy/provider.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { TransientError } from '../../../../functions/shared/errors.js';

const cd = mockClient(CodeDeployClient);
/** BatchGetDeployments as the SDK returns it: `…Time` fields deserialized into Dates. */
const batch = JSON.parse(readFileSync(new URL('../../../fixtures/providers/codedeploy/batch-get-deployments.json', import.meta.url), 'utf8'), (k, v) => (k.endsWith('Time') && typeof v === 'string' ? new Date(v) : v)) as BatchGetDeploymentsCommandOutput;
const info = (id: string) => batch.deploymentsInfo!.find((d) => d.deploymentId === id)!;

const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });
const options = { services: { orders: { application: 'orders-app', deploymentGroup: 'prod' }, web: { application: 'web-app' } } };

function plan(over: Partial<EvidencePlan> = {}, opts: Record<string, unknown> = options): EvidencePlan {
  return EvidencePlan.parse({
    planId: 'codedeploy-changes',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'changes',
    backend: { id: 'aws-prod', type: 'codedeploy', classes: ['changes'], region: 'eu-west-1', options: opts },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['orders', 'web'],
    correlation: {},
    limits: {},
    ...over,
  });
}

const serviceError = (name: string, status: number) => new CodeDeployServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} happened` });
const link = (id: string) => `https://eu-west-1.console.aws.amazon.com/codesuite/codedeploy/deployments/${id}?region=eu-west-1`;

function serve() {
  cd.on(ListDeploymentsCommand).callsFake((input: ListDeploymentsCommandInput) => {
    if (input.applicationName === 'web-app') return { deployments: ['d-9QWERTY12'] };
    return input.nextToken ? { deployments: ['d-3HF8W1ZQC'] } : { deployments: ['d-7XK2P9QJB'], nextToken: 'eyJpZCI6ImQtN1hLMlA5UUpCIn0=' };
  });
  cd.on(BatchGetDeploymentsCommand).callsFake((input: BatchGetDeploymentsCommandInput) => ({ deploymentsInfo: input.deploymentIds!.map(info) }));
}

beforeEach(() => cd.reset());

describe('codedeploy provider', () => {
  it('lists deployments per group over the window, pages included, and describes them as changes', async () => {
    serve();
    const found = await codedeployProvider.query(plan(), deps());
    const lists = cd.commandCalls(ListDeploymentsCommand).map((c) => c.args[0].input);
    const range = { start: new Date('2026-06-01T08:00:00Z'), end: new Date('2026-06-01T09:05:00Z') };
    expect(lists).toEqual([
      { applicationName: 'orders-app', deploymentGroupName: 'prod', createTimeRange: range },
      { applicationName: 'orders-app', deploymentGroupName: 'prod', createTimeRange: range, nextToken: 'eyJpZCI6ImQtN1hLMlA5UUpCIn0=' },
      { applicationName: 'web-app', createTimeRange: range },
    ]);
    expect(cd.commandCalls(BatchGetDeploymentsCommand).map((c) => c.args[0].input.deploymentIds)).toEqual([['d-7XK2P9QJB', 'd-3HF8W1ZQC'], ['d-9QWERTY12']]);

    expect(found.items).toEqual([
      {
        class: 'changes', at: '2026-06-01T08:20:00.000Z', service: 'web', kind: 'deployment',
        summary: 'CodeDeploy deployment d-9QWERTY12 of web-app/prod-fleet (Server, CodeDeployDefault.OneAtATime): Succeeded; revision s3://acme-releases/web/web-3.2.0.zip; 4 of 4 targets succeeded; completed 2026-06-01T08:31:10.000Z',
        version: '3sL4kqtJlcpXroDTDmJ-rmSpXd3dIbrHY', previousVersion: 'Gz3iAtAH9U0pQ6u0d0LgGJ1wTzM9pQ1a', author: 'codedeploy:user', source: 'codedeploy', link: link('d-9QWERTY12'),
      },
      {
        class: 'changes', at: '2026-06-01T08:44:12.345Z', service: 'orders', kind: 'deployment',
        summary: 'CodeDeploy deployment d-7XK2P9QJB of orders-app/prod (ECS, CodeDeployDefault.ECSCanary10Percent5Minutes): Failed; revision acme/orders@9f8e7d6c5b4a; error ALARM_ACTIVE: One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: <orders-5xx>; 0 of 1 targets succeeded; completed 2026-06-01T08:58:40.000Z; rolled back by d-3HF8W1ZQC; Automatic rollback triggered by alarm.; "orders 2.4.1"',
        version: '9f8e7d6c5b4a', previousVersion: '1a2b3c4d5e6f', author: 'codedeploy:user', commit: '9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6', source: 'codedeploy', link: link('d-7XK2P9QJB'),
      },
      {
        class: 'changes', at: '2026-06-01T08:58:41.000Z', service: 'orders', kind: 'deployment',
        summary: 'CodeDeploy deployment d-3HF8W1ZQC of orders-app/prod (ECS, CodeDeployDefault.ECSAllAtOnce): InProgress; revision acme/orders@1a2b3c4d5e6f; 0 of 1 targets succeeded; rollback of d-7XK2P9QJB',
        version: '1a2b3c4d5e6f', previousVersion: '9f8e7d6c5b4a', author: 'codedeploy:codeDeployRollback', commit: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b', source: 'codedeploy', link: link('d-3HF8W1ZQC'),
      },
    ]);
    expect(found.notes).toEqual([]);
  });

  it('answers no data with the groups it searched, and notes an application that does not exist', async () => {
    cd.on(ListDeploymentsCommand, { applicationName: 'orders-app' }).resolves({ deployments: [] });
    cd.on(ListDeploymentsCommand, { applicationName: 'checkout' }).rejects(serviceError('ApplicationDoesNotExistException', 400));
    const result = await runProvider(codedeployProvider, plan({ services: ['orders', 'checkout'] }, { ...options, deploymentGroup: 'live' }));
    expect(result).toMatchObject({
      status: 'no_data',
      query: { text: 'CodeDeploy ListDeployments createTimeRange 08:00–09:05Z + BatchGetDeployments for orders-app/prod, checkout/live', target: 'https://codedeploy.eu-west-1.amazonaws.com' },
      notes: ['checkout: checkout/live does not exist (set options.services)'],
    });
    expect(cd.commandCalls(BatchGetDeploymentsCommand)).toHaveLength(0);
  });

  it('stops after two ListDeployments pages and says so', async () => {
    cd.on(ListDeploymentsCommand).resolves({ deployments: ['d-7XK2P9QJB'], nextToken: 'more' });
    cd.on(BatchGetDeploymentsCommand).resolves({ deploymentsInfo: [info('d-7XK2P9QJB')] });
    const found = await codedeployProvider.query(plan({ services: ['orders'] }), deps());
    expect(cd.commandCalls(ListDeploymentsCommand)).toHaveLength(2);
    expect(found.notes).toEqual(['orders: more deployments than 2 ListDeployments pages; the rest were not read']);
  });

  it('stays under the byte budget with many deployments', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `d-${String(i).padStart(9, '0')}`);
    cd.on(ListDeploymentsCommand).resolves({ deployments: ids });
    cd.on(BatchGetDeploymentsCommand).callsFake((input: BatchGetDeploymentsCommandInput) => ({
      deploymentsInfo: input.deploymentIds!.map((id, i) => ({ ...info('d-7XK2P9QJB'), deploymentId: id, createTime: new Date(Date.parse('2026-06-01T08:00:00Z') + i * 60_000) })),
    }));
    const found = await codedeployProvider.query(plan({ services: ['orders'], limits: { maxItems: 200, maxBytes: 6144 } }), deps());
    expect(cd.commandCalls(BatchGetDeploymentsCommand)).toHaveLength(4);
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(6144);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of 100 deployments, those nearest the alert/);
  });

  it('throws TransientError when throttled and records access denied', async () => {
    cd.on(ListDeploymentsCommand).rejects(serviceError('ThrottlingException', 400));
    await expect(runProvider(codedeployProvider, plan())).rejects.toBeInstanceOf(TransientError);
    cd.reset();
    cd.on(ListDeploymentsCommand).resolves({ deployments: ['d-7XK2P9QJB'] });
    cd.on(BatchGetDeploymentsCommand).rejects(serviceError('AccessDeniedException', 400));
    expect(await runProvider(codedeployProvider, plan())).toMatchObject({ status: 'error', error: { name: 'BackendAuthError', message: expect.stringContaining('CodeDeploy in eu-west-1: BatchGetDeployments: AccessDeniedException') } });
  });
});
