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

/** The concrete field an issue lies in when `pattern` (dot path, `*` for any one key or index) covers it. */
function coveringField(path: ReadonlyArray<PropertyKey>, pattern: string): string[] | undefined {
  const segments = pattern.split('.');
  if (path.length < segments.length) return undefined;
  const concrete = path.slice(0, segments.length).map(String);
  return segments.every((segment, i) => segment === '*' || segment === concrete[i]) ? concrete : undefined;
}

function withoutField(value: unknown, keys: readonly string[]): unknown {
  const copy = structuredClone(value);
  let node: unknown = copy;
  for (const key of keys.slice(0, -1)) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  if (typeof node === 'object' && node !== null) delete (node as Record<string, unknown>)[keys[keys.length - 1]!];
  return copy;
}

/**
 * Parses a payload, forgiving the fields listed in `presentational` (dot paths such as
 * `alert.priority`, `*` for any key or index: `alerts.*.annotations`): fields that only feed a title, a description or the severity. When
 * every failure lies in such fields, they are dropped, their defaults apply, and a note
 * says what was forgiven; an alert is never refused for the type of a field it only shows.
 * Any other failure throws PayloadValidationError naming the field, as parsePayload does.
 */
export function parseTolerant<T>(schema: z.ZodType<T>, value: unknown, presentational: readonly string[], prefix = ''): { data: T; notes: string[] } {
  const first = schema.safeParse(value);
  if (first.success) return { data: first.data, notes: [] };
  const forgiven = new Map<string, { keys: string[]; message: string }>();
  for (const issue of first.error.issues) {
    const keys = presentational.map((pattern) => coveringField(issue.path, pattern)).find(Boolean);
    if (!keys) throw fromZodError({ issues: [issue] }, prefix);
    const field = keys.join('.');
    if (!forgiven.has(field)) forgiven.set(field, { keys, message: issue.message });
  }
  let trimmed = value;
  for (const { keys } of forgiven.values()) trimmed = withoutField(trimmed, keys);
  const data = parsePayload(schema, trimmed, prefix);
  const notes = [...forgiven].map(([field, { message }]) => `${[prefix, field].filter(Boolean).join('.')} was ignored (${message}); its default applies`);
  return { data, notes };
}
