import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../../functions/shared/logger.js';
import { stageHandler } from '../../../functions/shared/stage.js';
import { tracer } from '../../../functions/shared/tracing.js';
import { captureOutput } from './captured-output.js';

const context = (awsRequestId: string): Context =>
  ({
    functionName: 'causeway-record',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:causeway-record',
    memoryLimitInMB: '512',
    awsRequestId,
    getRemainingTimeInMillis: () => 20_000,
  }) as unknown as Context;

const Input = z.object({ tenantId: z.string(), investigationId: z.string().optional() });

/** A stage whose core logs through its own logger and through a shared module's. */
function loggingStage() {
  const own = createLogger('record');
  const shared = createLogger('memory');
  const handler = stageHandler(Input, z.object({ ok: z.boolean() }), async () => {
    own.info('stage line');
    shared.warn('shared module line');
    return { ok: true };
  });
  return { handler, own };
}

let stdout: ReturnType<typeof captureOutput>;
beforeEach(() => {
  // Read when each logger is created; the wrapper restores it at every invocation.
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
  stdout = captureOutput();
});
afterEach(() => {
  stdout.restore();
  vi.unstubAllEnvs();
});

describe('the stage wrapper’s log lines', () => {
  it('carry the Lambda context and the tenant and investigation on every line, whichever module writes it', async () => {
    const { handler } = loggingStage();
    await handler({ tenantId: 'acme', investigationId: 'inv-0001' }, context('req-1'));
    const lines = stdout.lines();
    expect(lines.map((l) => l.message)).toEqual(['stage line', 'shared module line']);
    for (const line of lines) {
      expect(line).toMatchObject({
        function_name: 'causeway-record',
        function_request_id: 'req-1',
        function_arn: 'arn:aws:lambda:eu-west-1:123456789012:function:causeway-record',
        function_memory_size: '512',
        cold_start: expect.any(Boolean),
        tenantId: 'acme',
        investigationId: 'inv-0001',
      });
    }
    expect(lines.map((l) => l.service)).toEqual(['causeway-record', 'causeway-memory']);
  });

  it('drop one invocation’s keys when it ends, so the next investigation’s lines never carry them', async () => {
    const { handler } = loggingStage();
    await handler({ tenantId: 'acme', investigationId: 'inv-0001' }, context('req-1'));
    await handler({ tenantId: 'globex' }, context('req-2'));
    const second = stdout.lines().filter((l) => l.function_request_id === 'req-2');
    expect(second).toHaveLength(2);
    for (const line of second) {
      expect(line.tenantId).toBe('globex');
      expect(line).not.toHaveProperty('investigationId');
    }
  });

  it('label lines with the ids of the parsed input only: a malformed event labels nothing', async () => {
    const { handler, own } = loggingStage();
    await expect(handler({ tenantId: 42, investigationId: 'inv-forged' }, context('req-3'))).rejects.toThrow(/tenantId/);
    own.info('after the refusal');
    const [line] = stdout.lines();
    expect(line).not.toHaveProperty('tenantId');
    expect(line).not.toHaveProperty('investigationId');
  });

  it('reach a logger created after the handler was built (a lazily loaded module)', async () => {
    const { handler } = loggingStage();
    const late = createLogger('late');
    const lateHandler = stageHandler(Input, z.object({}), async () => {
      late.info('late line');
      return {};
    });
    await handler({ tenantId: 'acme', investigationId: 'inv-0002' }, context('req-4'));
    await lateHandler({ tenantId: 'acme', investigationId: 'inv-0003' }, context('req-5'));
    const lateLine = stdout.lines().find((l) => l.message === 'late line');
    expect(lateLine).toMatchObject({ function_request_id: 'req-5', investigationId: 'inv-0003' });
  });

  it('trace nothing off Lambda: the local runtime and tests have no X-Ray daemon, and the handler still runs', async () => {
    const { handler } = loggingStage();
    expect(tracer.isTracingEnabled()).toBe(false);
    await expect(handler({ tenantId: 'acme' }, context('req-6'))).resolves.toEqual({ ok: true });
  });
});
