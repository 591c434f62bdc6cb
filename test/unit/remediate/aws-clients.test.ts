import { describe, expect, it, vi } from 'vitest';

const tracedClients: unknown[] = [];
vi.mock('../../../functions/shared/tracing.js', () => ({
  traced: <C>(client: C): C => {
    tracedClients.push(client);
    return client;
  },
}));

const { loadAppConfig, loadEcs, loadLambda, loadSsm } = await import('../../../functions/remediate/executors/aws-clients.js');

describe('the remediation clients', () => {
  it('are made on first use, once, and each is traced', async () => {
    expect(tracedClients).toHaveLength(0);
    const ecs = await loadEcs();
    expect(await loadEcs()).toBe(ecs);
    const clients = [ecs.client, (await loadLambda()).client, (await loadSsm()).client, (await loadAppConfig()).client];
    expect(clients.map((client) => client.constructor.name)).toEqual(['ECSClient', 'LambdaClient', 'SSMClient', 'AppConfigClient']);
    expect(tracedClients).toEqual(clients);
  });
});
