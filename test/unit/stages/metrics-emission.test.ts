import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeProviderHandler } from '../../../functions/providers/handler-factory.js';
import type { EvidenceProvider } from '../../../functions/providers/types.js';
import { BackendAuthError } from '../../../functions/shared/http-client.js';
import { plan } from '../providers/grafana-test-kit.js';
import { captureOutput } from '../shared/captured-output.js';

let output: ReturnType<typeof captureOutput>;
beforeEach(() => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  output = captureOutput();
});
afterEach(() => {
  output.restore();
  vi.unstubAllEnvs();
});

const lokiProvider = (query: EvidenceProvider['query']): EvidenceProvider => ({
  type: 'loki',
  classes: ['logs'],
  describe: (p) => ({ text: 'error lines of checkout', target: 'https://loki.example.com', window: p.window }),
  query,
});

describe('metrics the provider handler emits', () => {
  it('count a provider that ended in an error entry under its backend type, with no secret, query or message in the line', async () => {
    const handler = makeProviderHandler(
      lokiProvider(async () => {
        throw new BackendAuthError('Loki answered 401 for token s3cr3t-in-a-message');
      }),
    );
    const result = await handler(plan('logs', { type: 'loki', id: 'loki-eu', endpoint: 'https://loki.example.com' }), {} as never);
    expect(result).toMatchObject({ status: 'error' });
    const [line, ...rest] = output.emf();
    expect(rest).toEqual([]);
    expect(line!._aws.CloudWatchMetrics).toEqual([{ Namespace: 'Causeway', Dimensions: [['service', 'Backend']], Metrics: [{ Name: 'ProviderErrors', Unit: 'Count' }] }]);
    expect(line).toMatchObject({ service: 'causeway', Backend: 'loki', ProviderErrors: 1, backendId: 'loki-eu', errorName: 'BackendAuthError' });
    expect(JSON.stringify(line)).not.toMatch(/s3cr3t|error lines|loki\.example/);
  });

  it('count nothing for a provider that answered', async () => {
    const handler = makeProviderHandler(lokiProvider(async (p) => ({ query: { text: 'q', target: 't', window: p.window }, items: [] })));
    expect(await handler(plan('logs', { type: 'loki', endpoint: 'https://loki.example.com' }), {} as never)).toMatchObject({ status: 'no_data' });
    expect(output.emf()).toEqual([]);
  });
});
