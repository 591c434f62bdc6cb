import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { z } from 'zod';
import { fromZodError } from './errors.js';
import { appendInvocationKeys, lambdaContextMiddleware } from './logger.js';
import { tracer } from './tracing.js';
import { toStageError } from './transient.js';

/** The tenant and investigation a parsed stage input names, if it names them. */
function invocationKeys(event: unknown): { tenantId?: string; investigationId?: string } {
  if (!event || typeof event !== 'object') return {};
  const { tenantId, investigationId } = event as Record<string, unknown>;
  return { ...(typeof tenantId === 'string' ? { tenantId } : {}), ...(typeof investigationId === 'string' ? { investigationId } : {}) };
}

/**
 * Wraps a state-machine stage: its input is parsed before the core runs and its output
 * is checked after, so a contract break fails loudly at the stage that caused it. A
 * transient failure anywhere in the core (DynamoDB or Step Functions throttling, a
 * Secrets Manager 5xx, Slack's 429) leaves as a TransientError, the name every stage's
 * ASL Retry matches; this is the one place that classification happens.
 *
 * Every log line of the invocation, from any module, carries the Lambda context and the
 * tenant and investigation of the parsed input (taken after parsing, so a malformed event
 * labels nothing), and the invocation is one X-Ray subsegment annotated with both. The
 * response is not put in the trace: stage outputs carry alert payloads and RCAs.
 */
export function stageHandler<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  core: (event: z.infer<I>) => Promise<z.input<O>>,
) {
  return middy<unknown, z.infer<O>>()
    .use(lambdaContextMiddleware())
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .before((request) => {
      const parsed = input.safeParse(request.event);
      if (!parsed.success) throw fromZodError(parsed.error, 'input');
      request.event = parsed.data;
      const keys = invocationKeys(parsed.data);
      appendInvocationKeys(keys);
      for (const [key, value] of Object.entries(keys)) tracer.putAnnotation(key, value);
    })
    .after((request) => {
      const checked = output.safeParse(request.response);
      if (!checked.success) throw fromZodError(checked.error, 'output');
      request.response = checked.data;
    })
    .handler(async (event) => {
      try {
        return (await core(event as z.infer<I>)) as z.infer<O>;
      } catch (error) {
        throw toStageError(error);
      }
    });
}
