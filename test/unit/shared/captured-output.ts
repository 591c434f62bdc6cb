import { vi } from 'vitest';

/** One EMF document as CloudWatch reads it from a log line. */
export interface EmfLine {
  _aws: { Timestamp: number; CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> };
  [key: string]: unknown;
}

/**
 * Captures what Powertools writes (its Logger and Metrics use their own Console on
 * process.stdout and process.stderr, so console spies see nothing) and hands back the JSON
 * lines in the order they were written: info and EMF go to stdout, warnings and errors to
 * stderr.
 */
export function captureOutput(): { lines: () => Array<Record<string, unknown>>; emf: () => EmfLine[]; restore: () => void } {
  const chunks: string[] = [];
  const keep = (chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(keep), vi.spyOn(process.stderr, 'write').mockImplementation(keep)];
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.trim().startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, emf: () => lines().filter((line): line is EmfLine => '_aws' in line), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
