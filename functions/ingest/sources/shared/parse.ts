import { z } from 'zod';
import { fromZodError } from '../../../shared/errors.js';

/** Parses a payload or throws PayloadValidationError naming the first failing field under `prefix`. */
export function parsePayload<T>(schema: z.ZodType<T>, value: unknown, prefix = ''): T {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}

/** A map of string to string that a Go sender may also send as `null` (a nil map). */
export const StringMap = z
  .record(z.string(), z.string())
  .nullish()
  .transform((map) => map ?? {});

/** A string a sender may leave out or send as `null`. */
export const OptionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);
