import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // As on Lambda with active tracing: Powertools enables the Tracer only where this is set.
  process.env.AWS_EXECUTION_ENV = 'AWS_Lambda_nodejs24.x';
});

const { clientsByRegion } = await import('../../../functions/shared/aws-client.js');
const { documentClient } = await import('../../../functions/shared/table.js');
const { tracer } = await import('../../../functions/shared/tracing.js');

/** The names of a client's middleware; the X-Ray SDK adds its own to every client it captures. */
const middleware = (client: { middlewareStack: { identify: () => string[] } }) => client.middlewareStack.identify().join(' ');

describe('AWS SDK clients on Lambda', () => {
  it('are captured for X-Ray where Causeway creates them: the providers’ per-region clients and the table', () => {
    expect(tracer.isTracingEnabled()).toBe(true);
    const cloudwatchFor = clientsByRegion((region, config) => new CloudWatchClient({ region, ...config }));
    expect(middleware(cloudwatchFor('eu-west-1', undefined, 'acme'))).toMatch(/XRaySDKInstrumentation/);
    expect(middleware(documentClient)).toMatch(/XRaySDKInstrumentation/);
    expect(middleware(new CloudWatchClient({ region: 'eu-west-1' }))).not.toMatch(/XRaySDKInstrumentation/);
  });
});
