const INLINE_MAX = 240;

/** One-line JSON with a space after each separator, as a person would write it. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Pretty JSON with a one-space indent, like the shared examples, except that a value short
 * enough (a metric point, a log line, a span) stays on one line so a file stays readable and small.
 */
export function formatJson(value: unknown, indent = ''): string {
  if (value !== null && typeof value === 'object') {
    const flat = inline(value);
    if (flat.length <= INLINE_MAX) return flat;
  }
  if (Array.isArray(value)) {
    const inner = indent + ' ';
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + ' ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
