/**
 * JSON as the files are written: anything that fits on one line of about 160 characters
 * (a log line, a span, a `[time, value]` point) stays on one line; larger values are broken
 * one member per line. Long point lists wrap several points per line. Files read top to
 * bottom and diffs stay small.
 */
const WIDTH = 160;

function isPoint(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'number';
}

function render(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (flat.length + indent.length <= WIDTH || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every(isPoint)) {
      const lines: string[] = [];
      let line = '';
      for (const point of value) {
        const text = JSON.stringify(point);
        if (line && inner.length + line.length + text.length + 2 > WIDTH) {
          lines.push(`${inner}${line}`);
          line = '';
        }
        line = line ? `${line}, ${text}` : text;
      }
      if (line) lines.push(`${inner}${line}`);
      return `[\n${lines.join(',\n')}\n${indent}]`;
    }
    return `[\n${value.map((item) => `${inner}${render(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, inner)}`).join(',\n')}\n${indent}}`;
}

export function formatJson(value: unknown): string {
  return `${render(value, '')}\n`;
}
