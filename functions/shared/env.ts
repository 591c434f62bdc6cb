import { z } from 'zod';
import { ConfigurationError } from './errors.js';

/**
 * Reads and checks a function's environment once, at module load, so a misconfigured
 * function fails at cold start with the variable named, not on its first request.
 */
export function loadEnv<T extends z.ZodRawShape>(shape: T, source: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<T>> {
  const parsed = z.object(shape).safeParse(source);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new ConfigurationError(`invalid or missing environment: ${names}`);
  }
  return parsed.data;
}
