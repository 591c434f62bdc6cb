import middy from '@middy/core';
import type { z } from 'zod';
import { fromZodError } from './errors.js';
import { toStageError } from './transient.js';

/**
 * Wraps a state-machine stage: its input is parsed before the core runs and its output
 * is checked after, so a contract break fails loudly at the stage that caused it. A
 * transient failure anywhere in the core (DynamoDB or Step Functions throttling, a
 * Secrets Manager 5xx, Slack's 429) leaves as a TransientError, the name every stage's
 * ASL Retry matches; this is the one place that classification happens.
 */
export function stageHandler<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  core: (event: z.infer<I>) => Promise<z.input<O>>,
) {
  return middy<unknown, z.infer<O>>()
    .before((request) => {
      const parsed = input.safeParse(request.event);
      if (!parsed.success) throw fromZodError(parsed.error, 'input');
      request.event = parsed.data;
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
