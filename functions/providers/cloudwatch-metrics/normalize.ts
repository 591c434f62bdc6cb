import type { RawSeries } from '../shared/metrics.js';
import type { MetricDataPages } from './client.js';
import type { MetricsRequest, PlannedQuery } from './translate.js';

/*
 * GetMetricData results → raw series for summarizeMetrics, and notes for whatever
 * CloudWatch said was partial, failed or forbidden.
 */

/** Joins each query's timestamps and values into samples; empty results are dropped, their status noted. */
export function toRawSeries(request: MetricsRequest, pages: MetricDataPages, link: (q: PlannedQuery) => string): { raws: RawSeries[]; notes: string[] } {
  const raws: RawSeries[] = [];
  const problems = new Map<string, string[]>();
  const flag = (status: string, what: string) => problems.set(status, [...(problems.get(status) ?? []), what]);
  for (const q of request.queries) {
    const result = pages.results.get(q.id);
    const what = `${q.service} ${q.template.name}`;
    if (result?.status && result.status !== 'Complete') flag(result.status, what);
    if (!result || result.timestamps.length === 0) continue;
    const samples = result.timestamps.map((t, i) => [t.getTime(), result.values[i] ?? Number.NaN] as const).filter(([, v]) => Number.isFinite(v));
    if (samples.length === 0) continue;
    raws.push({
      service: q.service,
      name: q.template.name,
      labels: { namespace: q.template.namespace, metric: q.template.metricName, stat: q.template.stat, ...q.dimensions },
      ...(q.template.unit ? { unit: q.template.unit } : {}),
      samples,
      link: link(q),
    });
  }
  return { raws, notes: notesFor(request, pages, problems) };
}

const list = (xs: string[]) => (xs.length > 5 ? `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more` : xs.join(', '));

function notesFor(request: MetricsRequest, pages: MetricDataPages, problems: Map<string, string[]>): string[] {
  const notes: string[] = [];
  const why: Record<string, string> = { PartialData: 'partial data (more points than the pages read)', InternalError: 'a CloudWatch internal error', Forbidden: 'access denied to the metric' };
  for (const [status, what] of problems) notes.push(`${why[status] ?? status} for ${list(what)}`);
  if (pages.truncated) notes.push(`stopped after ${pages.pages} pages of GetMetricData; later points were not read`);
  const messages = [...new Set([...pages.messages, ...[...pages.results.values()].flatMap((r) => r.messages)].map((m) => `${m.Code ?? 'Message'}: ${m.Value ?? ''}`))];
  if (messages.length > 0) notes.push(`CloudWatch said: ${list(messages)}`);
  if (request.skipped.length > 0) notes.push(`not queried, a dimension had no value (set it in options.dimensionValues or sharedDimensions): ${list(request.skipped)}`);
  if (request.dropped > 0) notes.push(`${request.dropped} metric queries beyond the ${request.queries.length}-query limit were not run`);
  return notes.map((n) => n.slice(0, 500));
}
