import middy from '@middy/core';
import type { z } from 'zod';
import { fromZodError } from './errors.js';

/**
 * Wraps a state-machine stage: its input is parsed before the core runs and its output
 * is checked after, so a contract break fails loudly at the stage that caused it.
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
    .handler(async (event) => core(event as z.infer<I>) as Promise<z.infer<O>>);
}
